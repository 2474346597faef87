// ui_format.h: numbers, dates and durations as the views show them, in the current UI language.
#pragma once
#include <optional>
#include <string>
#include "admin/audit_log.h"
#include "admin/bulk_job.h"
#include "workfront/user.h"

namespace ui::format {

std::string thousands(long long n);                                     // 48210 -> "48,210"
// "never", "today", "yesterday", "3 days ago", "5 months ago", "2 years ago" (whole days from `now`).
std::string relative_time(wf::TimeMs now, std::optional<wf::TimeMs> when);
std::optional<long long> days_since(wf::TimeMs now, std::optional<wf::TimeMs> when);   // nullopt: never
std::string duration(long long seconds);                                // "45 s", "3 min", "1 h 20 min"
std::string clock_time(wf::TimeMs t);                                   // "14:03:22", local time
std::string date_time(wf::TimeMs t);                                    // "2025-06-15 14:03", local time
std::string licence_name(const std::string& license_type);             // "F" -> "Full / Plan"
const char* outcome_text(admin::Outcome outcome);                       // "done", "failed", ...
const char* user_state_text(admin::UserState state);                    // a bulk job user's state
const char* action_text(const std::string& action);                     // "deactivate" -> translated

}  // namespace ui::format
