// url.cpp: percent-encoding for query strings and form bodies.
// Values are encoded strictly (RFC 3986 unreserved characters kept, everything else %XX), so JSON, e-mail
// addresses and non-ASCII names travel intact. Parameter names are our own constants; they keep `$` and `:`
// literal (`$$FIRST`, `OR:1:status`), as the official client and Workfront's documentation write them.
#include "api.h"

namespace wf {

static bool is_unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

static std::string encode(const std::string& s, bool keep_name_marks) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size() * 3 / 2);
    for (unsigned char c : s) {
        if (is_unreserved(c) || (keep_name_marks && (c == '$' || c == ':'))) {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string url_encode(const std::string& s) { return encode(s, false); }

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        if (!out.empty()) out += '&';
        out += encode(name, true);
        out += '=';
        out += encode(value, false);
    }
    return out;
}

}  // namespace wf
