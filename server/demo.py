# demo.py: the demo Workfront instance. Routes /attask/api[-internal|/vN.0]/<objCode>[/<ID>|/search|/count|
# /metadata], /login and /logout onto the SQLite store, with Workfront's paging limits, unstable unsorted order,
# authentication and permissions (edits.py changes users). handle() returns (status, JSON-able body).
import re
import threading
from urllib.parse import parse_qsl, unquote

from . import auth, edits, errors, query, schema
from .errors import WFError, bad_param
from .wfdate import format_wf, now_ms

OLDEST_VERSION, NEWEST_VERSION = 16, 22
_ACTIONS = ("getApiKey", "generateApiKey", "clearApiKey")
_PATH = re.compile(r"^/attask/(?:api(?:/v(\d+)(?:\.(\d+))?)?|api-(?:internal|unsupported))(/.*)?$", re.IGNORECASE)


class DemoApi:
    def __init__(self, store, stats, shuffle_seed=0):
        self.store = store
        self.stats = stats
        self._counter = 0
        self._counter_lock = threading.Lock()
        self._shuffle_seed = shuffle_seed

    def _next_shuffle(self):
        with self._counter_lock:
            self._counter += 1
            return self._shuffle_seed * 1_000_003 + self._counter

    # ---- routing ----
    def handle(self, req):
        """req: server.app.ApiRequest. Returns (status, body). Raises WFError for Workfront errors."""
        m = _PATH.match(req.path)
        if not m:
            raise WFError(404, errors.NOT_FOUND, "There is no API at %s" % errors.shown(req.path),
                          "exception.notfound", "Not found")
        digits = m.group(1)
        major = NEWEST_VERSION if not digits else int(digits) if len(digits) <= 6 else 0   # 0: unsupported
        version = "%d.0" % major
        if digits and (major < OLDEST_VERSION or major > NEWEST_VERSION or (m.group(2) or "0") != "0"):
            shown = errors.shown("v%s.%s" % (digits, m.group(2) or "0"), 40)
            raise WFError(410, errors.VERSION, "API version %s is not supported. Use v%d.0 to v%d.0."
                          % (shown, OLDEST_VERSION, NEWEST_VERSION),
                          "exception.api.version", "Unsupported API version", [errors.shown(digits, 40)])
        parts = [unquote(p) for p in (m.group(3) or "").split("/") if p]
        method = req.method
        if not parts:
            raise bad_param("Name an object code, for example /user/search", "path")
        head = parts[0].lower()
        if head == "login" and len(parts) == 1:
            self.stats.count("%s login" % method, False)
            return self._login(req)
        if head == "logout" and len(parts) == 1:
            self.stats.count("%s logout" % method, False)
            return self._logout(req)
        if head == "metadata" and len(parts) == 1:
            self.stats.count("GET metadata", False)
            return 200, {"data": {"objects": {c: {"objCode": c, "name": o.label} for c, o in schema.OBJECTS.items()}}}
        if head == "batch" and len(parts) == 1:
            self.stats.count("%s batch" % method, False)
            if req.inside_batch:   # decided on the decoded path, so /%62atch is a batch too
                raise bad_param("A batch cannot contain another batch", "uri")
            return self._batch(req, req.path[: m.start(3)])
        obj = schema.lookup(parts[0])
        if obj is None:
            raise bad_param("%s is not a valid object code" % errors.shown(parts[0], 100), errors.shown(parts[0], 100))
        code = obj.code.lower()
        rest = parts[1:]
        if len(rest) > 2 or (len(rest) == 2 and method != "PUT"):
            raise bad_param("There is no API at %s" % errors.shown(req.path), errors.shown(req.path))
        op = rest[0].lower() if rest else ""
        action = req.param("action")
        if op in ("search", "count", "metadata") and len(rest) == 1:
            self.stats.count("%s %s/%s" % (method, code, op), False)
            if method != "GET":
                raise bad_param("/%s answers GET only (or method=GET)" % op, "method")
            if op == "metadata":
                return 200, {"data": {"objCode": obj.code, "name": obj.label,
                                      "fields": {f: {"fieldType": k} for f, k in obj.fields.items()},
                                      "references": {r.name: {"objCode": r.obj_code} for r in obj.refs.values()}}}
            return self._search(obj, version, req) if op == "search" else self._count(obj, version, req)
        if not rest and method == "PUT" and action:
            # Labels are counted in a dict: only known names go in it, so odd requests cannot grow it without end.
            self.stats.count("PUT %s?action=%s" % (code, action if action in _ACTIONS else "{other}"), False)
            return self._action(obj, req, action)
        is_write = method in ("PUT", "POST", "DELETE")
        label = "%s %s%s" % (method, code, "/{ID}" if rest else "")
        if len(rest) == 2:
            label += "/{action}"
        self.stats.count(label, is_write)
        if len(rest) == 2:
            raise bad_param("The demo instance does not support the action %s" % errors.shown(rest[1], 100),
                            errors.shown(rest[1], 100))
        if method == "GET":
            ids = [rest[0]] if rest else req.params_named("id")
            return self._get(obj, version, req, ids, many=not rest and len(ids) > 1)
        if method == "PUT":
            if rest or req.param("id"):
                return edits.edit_one(self.store, obj, version, req, rest[0] if rest else req.param("id"))
            return edits.edit_many(self.store, obj, version, req)
        raise bad_param("The demo instance does not %s %s objects" % ("create" if method == "POST" else "delete",
                                                                      obj.label), method)

    def _batch(self, req, base):
        """POST /batch with uri=<relative uri> repeated: each runs as its own call with the batch's credentials.
        atomic=true: one transaction, answers {"success":true} or the first error (and nothing is kept)."""
        if req.method not in ("POST", "PUT"):
            raise bad_param("/batch answers POST only", "method")
        uris = req.params_named("uri")
        if not uris or len(uris) > edits.MAX_BULK:
            raise bad_param("A batch needs 1 to %d uri parameters; it has %d" % (edits.MAX_BULK, len(uris)), "uri")
        atomic = (req.param("atomic") or "").lower() == "true"
        credentials = [(k, v) for k, v in req.params if k in ("apiKey", "sessionID")]

        def run_all():
            results = []
            for uri in uris:
                path, _, query_string = uri.partition("?")
                params = parse_qsl(query_string, keep_blank_values=True) + credentials
                method = (next((v for k, v in params if k == "method"), None) or "GET").upper()
                sub = type(req)(method, base + "/" + path.lstrip("/"), params, None, req.header_map(),
                                inside_batch=True)
                data = self.handle(sub)[1]["data"]
                results.append({"data": data.objects() if isinstance(data, query.Page) else data})
            return results

        if atomic:
            with self.store.write():
                run_all()
            return 200, {"data": {"success": True}}
        return 200, {"data": run_all()}

    # ---- authentication ----
    def _login(self, req):
        username, password = req.param("username"), req.param("password")
        with self.store.write() as conn:
            user_id = auth.check_password(conn, username, password)
            session_id = auth.new_session(conn, user_id)
            conn.execute("UPDATE users SET lastLoginDate = ?, loginCount = loginCount + 1 WHERE ID = ?",
                         (format_wf(now_ms()), user_id))
        return 200, {"data": {"sessionID": session_id, "userID": user_id,
                              "versionInformation": {"currentAPIVersion": "v%d.0" % NEWEST_VERSION}}}

    def _logout(self, req):
        kind, secret = auth.credential(req)
        if kind == "session":
            with self.store.write() as conn:
                conn.execute("DELETE FROM sessions WHERE sessionID = ?", (secret,))
        return 200, {"data": {"success": True}}

    def _action(self, obj, req, action):
        if obj.code != "USER" or action not in _ACTIONS:
            raise bad_param("The demo instance does not support the action %s on %s" % (errors.shown(action, 100),
                                                                                         obj.label),
                            errors.shown(action, 100))
        with self.store.write() as conn:
            if action == "clearApiKey":
                user = auth.authenticate(conn, req)
                conn.execute("DELETE FROM api_keys WHERE userID = ?", (user[0],))
                return 200, {"data": {"success": True}}
            user_id = auth.check_password(conn, req.param("username"), req.param("password"))
            if action == "getApiKey":
                return 200, {"data": {"result": auth.current_key(conn, user_id)}}
            return 200, {"data": {"result": auth.generate_key(conn, user_id)}}

    # ---- reading ----
    def _search(self, obj, version, req):
        conn = self.store.conn()
        auth.authenticate(conn, req)
        sel = query.Selection(obj, version, req.fields())
        first, limit = query.paging(req.params)
        rowids = query.page_rowids(conn, obj, version, req.params, self._next_shuffle(), first, limit) if limit else []
        return 200, {"data": sel.fetch_page(conn, rowids)}

    def _count(self, obj, version, req):
        conn = self.store.conn()
        auth.authenticate(conn, req)
        where, args = query.where_clause(obj, version, req.params)
        (n,) = conn.execute("SELECT count(*) FROM %s WHERE %s" % (obj.table, where), args).fetchone()
        return 200, {"data": {"count": n}}

    def _get(self, obj, version, req, ids, many):
        conn = self.store.conn()
        caller = auth.authenticate(conn, req)
        if not ids:
            raise bad_param("Give an ID: /%s/<ID>, ?id=<ID>, or use /search" % obj.code.lower(), "id")
        ids = [caller[0] if i == "$$USER" and obj.code == "USER" else i for i in ids]
        sel = query.Selection(obj, version, req.fields())
        found = {}
        for i in range(0, len(ids), 900):
            chunk = ids[i:i + 900]
            q = "SELECT %s FROM %s WHERE ID IN (%s)" % (sel.sql_columns(), obj.table, ",".join("?" * len(chunk)))
            for item in sel.render(conn, conn.execute(q, chunk).fetchall()):
                found[item["ID"]] = item
        for i in ids:
            if i not in found:
                raise errors.not_found(obj.label, i)
        items = [found[i] for i in ids]
        return 200, {"data": items if many else items[0]}
