# schema.py: the demo's object model. Each Workfront object code maps to a SQLite table and a list of fields
# with a kind (how values are stored, filtered and rendered). References ("accessLevel" -> ACSLVL through
# accessLevelID) let `fields=accessLevel:name` return nested objects like Workfront does.
from dataclasses import dataclass, field

ID, STR, BOOL, INT, DATE = "id", "string", "boolean", "integer", "date"


@dataclass(frozen=True)
class Ref:
    name: str        # "accessLevel"
    id_field: str    # "accessLevelID"
    obj_code: str    # "ACSLVL"


@dataclass
class ObjDef:
    code: str                 # "USER"
    label: str                # "User" (used in messages, like Workfront's)
    table: str
    fields: dict              # name -> kind; every name is also the column name
    defaults: list            # fields returned when the request names none
    refs: dict = field(default_factory=dict)     # ref name -> Ref
    editable: frozenset = frozenset()


USER = ObjDef(
    code="USER", label="User", table="users",
    fields={"ID": ID, "name": STR, "firstName": STR, "lastName": STR, "username": STR, "emailAddr": STR,
            "isActive": BOOL, "isAdmin": BOOL, "lastLoginDate": DATE, "loginCount": INT, "title": STR,
            "accessLevelID": ID, "licenseType": STR, "homeGroupID": ID, "companyID": ID, "managerID": ID,
            "ssoAccessOnly": BOOL, "entryDate": DATE, "lastUpdateDate": DATE, "locale": STR},
    defaults=["emailAddr", "title", "isActive", "lastLoginDate"],
    refs={"accessLevel": Ref("accessLevel", "accessLevelID", "ACSLVL"),
          "homeGroup": Ref("homeGroup", "homeGroupID", "GROUP"),
          "company": Ref("company", "companyID", "CMPY"),
          "manager": Ref("manager", "managerID", "USER")},
    # What an administrator may change through the demo. A user may change only the harmless ones of their own.
    editable=frozenset({"isActive", "title", "firstName", "lastName", "managerID", "homeGroupID",
                        "accessLevelID", "licenseType"}),
)
SELF_EDITABLE = frozenset({"title", "firstName", "lastName"})

_WORK_FIELDS = {"ID": ID, "name": STR, "status": STR, "assignedToID": ID, "projectID": ID,
                "entryDate": DATE, "plannedCompletionDate": DATE}
_WORK_REFS = {"assignedTo": Ref("assignedTo", "assignedToID", "USER"),
              "project": Ref("project", "projectID", "PROJ")}

OBJECTS = {
    "USER": USER,
    "TASK": ObjDef("TASK", "Task", "tasks", dict(_WORK_FIELDS), ["status", "assignedToID", "projectID"],
                   dict(_WORK_REFS)),
    "OPTASK": ObjDef("OPTASK", "Issue", "issues", dict(_WORK_FIELDS), ["status", "assignedToID", "projectID"],
                     dict(_WORK_REFS)),
    "PROJ": ObjDef("PROJ", "Project", "projects",
                   {"ID": ID, "name": STR, "status": STR, "ownerID": ID, "entryDate": DATE,
                    "plannedCompletionDate": DATE},
                   ["status", "ownerID"], {"owner": Ref("owner", "ownerID", "USER")}),
    "ACSLVL": ObjDef("ACSLVL", "AccessLevel", "access_levels",
                     {"ID": ID, "name": STR, "description": STR, "licenseType": STR, "isAdmin": BOOL},
                     ["description"]),
    "GROUP": ObjDef("GROUP", "Group", "groups", {"ID": ID, "name": STR, "description": STR}, ["description"]),
    "CMPY": ObjDef("CMPY", "Company", "companies", {"ID": ID, "name": STR}, []),
}

# Aliases Workfront accepts for some object codes (case-insensitive lookups go through lookup()).
_ALIASES = {"PROJECT": "PROJ", "ISSUE": "OPTASK", "ACCESSLEVEL": "ACSLVL", "COMPANY": "CMPY"}


def lookup(code):
    code = code.upper()
    return OBJECTS.get(_ALIASES.get(code, code))
