// ui_views_common.cpp: small pieces several views share: dialog names for the state JSON, the quick filter's
// hand-over to the model, and the cached summaries (histogram, licences, changeable count) that would cost a
// scan of 50,000 users if recomputed every frame.
#include <set>

#include "ui/views.h"

namespace ui {

const char* dialog_name(Dialog dialog) {
    switch (dialog) {
        case Dialog::None: return "none";
        case Dialog::ConfirmUser: return "confirm-user";
        case Dialog::SignOut: return "sign-out";
        case Dialog::Import: return "import";
        case Dialog::Execute: return "execute";
        case Dialog::Undo: return "undo";
        case Dialog::Resume: return "resume";
    }
    return "none";
}

bool bulk_panel_visible(const ViewContext& ctx) {
    return !ctx.ui.bulk_panel_hidden && (ctx.model.preview.active() || ctx.model.runner.has_job());
}

void sync_text_filter(ViewContext& ctx) {
    if (ctx.model.view.filter().text == ctx.ui.filter_text) return;
    admin::Filter filter = ctx.model.view.filter();
    filter.text = ctx.ui.filter_text;
    ctx.model.view.set_filter(filter);
}

long long selection_changeable(const ViewContext& ctx) { return ctx.ui.summaries.changeable; }
long long selection_reactivatable(const ViewContext& ctx) { return ctx.ui.summaries.reactivatable; }

void refresh_summaries(ViewContext& ctx) {
    admin::Model& m = ctx.model;
    UiState::Summaries& s = ctx.ui.summaries;
    const long long day = ctx.now / 86'400'000;
    // While pages arrive, summaries refresh a few times a second, not on every page (see UserView::rows).
    const bool loading = m.directory.load_state() == admin::Directory::LoadState::Loading;
    const bool directory_moved = s.directory_revision != m.directory.revision() &&
                                 (!loading || ctx.now - s.refreshed_at >= admin::UserView::kLoadingRefreshMs);
    const bool filter_moved = s.filter != m.view.filter() || s.day != day;
    const bool selection_moved = s.selection_count != m.selection.count() ||
                                 s.selection_anchor != m.selection.anchor() ||
                                 s.protected_count != m.session.protected_users().size() ||
                                 ctx.now - s.selection_at > 2000;   // same count, different people: rare
    if (!directory_moved && !filter_moved && !selection_moved) return;

    if (directory_moved) {
        std::set<std::string> types;
        for (admin::RowIndex i = 0; i < m.directory.size(); ++i) types.insert(m.directory.user(i).license_type);
        s.licence_types.assign(types.begin(), types.end());
    }
    if (directory_moved || filter_moved)
        s.histogram = admin::login_histogram(m.directory, m.view.rows(m.directory, ctx.now), ctx.now);
    if (directory_moved || selection_moved) {
        const std::vector<std::string> ids = m.selection.ids(m.directory);
        s.licences = admin::licence_summary(m.directory, ids, false);
        long long changeable = 0, reactivatable = 0;
        const std::string& me = m.session.user().id;
        const auto& refused = m.session.protected_users();
        for (const std::string& id : ids) {
            const wf::User* user = m.directory.user_by_id(id);
            if (user && user->is_active && id != me && refused.count(id) == 0) ++changeable;
            if (user && !user->is_active) ++reactivatable;
        }
        s.changeable = changeable;
        s.reactivatable = reactivatable;
    }
    if (directory_moved) {   // a throttled change keeps the old revision, so it is picked up later
        s.refreshed_at = ctx.now;
        s.directory_revision = m.directory.revision();
    }
    s.filter = m.view.filter();
    s.day = day;
    s.selection_count = m.selection.count();
    s.selection_anchor = m.selection.anchor();
    s.protected_count = m.session.protected_users().size();
    if (directory_moved || selection_moved) s.selection_at = ctx.now;
}

}  // namespace ui
