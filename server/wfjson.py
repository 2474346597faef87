# wfjson.py: JSON in and out of serve.py. In: request JSON (updates, filters, a JSON body) parsed with a nesting
# bound and without the NaN/Infinity words, every failure a 422 IllegalArgumentException. Out: strict JSON, never
# NaN or Infinity (a float that is not finite goes out as null).
import json
import math

from .errors import bad_param

MAX_DEPTH = 32   # Workfront's payloads are two or three levels deep


def _refuse_constant(name):
    raise ValueError("%s is not JSON" % name)


def loads(text, what):
    """The parsed value of `text` (str or bytes), or a 422 naming `what` (the parameter)."""
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise bad_param("%s is nested more than %d levels deep" % (what, MAX_DEPTH), what) from None
    except ValueError:
        raise bad_param("%s is not valid JSON" % what, what) from None
    brackets = text.count(b"[" if isinstance(text, bytes) else "[") + text.count(b"{" if isinstance(text, bytes) else "{")
    if brackets > MAX_DEPTH and _deeper_than(data, MAX_DEPTH):   # fewer brackets cannot nest deeper
        raise bad_param("%s is nested more than %d levels deep" % (what, MAX_DEPTH), what)
    return data


def _deeper_than(data, limit):
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (list, dict)):
            if depth > limit:
                return True
            stack.extend((v, depth + 1) for v in (value.values() if isinstance(value, dict) else value))
    return False


def _finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def dumps(data, ensure_ascii=False):
    """Compact JSON text with allow_nan=False semantics: what no JSON parser can read never goes out."""
    try:
        return json.dumps(data, ensure_ascii=ensure_ascii, separators=(",", ":"), allow_nan=False)
    except ValueError:
        return json.dumps(_finite(data), ensure_ascii=ensure_ascii, separators=(",", ":"), allow_nan=False)
