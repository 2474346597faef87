// transport.cpp: the little logic the Request struct carries (header lookup).
#include "transport.h"

namespace wf {

static bool equal_ignoring_case(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

const std::string* Request::header(const std::string& name) const {
    for (const Header& h : headers)
        if (equal_ignoring_case(h.name, name)) return &h.value;
    return nullptr;
}

}  // namespace wf
