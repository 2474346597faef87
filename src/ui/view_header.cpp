// ui_view_header.cpp: the top of the users screen: who is signed in where, the active/inactive/total counts,
// the loading progress ("12,000 of 48,210"), the language switch and sign out.
#include <algorithm>

#include "imgui.h"
#include "ui/format.h"
#include "ui/problem_text.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

namespace {

void draw_counts(ViewContext& ctx) {
    const admin::Counts counts = ctx.model.directory.counts();
    ImGui::AlignTextToFramePadding();
    widgets::text_success(trf(S::count_active, format::thousands(counts.active).c_str()));
    ImGui::SameLine(0, 24);
    widgets::text_coloured(theme::danger(), trf(S::count_inactive, format::thousands(counts.inactive).c_str()));
    ImGui::SameLine(0, 24);
    ImGui::TextUnformatted(trf(S::count_total, format::thousands(counts.total).c_str()).c_str());
}

void draw_loading(ViewContext& ctx) {
    const admin::Directory& directory = ctx.model.directory;
    using LS = admin::Directory::LoadState;
    if (directory.load_state() == LS::Loading) {
        const wf::LoadProgress& p = directory.progress();
        ImGui::SameLine(0, 32);
        widgets::spinner(ImGui::GetTextLineHeight());
        ImGui::SameLine();
        if (p.expected < 0) {
            widgets::text_muted(tr(S::loading_counting));
        } else {
            const std::string text =
                trf(S::loading_users, format::thousands(p.loaded).c_str(), format::thousands(p.expected).c_str());
            widgets::text_muted(text);
            ImGui::SameLine();
            const float fraction = p.expected > 0 ? static_cast<float>(p.loaded) / static_cast<float>(p.expected) : 0;
            ImGui::ProgressBar(std::clamp(fraction, 0.0f, 1.0f), ImVec2(180, ImGui::GetTextLineHeight()), "");
        }
    } else if (directory.load_state() == LS::Failed) {
        ImGui::SameLine(0, 32);
        widgets::text_coloured(theme::danger(), trf(S::load_failed, directory.load_error().c_str()));
        ImGui::SameLine();
        if (ImGui::SmallButton(widgets::label(tr(S::reload), "reload").c_str())) ctx.model.session.load_directory();
    }
}

}  // namespace

void draw_header(ViewContext& ctx) {
    admin::Session& session = ctx.model.session;
    const admin::SignedInUser& me = session.user();

    ImGui::AlignTextToFramePadding();
    widgets::text_coloured(theme::accent(), tr(S::app_title));
    ImGui::SameLine(0, 20);
    const std::string who = me.email.empty() ? me.name : me.name + " <" + me.email + ">";
    widgets::text_muted(trf(S::signed_in_as, who.c_str(), session.endpoint().host.name.c_str()));

    // Right-aligned: language, sign out.
    const char* sign_out_text = tr(S::sign_out);
    const float right_width = language_switch_width() + ImGui::CalcTextSize(sign_out_text).x + 54.0f;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - right_width));
    draw_language_switch(ctx);
    ImGui::SameLine(0, 16);
    const bool signing_out = session.state() == admin::SessionState::SigningOut;
    ImGui::BeginDisabled(signing_out);
    if (ImGui::Button(widgets::label(sign_out_text, "signout").c_str())) {
        ctx.ui.revoke_on_sign_out = false;
        ctx.ui.dialog = Dialog::SignOut;
    }
    ImGui::EndDisabled();

    draw_counts(ctx);
    draw_loading(ctx);

    if (!session.notice().empty()) {
        ImGui::PushTextWrapPos(0.0f);
        widgets::text_coloured(theme::warning(), session.read_only() ? tr(S::problem_read_only) : session.notice());
        ImGui::PopTextWrapPos();
    }
}

void draw_sign_out_dialog(ViewContext& ctx) {
    UiState& ui = ctx.ui;
    admin::Session& session = ctx.model.session;
    const std::string title = widgets::label(tr(S::sign_out_title), "sign-out-dialog");
    if (!widgets::begin_dialog(title.c_str(), ui.dialog == Dialog::SignOut)) return;

    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(S::sign_out_body));
    // Only a key can be revoked: a session or OAuth2 token ends on its own.
    if (session.auth().kind == wf::Auth::Kind::ApiKey) {
        ImGui::Spacing();
        ImGui::Checkbox(widgets::label(tr(S::sign_out_revoke), "revoke-key").c_str(), &ui.revoke_on_sign_out);
        if (ui.revoke_on_sign_out) widgets::text_coloured(theme::warning(), tr(S::sign_out_revoke_note));
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    if (widgets::primary_button(widgets::label(tr(S::sign_out_confirm), "confirm").c_str())) {
        const bool revoke = ui.revoke_on_sign_out && session.auth().kind == wf::Auth::Kind::ApiKey;
        ui.dialog = Dialog::None;
        session.sign_out(revoke);
    }
    ImGui::SameLine();
    if (ImGui::Button(widgets::label(tr(S::cancel), "cancel").c_str()) || widgets::escape_pressed())
        ui.dialog = Dialog::None;
    ImGui::EndPopup();
}

}  // namespace ui
