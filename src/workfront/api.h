// wf_api.h: request builders and response parsers for the Workfront endpoints wfadmin uses.
// Builders are pure: (endpoint, auth, arguments) -> Request. Parsers are pure: Response -> Result<T>.
#pragma once
#include <string>
#include <vector>
#include "error.h"
#include "host.h"
#include "transport.h"
#include "user.h"

namespace wf {

constexpr const char* kDefaultApiVersion = "21.0";
constexpr int kMaxPageLimit = 2000;    // Workfront refuses $$LIMIT above this
constexpr int kMaxBulkUpdate = 100;    // objects per bulk PUT
constexpr int kMaxQueryResult = 50000; // a query result is capped at this
// Workfront's CDN rejects URIs over 8,892 bytes; a GET whose URL would pass this goes as a form POST with
// method=GET instead (leaving room for the same-origin proxy's mapping).
constexpr size_t kMaxUrlBytes = 8000;

struct Endpoint {
    Host host;
    std::string version = kDefaultApiVersion;   // "21.0"; the path is /attask/api/v<version>/
    // "https://acme.my.workfront.com/attask/api/v21.0". A version typed as "v22", "22" or "22.0" all give v22.0.
    std::string api_url() const;
};

struct Auth {
    enum class Kind { None, ApiKey, Session } kind = Kind::None;
    std::string secret;   // the key or session/OAuth2 token; sent only as a header
};

// A search filter in Workfront's own parameter form: name=value pairs ("isActive"="true",
// "emailAddr_Mod"="cicontains"). Usernames go through `filters={"username":...}` (see the API notes).
// Builders move `username` / `username_Mod` entries into the filters JSON themselves, and drop credential
// names (password, apiKey, sessionID) so that a secret can never end up in a URL through a filter.
struct Filter {
    std::vector<std::pair<std::string, std::string>> params;
    Filter& add(std::string name, std::string value) {
        params.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};
Filter username_filter(const std::string& username);                        // filters={"username":"..."}
Filter id_range_filter(const std::string& low_id, const std::string& high_id); // ID between low and high, inclusive

// ---- builders ----
// getApiKey / generateApiKey / clearApiKey: POST with a form body: method=PUT&action=...&username=..&password=..
Request get_api_key_request(const Endpoint& ep, const std::string& username, const std::string& password);
Request generate_api_key_request(const Endpoint& ep, const std::string& username, const std::string& password);
Request clear_api_key_request(const Endpoint& ep, const Auth& auth);
// `$` stays literal in the path and in parameter names (/user/$$USER, $$FIRST, $$LIMIT), as Workfront's
// documentation and its official client write them; parameter values are fully percent-encoded.
Request current_user_request(const Endpoint& ep, const Auth& auth);   // GET /user/$$USER?fields=...
Request get_user_request(const Endpoint& ep, const Auth& auth, const std::string& user_id);  // GET /user/<ID>?fields=
Request user_count_request(const Endpoint& ep, const Auth& auth, const Filter& filter = {});
// One page of /user/search with fields, $$FIRST (at least 0), $$LIMIT (clamped to 1..2000) and ID_Sort=asc.
Request user_search_request(const Endpoint& ep, const Auth& auth, int first, int limit, const Filter& filter = {});
// PUT /user/<id> with updates={"isActive":<bool>} (a JSON boolean) and fields=kUserFields.
Request set_active_request(const Endpoint& ep, const Auth& auth, const std::string& user_id, bool active);
// PUT /user with updates=[{"ID":..,"isActive":..},...]; at most kMaxBulkUpdate ids (more is a programming error:
// the builder asserts). Form-encoded POST body with method=PUT so long lists never hit the URI limit.
Request bulk_set_active_request(const Endpoint& ep, const Auth& auth, const std::vector<std::string>& user_ids,
                                bool active, bool atomic = false);
// Count of objects (TASK, OPTASK, PROJ) matching a filter, for the open-work preview: GET /<code>/count?...
Request object_count_request(const Endpoint& ep, const Auth& auth, const std::string& obj_code, const Filter& filter);

// ---- parsers ----
Error classify_error(const Response& response);       // for any response that is not a success
Result<std::string> parse_api_key(const Response& response);   // "" when the user has no key
Result<User> parse_user(const Response& response);
Result<std::vector<User>> parse_users(const Response& response);
Result<long long> parse_count(const Response& response);
// Bulk answer: a list of updated users, or {"success":true} for atomic calls (returns an empty vector then).
Result<std::vector<User>> parse_bulk(const Response& response);

// Lower-level helpers, exposed for tests and the admin model.
std::optional<TimeMs> parse_wf_date(const std::string& text);      // also accepts ISO-8601 without the colon quirk
std::string format_wf_date(TimeMs t);                               // "2017-03-23T05:00:00:000+0000"
std::string url_encode(const std::string& s);                       // RFC 3986 unreserved kept
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace wf
