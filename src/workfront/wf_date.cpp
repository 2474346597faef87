// wf_date.cpp: Workfront's date text <-> milliseconds since the epoch (UTC).
// Workfront writes "2017-03-23T09:00:00:000+0400" (a colon, not a dot, before the milliseconds). Proxies,
// other API versions and hand-made data bring ISO-8601 variants, so those are read too: ".000", "Z",
// "+04:00", "+04", no seconds, no zone (UTC) and a bare date (midnight UTC).
#include <cstdint>
#include <cstdio>
#include "api.h"

namespace wf {

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
static std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

static void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

static bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static unsigned days_in_month(std::int64_t y, unsigned m) {
    static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

namespace {
// A cursor over the text that reads fixed-width digit groups.
struct Scanner {
    const std::string& s;
    size_t i = 0;
    bool at_end() const { return i >= s.size(); }
    char peek() const { return at_end() ? '\0' : s[i]; }
    bool take(char c) {
        if (peek() != c) return false;
        ++i;
        return true;
    }
    bool digits(int count, int& out) {
        out = 0;
        for (int k = 0; k < count; ++k) {
            char c = peek();
            if (c < '0' || c > '9') return false;
            out = out * 10 + (c - '0');
            ++i;
        }
        return true;
    }
};
}  // namespace

std::optional<TimeMs> parse_wf_date(const std::string& text) {
    Scanner sc{text};
    int year, month, day;
    if (!sc.digits(4, year) || !sc.take('-') || !sc.digits(2, month) || !sc.take('-') || !sc.digits(2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || unsigned(day) > days_in_month(year, unsigned(month)))
        return std::nullopt;
    int hour = 0, minute = 0, second = 0, millis = 0, offset_minutes = 0;
    if (!sc.at_end()) {
        if (!sc.take('T') && !sc.take('t') && !sc.take(' ')) return std::nullopt;
        if (!sc.digits(2, hour) || !sc.take(':') || !sc.digits(2, minute)) return std::nullopt;
        if (sc.take(':') && !sc.digits(2, second)) return std::nullopt;
        // Fraction: ".123" (ISO) or ":123" (Workfront); any number of digits, milliseconds kept.
        if (sc.peek() == '.' || (sc.peek() == ':' && sc.i + 1 < text.size() && text[sc.i + 1] >= '0' &&
                                 text[sc.i + 1] <= '9')) {
            ++sc.i;
            int n = 0;
            while (sc.peek() >= '0' && sc.peek() <= '9') {
                if (n < 3) millis = millis * 10 + (sc.peek() - '0');
                ++n;
                ++sc.i;
            }
            if (n == 0 || n > 9) return std::nullopt;
            for (; n < 3; ++n) millis *= 10;
        }
        if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
        if (second == 60) second = 59;   // a leap second: close enough for "last login"
        if (sc.take('Z') || sc.take('z')) {
        } else if (sc.peek() == '+' || sc.peek() == '-') {
            const int sign = sc.peek() == '-' ? -1 : 1;
            ++sc.i;
            int oh, om = 0;
            if (!sc.digits(2, oh)) return std::nullopt;
            if (!sc.at_end()) {
                sc.take(':');
                if (!sc.digits(2, om)) return std::nullopt;
            }
            if (oh > 23 || om > 59) return std::nullopt;
            offset_minutes = sign * (oh * 60 + om);
        }
    }
    if (!sc.at_end()) return std::nullopt;
    const std::int64_t days = days_from_civil(year, unsigned(month), unsigned(day));
    const std::int64_t local_ms = days * 86'400'000 + hour * 3'600'000LL + minute * 60'000LL + second * 1000LL + millis;
    return local_ms - offset_minutes * 60'000LL;
}

std::string format_wf_date(TimeMs t) {
    std::int64_t days = t / 86'400'000;
    std::int64_t rest = t % 86'400'000;
    if (rest < 0) {   // floor division for dates before 1970
        rest += 86'400'000;
        --days;
    }
    std::int64_t y;
    unsigned m, d;
    civil_from_days(days, y, m, d);
    const int hh = int(rest / 3'600'000), mm = int(rest / 60'000 % 60), ss = int(rest / 1000 % 60),
              ms = int(rest % 1000);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d:%03d+0000", static_cast<long long>(y), m, d, hh,
                  mm, ss, ms);
    return buf;
}

}  // namespace wf
