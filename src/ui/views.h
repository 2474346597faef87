// ui_views.h: what every view gets (the model, the platform, the page's own UI state) and the views themselves.
// One view per file (view_*.cpp). Views read the model and call its commands; they never talk to the transport,
// and a row changes only when the model applies the server's answer.
#pragma once
#include <map>
#include <string>
#include <vector>
#include "admin/model.h"
#include "ui/app.h"

namespace ui {

// The dialogs of the page. One at a time: they are modal.
enum class Dialog { None, ConfirmUser, SignOut, Import, Execute, Undo, Resume };
const char* dialog_name(Dialog dialog);   // "none", "confirm-user", ... (state JSON)

// View state that is not the model's business: form fields, which dialog is open, panel toggles.
struct UiState {
    // sign-in form
    std::string domain;
    std::string version = "21.0";
    enum class Method { Password, ApiKey, Session } method = Method::Password;
    std::string username;
    std::string password;       // wiped as soon as it has been handed to the model
    std::string api_key;        // wiped after sign-in
    std::string session_token;  // wiped after sign-in
    bool focus_first_field = true;

    // users screen
    std::string filter_text;
    Dialog dialog = Dialog::None;
    std::string confirm_user_id;     // the person the single-user confirmation names
    bool confirm_target_active = false;
    bool revoke_on_sign_out = false;
    bool bulk_panel_hidden = false;  // the person went back to the table while a preview/run exists
    bool execute_activate = false;   // the Execute dialog reactivates (the selection's inactive users)
    std::string import_text;
    bool resume_checked = false;     // the saved run was looked at once after this sign-in
    std::string resume_json;

    // Summaries over up to 50,000 users, recomputed only when their inputs change (not every frame).
    struct Summaries {
        std::uint64_t directory_revision = ~0ull;
        admin::Filter filter;
        long long day = -1;
        std::size_t selection_count = ~size_t{0};
        std::string selection_anchor;
        admin::LoginHistogram histogram;
        std::map<std::string, admin::LicenceCount> licences;
        std::vector<std::string> licence_types;   // every type present in the directory
        long long changeable = 0;                 // selected users a deactivation would change
        long long reactivatable = 0;              // selected users who are inactive
        std::size_t protected_count = 0;
        wf::TimeMs refreshed_at = 0;              // when the directory summaries were last recomputed
        wf::TimeMs selection_at = 0;              // selection summaries also refresh every few seconds
    } summaries;
};

struct ViewContext {
    admin::Model& model;
    Platform& platform;
    const AppConfig& config;
    UiState& ui;
    wf::TimeMs now;
};

// The storage key of an interrupted bulk run (non-secret: IDs and outcomes, never a credential).
constexpr const char* kSavedRunKey = "wfadmin.bulk-run";

// ---- views (each in view_<name>.cpp) ----
void draw_sign_in(ViewContext& ctx);          // the sign-in form (screen "sign-in")
void draw_generate_key_dialog(ViewContext& ctx);   // generateApiKey confirmation (screen "confirm-generate")
void draw_header(ViewContext& ctx);           // signed-in user, counts, loading progress, language, sign out
void draw_sign_out_dialog(ViewContext& ctx);
void draw_language_switch(ViewContext& ctx);
float language_switch_width();                // what draw_language_switch takes, for right alignment
void draw_filters_panel(ViewContext& ctx);    // left column: bulk filters, histogram, licence summary
void draw_toolbar(ViewContext& ctx);          // quick filter, status, selection and bulk buttons
void draw_users_table(ViewContext& ctx, float height);
void draw_user_confirm_dialog(ViewContext& ctx);
void draw_session_log(ViewContext& ctx, float height);
void draw_import_dialog(ViewContext& ctx);
void draw_preview(ViewContext& ctx, float height);
void draw_execute_dialog(ViewContext& ctx);
void draw_run(ViewContext& ctx, float height);     // progress while running, results afterwards
void draw_undo_dialog(ViewContext& ctx);
void draw_resume_dialog(ViewContext& ctx);

// Small shared helpers (views_common.cpp).
bool bulk_panel_visible(const ViewContext& ctx);
// Applies ctx.ui.filter_text to the model's filter when it differs.
void sync_text_filter(ViewContext& ctx);
// Users of the current selection that a deactivation would change (active, not you, not refused before).
long long selection_changeable(const ViewContext& ctx);
long long selection_reactivatable(const ViewContext& ctx);
// Brings ctx.ui.summaries up to date (histogram, licence counts, changeable) when the directory, the filter or
// the selection moved. The App calls it once per frame before the users screen.
void refresh_summaries(ViewContext& ctx);

}  // namespace ui
