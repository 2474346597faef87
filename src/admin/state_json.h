// admin/state_json.h: the model as JSON for window.wfadmin.state() (automation and end-to-end tests).
// Shape (keys are stable; new keys may be added):
// {
//   "screen": "signin" | "users"  (sessionState tells the generate-key question apart),
//   "sessionState": "signed_out" | "checking_key" | ... (admin::state_name),
//   "user": null | {"id","name","email","isAdmin"}, "readOnly": bool,
//   "counts": {"active","inactive","total"},
//   "loaded": N (users loaded so far), "loading": {"state":"empty|loading|loaded|failed","loaded":N,"expected":N|-1},
//   "filter": {"text","status":"all|active|inactive","admins":"all|only|exclude","licences":[...],
//              "minDaysWithoutLogin":N,"neverLoggedIn":bool,"matching":N},
//   "busy": bool, "lastError": null | "message", "error": null | {"code","message","serverMessage"},
//   "log": [{"userID","action","outcome","message"}...],
//   "selection": {"count":N},
//   "import": null | {"matched":N,"unmatched":[...],"ambiguous":[...],"alreadyInactive":N},
//   "preview": null | {"running","total","willChange","blocked","already","admins","withOpenWork"},
//   "run": null | {"phase","target":"deactivate|reactivate","done","failed","already","skipped","cancelled",
//                  "remaining","inFlight","total"}
// }
#pragma once
#include <string>
#include "admin/model.h"

namespace admin {

std::string state_json(Model& model);   // non-const: the filtered view is computed on demand

}  // namespace admin
