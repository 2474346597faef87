# query.py: Workfront's search parameters -> SQL. Filters (`field=value`, `field_Mod`, `field_Range`, `OR:n:`,
# `filters={...}` JSON), sorts (`field_Sort`, `field_1_Sort`), paging ($$FIRST/$$LIMIT with Workfront's limits) and
# `fields=` selection with nested references; and rendering rows back into Workfront's JSON objects (a search page
# goes straight from rows to JSON text, see Page).
import json
import math
import random
import re
from itertools import chain, repeat
from json.encoder import encode_basestring, encode_basestring_ascii

from . import schema, wfjson
from .errors import bad_param, shown
from .wfdate import format_wf, parse_filter_date

DEFAULT_LIMIT = 100
MAX_LIMIT = 2000
RESULT_CAP = 50_000
_SHUFFLE_PRIME = 1_000_003   # > any rowid in the demo, so (rowid*a + c) % p never maps two rows together
# Bounds on one query, each well inside what SQLite can take (a LIKE pattern of 50,000 bytes, an expression tree
# 1,000 deep, 32,766 bound values, 2,000 ORDER BY terms): past them the answer is a 422, not a database error.
MAX_LIKE_BYTES = 10_000
MAX_OR_GROUPS = 100
MAX_FILTER_VALUES = 10_000
MAX_SORT_TERMS = 20
INT64 = (-(1 << 63), (1 << 63) - 1)
_INTEGER = re.compile(r"^\s*[-+]?[0-9]{1,19}\s*$")

# Parameters that are never filters (credentials, paging, verbs, payloads).
RESERVED = {"fields", "$$FIRST", "$$LIMIT", "method", "apiKey", "apikey", "sessionID", "sessionid", "updates",
            "action", "atomic", "filters", "id", "username", "password", "jsonp", "callback", "_", "fields[]"}
_SORT = re.compile(r"^(.+?)(?:_(\d{1,6}))?_Sort$")
_OR = re.compile(r"^OR:(\d{1,6}):(.+)$")


def _unsupported(obj, version, name):
    name = shown(name, 100)
    return bad_param("APIModel V%s does not support field %s (%s)" % (version.replace(".", "_"), name, obj.label),
                     name)


def _check_field(obj, version, name):
    if name not in obj.fields:
        if ":" in name and name.split(":", 1)[0] in obj.refs:
            raise bad_param("The demo cannot filter or sort on a referenced field (%s)" % shown(name, 100),
                            shown(name, 100))
        raise _unsupported(obj, version, name)
    return obj.fields[name]


def _value(kind, field, text):
    if kind == schema.BOOL:
        low = str(text).strip().lower()
        if low in ("true", "1"):
            return 1
        if low in ("false", "0"):
            return 0
        raise bad_param('"%s" is not a valid value for %s (true or false)' % (shown(text), field), field)
    if kind == schema.INT:
        number = int(text) if _INTEGER.match(text) else None
        if number is None or not INT64[0] <= number <= INT64[1]:
            raise bad_param('"%s" is not a valid number for %s (a 64-bit integer)' % (shown(text), field), field)
        return number
    if kind == schema.DATE:
        ms = parse_filter_date(str(text))
        if ms is None:
            raise bad_param('"%s" is not a valid date for %s' % (shown(text), field), field)
        return format_wf(ms)   # stored dates are UTC text in this form, which compares in time order
    return str(text)


def _condition(obj, version, field, cond):
    kind = _check_field(obj, version, field)
    values = [_value(kind, field, v) for v in cond["values"]]
    mod = (cond["mod"] or ("in" if len(values) > 1 else "eq")).lower()
    if mod in ("isnull", "notnull", "isblank", "notblank"):
        if mod == "isnull":
            return "%s IS NULL" % field, []
        if mod == "notnull":
            return "%s IS NOT NULL" % field, []
        return ("(%s IS NULL OR %s = '')" if mod == "isblank" else "(%s IS NOT NULL AND %s != '')") % (field, field), []
    if not values:
        raise bad_param("%s_Mod=%s needs a value for %s" % (field, mod, field), field)
    v = values[0]
    ci = isinstance(v, str) and mod.startswith("ci")
    if ci:
        values = [s.casefold() for s in values]
        v = values[0]
    col = "ci(%s)" % field if ci else field
    simple = {"eq": "=", "cieq": "=", "ne": "IS NOT", "cine": "IS NOT", "lt": "<", "gt": ">", "lte": "<=",
              "gte": ">=", "like": "LIKE", "cilike": "LIKE"}
    if mod in ("like", "cilike") and len(str(v).encode("utf-8", "surrogatepass")) > MAX_LIKE_BYTES:
        raise bad_param("A %s pattern for %s can be at most %d bytes long" % (mod, field, MAX_LIKE_BYTES), field)
    if mod in simple:
        return "%s %s ?" % (col, simple[mod]), [v]
    if mod in ("contains", "cicontains"):
        return "instr(%s, ?) > 0" % col, [v]
    if mod in ("notcontains", "cinotcontains"):
        return "(%s IS NULL OR instr(%s, ?) = 0)" % (field, col), [v]
    if mod in ("in", "notin"):
        marks = ",".join("?" * len(values))
        if mod == "in":
            return "%s IN (%s)" % (field, marks), values
        return "(%s IS NULL OR %s NOT IN (%s))" % (field, field, marks), values
    if mod in ("between", "notbetween"):
        if cond["range"] is None:
            raise bad_param("%s_Mod=%s needs %s_Range" % (field, mod, field), field)
        high = _value(kind, field, cond["range"])
        return "%s %sBETWEEN ? AND ?" % (field, "NOT " if mod == "notbetween" else ""), [v, high]
    raise bad_param('"%s" is not a valid modifier for %s' % (shown(mod), field), field)


def _collect(params, from_json=()):
    """Params -> ({group: {field: {"values","mod","range"}}}, [(order, field, direction)]). Pairs from the
    `filters` JSON are never credentials, so `username` is a filter there."""
    groups, sorts = {}, []
    for n, (key, value) in enumerate(list(params) + list(from_json)):
        if n < len(params) and (key in RESERVED or key.startswith("$$")):
            continue
        group = ""
        m = _OR.match(key)
        if m:
            group, key = m.group(1), m.group(2)
        m = _SORT.match(key)
        if m and not group:
            sorts.append((int(m.group(2) or 0), len(sorts), m.group(1), value))
            continue
        for suffix, slot in (("_Mod", "mod"), ("_Range", "range")):
            if key.endswith(suffix):
                conds = groups.setdefault(group, {}).setdefault(key[: -len(suffix)], _empty())
                conds[slot] = value
                break
        else:
            groups.setdefault(group, {}).setdefault(key, _empty())["values"].append(value)
    return groups, sorts


def _empty():
    return {"values": [], "mod": None, "range": None}


def _json_filters(text):
    """`filters={"username":"x","name_Mod":"cicontains"}` -> extra (key, value) params."""
    data = wfjson.loads(text, "filters")
    if not isinstance(data, dict):
        raise bad_param("filters must be a JSON object", "filters")
    out = []
    for key, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, (str, int, float)):   # bool is an int
                raise bad_param("filters: the value of %s must be text, a number, true/false or a list of them"
                                % shown(key, 100), "filters", shown(key, 100))
            out.append((key, ("true" if item else "false") if isinstance(item, bool) else str(item)))
    return out


def where_clause(obj, version, params):
    """The filters of a request as (sql, args); sql is "1" when there are none."""
    extra = []
    for key, value in params:
        if key == "filters":
            extra += _json_filters(value)
    groups, _ = _collect(list(params), extra)
    if len(groups) > MAX_OR_GROUPS + 1:
        raise bad_param("A search can have at most %d OR groups; this one has %d" % (MAX_OR_GROUPS, len(groups) - 1),
                        "OR")
    values = sum(len(c["values"]) for conds in groups.values() for c in conds.values())
    if values > MAX_FILTER_VALUES:
        raise bad_param("A search can have at most %d filter values; this one has %d" % (MAX_FILTER_VALUES, values),
                        "filters")
    parts, args = [], []
    for group in sorted(groups, key=lambda g: (g != "", g)):
        conds = [_condition(obj, version, f, c) for f, c in groups[group].items()]
        if conds:
            parts.append("(" + " AND ".join(c for c, _ in conds) + ")")
            for _, a in conds:
                args += a
    if not parts:
        return "1", []
    # Workfront: the plain conditions form one group, each OR:n: prefix another; a row matches any group.
    return " OR ".join(parts), args


def _sort_terms(obj, version, params):
    _, sorts = _collect(params)
    if len(sorts) > MAX_SORT_TERMS:
        raise bad_param("A search can sort by at most %d fields; this one has %d" % (MAX_SORT_TERMS, len(sorts)),
                        "_Sort")
    terms = []
    for _, _, field, direction in sorted(sorts):
        kind = _check_field(obj, version, field)
        d = direction.strip().lower()
        if d not in ("asc", "desc", "ciasc", "cidesc"):
            raise bad_param('"%s" is not a valid sort direction for %s' % (shown(direction), field), field)
        col = "ci(%s)" % field if d.startswith("ci") and kind == schema.STR else field
        terms.append("%s %s" % (col, "DESC" if d.endswith("desc") else "ASC"))
    return terms


def page_rowids(conn, obj, version, params, shuffle_seed, first, limit):
    """The rowids of one page, in the order Workfront would give. Without a sort the order changes with every
    request, so unsorted paging overlaps and skips as it does on Workfront; ties of a sort come in a per-request
    order too. Only a unique sort (ID_Sort) is stable. Only rowids are sorted, which keeps a 2000-row page of a
    50,000-user tenant fast."""
    where, args = where_clause(obj, version, params)
    terms = _sort_terms(obj, version, params)
    rng = random.Random(shuffle_seed)
    if not terms:
        ids = [r[0] for r in conn.execute("SELECT rowid FROM %s WHERE %s ORDER BY rowid" % (obj.table, where), args)]
        n = len(ids)
        if not n:
            return []
        # Position j of this request's order is ids[(stride * j + offset) % n]: with stride coprime to n that is a
        # permutation, different for every request, and a page costs O(limit) instead of a sort of all n rows.
        stride = rng.randrange(1, n) if n > 2 else 1
        while math.gcd(stride, n) != 1:
            stride += 1
        offset = rng.randrange(n)
        end = min(first + limit, n, RESULT_CAP)
        return [ids[(stride * j + offset) % n] for j in range(first, end)]
    tiebreak = "((rowid * %d + %d) %% %d)" % (rng.randrange(1, _SHUFFLE_PRIME), rng.randrange(_SHUFFLE_PRIME),
                                              _SHUFFLE_PRIME)
    sql = "SELECT rowid FROM %s WHERE %s ORDER BY %s LIMIT ? OFFSET ?" % (obj.table, where,
                                                                        ", ".join(terms + [tiebreak]))
    return [r[0] for r in conn.execute(sql, args + [limit, first])]


def _int_param(params, name, default):
    text = next((v for k, v in params if k == name), None)
    if text is None or text == "":
        return default
    if not _INTEGER.match(text):
        raise bad_param('%s "%s" is not a number' % (name, shown(text)), name)
    return int(text)


def paging(params):
    """($$FIRST, $$LIMIT) after Workfront's checks and the 50,000-object result cap."""
    first = _int_param(params, "$$FIRST", 0)
    limit = _int_param(params, "$$LIMIT", DEFAULT_LIMIT)
    if first < 0:
        raise bad_param("$$FIRST must not be negative", "$$FIRST")
    if limit < 1:
        raise bad_param("$$LIMIT must be at least 1", "$$LIMIT")
    if limit > MAX_LIMIT:
        raise bad_param("$$LIMIT %d is more than the maximum of %d objects per request" % (limit, MAX_LIMIT),
                        "$$LIMIT", limit)
    return first, max(0, min(limit, RESULT_CAP - first))


class Selection:
    """What `fields=` asked for: own columns, and references with their sub-fields."""

    def __init__(self, obj, version, text):
        self.obj = obj
        self.columns = []
        self.refs = {}
        names = obj.defaults if text is None else [t.strip() for t in text.split(",") if t.strip()]
        for name in names:
            if name == "*":
                self._add_all(obj)
            elif name == "objCode":
                continue
            elif ":" in name:
                ref_name, sub = name.split(":", 1)
                ref = obj.refs.get(ref_name)
                if ref is None:
                    raise _unsupported(obj, version, name)
                target = schema.OBJECTS[ref.obj_code]
                subs = self.refs.setdefault(ref_name, [])
                if sub == "*":
                    subs += [f for f in target.fields if f not in ("ID", "name")]
                elif sub in ("ID", "name", "objCode"):
                    continue
                elif sub in target.fields:
                    subs.append(sub)
                else:
                    raise _unsupported(target, version, sub)
            elif name in obj.refs:
                self.refs.setdefault(name, [])
            elif name in obj.fields:
                if name not in ("ID", "name") and name not in self.columns:
                    self.columns.append(name)
            else:
                raise _unsupported(obj, version, name)
        # A reference is resolved through its ID column; fetch that column but do not show it unless asked.
        self._hidden = []
        for ref_name in self.refs:
            id_field = obj.refs[ref_name].id_field
            if id_field not in self.columns:
                self.columns.append(id_field)
                self._hidden.append(id_field)

    def _add_all(self, obj):
        for name in obj.fields:
            if name not in ("ID", "name") and name not in self.columns:
                self.columns.append(name)

    def sql_columns(self):
        return ", ".join(["ID", "name"] + self.columns)

    def fetch(self, conn, rowids):
        """Rendered objects for rowids, in the order given."""
        if not rowids:
            return []
        return self.render(conn, [row[1:] for row in self._keyed_rows(conn, rowids)])

    def fetch_page(self, conn, rowids):
        """Like fetch, but as a Page (JSON text without building an object per row) when nothing needs resolving."""
        if self.refs:
            return self.fetch(conn, rowids)
        return Page(self.obj, self.columns, self._keyed_rows(conn, rowids) if rowids else [])

    def _keyed_rows(self, conn, rowids):
        """(rowid, ID, name, *columns) for rowids, in the order given."""
        sql = "SELECT j.value, %s FROM json_each(?) AS j CROSS JOIN %s AS u ON u.rowid = j.value" % (
            ", ".join("u." + c for c in ["ID", "name"] + self.columns), self.obj.table)
        rows = conn.execute(sql, (json.dumps(rowids),)).fetchall()
        if [row[0] for row in rows] != rowids:   # CROSS JOIN reads json_each first, in its order; checked anyway
            by_rowid = {row[0]: row for row in rows}
            rows = [by_rowid[r] for r in rowids]
        return rows

    def render(self, conn, rows):
        """Rows (ID, name, *columns) -> Workfront objects, references resolved in one query per reference."""
        out = _objects(self.obj, self.columns, rows)
        for ref_name, subs in self.refs.items():
            ref = self.obj.refs[ref_name]
            target = schema.OBJECTS[ref.obj_code]
            sub_sel = Selection(target, "0", ",".join(subs) if subs else "")
            ids = sorted({o[ref.id_field] for o in out if o.get(ref.id_field)})
            found = {}
            for i in range(0, len(ids), 900):
                chunk = ids[i:i + 900]
                q = "SELECT %s FROM %s WHERE ID IN (%s)" % (sub_sel.sql_columns(), target.table,
                                                            ",".join("?" * len(chunk)))
                for obj in sub_sel.render(conn, conn.execute(q, chunk).fetchall()):
                    found[obj["ID"]] = obj
            for o in out:
                o[ref_name] = found.get(o.get(ref.id_field))
        for hidden in self._hidden:
            for o in out:
                o.pop(hidden, None)
        return out


def _objects(obj, columns, rows):
    """Rows (ID, name, *columns) -> Workfront objects: objCode after the name, booleans (SQLite keeps 0/1) as such."""
    code = obj.code
    keys = ("ID", "name", "objCode", *columns)
    # Positions in [ID, name, objCode, *columns] of booleans.
    bools = [i + 3 for i, n in enumerate(columns) if obj.fields[n] == schema.BOOL]
    out = []
    for row in rows:
        values = [row[0], row[1], code, *row[2:]]
        for i in bools:
            if values[i] is not None:
                values[i] = values[i] == 1
        out.append(dict(zip(keys, values)))
    return out


_BOOL_JSON = {1: "true", 0: "false", None: "null"}


class Page:
    """One page of search results that becomes JSON text without a dict per row: a 2000-user page spent most of
    its server CPU building dicts and having json.dumps take them apart again. The text is exactly what
    json.dumps(self.objects(), ensure_ascii=..., separators=(",", ":")) writes: the same encoder functions escape
    every string; each column is encoded in one pass of C-level calls, and rows are stitched between constant
    key fragments."""

    def __init__(self, obj, columns, keyed_rows):
        """keyed_rows: (rowid, ID, name, *columns) tuples as SQLite gave them."""
        self.obj, self.columns, self.rows = obj, list(columns), keyed_rows

    def __len__(self):
        return len(self.rows)

    def objects(self):
        """The page as plain objects (a /batch answer embeds them in its own JSON)."""
        return _objects(self.obj, self.columns, [row[1:] for row in self.rows])

    def json_text(self, ensure_ascii, before="", after=""):
        """before + the JSON array + after, in one string (each copy of a 1 MB answer costs)."""
        if not self.rows:
            return before + "[]" + after
        enc = encode_basestring_ascii if ensure_ascii else encode_basestring

        def one(value):   # the general case: whatever json.dumps makes of one value
            return json.dumps(value, ensure_ascii=ensure_ascii)

        keys = ["ID", "name"] + self.columns
        columns = list(zip(*self.rows))[1:]   # without the rowid
        encoded = [_encode_column(self.obj.fields[k], values, enc, one) for k, values in zip(keys, columns)]
        # The text before each value and after the last: ',{"ID":' <ID> ',"name":' <name> ',"objCode":"USER",
        # "title":' <title> ... '}' (objCode goes after the name, as in _objects). The first row's comma is left out.
        code = "," + enc("objCode") + ":" + enc(self.obj.code)
        between = [",{" + enc("ID") + ":", "," + enc("name") + ":"]
        between += [(code if i == 0 else "") + "," + enc(k) + ":" for i, k in enumerate(self.columns)]
        end = ("" if self.columns else code) + "}"
        parts = []
        for text, values in zip(between, encoded):
            parts += (repeat(text), values)
        parts.append(repeat(end))
        pieces = chain.from_iterable(zip(*parts))
        next(pieces)
        return "".join(chain((before, "[", between[0][1:]), pieces, ("]", after)))


def _encode_column(kind, values, enc, one):
    """JSON text of each value of one column. The first attempt maps a C function over the column; a column with
    a null (or, never in practice, a value of another type) takes the per-value path."""
    if kind == schema.BOOL:   # rendered as value == 1, like _objects
        try:
            return list(map(_BOOL_JSON.__getitem__, values))
        except (KeyError, TypeError):
            return ["null" if v is None else "true" if v == 1 else "false" for v in values]
    try:
        if kind == schema.INT:
            return list(map(int.__repr__, values))
        return list(map(enc, values))
    except TypeError:
        return ["null" if v is None else enc(v) if type(v) is str else one(v) for v in values]
