// wf_user.h: a Workfront user as wfadmin needs it. Every field but `id` may be missing in an answer.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace wf {

// Milliseconds since the Unix epoch, UTC. Workfront writes "2017-03-23T09:00:00:000+0400".
using TimeMs = std::int64_t;

struct User {
    std::string id;            // 32 hex chars
    std::string name;
    std::string first_name;
    std::string last_name;
    std::string username;
    std::string email;         // emailAddr
    std::string title;
    std::string license_type;  // licenseType, e.g. "F" (full), "L" (limited) ... as the server sends it
    std::string access_level_id;
    bool is_active = true;
    bool is_admin = false;
    bool sso_only = false;     // ssoAccessOnly
    std::optional<TimeMs> last_login;  // lastLoginDate; nullopt: never logged in
    std::optional<TimeMs> entry_date;
    std::int64_t login_count = 0;
};

// The fields wfadmin asks for in every user search.
extern const char* const kUserFields;  // "ID,name,username,emailAddr,isActive,isAdmin,lastLoginDate,licenseType"

}  // namespace wf
