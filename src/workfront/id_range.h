// id_range.h: arithmetic on Workfront IDs (32 lowercase hex digits, i.e. 128-bit numbers), so that a query
// too big for one result (over 50,000 users) or a stretch of the directory that came back short can be split
// into two ID ranges (ID_Mod=between). For 32-digit lowercase hex, text order equals numeric order, which is
// the order Workfront and SQL compare IDs in.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace wf {

struct Id128 {
    std::uint64_t high = 0, low = 0;
    static Id128 min() { return {0, 0}; }
    static Id128 max() { return {~0ull, ~0ull}; }
    static std::optional<Id128> parse(const std::string& hex32);   // exactly 32 hex digits, any case
    std::string hex() const;                                      // 32 lowercase hex digits
    bool operator==(const Id128& o) const { return high == o.high && low == o.low; }
    bool operator<(const Id128& o) const { return high < o.high || (high == o.high && low < o.low); }
};

Id128 id_successor(const Id128& id);               // id + 1 (max stays max)
Id128 id_predecessor(const Id128& id);             // id - 1 (min stays min)
Id128 id_midpoint(const Id128& a, const Id128& b); // floor((a + b) / 2) for a <= b, without overflow

}  // namespace wf
