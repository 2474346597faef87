// ui_strings.h: every word the views show, by key. Views write tr(S::sign_in) or trf(S::loading_progress, a, b);
// each language's words live in its own file, src/ui/lang/<tag>.cpp, and the registry (languages.h) lists the
// languages. A new key: one enumerator here, one row in every phrase file (a test finds any that is missing).
// Format strings use printf conversions; every language takes the same arguments in the same order.
#pragma once
#include <string>
#include <vector>

#include "ui/languages.h"

namespace ui {

enum class S : int {
    // app and language
    app_title, app_subtitle, language_label, demo_banner,
    // sign-in
    domain_label, domain_hint, domain_resolves_to, domain_empty, version_label, version_hint, version_invalid,
    auth_method_label, auth_password, auth_apikey, auth_session, username_label, password_label, password_note,
    apikey_label, apikey_note, session_label, session_note, sign_in, signing_in, sign_in_missing_fields,
    generate_title, generate_body, generate_warning, generate_confirm, cancel,
    // header
    signed_in_as, sign_out, sign_out_title, sign_out_body, sign_out_revoke, sign_out_revoke_note, sign_out_confirm,
    signing_out, count_active, count_inactive, count_total, loading_users, loading_counting, load_failed, reload,
    // users table
    filter_hint, status_all, status_active, status_inactive, showing_count, col_name, col_username, col_email,
    col_status, col_last_login, col_licence, col_admin, col_actions, you_marker, state_active, state_inactive,
    admin_yes, deactivate, reactivate, self_guard_tooltip, deactivating, reactivating, copy_id, copy_email,
    copy_menu_tooltip, no_users_match,
    // single-user confirm
    confirm_deactivate_title, confirm_deactivate_body, confirm_reactivate_title, confirm_reactivate_body,
    confirm_deactivate_button, confirm_reactivate_button, action_failed,
    // relative time
    time_never, time_today, time_yesterday, time_days_ago, time_months_ago, time_years_ago, time_future,
    // licence types
    licence_full, licence_work, licence_review, licence_light, licence_unknown,
    // session log
    log_title, log_time, log_user, log_action, log_result, log_message, log_empty, log_export,
    action_deactivate, action_reactivate, result_done, result_already, result_failed, result_skipped,
    result_cancelled, result_pending, result_checking, result_sending, dismiss, rows_empty_loading,
    // bulk: filters and summaries
    tab_users, tab_offboarding, filters_title, filter_admins, admins_any, admins_only, admins_exclude,
    filter_licence, filter_inactive_days, filter_inactive_days_hint, filter_never_logged_in, histogram_title,
    histogram_bucket_never, licence_summary_title, licence_now, licence_after, reset_filters,
    bucket_0_30, bucket_31_90, bucket_91_180, bucket_181_365, bucket_1_2y, bucket_over_2y,
    // bulk: selection and import
    select_all_matching, clear_selection, selected_count, select_row_tooltip, import_open, import_title,
    import_help, import_apply, import_matched, import_unmatched, import_ambiguous, import_already_inactive,
    import_add_to_selection, import_close, import_unmatched_list, import_not_found,
    // bulk: preview and run
    preview, preview_title, preview_running, preview_open_tasks, preview_open_issues, preview_owned_projects,
    preview_warnings, preview_no_warnings, warning_self, warning_admin, warning_admin_email, warning_already_inactive,
    warning_open_work, execute, execute_one, execute_title, execute_body, execute_body_one, execute_confirm, execute_confirm_one,
    reactivate_selected, reactivate_selected_one, reactivate_title, reactivate_body, reactivate_body_one,
    reactivate_confirm, reactivate_confirm_one, run_title, run_progress, run_time_left,
    cancel_run, run_cancelled, run_skipped_cancelled, run_finished, results_title, col_outcome, col_reason, run_paused, back_to_users,
    show_bulk_panel, retry_failed, undo_batch, undo_title, undo_body, undo_body_reactivated, undo_confirm, export_results,
    preview_summary, preview_col_change, preview_will_change, preview_unknown, execute_open_work_warning,
    import_duplicates, import_column, run_start_failed,
    resume_title, resume_body, resume_button, resume_discard, nothing_selected,
    // problems (admin::Problem codes)
    problem_wrong_password, problem_sso_only, problem_key_expired, problem_invalid_domain,
    problem_not_workfront, problem_unreachable, problem_proxy_missing, problem_network, problem_permission,
    problem_not_found, problem_refused, problem_server, problem_malformed, problem_read_only, problem_self,
    problem_busy, problem_invalid_version, problem_missing_fields, problem_unknown_user, problem_signed_out,
    problem_revoke_failed, problem_other_host, problem_server_said,
    problem_tenant_not_allowed,
    Count
};

const char* tr(S key);                              // in the current language
std::string trf(S key, ...);                        // tr() through snprintf
const char* tr_in(Language language, S key);        // for tests and the glyph collection

// Every UI string in every language, one per line, and every language's name: the page collects their
// characters for the glyph atlas.
std::string all_ui_text();

}  // namespace ui
