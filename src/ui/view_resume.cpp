// ui_view_resume.cpp: a bulk run was interrupted (the page was closed or reloaded mid-run). Its state, without
// any credential, was kept in the browser's storage; after signing in again to the same Workfront the person
// may resume it (unfinished users are re-checked before anything is written again) or discard it.
#include "imgui.h"
#include "ui/format.h"
#include "ui/problem_text.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

void draw_resume_dialog(ViewContext& ctx) {
    UiState& ui = ctx.ui;
    admin::Model& m = ctx.model;

    // Look once per sign-in, after the users are loaded (the results table needs their names).
    if (!ui.resume_checked && m.session.signed_in() && m.directory.loaded()) {
        ui.resume_checked = true;
        std::string json = ctx.platform.storage_get(kSavedRunKey);
        if (!json.empty() && !m.runner.has_job() && admin::BulkRunner::saved_progress(json) &&
            ui.dialog == Dialog::None) {
            ui.resume_json = std::move(json);
            ui.dialog = Dialog::Resume;
        }
    }

    const std::string title = widgets::label(tr(S::resume_title), "resume-dialog");
    if (!widgets::begin_dialog(title.c_str(), ui.dialog == Dialog::Resume, 520.0f)) return;
    const std::optional<admin::JobProgress> progress = admin::BulkRunner::saved_progress(ui.resume_json);
    const long long total = progress ? progress->total : 0;
    const long long finished = progress ? progress->total - progress->remaining : 0;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(
        trf(S::resume_body, format::thousands(finished).c_str(), format::thousands(total).c_str()).c_str());
    ImGui::PopTextWrapPos();
    if (!m.runner.last_error().empty()) draw_problem(m.runner.last_error());
    ImGui::Spacing();
    if (widgets::primary_button(widgets::label(tr(S::resume_button), "resume").c_str())) {
        if (m.runner.resume_saved(ui.resume_json)) {
            ui.dialog = Dialog::None;
            ui.bulk_panel_hidden = false;
            ui.resume_json.clear();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(widgets::label(tr(S::resume_discard), "discard-run").c_str())) {
        ctx.platform.storage_remove(kSavedRunKey);
        ui.resume_json.clear();
        ui.dialog = Dialog::None;
    }
    if (widgets::escape_pressed()) ui.dialog = Dialog::None;   // decide later: asked again at the next sign-in
    ImGui::EndPopup();
}

}  // namespace ui
