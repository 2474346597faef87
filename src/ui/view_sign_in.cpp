// ui_view_sign_in.cpp: the sign-in screen. The domain is resolved live (the host it will connect to, or why it
// is rejected); the credential fields follow the chosen method; Enter signs in. Secrets are wiped from the
// form as soon as they have been handed to the model.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "admin/text_fold.h"
#include "imgui.h"
#include "ui/problem_text.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"
#include "workfront/host.h"

namespace ui {

namespace {

// "21.0", "21" or "v21" (what Session::set_api_version accepts), checked without touching the session.
bool version_looks_valid(const std::string& text) {
    size_t i = 0;
    if (i < text.size() && (text[i] == 'v' || text[i] == 'V')) ++i;
    size_t digits = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
    if (digits == 0) return false;
    if (i == text.size()) return true;
    if (text[i] != '.') return false;
    ++i;
    size_t decimals = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++decimals;
    return decimals > 0 && i == text.size();
}

bool signing_in(const admin::Session& session) {
    using St = admin::SessionState;
    const St s = session.state();
    return s == St::CheckingKey || s == St::GeneratingKey || s == St::FetchingUser;
}

void submit(ViewContext& ctx) {
    UiState& ui = ctx.ui;
    admin::Session& session = ctx.model.session;
    session.clear_error();
    if (!session.set_api_version(ui.version)) return;   // the field already says why
    bool sent = false;
    switch (ui.method) {
        case UiState::Method::Password:
            sent = session.sign_in_with_password(ui.domain, ui.username, ui.password);
            if (sent) admin::secure_wipe(ui.password), ui.password.clear();
            break;
        case UiState::Method::ApiKey:
            sent = session.sign_in_with_api_key(ui.domain, ui.api_key);
            if (sent) admin::secure_wipe(ui.api_key), ui.api_key.clear();
            break;
        case UiState::Method::Session:
            sent = session.sign_in_with_session_token(ui.domain, ui.session_token);
            if (sent) admin::secure_wipe(ui.session_token), ui.session_token.clear();
            break;
    }
}

// Up to six tenants side by side as radio buttons (###tenant-<name>), more in a combo (###tenant).
void draw_tenant_choice(const std::vector<std::string>& tenants, std::string& domain) {
    constexpr size_t kRadioLimit = 6;
    if (tenants.size() <= kRadioLimit) {
        for (size_t i = 0; i < tenants.size(); ++i) {
            const float width = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                                ImGui::CalcTextSize(tenants[i].c_str()).x;
            if (i > 0) {
                ImGui::SameLine();
                if (ImGui::GetCursorPosX() + width > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
            }
            if (ImGui::RadioButton(widgets::label(tenants[i].c_str(), "tenant-" + tenants[i]).c_str(),
                                   domain == tenants[i]))
                domain = tenants[i];
        }
        return;
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(widgets::label("", "tenant").c_str(), domain.c_str())) {
        for (const std::string& t : tenants)
            if (ImGui::Selectable(widgets::label(t.c_str(), "tenant-" + t).c_str(), domain == t)) domain = t;
        ImGui::EndCombo();
    }
}

bool field_label(const char* text) {
    ImGui::TextUnformatted(text);
    return true;
}

}  // namespace

void draw_sign_in(ViewContext& ctx) {
    UiState& ui = ctx.ui;
    admin::Session& session = ctx.model.session;
    const bool busy = signing_in(session) || session.state() == admin::SessionState::NeedsGenerateConfirmation;

    // Language switch, top right.
    {
        const float w = language_switch_width() + 28.0f;
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - w);
        draw_language_switch(ctx);
    }

    const float card_width = std::min(520.0f, ImGui::GetContentRegionAvail().x - 8.0f);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetContentRegionAvail().y * 0.08f));
    widgets::centre_next(card_width);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(28, 24));
    ImGui::BeginChild("sign-in-card", ImVec2(card_width, 0),
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();

    widgets::text_coloured(theme::accent(), tr(S::app_title));
    ImGui::PushTextWrapPos(0.0f);
    widgets::text_muted(tr(S::app_subtitle));
    ImGui::PopTextWrapPos();
    if (ctx.config.demo_mode) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0.0f);
        widgets::text_coloured(theme::warning(), tr(S::demo_banner));
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();

    ImGui::BeginDisabled(busy);
    const ImGuiInputTextFlags enter = ImGuiInputTextFlags_EnterReturnsTrue;
    bool go = false;

    // Domain, with where it leads (or why not) right under it; a deployment locked to some tenants offers
    // just those (config.json), one to choose instead of a field to type in.
    field_label(tr(S::domain_label));
    const std::vector<std::string>& tenants = session.allowed_tenants();
    if (!tenants.empty()) {
        draw_tenant_choice(tenants, ui.domain);
    } else {
        ImGui::SetNextItemWidth(-1);
        if (ui.focus_first_field) {
            ImGui::SetKeyboardFocusHere();
            ui.focus_first_field = false;
        }
        go |= widgets::input_text(widgets::label("", "domain").c_str(), ui.domain, enter, tr(S::domain_hint));
    }
    if (admin::trim(ui.domain).empty()) {
        widgets::text_muted(tr(S::domain_empty));
    } else {
        const wf::Result<wf::Host> host = wf::resolve_host(ui.domain);
        if (host.ok()) {
            widgets::text_success(trf(S::domain_resolves_to, host->name.c_str()));
        } else {
            if (current_language() == Language::English) {
                widgets::text_error(host.error().message);
            } else {   // the translated verdict, then the precise reason (English) for whoever can read it
                widgets::text_error(problem_text(admin::Problem{"invalid_domain", "", ""}));
                ImGui::PushTextWrapPos(0.0f);
                widgets::text_muted(host.error().message);
                ImGui::PopTextWrapPos();
            }
        }
    }

    ImGui::Spacing();
    field_label(tr(S::version_label));
    ImGui::SetNextItemWidth(120);
    go |= widgets::input_text(widgets::label("", "version").c_str(), ui.version, enter, tr(S::version_hint));
    const bool version_ok = version_looks_valid(ui.version);
    if (!version_ok) {
        ImGui::SameLine();
        widgets::text_error(tr(S::version_invalid));
    }

    ImGui::Spacing();
    field_label(tr(S::auth_method_label));
    const struct { UiState::Method method; S text; const char* id; } methods[] = {
        {UiState::Method::Password, S::auth_password, "auth-password"},
        {UiState::Method::ApiKey, S::auth_apikey, "auth-apikey"},
        {UiState::Method::Session, S::auth_session, "auth-session"},
    };
    for (size_t i = 0; i < 3; ++i) {
        // Side by side while they fit (translations differ in length), else on the next line.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float width = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(tr(methods[i].text)).x;
        if (i > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + width > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
        }
        if (ImGui::RadioButton(widgets::label(tr(methods[i].text), methods[i].id).c_str(), ui.method == methods[i].method))
            ui.method = methods[i].method;
    }

    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    switch (ui.method) {
        case UiState::Method::Password:
            field_label(tr(S::username_label));
            ImGui::SetNextItemWidth(-1);
            go |= widgets::input_text(widgets::label("", "username").c_str(), ui.username, enter);
            field_label(tr(S::password_label));
            ImGui::SetNextItemWidth(-1);
            go |= widgets::input_text(widgets::label("", "password").c_str(), ui.password,
                                      enter | ImGuiInputTextFlags_Password);
            widgets::text_muted(tr(S::password_note));
            break;
        case UiState::Method::ApiKey:
            field_label(tr(S::apikey_label));
            ImGui::SetNextItemWidth(-1);
            go |= widgets::input_text(widgets::label("", "apikey").c_str(), ui.api_key,
                                      enter | ImGuiInputTextFlags_Password);
            widgets::text_muted(tr(S::apikey_note));
            break;
        case UiState::Method::Session:
            field_label(tr(S::session_label));
            ImGui::SetNextItemWidth(-1);
            go |= widgets::input_text(widgets::label("", "session").c_str(), ui.session_token,
                                      enter | ImGuiInputTextFlags_Password);
            widgets::text_muted(tr(S::session_note));
            break;
    }
    ImGui::PopTextWrapPos();

    ImGui::Spacing();
    ImGui::Spacing();
    const float button_width = 140.0f;
    if (widgets::primary_button(widgets::label(tr(S::sign_in), "signin").c_str(), ImVec2(button_width, 0)))
        go = true;
    ImGui::EndDisabled();
    if (busy) {
        ImGui::SameLine();
        widgets::spinner(ImGui::GetFrameHeight());
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        widgets::text_muted(tr(S::signing_in));
    }
    if (go && !busy && version_ok) submit(ctx);

    if (!session.last_error().empty()) {
        ImGui::Spacing();
        draw_problem(session.last_error());
    }
    ImGui::EndChild();
}

}  // namespace ui
