// ui_view_toolbar.cpp: the strip above the table: the quick filter, the status filter, "showing N of M", and the
// selection and bulk-change commands (select all matching, clear, import, preview, execute).
#include "imgui.h"
#include "ui/format.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

namespace {

void status_radio(ViewContext& ctx, admin::StatusFilter value, S text, const char* automation_id) {
    admin::Filter filter = ctx.model.view.filter();
    ImGui::SameLine();
    if (ImGui::RadioButton(widgets::label(tr(text), automation_id).c_str(), filter.status == value)) {
        filter.status = value;
        ctx.model.view.set_filter(filter);
    }
}

}  // namespace

void draw_toolbar(ViewContext& ctx) {
    admin::Model& m = ctx.model;
    UiState& ui = ctx.ui;

    // Row 1: what the table shows.
    ImGui::SetNextItemWidth(320);
    widgets::input_text(widgets::label("", "filter").c_str(), ui.filter_text, 0, tr(S::filter_hint));
    sync_text_filter(ctx);
    status_radio(ctx, admin::StatusFilter::All, S::status_all, "status-all");
    status_radio(ctx, admin::StatusFilter::Active, S::status_active, "status-active");
    status_radio(ctx, admin::StatusFilter::Inactive, S::status_inactive, "status-inactive");
    const admin::Rows& rows = m.view.rows(m.directory, ctx.now);
    ImGui::SameLine(0, 20);
    widgets::text_muted(trf(S::showing_count, format::thousands(static_cast<long long>(rows.size())).c_str(),
                            format::thousands(static_cast<long long>(m.directory.size())).c_str()));

    // Row 2: selection and the bulk change.
    const bool job_active = m.runner.active();
    ImGui::BeginDisabled(job_active);
    if (ImGui::Button(widgets::label(trf(S::select_all_matching,
                                         format::thousands(static_cast<long long>(rows.size())).c_str())
                                         .c_str(),
                                     "select-all")
                          .c_str()))
        m.selection.select_rows(m.directory, rows);
    ImGui::SameLine();
    ImGui::BeginDisabled(m.selection.empty());
    if (ImGui::Button(widgets::label(tr(S::clear_selection), "clear-selection").c_str())) m.selection.clear();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(
        trf(S::selected_count, format::thousands(static_cast<long long>(m.selection.count())).c_str()).c_str());

    ImGui::SameLine(0, 24);
    if (ImGui::Button(widgets::label(tr(S::import_open), "import").c_str())) ui.dialog = Dialog::Import;
    ImGui::SameLine();
    const bool read_only = m.session.read_only();
    const bool nothing = m.selection.empty();
    const char* why = read_only ? tr(S::problem_read_only) : tr(S::nothing_selected);
    if (widgets::button_unless(nothing, why, widgets::label(tr(S::preview), "preview").c_str())) {
        m.preview.start(m.selection.ids(m.directory), false);
        ui.bulk_panel_hidden = false;
    }
    ImGui::SameLine();
    const long long changeable = selection_changeable(ctx);
    const std::string execute_label =
        widgets::label(trf(changeable == 1 ? S::execute_one : S::execute, format::thousands(changeable).c_str()).c_str(),
                       "execute");
    ImGui::BeginDisabled(nothing || read_only || changeable == 0);
    if (widgets::danger_button(execute_label.c_str())) {
        ui.execute_activate = false;
        ui.dialog = Dialog::Execute;
    }
    ImGui::EndDisabled();
    if ((nothing || read_only) && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", why);
    // Reactivating is offered only when the selection holds inactive people (someone offboarded by mistake,
    // or back from leave): most of the time it would be a second, disabled button.
    const long long reactivatable = selection_reactivatable(ctx);
    if (reactivatable > 0) {
        ImGui::SameLine();
        const std::string label = widgets::label(
            trf(reactivatable == 1 ? S::reactivate_selected_one : S::reactivate_selected,
                format::thousands(reactivatable).c_str()).c_str(),
            "execute-reactivate");
        if (widgets::button_unless(read_only, tr(S::problem_read_only), label.c_str())) {
            ui.execute_activate = true;
            ui.dialog = Dialog::Execute;
        }
    }
    ImGui::EndDisabled();   // job_active

    if ((m.preview.active() || m.runner.has_job()) && ui.bulk_panel_hidden) {
        ImGui::SameLine(0, 24);
        if (widgets::primary_button(widgets::label(tr(S::show_bulk_panel), "show-bulk").c_str()))
            ui.bulk_panel_hidden = false;
    }
}

}  // namespace ui
