// ui_strings.cpp: the string table. One row per key, in the order of enum S (a test checks the order and that
// both languages of a row take the same printf arguments). Counts are passed pre-formatted as %s ("12,000").
#include "ui/strings.h"

#include <cstdarg>
#include <cstdio>

namespace ui {

namespace {

struct Row {
    S key;
    const char* en;
    const char* zh;
};

// clang-format off
const Row kRows[] = {
    {S::app_title, "Workfront user administration", "Workfront 使用者管理"},
    {S::app_subtitle, "See every user, and deactivate or reactivate them through the Workfront API.",
                      "檢視所有使用者，並透過 Workfront API 停用或重新啟用帳號。"},
    {S::language_label, "Language", "語言"},
    {S::demo_banner, "Demo mode: domain \"demo\", sign in with admin@demo.example.com / wfadmin-demo.",
                     "示範模式：網域「demo」，請以 admin@demo.example.com / wfadmin-demo 登入。"},

    {S::domain_label, "Workfront domain", "Workfront 網域"},
    {S::domain_hint, "acme or acme.my.workfront.com", "acme 或 acme.my.workfront.com"},
    {S::domain_resolves_to, "Connects to %s", "將連線至 %s"},
    {S::domain_empty, "Type your company's Workfront domain.", "請輸入貴公司的 Workfront 網域。"},
    {S::version_label, "API version", "API 版本"},
    {S::version_hint, "21.0", "21.0"},
    {S::version_invalid, "Use a version number like 21.0.", "請輸入如 21.0 的版本號碼。"},
    {S::auth_method_label, "Sign in with", "登入方式"},
    {S::auth_password, "Username and password", "帳號與密碼"},
    {S::auth_apikey, "API key", "API 金鑰"},
    {S::auth_session, "Session or OAuth2 token", "工作階段或 OAuth2 權杖"},
    {S::username_label, "Username", "帳號"},
    {S::password_label, "Password", "密碼"},
    {S::password_note, "Your password is sent once, to fetch your API key, and is then wiped from memory.",
                       "密碼只會傳送一次以取得 API 金鑰，之後即從記憶體清除。"},
    {S::apikey_label, "API key", "API 金鑰"},
    {S::apikey_note, "In Workfront: Setup > System > Customer Info > API Key Settings, or ask another administrator.",
                     "在 Workfront 的「設定 > 系統 > 客戶資訊 > API 金鑰設定」中取得，或請其他管理員提供。"},
    {S::session_label, "Session ID or token", "工作階段 ID 或權杖"},
    {S::session_note, "For SSO and Adobe IMS sign-in: paste a session ID or an OAuth2 access token.",
                      "適用於 SSO 與 Adobe IMS 登入：貼上工作階段 ID 或 OAuth2 存取權杖。"},
    {S::sign_in, "Sign in", "登入"},
    {S::signing_in, "Signing in...", "登入中..."},
    {S::sign_in_missing_fields, "Fill in the fields above to sign in.", "請填寫上方欄位後再登入。"},
    {S::generate_title, "Generate an API key?", "要產生 API 金鑰嗎？"},
    {S::generate_body, "The account %s has no API key yet. wfadmin needs one to call the Workfront API.",
                       "帳號 %s 尚未有 API 金鑰，wfadmin 需要金鑰才能呼叫 Workfront API。"},
    {S::generate_warning, "Generating a key replaces any key this account already uses elsewhere: other "
                          "integrations that rely on it would stop working.",
                          "產生金鑰會取代此帳號在其他地方使用的金鑰：依賴該金鑰的其他整合將無法運作。"},
    {S::generate_confirm, "Generate key", "產生金鑰"},
    {S::cancel, "Cancel", "取消"},

    {S::signed_in_as, "Signed in as %s on %s", "已登入：%s（%s）"},
    {S::sign_out, "Sign out", "登出"},
    {S::sign_out_title, "Sign out?", "要登出嗎？"},
    {S::sign_out_body, "The users list and your credentials are removed from this page.",
                       "使用者清單與您的憑證將從此頁面移除。"},
    {S::sign_out_revoke, "Also revoke my API key", "同時撤銷我的 API 金鑰"},
    {S::sign_out_revoke_note, "Revoking the key breaks other integrations that use the same key.",
                              "撤銷金鑰會使使用同一金鑰的其他整合失效。"},
    {S::sign_out_confirm, "Sign out", "登出"},
    {S::signing_out, "Signing out...", "登出中..."},
    {S::count_active, "Active %s", "啟用 %s"},
    {S::count_inactive, "Inactive %s", "停用 %s"},
    {S::count_total, "Total %s", "總計 %s"},
    {S::loading_users, "Loading users: %s of %s", "正在載入使用者：%s / %s"},
    {S::loading_counting, "Counting users...", "正在計算使用者人數..."},
    {S::load_failed, "The users could not be loaded: %s", "無法載入使用者：%s"},
    {S::reload, "Reload", "重新載入"},

    {S::filter_hint, "Search name, username or email", "搜尋姓名、帳號或電子郵件"},
    {S::status_all, "All", "全部"},
    {S::status_active, "Active", "啟用"},
    {S::status_inactive, "Inactive", "停用"},
    {S::showing_count, "Showing %s of %s", "顯示 %s / %s"},
    {S::col_name, "Name", "姓名"},
    {S::col_username, "Username", "帳號"},
    {S::col_email, "Email", "電子郵件"},
    {S::col_status, "Status", "狀態"},
    {S::col_last_login, "Last login", "上次登入"},
    {S::col_licence, "Licence", "授權"},
    {S::col_admin, "Admin", "管理員"},
    {S::col_actions, "Actions", "操作"},
    {S::you_marker, "(you)", "（您）"},
    {S::state_active, "Active", "啟用"},
    {S::state_inactive, "Inactive", "停用"},
    {S::admin_yes, "Admin", "管理員"},
    {S::deactivate, "Deactivate", "停用"},
    {S::reactivate, "Reactivate", "重新啟用"},
    {S::self_guard_tooltip, "You cannot deactivate yourself: you would lose access in the middle of this session.",
                            "您無法停用自己的帳號：這會讓您在本次工作階段中途失去存取權。"},
    {S::deactivating, "Deactivating...", "停用中..."},
    {S::reactivating, "Reactivating...", "重新啟用中..."},
    {S::copy_id, "Copy ID", "複製 ID"},
    {S::copy_email, "Copy email", "複製電子郵件"},
    {S::copy_menu_tooltip, "Copy this user's ID or email (or right-click the row)",
                           "複製此使用者的 ID 或電子郵件（或在列上按右鍵）"},
    {S::no_users_match, "No users match these filters.", "沒有符合篩選條件的使用者。"},

    {S::confirm_deactivate_title, "Deactivate user", "停用使用者"},
    {S::confirm_deactivate_body, "Deactivate %s (%s)? They will no longer be able to sign in or be assigned "
                                 "work. Their history is kept, and they can be reactivated later.",
                                 "要停用 %s（%s）嗎？對方將無法登入，也無法再被指派工作。歷史記錄會保留，之後仍可重新啟用。"},
    {S::confirm_reactivate_title, "Reactivate user", "重新啟用使用者"},
    {S::confirm_reactivate_body, "Reactivate %s (%s)? They will be able to sign in again and will use a licence.",
                                 "要重新啟用 %s（%s）嗎？對方將可再次登入，並會占用一個授權。"},
    {S::confirm_deactivate_button, "Deactivate", "停用"},
    {S::confirm_reactivate_button, "Reactivate", "重新啟用"},
    {S::action_failed, "%s could not be changed: %s", "無法變更 %s：%s"},

    {S::time_never, "never", "從未登入"},
    {S::time_today, "today", "今天"},
    {S::time_yesterday, "yesterday", "昨天"},
    {S::time_days_ago, "%d days ago", "%d 天前"},
    {S::time_months_ago, "%d months ago", "%d 個月前"},
    {S::time_years_ago, "%d years ago", "%d 年前"},
    {S::time_future, "in the future", "未來時間"},

    {S::licence_full, "Full / Plan", "完整 / 規劃"},
    {S::licence_work, "Work", "工作"},
    {S::licence_review, "Review / Request", "審閱 / 請求"},
    {S::licence_light, "Light", "輕量"},
    {S::licence_unknown, "Other", "其他"},

    {S::log_title, "Session log", "工作階段記錄"},
    {S::log_time, "Time", "時間"},
    {S::log_user, "User", "使用者"},
    {S::log_action, "Action", "動作"},
    {S::log_result, "Result", "結果"},
    {S::log_message, "Server message", "伺服器訊息"},
    {S::log_empty, "Nothing changed yet in this session.", "本次工作階段尚未進行任何變更。"},
    {S::log_export, "Export log (CSV)", "匯出記錄（CSV）"},
    {S::action_deactivate, "deactivate", "停用"},
    {S::action_reactivate, "reactivate", "重新啟用"},
    {S::result_done, "done", "完成"},
    {S::result_already, "already in that state", "已是該狀態"},
    {S::result_failed, "failed", "失敗"},
    {S::result_skipped, "skipped", "略過"},
    {S::result_cancelled, "cancelled", "已取消"},
    {S::result_pending, "waiting", "等待中"},
    {S::result_checking, "checking", "確認中"},
    {S::result_sending, "sending", "傳送中"},
    {S::dismiss, "Dismiss", "關閉"},
    {S::rows_empty_loading, "Loading users...", "正在載入使用者..."},

    {S::tab_users, "Users", "使用者"},
    {S::tab_offboarding, "Bulk offboarding", "批次離職處理"},
    {S::filters_title, "Filters", "篩選條件"},
    {S::filter_admins, "Administrators", "管理員"},
    {S::admins_any, "Any", "不限"},
    {S::admins_only, "Only admins", "僅管理員"},
    {S::admins_exclude, "Exclude admins", "排除管理員"},
    {S::filter_licence, "Licence types", "授權類型"},
    {S::filter_inactive_days, "No login for at least (days)", "至少未登入（天）"},
    {S::filter_inactive_days_hint, "0 turns this filter off.", "0 表示不使用此條件。"},
    {S::filter_never_logged_in, "Never logged in", "從未登入"},
    {S::histogram_title, "Days since last login (users matching the filters)", "距上次登入天數（符合篩選的使用者）"},
    {S::histogram_bucket_never, "never", "從未"},
    {S::licence_summary_title, "Active licences", "使用中的授權"},
    {S::licence_now, "Now", "目前"},
    {S::licence_after, "After", "執行後"},
    {S::reset_filters, "Reset filters", "重設篩選條件"},
    {S::bucket_0_30, "0-30 days", "0-30 天"},
    {S::bucket_31_90, "31-90 days", "31-90 天"},
    {S::bucket_91_180, "91-180 days", "91-180 天"},
    {S::bucket_181_365, "181-365 days", "181-365 天"},
    {S::bucket_1_2y, "1-2 years", "1-2 年"},
    {S::bucket_over_2y, "over 2 years", "超過 2 年"},

    {S::select_all_matching, "Select all %s matching", "選取全部 %s 位符合者"},
    {S::clear_selection, "Clear selection", "清除選取"},
    {S::selected_count, "%s selected", "已選取 %s 位"},
    {S::select_row_tooltip, "Shift-click to select a range", "按住 Shift 點選可選取範圍"},
    {S::import_open, "Import list...", "匯入清單..."},
    {S::import_title, "Import a list of users", "匯入使用者清單"},
    {S::import_help, "Paste emails, usernames or IDs, one per line (a CSV column works too).",
                     "貼上電子郵件、帳號或 ID，每行一筆（也可貼上 CSV 欄位）。"},
    {S::import_apply, "Match and select", "比對並選取"},
    {S::import_matched, "Matched %s", "符合 %s"},
    {S::import_unmatched, "Not found %s", "找不到 %s"},
    {S::import_ambiguous, "Ambiguous %s", "不明確 %s"},
    {S::import_already_inactive, "Already inactive %s", "已停用 %s"},
    {S::import_add_to_selection, "Select the %s matched users", "選取 %s 位符合的使用者"},
    {S::import_close, "Close", "關閉"},
    {S::import_unmatched_list, "Lines that need attention", "需要處理的行"},
    {S::import_not_found, "no user has this email, username or ID", "沒有使用者符合此電子郵件、帳號或 ID"},

    {S::preview, "Preview (dry run)", "預覽（試執行）"},
    {S::preview_title, "Preview: nothing is changed yet", "預覽：尚未進行任何變更"},
    {S::preview_running, "Checking open work: %s of %s users", "正在檢查未完成工作：%s / %s 位使用者"},
    {S::preview_open_tasks, "Open tasks", "未完成任務"},
    {S::preview_open_issues, "Open issues", "未解決問題"},
    {S::preview_owned_projects, "Owned projects", "擁有的專案"},
    {S::preview_warnings, "Warnings", "警告"},
    {S::preview_no_warnings, "No warnings.", "沒有警告。"},
    {S::warning_self, "This is you: you would lose access.", "這是您自己：您將失去存取權。"},
    {S::warning_admin, "System administrator", "系統管理員"},
    {S::warning_admin_email, "The system's Admin Email user cannot be deactivated.", "系統的管理員電子郵件使用者無法停用。"},
    {S::warning_already_inactive, "Already inactive: skipped", "已停用：略過"},
    {S::warning_open_work, "Has open work to reassign", "仍有未完成的工作需要重新指派"},
    {S::execute, "Deactivate %s users...", "停用 %s 位使用者..."},
    {S::execute_one, "Deactivate %s user...", "停用 %s 位使用者..."},
    {S::execute_title, "Deactivate users", "停用使用者"},
    {S::execute_body, "Deactivate %s users now? Each change is sent to Workfront and recorded in the session log; "
                      "the batch can be undone afterwards.",
                      "要立即停用 %s 位使用者嗎？每項變更都會送至 Workfront 並記錄於工作階段記錄，之後可復原此批次。"},
    {S::execute_body_one, "Deactivate %s user now? The change is sent to Workfront and recorded in the session "
                          "log; it can be undone afterwards.",
                          "要立即停用 %s 位使用者嗎？變更會送至 Workfront 並記錄於工作階段記錄，之後可復原。"},
    {S::execute_confirm, "Deactivate %s users", "停用 %s 位使用者"},
    {S::execute_confirm_one, "Deactivate %s user", "停用 %s 位使用者"},
    {S::reactivate_selected, "Reactivate %s users...", "重新啟用 %s 位使用者..."},
    {S::reactivate_selected_one, "Reactivate %s user...", "重新啟用 %s 位使用者..."},
    {S::reactivate_title, "Reactivate users", "重新啟用使用者"},
    {S::reactivate_body, "Reactivate %s inactive users now? Each one can sign in again and takes a licence again. "
                         "Each change is sent to Workfront and recorded in the session log; the batch can be undone "
                         "afterwards.",
                         "要立即重新啟用 %s 位已停用的使用者嗎？每位使用者都能再次登入，並會再次占用授權。每項變更都會送至 "
                         "Workfront 並記錄於工作階段記錄，之後可復原此批次。"},
    {S::reactivate_body_one, "Reactivate %s inactive user now? They can sign in again and take a licence again. "
                             "The change is sent to Workfront and recorded in the session log; it can be undone "
                             "afterwards.",
                             "要立即重新啟用 %s 位已停用的使用者嗎？該使用者能再次登入，並會再次占用授權。變更會送至 "
                             "Workfront 並記錄於工作階段記錄，之後可復原。"},
    {S::reactivate_confirm, "Reactivate %s users", "重新啟用 %s 位使用者"},
    {S::reactivate_confirm_one, "Reactivate %s user", "重新啟用 %s 位使用者"},
    {S::run_title, "Run in progress", "執行中"},
    {S::run_progress, "%s done, %s already in that state, %s failed, %s remaining",
                      "完成 %s，已是該狀態 %s，失敗 %s，剩餘 %s"},
    {S::run_time_left, "about %s left", "約剩 %s"},
    {S::cancel_run, "Cancel run", "取消執行"},
    {S::run_cancelled, "The run was cancelled. Users not yet sent were left unchanged.",
                       "已取消執行。尚未送出的使用者維持不變。"},
    {S::run_skipped_cancelled, "%s skipped, %s cancelled", "略過 %s，取消 %s"},
    {S::run_finished, "The run finished.", "執行完成。"},
    {S::results_title, "Results", "結果"},
    {S::col_outcome, "Outcome", "結果"},
    {S::col_reason, "Reason", "原因"},
    {S::run_paused, "Paused: Workfront no longer accepts the credential. Sign in again to continue.",
                    "已暫停：Workfront 不再接受目前的憑證。請重新登入以繼續。"},
    {S::back_to_users, "Back to the users list", "返回使用者清單"},
    {S::show_bulk_panel, "Show bulk change", "顯示批次變更"},
    {S::retry_failed, "Retry failed", "重試失敗項目"},
    {S::undo_batch, "Undo this batch", "復原此批次"},
    {S::undo_title, "Undo the batch", "復原批次"},
    {S::undo_body, "Reactivate the %s users this batch deactivated?", "要重新啟用此批次停用的 %s 位使用者嗎？"},
    {S::undo_body_reactivated, "Deactivate again the %s users this batch reactivated?",
                               "要再次停用此批次重新啟用的 %s 位使用者嗎？"},
    {S::undo_confirm, "Undo the batch", "復原批次"},
    {S::export_results, "Export results (CSV)", "匯出結果（CSV）"},
    {S::preview_summary, "%s users: %s will change, %s already inactive, %s blocked, %s admins, %s with open work",
                         "%s 位使用者：%s 位將變更，%s 位已停用，%s 位無法變更，%s 位管理員，%s 位仍有未完成工作"},
    {S::preview_col_change, "Change", "變更"},
    {S::preview_will_change, "will deactivate", "將停用"},
    {S::preview_unknown, "unknown", "未知"},
    {S::execute_open_work_warning, "%s of these users still have open work (see the preview).",
                                   "其中 %s 位使用者仍有未完成的工作（請參閱預覽）。"},
    {S::import_duplicates, "%s repeated lines were ignored.", "已忽略 %s 個重複行。"},
    {S::import_column, "Column used: %s", "使用欄位：%s"},
    {S::run_start_failed, "The run could not start:", "無法開始執行："},
    {S::resume_title, "Unfinished run", "未完成的執行"},
    {S::resume_body, "A run was interrupted when the page closed: %s of %s users done. Resume it?",
                     "頁面關閉時有一項執行被中斷：已完成 %s / %s 位使用者。要繼續嗎？"},
    {S::resume_button, "Resume", "繼續"},
    {S::resume_discard, "Discard", "捨棄"},
    {S::nothing_selected, "Select users in the table, or import a list.", "請在表格中選取使用者，或匯入清單。"},

    {S::problem_wrong_password, "The username or password is not right.", "帳號或密碼不正確。"},
    {S::problem_sso_only, "This account signs in through single sign-on (SSO): use an API key or a session token instead.", "此帳號使用單一登入（SSO）：請改用 API 金鑰或工作階段權杖。"},
    {S::problem_key_expired, "Your API key or session is no longer accepted (expired or revoked). Sign in again.", "您的 API 金鑰或工作階段已失效（過期或被撤銷），請重新登入。"},
    {S::problem_invalid_domain, "That is not a Workfront domain.", "這不是 Workfront 網域。"},
    {S::problem_not_workfront, "That host is not a Workfront server.", "該主機不是 Workfront 伺服器。"},
    {S::problem_unreachable, "Domain not found or unreachable. Check the spelling.", "找不到網域或無法連線，請檢查拼字。"},
    {S::problem_proxy_missing, "This page cannot reach Workfront: open it through wfadmin's own server.", "此頁面無法連線至 Workfront：請透過 wfadmin 的伺服器開啟。"},
    {S::problem_network, "The network failed or timed out. Try again.", "網路連線失敗或逾時，請再試一次。"},
    {S::problem_permission, "Your account is not allowed to do this in Workfront.", "您的帳號在 Workfront 中沒有執行此操作的權限。"},
    {S::problem_not_found, "Workfront does not know this user any more.", "Workfront 中已找不到此使用者。"},
    {S::problem_refused, "Workfront refused the change.", "Workfront 拒絕了此變更。"},
    {S::problem_server, "Workfront had a problem. Try again in a moment.", "Workfront 發生問題，請稍後再試。"},
    {S::problem_malformed, "Workfront's answer could not be read.", "無法讀取 Workfront 的回應。"},
    {S::problem_read_only, "You are not a Workfront administrator: you can look at users, but not change them.", "您不是 Workfront 管理員：可以檢視使用者，但無法變更。"},
    {S::problem_self, "You cannot deactivate yourself.", "您無法停用自己的帳號。"},
    {S::problem_busy, "Another change is still in progress.", "另一項變更仍在進行中。"},
    {S::problem_invalid_version, "The API version is not valid.", "API 版本無效。"},
    {S::problem_missing_fields, "Fill in every field.", "請填寫所有欄位。"},
    {S::problem_unknown_user, "This user is not in the list.", "清單中沒有此使用者。"},
    {S::problem_signed_out, "You were signed out.", "您已登出。"},
    {S::problem_revoke_failed, "The API key could not be revoked; you were signed out anyway.", "無法撤銷 API 金鑰，但您已登出。"},
    {S::problem_other_host, "This run belongs to another Workfront domain: sign in there to resume it.", "此執行屬於另一個 Workfront 網域：請登入該網域以繼續。"},
    {S::problem_server_said, "Workfront said: %s", "Workfront 回應：%s"},
    {S::problem_tenant_not_allowed, "This page is set up for other Workfront domains only.", "此頁面只適用於其他 Workfront 網域。"},
};
// clang-format on

static_assert(sizeof(kRows) / sizeof(kRows[0]) == static_cast<size_t>(S::Count), "one row per key");

Language g_language = Language::English;

}  // namespace

Language language_from_tag(const std::string& tag) {
    std::string t;
    for (char c : tag) t += (c == '_') ? '-' : static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
    if (t == "zh-tw" || t == "zh-hant" || t == "zh-hk" || t == "zh-mo" || t.rfind("zh-hant-", 0) == 0)
        return Language::TraditionalChinese;
    return Language::English;
}

const char* language_tag(Language language) { return language == Language::TraditionalChinese ? "zh-TW" : "en"; }
const char* language_name(Language language) {
    return language == Language::TraditionalChinese ? "繁體中文" : "English";
}
void set_language(Language language) { g_language = language; }
Language current_language() { return g_language; }

const char* tr_in(Language language, S key) {
    const Row& row = kRows[static_cast<int>(key)];
    return language == Language::TraditionalChinese ? row.zh : row.en;
}

const char* tr(S key) { return tr_in(g_language, key); }

std::string trf(S key, ...) {
    char buffer[1024];
    va_list args;
    va_start(args, key);
    std::vsnprintf(buffer, sizeof buffer, tr(key), args);
    va_end(args);
    return buffer;
}

std::string all_ui_text() {
    std::string out;
    for (const Row& row : kRows) {
        out += row.en;
        out += '\n';
        out += row.zh;
        out += '\n';
    }
    out += language_name(Language::English);
    out += '\n';
    out += language_name(Language::TraditionalChinese);
    out += '\n';
    return out;
}

namespace detail {
int row_key(int i) { return static_cast<int>(kRows[i].key); }
}  // namespace detail

}  // namespace ui
