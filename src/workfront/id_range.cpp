// id_range.cpp: 128-bit ID arithmetic for splitting ID ranges (see id_range.h).
#include "id_range.h"

namespace wf {

std::optional<Id128> Id128::parse(const std::string& hex32) {
    if (hex32.size() != 32) return std::nullopt;
    Id128 id;
    for (size_t i = 0; i < 32; ++i) {
        const char c = hex32[i];
        unsigned v;
        if (c >= '0' && c <= '9') v = unsigned(c - '0');
        else if (c >= 'a' && c <= 'f') v = unsigned(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v = unsigned(c - 'A' + 10);
        else return std::nullopt;
        std::uint64_t& part = i < 16 ? id.high : id.low;
        part = (part << 4) | v;
    }
    return id;
}

std::string Id128::hex() const {
    static const char* digits = "0123456789abcdef";
    std::string out(32, '0');
    for (int i = 0; i < 16; ++i) {
        out[15 - i] = digits[(high >> (4 * i)) & 15];
        out[31 - i] = digits[(low >> (4 * i)) & 15];
    }
    return out;
}

Id128 id_successor(const Id128& id) {
    if (id == Id128::max()) return id;
    Id128 next = id;
    if (++next.low == 0) ++next.high;
    return next;
}

Id128 id_predecessor(const Id128& id) {
    if (id == Id128::min()) return id;
    Id128 prev = id;
    if (prev.low-- == 0) --prev.high;
    return prev;
}

Id128 id_midpoint(const Id128& a, const Id128& b) {
    // a + (b - a) / 2
    Id128 diff{b.high - a.high - (b.low < a.low ? 1 : 0), b.low - a.low};
    Id128 half{diff.high >> 1, (diff.low >> 1) | (diff.high << 63)};
    Id128 mid{a.high + half.high, a.low + half.low};
    if (mid.low < a.low) ++mid.high;
    return mid;
}

}  // namespace wf
