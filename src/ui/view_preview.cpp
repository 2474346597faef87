// ui_view_preview.cpp: the dry run. For each selected user: will it change, is it blocked (you, or refused by
// Workfront before), is it an administrator, and how much open work it leaves (tasks, issues, owned projects),
// counted as the answers arrive. Nothing is written.
#include "imgui.h"
#include "ui/format.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

namespace {

std::string count_text(const admin::PreviewRow& row, const std::optional<long long>& n) {
    if (n) return format::thousands(*n);
    if (!row.will_change()) return "-";   // not counted: nothing would change for this user
    return row.counts_finished ? tr(S::preview_unknown) : "...";
}

std::string warnings(const admin::PreviewRow& row) {
    std::string out;
    auto add = [&](const std::string& text) { out += out.empty() ? text : "; " + text; };
    if (row.self) add(tr(S::warning_self));
    if (row.server_protected) add(row.protected_message.empty() ? tr(S::warning_admin_email) : row.protected_message);
    if (!row.known) add(tr(S::problem_unknown_user));
    if (row.already) add(tr(S::warning_already_inactive));
    if (row.admin) add(tr(S::warning_admin));
    if (row.has_open_work()) add(tr(S::warning_open_work));
    if (!row.counts_error.empty()) add(row.counts_error);
    return out;
}

void draw_row(const admin::PreviewRow& row) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.name.empty() ? row.user_id.c_str() : row.name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.email.c_str());
    ImGui::TableNextColumn();
    if (row.blocked())
        widgets::text_coloured(theme::danger(), tr(S::result_skipped));
    else if (row.already)
        widgets::text_muted(tr(S::result_already));
    else
        widgets::text_coloured(theme::accent(), tr(S::preview_will_change));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(count_text(row, row.open_tasks).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(count_text(row, row.open_issues).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(count_text(row, row.owned_projects).c_str());
    ImGui::TableNextColumn();
    const std::string w = warnings(row);
    if (!w.empty()) {
        widgets::text_coloured(row.blocked() ? theme::danger() : theme::warning(), w);
        widgets::tooltip(w);
    }
}

}  // namespace

void draw_preview(ViewContext& ctx, float height) {
    admin::Preview& preview = ctx.model.preview;
    const float top = ImGui::GetCursorPosY();
    if (ImGui::Button(widgets::label(tr(S::back_to_users), "back-to-users").c_str())) {
        preview.clear();
        return;
    }
    ImGui::SameLine(0, 16);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(S::preview_title));

    const admin::PreviewSummary sum = preview.summary();
    auto n = [](long long v) { return format::thousands(v); };
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(trf(S::preview_summary, n(sum.total).c_str(), n(sum.will_change).c_str(),
                               n(sum.already).c_str(), n(sum.blocked).c_str(), n(sum.admins).c_str(),
                               n(sum.with_open_work).c_str())
                               .c_str());
    ImGui::PopTextWrapPos();
    if (preview.running()) {
        widgets::spinner(ImGui::GetTextLineHeight());
        ImGui::SameLine();
        widgets::text_muted(
            trf(S::preview_running, n(preview.users_counted()).c_str(), n(preview.users_to_count()).c_str()));
    }

    const float used = ImGui::GetCursorPosY() - top;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("preview-table", 7, flags, ImVec2(0, std::max(80.0f, height - used)))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(S::col_name), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(S::col_email), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(S::preview_col_change), ImGuiTableColumnFlags_WidthFixed, 110.0f);
    ImGui::TableSetupColumn(tr(S::preview_open_tasks), ImGuiTableColumnFlags_WidthFixed, 90.0f);
    ImGui::TableSetupColumn(tr(S::preview_open_issues), ImGuiTableColumnFlags_WidthFixed, 90.0f);
    ImGui::TableSetupColumn(tr(S::preview_owned_projects), ImGuiTableColumnFlags_WidthFixed, 110.0f);
    ImGui::TableSetupColumn(tr(S::preview_warnings), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableHeadersRow();
    const auto& rows = preview.rows();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_row(rows[static_cast<size_t>(i)]);
    ImGui::EndTable();
}

}  // namespace ui
