// user.cpp: the user fields wfadmin asks for, and reading one user object out of Workfront's JSON.
// Workfront and the proxies in front of it are not always tidy: fields may be missing or null, booleans may
// come as "true"/"false" strings (the documentation's own examples send them so), numbers as strings.
// Those are read. A value of the wrong kind is an error rather than a guess: showing an active user as
// inactive, or a stale login as "never", could lead an administrator to the wrong decision.
#include <cmath>
#include <cstdint>
#include <limits>
#include "api.h"
#include "json_answer.h"

namespace wf {

// Only what the page shows or decides with: a 50,000-user directory is read in full at every sign-in, and
// each extra field costs the tenant, the network and the parser on every one of those users. The reader
// below still understands the other fields (firstName, title, entryDate...) when an answer carries them.
const char* const kUserFields = "ID,name,username,emailAddr,isActive,isAdmin,lastLoginDate,licenseType";

static std::string trim_lower(const std::string& s) {
    const size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    std::string out = b == std::string::npos ? "" : s.substr(b, e - b + 1);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

static bool parse_int_text(const std::string& text, std::int64_t& out) {
    const std::string s = trim_lower(text);
    size_t i = 0;
    const bool negative = !s.empty() && (s[0] == '-' || s[0] == '+') ? s[i++] == '-' : false;
    if (i >= s.size()) return false;
    std::uint64_t v = 0;
    const std::uint64_t limit = negative ? std::uint64_t(std::numeric_limits<std::int64_t>::max()) + 1
                                         : std::uint64_t(std::numeric_limits<std::int64_t>::max());
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
        const unsigned d = unsigned(s[i] - '0');
        if (v > (limit - d) / 10) return false;
        v = v * 10 + d;
    }
    if (i < s.size()) {   // "42.0" / "42.000" is still 42; "42.5" is not a whole number
        if (s[i] != '.' || i + 1 >= s.size()) return false;
        for (++i; i < s.size(); ++i)
            if (s[i] != '0') return false;
    }
    out = negative ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
    return true;
}

bool read_int64(const json& value, std::int64_t& out) {
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (v > std::uint64_t(std::numeric_limits<std::int64_t>::max())) return false;
        out = static_cast<std::int64_t>(v);
        return true;
    }
    if (value.is_number_integer()) {
        out = value.get<std::int64_t>();
        return true;
    }
    if (value.is_number_float()) {
        const double d = value.get<double>();
        // 2^63 is exactly representable; anything at or above it does not fit.
        if (!std::isfinite(d) || d != std::floor(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0)
            return false;
        out = static_cast<std::int64_t>(d);
        return true;
    }
    if (value.is_string()) return parse_int_text(value.get<std::string>(), out);
    return false;
}

namespace {
// Reads the fields of one user object, remembering the first problem.
struct UserReader {
    const json& obj;
    std::string id;
    std::string problem;

    const json* field(const char* name) const {
        auto it = obj.find(name);
        return it == obj.end() || it->is_null() ? nullptr : &*it;
    }
    void fail(const char* name, const std::string& what) {
        if (problem.empty()) problem = std::string(name) + " of user " + id + " " + what;
    }
    void text(const char* name, std::string& out) {
        const json* v = field(name);
        if (!v) return;
        if (v->is_string()) out = v->get<std::string>();
        else if (v->is_number() || v->is_boolean()) out = v->dump();
        else fail(name, std::string("is a JSON ") + v->type_name() + ", not text");
    }
    void flag(const char* name, bool& out) {
        const json* v = field(name);
        if (!v) return;
        if (v->is_boolean()) {
            out = v->get<bool>();
            return;
        }
        if (v->is_string()) {
            const std::string s = trim_lower(v->get<std::string>());
            if (s == "true" || s == "1") {
                out = true;
                return;
            }
            if (s == "false" || s == "0") {
                out = false;
                return;
            }
            if (s.empty()) return;
        }
        std::int64_t n;
        if (v->is_number() && read_int64(*v, n) && (n == 0 || n == 1)) {
            out = n == 1;
            return;
        }
        fail(name, "is " + excerpt(v->dump(), 40) + ", not true or false");
    }
    void date(const char* name, std::optional<TimeMs>& out) {
        const json* v = field(name);
        if (!v) return;
        if (v->is_string()) {
            const std::string s = v->get<std::string>();
            if (trim_lower(s).empty()) return;
            out = parse_wf_date(s);
            if (!out) fail(name, "is \"" + excerpt(s, 40) + "\", not a date");
            return;
        }
        std::int64_t ms;
        if (v->is_number() && read_int64(*v, ms)) {   // milliseconds since the epoch
            out = ms;
            return;
        }
        fail(name, "is " + excerpt(v->dump(), 40) + ", not a date");
    }
    void integer(const char* name, std::int64_t& out) {
        const json* v = field(name);
        if (!v) return;
        if (v->is_string() && trim_lower(v->get<std::string>()).empty()) return;
        if (!read_int64(*v, out)) fail(name, "is " + excerpt(v->dump(), 40) + ", not a whole number");
    }
};
}  // namespace

Result<User> user_from_json(const json& object) {
    if (!object.is_object()) return malformed(200, std::string("a user is a JSON ") + object.type_name());
    User u;
    auto id = object.find("ID");
    if (id == object.end() || !id->is_string() || id->get<std::string>().empty())
        return malformed(200, "a user without an ID: " + excerpt(object.dump(), 80));
    u.id = id->get<std::string>();
    UserReader r{object, u.id, {}};
    r.text("name", u.name);
    r.text("firstName", u.first_name);
    r.text("lastName", u.last_name);
    r.text("username", u.username);
    r.text("emailAddr", u.email);
    r.text("title", u.title);
    r.text("licenseType", u.license_type);
    r.text("accessLevelID", u.access_level_id);
    r.flag("isActive", u.is_active);
    r.flag("isAdmin", u.is_admin);
    r.flag("ssoAccessOnly", u.sso_only);
    r.date("lastLoginDate", u.last_login);
    r.date("entryDate", u.entry_date);
    r.integer("loginCount", u.login_count);
    if (!r.problem.empty()) return malformed(200, r.problem);
    return u;
}

}  // namespace wf
