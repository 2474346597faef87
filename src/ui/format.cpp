// ui_format.cpp: see format.h.
#include "ui/format.h"

#include <cstdio>
#include <ctime>

#include "ui/strings.h"

namespace ui::format {

namespace {
constexpr long long kMsPerDay = 24LL * 60 * 60 * 1000;

std::tm local_tm(wf::TimeMs t) {
    std::time_t seconds = static_cast<std::time_t>(t / 1000);
    std::tm out{};
#if defined(_WIN32)
    localtime_s(&out, &seconds);
#else
    localtime_r(&seconds, &out);
#endif
    return out;
}
}  // namespace

std::string thousands(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    const int len = static_cast<int>(digits.size());
    for (int i = 0; i < len; ++i) {
        if (i > 0 && (len - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::optional<long long> days_since(wf::TimeMs now, std::optional<wf::TimeMs> when) {
    if (!when) return std::nullopt;
    return (now - *when) / kMsPerDay;
}

std::string relative_time(wf::TimeMs now, std::optional<wf::TimeMs> when) {
    if (!when) return tr(S::time_never);
    if (*when > now + kMsPerDay) return tr(S::time_future);
    const long long days = now > *when ? (now - *when) / kMsPerDay : 0;
    if (days == 0) return tr(S::time_today);
    if (days == 1) return tr(S::time_yesterday);
    if (days < 60) return trf(S::time_days_ago, static_cast<int>(days));
    if (days < 730) return trf(S::time_months_ago, static_cast<int>(days / 30));
    return trf(S::time_years_ago, static_cast<int>(days / 365));
}

std::string duration(long long seconds) {
    if (seconds < 0) seconds = 0;
    const bool zh = current_language() == Language::TraditionalChinese;
    char buffer[64];
    if (seconds < 60)
        std::snprintf(buffer, sizeof buffer, zh ? "%lld 秒" : "%lld s", seconds);
    else if (seconds < 3600)
        std::snprintf(buffer, sizeof buffer, zh ? "%lld 分鐘" : "%lld min", (seconds + 30) / 60);
    else
        std::snprintf(buffer, sizeof buffer, zh ? "%lld 小時 %lld 分鐘" : "%lld h %lld min", seconds / 3600,
                      (seconds % 3600) / 60);
    return buffer;
}

std::string clock_time(wf::TimeMs t) {
    const std::tm tm = local_tm(t);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buffer;
}

std::string date_time(wf::TimeMs t) {
    const std::tm tm = local_tm(t);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min);
    return buffer;
}

std::string licence_name(const std::string& license_type) {
    if (license_type == "F" || license_type == "P") return tr(S::licence_full);
    if (license_type == "W") return tr(S::licence_work);
    if (license_type == "R" || license_type == "C") return tr(S::licence_review);
    if (license_type == "L") return tr(S::licence_light);
    return license_type.empty() ? tr(S::licence_unknown) : license_type;
}

std::string csv_field(const std::string& value) {
    std::string v = value;
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace ui::format
