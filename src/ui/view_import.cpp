// ui_view_import.cpp: paste a list (emails, usernames or IDs; a CSV column works too), match it against the
// directory, see what matched, what did not, what was ambiguous and who is already inactive, then select
// the matched users.
#include "imgui.h"
#include "ui/format.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

namespace {

std::string count(std::size_t n) { return format::thousands(static_cast<long long>(n)); }

void draw_report(ViewContext& ctx, const admin::ImportReport& report) {
    ImGui::Spacing();
    widgets::text_success(trf(S::import_matched, count(report.matched_ids.size()).c_str()));
    ImGui::SameLine(0, 18);
    widgets::text_coloured(report.unmatched.empty() ? theme::muted() : theme::danger(),
                           trf(S::import_unmatched, count(report.unmatched.size()).c_str()));
    ImGui::SameLine(0, 18);
    widgets::text_coloured(report.ambiguous.empty() ? theme::muted() : theme::warning(),
                           trf(S::import_ambiguous, count(report.ambiguous.size()).c_str()));
    ImGui::SameLine(0, 18);
    widgets::text_muted(trf(S::import_already_inactive, count(report.already_inactive.size()).c_str()));
    if (report.duplicates > 0) widgets::text_muted(trf(S::import_duplicates, count(report.duplicates).c_str()));
    if (report.header && !report.column_name.empty())
        widgets::text_muted(trf(S::import_column, report.column_name.c_str()));

    if (!report.unmatched.empty() || !report.ambiguous.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted(tr(S::import_unmatched_list));
        ImGui::BeginChild("import-problems", ImVec2(0, 110), ImGuiChildFlags_Border);
        for (const std::string& value : report.unmatched)
            widgets::text_coloured(theme::danger(), value + "  -  " + tr(S::import_not_found));
        for (const admin::AmbiguousLine& line : report.ambiguous)
            widgets::text_coloured(theme::warning(),
                                   line.value + "  -  " + trf(S::import_ambiguous, count(line.user_ids.size()).c_str()));
        ImGui::EndChild();
    }

    ImGui::Spacing();
    ImGui::BeginDisabled(report.matched_ids.empty() || ctx.model.runner.active());
    if (widgets::primary_button(
            widgets::label(trf(S::import_add_to_selection, count(report.matched_ids.size()).c_str()).c_str(),
                           "import-select")
                .c_str())) {
        ctx.model.selection.select_ids(report.matched_ids);
        ctx.ui.dialog = Dialog::None;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
}

}  // namespace

void draw_import_dialog(ViewContext& ctx) {
    UiState& ui = ctx.ui;
    admin::Model& m = ctx.model;
    const std::string title = widgets::label(tr(S::import_title), "import-dialog");
    if (!widgets::begin_dialog(title.c_str(), ui.dialog == Dialog::Import, 620.0f)) return;

    ImGui::PushTextWrapPos(0.0f);
    widgets::text_muted(tr(S::import_help));
    ImGui::PopTextWrapPos();
    widgets::input_text_multiline(widgets::label("", "import-text").c_str(), ui.import_text, ImVec2(-1, 180));
    ImGui::BeginDisabled(ui.import_text.empty());
    // Issue 4: "the matched users become the selection": matching selects them at once (replacing the
    // previous selection); the report below stays for the lines that did not match.
    if (ImGui::Button(widgets::label(tr(S::import_apply), "import-apply").c_str())) {
        const admin::ImportReport& report = m.import_list(ui.import_text);
        if (!m.runner.active()) {
            m.selection.clear();
            m.selection.select_ids(report.matched_ids);
        }
    }
    ImGui::EndDisabled();

    if (m.import)
        draw_report(ctx, *m.import);
    else
        ImGui::Spacing();
    if (ImGui::Button(widgets::label(tr(S::import_close), "import-close").c_str()) || widgets::escape_pressed())
        ui.dialog = Dialog::None;
    ImGui::EndPopup();
}

}  // namespace ui
