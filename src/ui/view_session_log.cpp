// ui_view_session_log.cpp: every change attempted in this session (newest first): time, user, action, result and
// the server's message, with a CSV export for the change record.
#include <ctime>

#include "imgui.h"
#include "ui/format.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

namespace {

ImVec4 outcome_colour(admin::Outcome outcome) {
    switch (outcome) {
        case admin::Outcome::Done: return theme::success();
        case admin::Outcome::Failed: return theme::danger();
        case admin::Outcome::Skipped:
        case admin::Outcome::Cancelled: return theme::warning();
        case admin::Outcome::Already: break;
    }
    return theme::muted();
}

std::string file_stamp(wf::TimeMs now) {
    std::string s = admin::iso_time(now);   // "2025-06-15T14:03:22Z" -> "20250615-140322"
    std::string out;
    for (char c : s)
        if (c >= '0' && c <= '9') out += c;
    return out.size() >= 14 ? out.substr(0, 8) + "-" + out.substr(8, 6) : out;
}

}  // namespace

void draw_session_log(ViewContext& ctx, float height) {
    const admin::AuditLog& log = ctx.model.log;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(S::log_title));
    ImGui::SameLine();
    widgets::text_muted("(" + format::thousands(static_cast<long long>(log.size())) + ")");
    ImGui::SameLine();
    ImGui::BeginDisabled(log.size() == 0);
    if (ImGui::SmallButton(widgets::label(tr(S::log_export), "export-log").c_str()))
        ctx.platform.download("wfadmin-session-log-" + file_stamp(ctx.now) + ".csv", "text/csv", log.to_csv());
    ImGui::EndDisabled();

    if (log.size() == 0) {
        widgets::text_muted(tr(S::log_empty));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    const float table_height = std::max(60.0f, height - ImGui::GetFrameHeightWithSpacing());
    if (!ImGui::BeginTable("session-log", 5, flags, ImVec2(0, table_height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(S::log_time), ImGuiTableColumnFlags_WidthFixed, 70.0f);
    ImGui::TableSetupColumn(tr(S::log_user), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(S::log_action), ImGuiTableColumnFlags_WidthFixed, 90.0f);
    ImGui::TableSetupColumn(tr(S::log_result), ImGuiTableColumnFlags_WidthFixed, 130.0f);
    ImGui::TableSetupColumn(tr(S::log_message), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableHeadersRow();
    const auto& entries = log.entries();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(entries.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const admin::AuditEntry& e = entries[entries.size() - 1 - static_cast<size_t>(i)];   // newest first
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format::clock_time(e.time).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.name.empty() ? e.user_id.c_str() : e.name.c_str());
            if (!e.email.empty()) widgets::tooltip(e.email + "\n" + e.user_id);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format::action_text(e.action));
            ImGui::TableNextColumn();
            widgets::text_coloured(outcome_colour(e.outcome), format::outcome_text(e.outcome));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.message.c_str());
            if (!e.message.empty()) widgets::tooltip(e.message);
        }
    }
    ImGui::EndTable();
}

}  // namespace ui
