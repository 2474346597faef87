// fake_workfront.h: an in-memory Workfront for the admin model's tests: API-key actions, $$USER, user count and
// search (whole, ID between, ID in), single and bulk isActive updates (the Admin Email user refused, a bulk
// PUT holding it refused as a whole), and TASK/OPTASK/PROJ counts. It decodes requests itself, so tests check
// what the model really sends. `fault` can answer any request first (throttling, outages, expired keys), and
// every successful write is counted per user ID, so "no user is written twice" can be asserted.
#pragma once
#include <array>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "support/form_decode.h"
#include "workfront/api.h"
#include "workfront/transport.h"

namespace wftest {

struct FakeUser {
    std::string id, name, email, username;
    bool active = true;
    bool admin = false;
    std::string licence = "F";
    std::optional<wf::TimeMs> last_login;
};

class FakeWorkfront {
public:
    using Params = wftest::Params;
    std::map<std::string, FakeUser> users;             // by ID
    std::map<std::string, std::string> passwords;      // username -> password
    std::map<std::string, std::string> api_keys;       // username -> key ("" or absent: none)
    std::set<std::string> sso_only;                    // usernames that cannot use a password
    std::map<std::string, std::string> sessions;       // session/OAuth2 token -> user ID
    std::set<std::string> protected_ids;               // the Admin Email user(s): cannot be deactivated
    std::map<std::string, std::array<long long, 3>> open_work;   // ID -> tasks, issues, projects
    std::set<std::string> refuse_counts_for;           // object codes whose count answers 403
    std::function<std::optional<wf::Response>(const wf::Request&)> fault;   // answers first when it returns one
    std::map<std::string, int> successful_writes;      // user ID -> writes answered with success
    int writes = 0, generated = 0, cleared = 0;
    std::vector<std::string> calls;                    // "GET /user/search", "PUT /user", ...

    bool answer(const wf::Request& request, wf::Response& out) {
        out = respond(request);
        return true;
    }

    static std::string user_json_text(const FakeUser& u) { return to_json(u).dump(); }

    wf::Response respond(const wf::Request& request) {
        if (fault)
            if (auto r = fault(request)) return *r;
        const std::string prefix = "https://acme.my.workfront.com/attask/api/v";
        if (request.url.rfind(prefix, 0) != 0) return error(400, "IllegalArgumentException", "bad host " + request.url);
        std::string rest = request.url.substr(prefix.size());
        rest = rest.substr(rest.find('/'));
        const size_t q = rest.find('?');
        const std::string path = rest.substr(0, q);
        Params params = decode_form(q == std::string::npos ? "" : rest.substr(q + 1));
        for (auto& p : decode_form(request.body)) params.push_back(p);
        std::string method = request.method;
        if (auto m = param(params, "method")) method = *m;
        calls.push_back(method + " " + path);

        const std::string action = param(params, "action").value_or("");
        if (path == "/user" && (action == "getApiKey" || action == "generateApiKey")) return key_action(action, params);
        if (request.url.find("password") != std::string::npos || request.url.find("apiKey=") != std::string::npos)
            return error(400, "IllegalArgumentException", "credential in the URL");
        const FakeUser* me = authenticate(request);
        if (!me) return error(401, "AuthenticationException", "You are not currently logged in");
        if (path == "/user" && action == "clearApiKey") {
            ++cleared;
            api_keys[me->username] = "";
            return {200, R"({"data":{"success":true}})", "application/json"};
        }
        if (path == "/user/$$USER") return data(to_json(*me));
        if (path == "/user/count") return search(params, true);
        if (path == "/user/search") return search(params, false);
        if (path == "/user" && method == "PUT") return bulk_update(params);
        if (path.rfind("/user/", 0) == 0 && method == "PUT") return single_update(path.substr(6), params);
        for (int which = 0; which < 3; ++which) {
            static const char* const kPaths[] = {"/task/count", "/optask/count", "/proj/count"};
            static const char* const kCodes[] = {"task", "optask", "proj"};
            if (path != kPaths[which]) continue;
            if (refuse_counts_for.count(kCodes[which])) return error(403, "SecurityException", "no access to counts");
            const std::string id = param(params, which == 2 ? "ownerID" : "assignedToID").value_or("");
            auto it = open_work.find(id);
            return data({{"count", it == open_work.end() ? 0 : it->second[which]}});
        }
        return error(404, "NotFoundException", "no route " + method + " " + path);
    }

    static std::optional<std::string> param(const Params& params, const std::string& name) {
        for (const auto& [k, v] : params)
            if (k == name) return v;
        return std::nullopt;
    }
    static std::vector<std::string> all(const Params& params, const std::string& name) {
        std::vector<std::string> out;
        for (const auto& [k, v] : params)
            if (k == name) out.push_back(v);
        return out;
    }
    static Params decode_form(const std::string& text) { return wftest::decode_form(text); }
    static wf::Response error(int status, const std::string& cls, const std::string& message) {
        nlohmann::json e = {{"error", {{"class", cls.find('.') == std::string::npos ? "com.attask.common." + cls : cls},
                                       {"message", message}}}};
        return {status, e.dump(), "application/json"};
    }

private:
    static nlohmann::json to_json(const FakeUser& u) {
        nlohmann::json j = {{"ID", u.id},          {"name", u.name},        {"objCode", "USER"},
                            {"emailAddr", u.email}, {"username", u.username}, {"isActive", u.active},
                            {"isAdmin", u.admin},   {"licenseType", u.licence}};
        j["lastLoginDate"] = u.last_login ? nlohmann::json(wf::format_wf_date(*u.last_login)) : nlohmann::json(nullptr);
        return j;
    }
    static wf::Response data(const nlohmann::json& d) {
        return {200, nlohmann::json{{"data", d}}.dump(), "application/json"};
    }
    const FakeUser* by_username(const std::string& username) const {
        for (const auto& [id, u] : users)
            if (u.username == username) return &u;
        return nullptr;
    }
    const FakeUser* authenticate(const wf::Request& request) const {
        if (const std::string* key = request.header("apiKey")) {
            for (const auto& [username, k] : api_keys)
                if (!k.empty() && k == *key) return by_username(username);
            return nullptr;
        }
        if (const std::string* token = request.header("sessionID")) {
            auto it = sessions.find(*token);
            if (it == sessions.end()) return nullptr;
            auto u = users.find(it->second);
            return u == users.end() ? nullptr : &u->second;
        }
        return nullptr;
    }
    wf::Response key_action(const std::string& action, const Params& params) {
        const std::string username = param(params, "username").value_or("");
        const std::string password = param(params, "password").value_or("");
        if (sso_only.count(username))
            return error(401, "AuthenticationException", "This account must sign in with SSO.");
        auto it = passwords.find(username);
        if (it == passwords.end() || it->second != password)
            return error(401, "AuthenticationException", "That username/password combination wasn't quite right");
        if (action == "generateApiKey") {
            ++generated;
            api_keys[username] = "generated-key-" + std::to_string(generated);
        }
        return data({{"result", api_keys[username]}});
    }
    wf::Response search(const Params& params, bool count) {
        std::vector<std::string> in_ids = all(params, "ID");
        const std::string mod = param(params, "ID_Mod").value_or("");
        std::string low, high;
        if (mod == "between") {
            low = in_ids.at(0);
            high = param(params, "ID_Range").value_or("");
        }
        std::set<std::string> in_set(in_ids.begin(), in_ids.end());
        if (!in_ids.empty() && mod != "in" && mod != "between") return error(422, "IllegalArgumentException", "ID_Mod");
        std::vector<const FakeUser*> found;
        for (const auto& [id, u] : users) {
            if (mod == "in" && !in_set.count(id)) continue;
            if (mod == "between" && (id < low || id > high)) continue;
            found.push_back(&u);
        }
        if (count) return data({{"count", found.size()}});
        const int first = std::stoi(param(params, "$$FIRST").value_or("0"));
        const int limit = std::stoi(param(params, "$$LIMIT").value_or("100"));
        if (limit > 2000) return error(422, "IllegalArgumentException", "$$LIMIT");
        nlohmann::json list = nlohmann::json::array();
        for (int i = first; i < first + limit && i < int(found.size()); ++i) list.push_back(to_json(*found[size_t(i)]));
        return data(list);
    }
    wf::Response refused_admin_email() const {
        return error(422, "ValidationException",
                     "The Admin Email user cannot be deactivated. Choose another Admin Email user in Setup first.");
    }
    wf::Response bulk_update(const Params& params) {
        const nlohmann::json updates = nlohmann::json::parse(param(params, "updates").value_or(""), nullptr, false);
        if (!updates.is_array() || updates.size() > 100) return error(422, "IllegalArgumentException", "updates");
        for (const auto& u : updates) {   // refused as a whole, before anything changes
            const std::string id = u.value("ID", "");
            if (!users.count(id)) return error(404, "NotFoundException", "USER with primary key value(s) \"" + id + "\" not found");
            if (protected_ids.count(id) && !u.value("isActive", true)) return refused_admin_email();
        }
        ++writes;
        nlohmann::json out = nlohmann::json::array();
        for (const auto& u : updates) {
            FakeUser& user = users[u["ID"].get<std::string>()];
            user.active = u["isActive"].get<bool>();
            ++successful_writes[user.id];
            out.push_back(to_json(user));
        }
        return data(out);
    }
    wf::Response single_update(const std::string& id, const Params& params) {
        const nlohmann::json updates = nlohmann::json::parse(param(params, "updates").value_or(""), nullptr, false);
        if (!updates.is_object() || !updates.contains("isActive") || !updates["isActive"].is_boolean())
            return error(422, "IllegalArgumentException", "updates");
        auto it = users.find(id);
        if (it == users.end()) return error(404, "NotFoundException", "USER with primary key value(s) \"" + id + "\" not found");
        if (protected_ids.count(id) && !updates["isActive"].get<bool>()) return refused_admin_email();
        ++writes;
        it->second.active = updates["isActive"].get<bool>();
        ++successful_writes[id];
        return data(to_json(it->second));
    }
};

}  // namespace wftest
