// ui_app.cpp: the page as one object. Owns the admin model and the views' state; each frame draws one
// full-screen window holding the current screen (sign-in, or the users screen with its panels) and whichever
// modal dialog is open. See app.h for how the platform drives it.
#include "ui/app.h"

#include <algorithm>

#include "admin/model.h"
#include "admin/state_json.h"
#include "imgui.h"
#include "ui/glyphs.h"
#include "ui/problem_text.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "workfront/host.h"
#include "ui/widgets.h"

namespace ui {

struct App::Impl {
    Impl(wf::Transport& transport, wf::Clock& clock, wf::Random& random, Platform& platform, AppConfig config)
        : platform(platform), config(std::move(config)), model(transport, clock, random) {}

    Platform& platform;
    AppConfig config;
    admin::Model model;
    UiState ui;
    int subscription = 0;
    ImGuiContext* styled_context = nullptr;   // the context the theme was applied to

    // wanted_glyphs() bookkeeping (mutable: it is a cache behind a const accessor).
    mutable GlyphSet glyphs;
    mutable std::uint64_t glyph_revision = ~0ull;
    mutable std::size_t glyph_rows = 0;
    mutable admin::Directory::LoadState glyph_load_state = admin::Directory::LoadState::Empty;
    mutable std::size_t glyph_typed_size = ~size_t{0};
    mutable std::size_t glyph_log_entries = 0;
    mutable std::size_t glyph_preview_rows = ~size_t{0};
    mutable std::size_t glyph_job_users = ~size_t{0};

    void on_session_event(admin::Session::Event event);
    void draw_users_screen(ViewContext& ctx);
    void update_glyphs() const;
};

void App::Impl::on_session_event(admin::Session::Event event) {
    ui.dialog = Dialog::None;
    if (event == admin::Session::Event::SignedIn) {
        ui.resume_checked = false;
        return;
    }
    ui.focus_first_field = true;
    if (event == admin::Session::Event::SignedOut && !model.runner.active()) {
        // A deliberate sign-out ends the work: nothing of this tenant stays on the page.
        ui.filter_text.clear();
        ui.import_text.clear();
        ui.bulk_panel_hidden = false;
        model.selection.clear();
        model.view.set_filter(admin::Filter{});
        model.preview.clear();
        model.clear_import();
    }
    // AuthLost (an expired key): keep filters and selection so that signing in again continues the work.
}

void App::Impl::draw_users_screen(ViewContext& ctx) {
    refresh_summaries(ctx);
    draw_header(ctx);

    admin::Session& session = model.session;
    if (!session.last_error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.99f, 0.94f, 0.94f, 1.0f));
        ImGui::BeginChild("error-banner", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
        draw_problem(session.last_error());
        if (ImGui::SmallButton(widgets::label(tr(S::dismiss), "dismiss-error").c_str())) session.clear_error();
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }

    const float height = ImGui::GetContentRegionAvail().y;
    const float panel_width = ImGui::GetContentRegionAvail().x < 1000.0f ? 230.0f : 290.0f;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::panel());
    ImGui::BeginChild("filters-panel", ImVec2(panel_width, height),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
    draw_filters_panel(ctx);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::SameLine();

    ImGui::BeginChild("main", ImVec2(0, height));
    draw_toolbar(ctx);
    const float rest = ImGui::GetContentRegionAvail().y;
    const float log_height = std::clamp(rest * 0.28f, 110.0f, 260.0f);
    const float body_height = std::max(120.0f, rest - log_height - ImGui::GetStyle().ItemSpacing.y);
    if (bulk_panel_visible(ctx)) {
        ImGui::BeginChild("bulk-panel", ImVec2(0, body_height));
        if (model.runner.has_job())
            draw_run(ctx, ImGui::GetContentRegionAvail().y);
        else
            draw_preview(ctx, ImGui::GetContentRegionAvail().y);
        ImGui::EndChild();
    } else {
        draw_users_table(ctx, body_height);
    }
    ImGui::BeginChild("session-log-panel", ImVec2(0, 0));
    draw_session_log(ctx, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();
    ImGui::EndChild();

    draw_user_confirm_dialog(ctx);
    draw_sign_out_dialog(ctx);
    draw_import_dialog(ctx);
    draw_execute_dialog(ctx);
    draw_undo_dialog(ctx);
    draw_resume_dialog(ctx);
}

void App::Impl::update_glyphs() const {
    const admin::Directory& directory = model.directory;
    if (directory.revision() != glyph_revision) {
        // Rows are only appended during a load, so new rows are scanned as they come; a row a page or a
        // server answer changed in place (a renamed user) is caught by one full rescan when the load lands.
        const bool just_loaded = directory.load_state() != glyph_load_state &&
                                 directory.load_state() == admin::Directory::LoadState::Loaded;
        if (just_loaded || directory.size() < glyph_rows) glyph_rows = 0;
        for (admin::RowIndex i = static_cast<admin::RowIndex>(glyph_rows); i < directory.size(); ++i) {
            const wf::User& user = directory.user(i);
            glyphs.add(user.name);
            glyphs.add(user.title);
            glyphs.add(user.username);
            glyphs.add(user.email);
        }
        glyph_rows = directory.size();
        glyph_revision = directory.revision();
        glyph_load_state = directory.load_state();
    }
    // What the person typed (a Chinese name in the search box, a pasted list).
    const std::size_t typed = ui.filter_text.size() + ui.import_text.size() + ui.domain.size() + ui.username.size();
    if (typed != glyph_typed_size) {
        glyph_typed_size = typed;
        glyphs.add(ui.filter_text);
        glyphs.add(ui.import_text);
        glyphs.add(ui.domain);
        glyphs.add(ui.username);
    }
    // The server's words: problems, one line per change in the log, protected users in the preview.
    for (const admin::Problem* p : {&model.session.last_error(), &model.runner.last_error()}) {
        glyphs.add(p->message);
        glyphs.add(p->server_message);
    }
    const auto& entries = model.log.entries();
    const bool log_changed = entries.size() != glyph_log_entries;
    if (entries.size() < glyph_log_entries) glyph_log_entries = 0;
    for (std::size_t i = glyph_log_entries; i < entries.size(); ++i) {
        glyphs.add(entries[i].actor);
        glyphs.add(entries[i].name);
        glyphs.add(entries[i].message);
    }
    glyph_log_entries = entries.size();
    if (model.preview.rows().size() != glyph_preview_rows) {
        glyph_preview_rows = model.preview.rows().size();
        for (const admin::PreviewRow& row : model.preview.rows()) glyphs.add(row.protected_message);
    }
    // A run's outcomes change in place; each one also lands in the log, so a longer log means new words.
    if (const admin::BulkJob* job = model.runner.job(); job && (log_changed || job->users().size() != glyph_job_users)) {
        glyph_job_users = job->users().size();
        for (const admin::JobUser& u : job->users()) glyphs.add(u.message);
    }
}

App::App(wf::Transport& transport, wf::Clock& clock, wf::Random& random, Platform& platform, AppConfig config)
    : impl_(std::make_unique<Impl>(transport, clock, random, platform, std::move(config))) {
    Impl& s = *impl_;
    set_language(language_from_tag(s.config.language));
    s.ui.domain = s.config.domain;
    if (!s.config.api_version.empty()) s.ui.version = s.config.api_version;
    admin::Session& session = s.model.session;
    session.set_allowed_tenants(s.config.tenants);
    const std::vector<std::string>& tenants = session.allowed_tenants();
    if (!tenants.empty()) {   // the domain is one of the offered tenants (a ?domain= for another is not)
        const wf::Result<wf::Host> typed = wf::resolve_host(s.ui.domain);
        s.ui.domain = typed && std::find(tenants.begin(), tenants.end(), typed->tenant) != tenants.end()
                          ? typed->tenant : tenants.front();
    }
    s.glyphs.add(all_ui_text());
    s.subscription = s.model.session.subscribe([this](admin::Session::Event e) { impl_->on_session_event(e); });
    // The interrupted-run record lives in the browser's storage: IDs and outcomes only, never a credential.
    s.model.runner.set_on_save([&platform = s.platform](const std::string& json) {
        if (json.empty())
            platform.storage_remove(kSavedRunKey);
        else
            platform.storage_set(kSavedRunKey, json);
    });
}

App::~App() {
    if (impl_) impl_->model.session.unsubscribe(impl_->subscription);
}

void App::frame() {
    Impl& s = *impl_;
    if (ImGui::GetCurrentContext() != s.styled_context) {
        theme::apply(ImGui::GetStyle());
        s.styled_context = ImGui::GetCurrentContext();
    }
    ViewContext ctx{s.model, s.platform, s.config, s.ui, s.model.now()};

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    // No background of its own: the renderer clears to the same colour (web::webgl2::render), and a
    // full-window blended quad on every frame is real work for a software rasteriser.
    ImGui::Begin("wfadmin", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground);
    if (s.model.session.screen() == admin::Screen::Users) {
        s.draw_users_screen(ctx);
    } else {
        draw_sign_in(ctx);
        draw_generate_key_dialog(ctx);
    }
    ImGui::End();
    s.update_glyphs();
}

bool App::animating() const {
    const admin::Model& m = impl_->model;
    using St = admin::SessionState;
    const St st = m.session.state();
    const bool signing = st == St::CheckingKey || st == St::GeneratingKey || st == St::FetchingUser ||
                         st == St::SigningOut;
    const bool running = m.runner.active() && m.runner.job()->phase() != admin::JobPhase::Paused;
    return signing || m.session.busy() || m.directory.load_state() == admin::Directory::LoadState::Loading ||
           m.preview.running() || running;
}

std::string App::state_json() const {
    Impl& s = *impl_;
    std::string json = admin::state_json(s.model);
    // The views' own state, appended to the model's object: language, open dialog, what the main area shows.
    const char* panel = !bulk_panel_visible(ViewContext{s.model, s.platform, s.config, s.ui, s.model.now()})
                            ? "table"
                            : (s.model.runner.has_job() ? "run" : "preview");
    const std::string ui_part = std::string("\"ui\":{\"language\":\"") + language_tag(current_language()) +
                                "\",\"dialog\":\"" + dialog_name(s.ui.dialog) + "\",\"panel\":\"" + panel + "\"}";
    const size_t close = json.find_last_of('}');
    if (close == std::string::npos) return json;
    const size_t before = json.find_last_not_of(" \n\r\t", close - 1);
    const bool empty_object = before != std::string::npos && json[before] == '{';
    json.insert(close, (empty_object ? "" : ",") + ui_part);
    return json;
}

const std::u32string& App::wanted_glyphs(unsigned* version) const {
    impl_->update_glyphs();
    if (version) *version = impl_->glyphs.version();
    return impl_->glyphs.sorted();
}

}  // namespace ui
