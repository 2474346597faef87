# edits.py: changing users in the demo: one (PUT /user/<ID>?updates={...}) or many (PUT /user?updates=[...], at
# most 100, atomic or not). Values may be JSON booleans or "true"/"false" strings; only administrators change other
# people; the Admin Email user is never deactivated; a bulk call is checked whole before anything is written.
import re

from . import auth, errors, query, schema, seed, wfjson
from .errors import bad_param
from .wfdate import format_wf, now_ms

MAX_BULK = 100
_HEX_ID = re.compile(r"^[0-9a-f]{32}$")


def _updates(req, want_list):
    text = req.param("updates")
    if text is not None:
        data = wfjson.loads(text, "updates")
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


def _check_change(conn, obj, version, caller, target_id, changes):
    """Validates one object's changes; returns the SQL assignments. Raises 404/403/422 like Workfront."""
    if obj.code != "USER":
        raise bad_param("The demo instance edits users only, not %s objects" % obj.label, obj.code)
    if not target_id:
        raise bad_param("Each object in updates needs its ID", "ID")
    if not isinstance(target_id, str):
        raise bad_param('"%s" is not a valid ID (IDs are text)' % errors.shown(target_id), "ID")
    target = conn.execute("SELECT ID, isActive FROM users WHERE ID = ?", (target_id,)).fetchone() \
        if _HEX_ID.match(target_id) else None
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
        sets[name] = _edit_value(conn, obj, name, value)
    caller_id, _, caller_admin, _ = caller
    if not caller_admin and (target_id != caller_id or not set(sets) <= schema.SELF_EDITABLE):
        raise errors.forbidden("You do not have sufficient access to edit %s %s. Only administrators can "
                               "change other users or access settings." % (obj.label, target_id))
    if sets.get("isActive") == 0 and target_id == seed.OWNER_ID:
        raise errors.admin_email_guard(target_id)
    return sets


def _edit_value(conn, obj, name, value):
    kind = obj.fields[name]
    if kind == schema.BOOL:
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return int(value.strip().lower() == "true")
        raise bad_param('"%s" is not a valid value for %s (true or false)' % (errors.shown(value), name), name)
    if value is not None and not isinstance(value, str):
        raise bad_param('"%s" is not a valid value for %s' % (errors.shown(value), name), name)
    if name.endswith("ID") and value is not None:
        table = {"accessLevelID": "access_levels", "homeGroupID": "groups", "managerID": "users"}[name]
        if conn.execute("SELECT 1 FROM %s WHERE ID = ?" % table, (value,)).fetchone() is None:
            raise bad_param('%s "%s" does not exist' % (name, errors.shown(value)), name)
    if name == "licenseType" and value not in ("F", "W", "R", "L", None):
        raise bad_param('"%s" is not a valid licenseType' % errors.shown(value), name)
    return value


def _apply(conn, user_id, sets):
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


def _render_ids(conn, obj, version, req, ids):
    sel = query.Selection(obj, version, req.fields())
    q = "SELECT %s FROM %s WHERE ID = ?" % (sel.sql_columns(), obj.table)
    return [sel.render(conn, conn.execute(q, (i,)).fetchall())[0] for i in ids]


def edit_one(store, obj, version, req, target_id):
    """PUT /<obj>/<ID>?updates={...}: the updated object with the requested fields."""
    changes = _updates(req, want_list=False)
    query.Selection(obj, version, req.fields())   # reject unknown fields before writing anything
    with store.write() as conn:
        caller = auth.authenticate(conn, req)
        if target_id == "$$USER":
            target_id = caller[0]
        _apply(conn, target_id, _check_change(conn, obj, version, caller, target_id, changes))
        return 200, {"data": _render_ids(conn, obj, version, req, [target_id])[0]}


def edit_many(store, obj, version, req):
    """PUT /<obj>?updates=[...]: at most 100 objects, all checked before any is written."""
    items = _updates(req, want_list=True)
    if len(items) > MAX_BULK:
        raise bad_param("A bulk update can change at most %d objects; this one has %d" % (MAX_BULK, len(items)),
                        "updates", len(items))
    query.Selection(obj, version, req.fields())
    atomic = (req.param("atomic") or "").lower() == "true"
    with store.write() as conn:
        caller = auth.authenticate(conn, req)
        # Check everything first: one refused object refuses the whole call and nothing is written.
        planned = [(item.get("ID"), _check_change(conn, obj, version, caller, item.get("ID"), item))
                   for item in items]
        for target_id, sets in planned:
            _apply(conn, target_id, sets)
        if atomic:
            return 200, {"data": {"success": True}}
        return 200, {"data": _render_ids(conn, obj, version, req, [t for t, _ in planned])}
