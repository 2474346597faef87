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

const char* outcome_text(admin::Outcome outcome) {
    switch (outcome) {
        case admin::Outcome::Done: return tr(S::result_done);
        case admin::Outcome::Already: return tr(S::result_already);
        case admin::Outcome::Failed: return tr(S::result_failed);
        case admin::Outcome::Skipped: return tr(S::result_skipped);
        case admin::Outcome::Cancelled: return tr(S::result_cancelled);
    }
    return "";
}

const char* user_state_text(admin::UserState state) {
    switch (state) {
        case admin::UserState::Pending: return tr(S::result_pending);
        case admin::UserState::Checking: return tr(S::result_checking);
        case admin::UserState::Sending: return tr(S::result_sending);
        case admin::UserState::Done: return tr(S::result_done);
        case admin::UserState::Already: return tr(S::result_already);
        case admin::UserState::Failed: return tr(S::result_failed);
        case admin::UserState::Skipped: return tr(S::result_skipped);
        case admin::UserState::Cancelled: return tr(S::result_cancelled);
    }
    return "";
}

const char* action_text(const std::string& action) {
    if (action == "deactivate") return tr(S::action_deactivate);
    if (action == "reactivate") return tr(S::action_reactivate);
    return action.c_str();
}

}  // namespace ui::format
