// ui_view_run.cpp: the bulk run. While it runs: a progress bar with done/failed/remaining and the time left,
// and Cancel. Afterwards: every user's outcome and reason, Retry failed, Undo this batch, and a CSV export.
// Also the two confirmations that start runs (execute, undo): each names how many users it will change.
#include "imgui.h"
#include "ui/format.h"
#include "ui/problem_text.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

namespace {

std::string n(long long v) { return format::thousands(v); }

ImVec4 state_colour(admin::UserState state) {
    switch (state) {
        case admin::UserState::Done: return theme::success();
        case admin::UserState::Failed: return theme::danger();
        case admin::UserState::Skipped:
        case admin::UserState::Cancelled: return theme::warning();
        default: return theme::muted();
    }
}

// The same columns as the session audit log (issue 4): time, actor, user ID, name, email, before, after,
// outcome, message. "after" is the state the server left the user in, as far as this run knows it.
std::string results_csv(const admin::Model& m, const admin::BulkJob& job) {
    std::string csv = "\xEF\xBB\xBF";   // UTF-8 BOM: spreadsheets then read Chinese names correctly
    csv += "time,actor,user ID,name,email,before,after,outcome,message\r\n";
    const std::string time = admin::iso_time(m.now());
    const std::string actor = admin::csv_cell(m.session.actor());
    const char* target = job.target_active() ? "active" : "inactive";
    for (const admin::JobUser& u : job.users()) {
        const wf::User* user = m.directory.user_by_id(u.id);
        const char* before = u.before_active ? "active" : "inactive";
        const bool reached = u.state == admin::UserState::Done || u.state == admin::UserState::Already;
        const char* after = reached ? target : (u.state == admin::UserState::Failed ||
                                                u.state == admin::UserState::Skipped) ? before : "";
        csv += time + "," + actor + "," + admin::csv_cell(u.id) + "," + admin::csv_cell(user ? user->name : "") +
               "," + admin::csv_cell(user ? user->email : "") + "," + before + "," + after + "," +
               admin::user_state_name(u.state) + "," + admin::csv_cell(u.message) + "\r\n";
    }
    return csv;
}

void draw_progress(ViewContext& ctx, const admin::JobProgress& p, const admin::BulkJob& job) {
    const long long finished = p.total - p.remaining;
    const float fraction = p.total > 0 ? static_cast<float>(finished) / static_cast<float>(p.total) : 1.0f;
    const std::string overlay = n(finished) + " / " + n(p.total);
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), overlay.c_str());
    std::string line = trf(S::run_progress, n(p.done).c_str(), n(p.already).c_str(), n(p.failed).c_str(),
                           n(p.remaining).c_str());
    if (p.skipped + p.cancelled > 0)
        line += "; " + trf(S::run_skipped_cancelled, n(p.skipped).c_str(), n(p.cancelled).c_str());
    if (job.active() && p.seconds_left) line += "  -  " + trf(S::run_time_left, format::duration(*p.seconds_left).c_str());
    ImGui::TextUnformatted(line.c_str());
    if (job.phase() == admin::JobPhase::Paused) widgets::text_coloured(theme::warning(), tr(S::run_paused));
    if (job.phase() == admin::JobPhase::Cancelled) widgets::text_muted(tr(S::run_cancelled));
    if (job.phase() == admin::JobPhase::Finished) widgets::text_success(tr(S::run_finished));
    (void)ctx;
}

void draw_results_table(ViewContext& ctx, const admin::BulkJob& job, float height) {
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("results-table", 4, flags, ImVec2(0, std::max(80.0f, height)))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(S::col_name), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(S::col_email), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(S::col_outcome), ImGuiTableColumnFlags_WidthFixed, 150.0f);
    ImGui::TableSetupColumn(tr(S::col_reason), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableHeadersRow();
    const auto& users = job.users();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(users.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const admin::JobUser& u = users[static_cast<size_t>(i)];
            const wf::User* user = ctx.model.directory.user_by_id(u.id);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(user ? user->name.c_str() : u.id.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(user ? user->email.c_str() : "");
            ImGui::TableNextColumn();
            widgets::text_coloured(state_colour(u.state), format::user_state_text(u.state));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(u.message.c_str());
            if (!u.message.empty()) widgets::tooltip(u.message);
        }
    }
    ImGui::EndTable();
}

}  // namespace

void draw_run(ViewContext& ctx, float height) {
    admin::Model& m = ctx.model;
    admin::BulkRunner& runner = m.runner;
    const admin::BulkJob* job = runner.job();
    if (!job) return;
    const float top = ImGui::GetCursorPosY();
    const bool active = runner.active();

    if (ImGui::Button(widgets::label(tr(S::back_to_users), "back-to-users").c_str())) {
        if (active) {
            ctx.ui.bulk_panel_hidden = true;   // keeps running; "Show bulk change" brings it back
        } else {
            runner.discard();
            m.preview.clear();
        }
        return;
    }
    ImGui::SameLine(0, 16);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(active ? S::run_title : S::results_title));

    const admin::JobProgress p = runner.progress();
    draw_progress(ctx, p, *job);

    if (active) {
        ImGui::BeginDisabled(job->phase() == admin::JobPhase::Cancelling);
        if (widgets::danger_button(widgets::label(tr(S::cancel_run), "cancel-run").c_str())) runner.cancel();
        ImGui::EndDisabled();
    } else {
        ImGui::BeginDisabled(p.failed == 0);
        if (ImGui::Button(widgets::label(tr(S::retry_failed), "retry-failed").c_str())) runner.retry_failed();
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(p.done == 0);
        if (ImGui::Button(widgets::label(tr(S::undo_batch), "undo-batch").c_str())) ctx.ui.dialog = Dialog::Undo;
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button(widgets::label(tr(S::export_results), "export-results").c_str()))
            ctx.platform.download("wfadmin-results-" + admin::iso_time(ctx.now).substr(0, 10) + ".csv", "text/csv",
                                  results_csv(m, *job));
    }
    if (!runner.last_error().empty()) draw_problem(runner.last_error());

    job = runner.job();   // "Retry failed" replaced the job: never draw the one it destroyed
    if (job) draw_results_table(ctx, *job, height - (ImGui::GetCursorPosY() - top));
}

void draw_execute_dialog(ViewContext& ctx) {
    UiState& ui = ctx.ui;
    admin::Model& m = ctx.model;
    const bool activate = ui.execute_activate;
    const std::string title = widgets::label(tr(activate ? S::reactivate_title : S::execute_title), "execute-dialog");
    if (!widgets::begin_dialog(title.c_str(), ui.dialog == Dialog::Execute, 520.0f)) return;
    const long long changeable = activate ? selection_reactivatable(ctx) : selection_changeable(ctx);
    const std::string count = n(changeable);
    const bool one = changeable == 1;
    ImGui::PushTextWrapPos(0.0f);
    const S body = activate ? (one ? S::reactivate_body_one : S::reactivate_body)
                            : (one ? S::execute_body_one : S::execute_body);
    ImGui::TextUnformatted(trf(body, count.c_str()).c_str());
    if (!activate && m.preview.active()) {
        const admin::PreviewSummary sum = m.preview.summary();
        if (sum.with_open_work > 0)
            widgets::text_coloured(theme::warning(), trf(S::execute_open_work_warning, n(sum.with_open_work).c_str()));
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    const S confirm = activate ? (one ? S::reactivate_confirm_one : S::reactivate_confirm)
                               : (one ? S::execute_confirm_one : S::execute_confirm);
    const std::string confirm_label = widgets::label(trf(confirm, count.c_str()).c_str(), "confirm");
    // Every selected user goes into the job; those already in the target state are recorded as such.
    if (activate ? widgets::primary_button(confirm_label.c_str()) : widgets::danger_button(confirm_label.c_str())) {
        ui.dialog = Dialog::None;
        ui.bulk_panel_hidden = false;
        if (m.runner.start(m.selection.ids(m.directory), activate)) m.preview.clear();
    }
    ImGui::SameLine();
    if (ImGui::Button(widgets::label(tr(S::cancel), "cancel").c_str()) || widgets::escape_pressed())
        ui.dialog = Dialog::None;
    ImGui::EndPopup();
}

void draw_undo_dialog(ViewContext& ctx) {
    UiState& ui = ctx.ui;
    admin::BulkRunner& runner = ctx.model.runner;
    const admin::BulkJob* job = runner.job();
    const bool want = ui.dialog == Dialog::Undo && job && !runner.active();
    if (ui.dialog == Dialog::Undo && !want) ui.dialog = Dialog::None;
    const std::string title = widgets::label(tr(S::undo_title), "undo-dialog");
    if (!widgets::begin_dialog(title.c_str(), want, 500.0f)) return;
    if (!job) {
        ImGui::EndPopup();
        return;
    }
    const std::string count = n(static_cast<long long>(job->ids_in(admin::UserState::Done).size()));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(trf(job->target_active() ? S::undo_body_reactivated : S::undo_body, count.c_str()).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (widgets::primary_button(widgets::label(tr(S::undo_confirm), "confirm").c_str())) {
        ui.dialog = Dialog::None;
        runner.undo();
    }
    ImGui::SameLine();
    if (ImGui::Button(widgets::label(tr(S::cancel), "cancel").c_str()) || widgets::escape_pressed())
        ui.dialog = Dialog::None;
    ImGui::EndPopup();
}

}  // namespace ui
