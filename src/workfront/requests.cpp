// requests.cpp: the exact HTTP requests wfadmin sends to Workfront.
// Credentials travel in two places only: a form-encoded POST body (username/password, for the API-key
// actions) and a header (apiKey or sessionID). Never the URL: URLs end up in proxy logs and browser history.
#include <cassert>
#include "api.h"
#include "json_answer.h"

namespace wf {

using Params = std::vector<std::pair<std::string, std::string>>;
static const char* const kFormType = "application/x-www-form-urlencoded";

// JSON text for a parameter. Invalid UTF-8 (a pasted fragment) becomes U+FFFD instead of an exception,
// which would abort the page: exceptions are off in the web build.
static std::string json_text(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string Endpoint::api_url() const {
    std::string v = version.empty() ? kDefaultApiVersion : version;
    if (v[0] == 'v' || v[0] == 'V') v.erase(0, 1);
    if (v.find('.') == std::string::npos) v += ".0";
    return host.base_url() + "/attask/api/v" + v;
}

Filter username_filter(const std::string& username) {
    Filter f;
    f.add("filters", json_text(json{{"username", username}}));
    return f;
}

Filter id_range_filter(const std::string& low_id, const std::string& high_id) {
    Filter f;
    f.add("ID", low_id).add("ID_Mod", "between").add("ID_Range", high_id);
    return f;
}

static std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

// A Filter as request parameters: username conditions go into filters={...} (a bare `username` parameter is
// read by Workfront as a credential), credential names are dropped.
static Params filter_params(const Filter& filter) {
    Params out;
    json filters = json::object();
    for (const auto& [name, value] : filter.params) {
        const std::string low = lower(name);
        if (low == "password" || low == "apikey" || low == "sessionid") continue;   // never a filter; never in a URL
        if (low == "username" || low.rfind("username_", 0) == 0) {
            json& slot = filters[name];
            if (slot.is_null()) slot = value;
            else if (slot.is_array()) slot.push_back(value);
            else slot = json::array({slot, value});
        } else if (name == "filters") {
            const json given = json::parse(value, nullptr, false);
            if (given.is_object()) filters.update(given);
            else out.emplace_back(name, value);   // not ours to fix: Workfront will say what is wrong
        } else {
            out.emplace_back(name, value);
        }
    }
    if (!filters.empty()) out.emplace_back("filters", json_text(filters));
    return out;
}

static void add_auth(Request& r, const Auth& auth) {
    if (auth.secret.empty()) return;
    if (auth.kind == Auth::Kind::ApiKey) r.headers.push_back({"apiKey", auth.secret});
    if (auth.kind == Auth::Kind::Session) r.headers.push_back({"sessionID", auth.secret});
}

// GET <api>/<path>?<params>; when that URL would be too long for Workfront's CDN, the same parameters go
// in a form POST with method=GET, which Workfront treats identically.
static Request get_request(const Endpoint& ep, const Auth& auth, const std::string& path, Params params) {
    Request r;
    add_auth(r, auth);
    const std::string query = form_encode(params);
    r.url = ep.api_url() + path + (query.empty() ? "" : "?" + query);
    if (r.url.size() > kMaxUrlBytes) {
        params.emplace_back("method", "GET");
        r.method = "POST";
        r.url = ep.api_url() + path;
        r.body = form_encode(params);
        r.content_type = kFormType;
    }
    return r;
}

// POST <api>/<path> with a form body ending in method=PUT: how Workfront takes a PUT whose parameters must not
// be in the URL (credentials) or may be too long for it (bulk updates).
static Request put_as_form(const Endpoint& ep, const Auth& auth, const std::string& path, Params params) {
    Request r;
    add_auth(r, auth);
    params.emplace_back("method", "PUT");
    r.method = "POST";
    r.url = ep.api_url() + path;
    r.body = form_encode(params);
    r.content_type = kFormType;
    return r;
}

static Request api_key_action(const Endpoint& ep, const char* action, const std::string& username,
                              const std::string& password) {
    return put_as_form(ep, Auth{}, "/user", {{"action", action}, {"username", username}, {"password", password}});
}

Request get_api_key_request(const Endpoint& ep, const std::string& username, const std::string& password) {
    return api_key_action(ep, "getApiKey", username, password);
}

Request generate_api_key_request(const Endpoint& ep, const std::string& username, const std::string& password) {
    return api_key_action(ep, "generateApiKey", username, password);
}

Request clear_api_key_request(const Endpoint& ep, const Auth& auth) {
    return put_as_form(ep, auth, "/user", {{"action", "clearApiKey"}});
}

Request current_user_request(const Endpoint& ep, const Auth& auth) {
    return get_request(ep, auth, "/user/$$USER", {{"fields", kUserFields}});
}

Request get_user_request(const Endpoint& ep, const Auth& auth, const std::string& user_id) {
    return get_request(ep, auth, "/user/" + url_encode(user_id), {{"fields", kUserFields}});
}

Request user_count_request(const Endpoint& ep, const Auth& auth, const Filter& filter) {
    return get_request(ep, auth, "/user/count", filter_params(filter));
}

Request user_search_request(const Endpoint& ep, const Auth& auth, int first, int limit, const Filter& filter) {
    if (first < 0) first = 0;
    if (limit < 1) limit = 1;
    if (limit > kMaxPageLimit) limit = kMaxPageLimit;
    Params params = {{"fields", kUserFields},
                     {"$$FIRST", std::to_string(first)},
                     {"$$LIMIT", std::to_string(limit)},
                     {"ID_Sort", "asc"}};   // the only order that stays put between pages
    for (auto& p : filter_params(filter)) params.push_back(std::move(p));
    return get_request(ep, auth, "/user/search", std::move(params));
}

Request set_active_request(const Endpoint& ep, const Auth& auth, const std::string& user_id, bool active) {
    Request r;
    add_auth(r, auth);
    r.method = "PUT";
    r.url = ep.api_url() + "/user/" + url_encode(user_id) + "?" +
            form_encode({{"updates", json_text(json{{"isActive", active}})}, {"fields", kUserFields}});
    return r;
}

Request bulk_set_active_request(const Endpoint& ep, const Auth& auth, const std::vector<std::string>& user_ids,
                                bool active, bool atomic) {
    assert(!user_ids.empty() && user_ids.size() <= size_t(kMaxBulkUpdate) && "split bulk updates into chunks");
    json updates = json::array();
    for (const std::string& id : user_ids) updates.push_back(json{{"ID", id}, {"isActive", active}});
    Params params = {{"updates", json_text(updates)}, {"fields", kUserFields}};
    if (atomic) params.emplace_back("atomic", "true");
    return put_as_form(ep, auth, "/user", std::move(params));
}

Request object_count_request(const Endpoint& ep, const Auth& auth, const std::string& obj_code, const Filter& filter) {
    return get_request(ep, auth, "/" + url_encode(lower(obj_code)) + "/count", filter_params(filter));
}

}  // namespace wf
