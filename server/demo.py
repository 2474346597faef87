# demo.py: the demo Workfront instance. Routes /attask/api[-internal|/vN.0]/<objCode>[/<ID>|/search|/count|
# /metadata], /login and /logout onto the SQLite store, with Workfront's paging limits, unstable unsorted order,
# authentication, permissions and the Admin Email rule. Returns (status, JSON-able body, route label).
import json
import re
import threading
from urllib.parse import parse_qsl, unquote

from . import auth, errors, query, schema, seed
from .errors import WFError, bad_param
from .wfdate import format_wf, now_ms

OLDEST_VERSION, NEWEST_VERSION = 16, 22
MAX_BULK = 100
_PATH = re.compile(r"^/attask/(?:api(?:/v(\d+)(?:\.(\d+))?)?|api-(?:internal|unsupported))(/.*)?$", re.IGNORECASE)
_HEX_ID = re.compile(r"^[0-9a-f]{32}$")


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
            raise WFError(404, errors.NOT_FOUND, "There is no API at %s" % req.path, "exception.notfound", "Not found")
        major = int(m.group(1)) if m.group(1) else NEWEST_VERSION
        version = "%d.0" % major
        if m.group(1) and (major < OLDEST_VERSION or major > NEWEST_VERSION or (m.group(2) or "0") != "0"):
            raise WFError(410, errors.VERSION, "API version v%s.%s is not supported. Use v%d.0 to v%d.0."
                          % (m.group(1), m.group(2) or "0", OLDEST_VERSION, NEWEST_VERSION),
                          "exception.api.version", "Unsupported API version", [m.group(1)])
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
            return self._batch(req, req.path[: m.start(3)])
        obj = schema.lookup(parts[0])
        if obj is None:
            raise bad_param("%s is not a valid object code" % parts[0], parts[0])
        code = obj.code.lower()
        rest = parts[1:]
        if len(rest) > 2 or (len(rest) == 2 and method != "PUT"):
            raise bad_param("There is no API at %s" % req.path, req.path)
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
            self.stats.count("PUT %s?action=%s" % (code, action), False)
            return self._action(obj, req, action)
        is_write = method in ("PUT", "POST", "DELETE")
        label = "%s %s%s" % (method, code, "/{ID}" if rest else "")
        if len(rest) == 2:
            label += "/" + rest[1]
        self.stats.count(label, is_write)
        if len(rest) == 2:
            raise bad_param("The demo instance does not support the action %s" % rest[1], rest[1])
        if method == "GET":
            ids = [rest[0]] if rest else req.params_named("id")
            return self._get(obj, version, req, ids, many=not rest and len(ids) > 1)
        if method == "PUT":
            if rest or req.param("id"):
                return self._edit_one(obj, version, req, rest[0] if rest else req.param("id"))
            return self._edit_many(obj, version, req)
        raise bad_param("The demo instance does not %s %s objects" % ("create" if method == "POST" else "delete",
                                                                      obj.label), method)

    def _batch(self, req, base):
        """POST /batch with uri=<relative uri> repeated: each runs as its own call with the batch's credentials.
        atomic=true: one transaction, answers {"success":true} or the first error (and nothing is kept)."""
        if req.method not in ("POST", "PUT"):
            raise bad_param("/batch answers POST only", "method")
        uris = req.params_named("uri")
        if not uris or len(uris) > MAX_BULK:
            raise bad_param("A batch needs 1 to %d uri parameters; it has %d" % (MAX_BULK, len(uris)), "uri")
        atomic = (req.param("atomic") or "").lower() == "true"
        credentials = [(k, v) for k, v in req.params if k in ("apiKey", "sessionID")]

        def run_all():
            results = []
            for uri in uris:
                path, _, query_string = uri.partition("?")
                if path.lstrip("/").split("/")[0].lower() == "batch":
                    raise bad_param("A batch cannot contain another batch", "uri")
                params = parse_qsl(query_string, keep_blank_values=True) + credentials
                method = (next((v for k, v in params if k == "method"), None) or "GET").upper()
                sub = type(req)(method, base + "/" + path.lstrip("/"), params, None, req.header_map())
                results.append({"data": self.handle(sub)[1]["data"]})
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
        return 200, {"data": {"sessionID": session_id, "userID": user_id,
                              "versionInformation": {"currentAPIVersion": "v%d.0" % NEWEST_VERSION}}}

    def _logout(self, req):
        kind, secret = auth.credential(req)
        if kind == "session":
            with self.store.write() as conn:
                conn.execute("DELETE FROM sessions WHERE sessionID = ?", (secret,))
        return 200, {"data": {"success": True}}

    def _action(self, obj, req, action):
        if obj.code != "USER" or action not in ("getApiKey", "generateApiKey", "clearApiKey"):
            raise bad_param("The demo instance does not support the action %s on %s" % (action, obj.label), action)
        with self.store.write() as conn:
            if action == "clearApiKey":
                user = auth.authenticate(conn, req)
                conn.execute("DELETE FROM api_keys WHERE userID = ?", (user[0],))
                return 200, {"data": {"success": True}}
            user_id = auth.check_password(conn, req.param("username"), req.param("password"))
            if action == "getApiKey":
                return 200, {"data": {"result": auth.current_key(conn, user_id)}}
            return 200, {"data": {"result": auth.generate_key(conn, user_id)}}

    def _caller(self, conn, req):
        return auth.authenticate(conn, req)

    # ---- reading ----
    def _search(self, obj, version, req):
        conn = self.store.conn()
        self._caller(conn, req)
        sel = query.Selection(obj, version, req.fields())
        first, limit = query.paging(req.params)
        rowids = query.page_rowids(conn, obj, version, req.params, self._next_shuffle(), first, limit) if limit else []
        return 200, {"data": sel.fetch(conn, rowids)}

    def _count(self, obj, version, req):
        conn = self.store.conn()
        self._caller(conn, req)
        where, args = query.where_clause(obj, version, req.params)
        (n,) = conn.execute("SELECT count(*) FROM %s WHERE %s" % (obj.table, where), args).fetchone()
        return 200, {"data": {"count": n}}

    def _get(self, obj, version, req, ids, many):
        conn = self.store.conn()
        caller = self._caller(conn, req)
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

    # ---- writing ----
    def _updates(self, req, want_list):
        text = req.param("updates")
        if text is not None:
            try:
                data = json.loads(text)
            except ValueError:
                raise bad_param("updates is not valid JSON", "updates") from None
        elif req.json_body is not None:
            data = req.json_body
        else:
            raise bad_param("Give the changes as updates={...}", "updates")
        if want_list and isinstance(data, dict):
            data = [data]
        if want_list and not (isinstance(data, list) and all(isinstance(d, dict) for d in data)):
            raise bad_param("updates must be a JSON list of objects with an ID", "updates")
        if not want_list and not isinstance(data, dict):
            raise bad_param("updates must be a JSON object", "updates")
        return data

    def _check_change(self, conn, obj, version, caller, target_id, changes):
        """Validates one object's changes; returns the SQL assignments. Raises 404/403/422 like Workfront."""
        if obj.code != "USER":
            raise bad_param("The demo instance edits users only, not %s objects" % obj.label, obj.code)
        if not target_id:
            raise bad_param("Each object in updates needs its ID", "ID")
        target = conn.execute("SELECT ID, isActive FROM users WHERE ID = ?", (target_id,)).fetchone() \
            if isinstance(target_id, str) and _HEX_ID.match(target_id) else None
        if target is None:
            raise errors.not_found(obj.label, target_id)
        sets = {}
        for name, value in changes.items():
            if name in ("ID", "objCode"):
                continue
            if name not in obj.fields:
                raise bad_param("APIModel V%s does not support field %s (%s)" % (version.replace(".", "_"), name,
                                                                               obj.label), name)
            if name not in obj.editable:
                raise bad_param("The field %s of %s cannot be changed" % (name, obj.label), name)
            sets[name] = self._edit_value(conn, obj, name, value)
        caller_id, _, caller_admin, _ = caller
        if not caller_admin and (target_id != caller_id or not set(sets) <= schema.SELF_EDITABLE):
            raise errors.forbidden("You do not have sufficient access to edit %s %s. Only administrators can "
                                   "change other users or access settings." % (obj.label, target_id))
        if sets.get("isActive") == 0 and target_id == seed.OWNER_ID:
            raise errors.admin_email_guard(target_id)
        return sets

    def _edit_value(self, conn, obj, name, value):
        kind = obj.fields[name]
        if kind == schema.BOOL:
            if isinstance(value, bool):
                return int(value)
            if isinstance(value, str) and value.strip().lower() in ("true", "false"):
                return int(value.strip().lower() == "true")
            raise bad_param('"%s" is not a valid value for %s (true or false)' % (value, name), name)
        if value is not None and not isinstance(value, str):
            raise bad_param('"%s" is not a valid value for %s' % (value, name), name)
        if name.endswith("ID") and value is not None:
            table = {"accessLevelID": "access_levels", "homeGroupID": "groups", "managerID": "users"}[name]
            if conn.execute("SELECT 1 FROM %s WHERE ID = ?" % table, (value,)).fetchone() is None:
                raise bad_param('%s "%s" does not exist' % (name, value), name)
        if name == "licenseType" and value not in ("F", "W", "R", "L", None):
            raise bad_param('"%s" is not a valid licenseType' % value, name)
        return value

    def _apply(self, conn, user_id, sets):
        if not sets:
            return
        sets = dict(sets, lastUpdateDate=format_wf(now_ms()))
        if "accessLevelID" in sets:   # the access level decides administrator rights
            (is_admin,) = conn.execute("SELECT isAdmin FROM access_levels WHERE ID = ?",
                                       (sets["accessLevelID"],)).fetchone()
            sets["isAdmin"] = is_admin
        if "firstName" in sets or "lastName" in sets:
            first, last = conn.execute("SELECT firstName, lastName FROM users WHERE ID = ?", (user_id,)).fetchone()
            sets["name"] = "%s %s" % (sets.get("firstName", first), sets.get("lastName", last))
        conn.execute("UPDATE users SET %s WHERE ID = ?" % ", ".join("%s = ?" % k for k in sets),
                     list(sets.values()) + [user_id])

    def _render_ids(self, conn, obj, version, req, ids):
        sel = query.Selection(obj, version, req.fields())
        q = "SELECT %s FROM %s WHERE ID = ?" % (sel.sql_columns(), obj.table)
        return [sel.render(conn, conn.execute(q, (i,)).fetchall())[0] for i in ids]

    def _edit_one(self, obj, version, req, target_id):
        changes = self._updates(req, want_list=False)
        query.Selection(obj, version, req.fields())   # reject unknown fields before writing anything
        with self.store.write() as conn:
            caller = self._caller(conn, req)
            if target_id == "$$USER":
                target_id = caller[0]
            self._apply(conn, target_id, self._check_change(conn, obj, version, caller, target_id, changes))
            return 200, {"data": self._render_ids(conn, obj, version, req, [target_id])[0]}

    def _edit_many(self, obj, version, req):
        items = self._updates(req, want_list=True)
        if len(items) > MAX_BULK:
            raise bad_param("A bulk update can change at most %d objects; this one has %d" % (MAX_BULK, len(items)),
                            "updates", len(items))
        query.Selection(obj, version, req.fields())
        atomic = (req.param("atomic") or "").lower() == "true"
        with self.store.write() as conn:
            caller = self._caller(conn, req)
            # Check everything first: one refused object refuses the whole call and nothing is written.
            planned = [(item.get("ID"), self._check_change(conn, obj, version, caller, item.get("ID"), item))
                       for item in items]
            for target_id, sets in planned:
                self._apply(conn, target_id, sets)
            if atomic:
                return 200, {"data": {"success": True}}
            return 200, {"data": self._render_ids(conn, obj, version, req, [t for t, _ in planned])}
