# wfdate.py: Workfront's date format ("2017-03-23T09:00:00:000+0000", note the colon before the milliseconds)
# and the date forms accepted in filters (that format, ISO-8601, a bare date, and $$TODAY/$$NOW wildcards).
import datetime as _dt
import re
import time

_UTC = _dt.timezone.utc
_DAY_MS = 86_400_000
# The dates a filter may name: years 1 to 9999, as Workfront's date type has them.
MIN_MS = int(_dt.datetime(1, 1, 1, tzinfo=_UTC).timestamp() * 1000)
MAX_MS = int(_dt.datetime(9999, 12, 31, 23, 59, 59, 999000, tzinfo=_UTC).timestamp() * 1000)


def now_ms():
    return int(_dt.datetime.now(_UTC).timestamp() * 1000)


def format_wf(ms):
    """Epoch milliseconds -> Workfront's text form, in UTC; None stays None."""
    if ms is None:
        return None
    t = time.gmtime(ms // 1000)
    return "%04d-%02d-%02dT%02d:%02d:%02d:%03d+0000" % (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min,
                                                       t.tm_sec, ms % 1000)


_WF = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[:.](\d{1,3}))?"
                 r"(Z|[+-]\d{2}:?\d{2})?)?$")
_WILDCARD = re.compile(r"^\$\$(TODAY|NOW)(?:([+-])(\d{1,9})([hdwmyq]))?$", re.IGNORECASE)
_UNIT_MS = {"h": 3_600_000, "d": _DAY_MS, "w": 7 * _DAY_MS, "m": 30 * _DAY_MS, "q": 91 * _DAY_MS,
            "y": 365 * _DAY_MS}


def parse_filter_date(text, now=None):
    """A date as a filter value -> epoch ms, or None when it is not a date we understand (or not in years 1 to
    9999)."""
    ms = _parse(text.strip(), now_ms() if now is None else now)
    return ms if ms is not None and MIN_MS <= ms <= MAX_MS else None


def _parse(text, now):
    m = _WILDCARD.match(text)
    if m:
        base = now if m.group(1).upper() == "NOW" else now - now % _DAY_MS
        if m.group(2):
            delta = int(m.group(3)) * _UNIT_MS[m.group(4).lower()]
            base += delta if m.group(2) == "+" else -delta
        return base
    m = _WF.match(text)
    if not m:
        return None
    y, mo, d, hh, mi, ss, frac, tz = m.groups()
    try:
        t = _dt.datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0), tzinfo=_UTC)
    except ValueError:
        return None
    ms = int(t.timestamp() * 1000) + (int(frac.ljust(3, "0")) if frac else 0)
    if tz and tz != "Z":
        sign = -1 if tz[0] == "-" else 1
        digits = tz[1:].replace(":", "")
        ms -= sign * (int(digits[:2]) * 60 + int(digits[2:])) * 60_000
    return ms
