# control.py: /__test__/... endpoints, present only with --test-control (404 otherwise): set faults, read demo
# rows directly from the database, count what the demo received, expire credentials, and reseed.
from urllib.parse import parse_qsl

from . import query, schema, seed, wfjson
from .errors import WFError

SPECIAL_USERS = (seed.OWNER_ID, seed.ADMIN_ID, seed.USER_ID, seed.SSO_ID)


def _rows(store, where, args, limit=None, offset=0):
    sel = query.Selection(schema.USER, "0", "*")
    sql = "SELECT %s FROM users WHERE %s ORDER BY rowid" % (sel.sql_columns(), where)
    if limit is not None:
        sql += " LIMIT %d OFFSET %d" % (limit, offset)
    conn = store.conn()
    rows = sel.render(conn, conn.execute(sql, args).fetchall())
    with_keys = {r[0] for r in conn.execute("SELECT userID FROM api_keys")}
    for row in rows:
        row["hasApiKey"] = row["ID"] in with_keys
    return rows


def handle(server, method, path, query_string, body):
    """(status, JSON-able body) for a /__test__ request."""
    params = parse_qsl(query_string, keep_blank_values=True)
    store, demo, faults = server.store, server.demo, server.faults
    if path == "/__test__/faults":
        if method == "GET":
            return 200, faults.config
        if method == "POST":
            try:
                return 200, faults.configure(wfjson.loads(body or b"{}", "faults"))
            except WFError as e:
                return 400, {"error": e.message}
            except (ValueError, TypeError) as e:
                return 400, {"error": str(e)}
    if path == "/__test__/stats" and method == "GET":
        return 200, server.stats.snapshot()
    if path == "/__test__/stats/reset" and method == "POST":
        server.stats.reset()
        return 200, server.stats.snapshot()
    if demo is None:
        return 404, {"error": "the demo instance is off (--no-demo)"}
    if path.startswith("/__test__/user/") and method == "GET":
        rows = _rows(store, "ID = ?", [path.rsplit("/", 1)[1]])
        return (200, rows[0]) if rows else (404, {"error": "no such user"})
    if path == "/__test__/users" and method == "GET":
        where, args = ["1"], []
        limit, offset = 100, 0
        for key, value in params:
            if key == "limit":
                limit = int(value)
            elif key == "offset":
                offset = int(value)
            elif key == "special":   # special=false leaves out the four fixed demo users
                if value.lower() == "false":
                    where.append("ID NOT IN (%s)" % ",".join("?" * len(SPECIAL_USERS)))
                    args += SPECIAL_USERS
            elif key in schema.USER.fields:
                kind = schema.USER.fields[key]
                where.append("%s = ?" % key)
                args.append(int(value.lower() == "true") if kind == schema.BOOL else value)
            else:
                return 400, {"error": "unknown filter %s" % key}
        return 200, _rows(store, " AND ".join(where), args, limit, offset)
    if path == "/__test__/expire-keys" and method == "POST":
        # Every API key becomes older than its 30-day lifetime and every session ends: the next call is a 401.
        with store.write() as conn:
            conn.execute("UPDATE api_keys SET created = created - 31 * 86400000")
            conn.execute("UPDATE sessions SET expires = 0")
        return 200, {"expired": True}
    if path == "/__test__/oauth/advance" and method == "POST" and server.oauth is not None:
        # The OAuth2 server's clock moves on (codes and refresh tokens expire); access tokens are sessions.
        seconds = wfjson.loads(body, "body").get("seconds") if body else None
        if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or not 0 <= seconds <= 10 ** 9:
            raise ValueError("give {\"seconds\": N}")
        server.oauth.advance(seconds)
        return 200, {"advanced": seconds}
    if path == "/__test__/reset" and method == "POST":
        meta = store.meta()
        key = seed.seed_database(store, int(meta.get("users", 250)), int(meta.get("seed", 1)))
        server.stats.reset()
        return 200, {"users": int(meta.get("users", 250)), "ssoApiKey": key}
    return 404, {"error": "no test control endpoint %s %s" % (method, path)}
