// ui_view_generate_key.cpp: the account has no API key. Generating one replaces whatever key the account
// uses elsewhere, so the person must say yes knowingly; "Cancel" (or Esc) goes back and wipes the password.
#include "imgui.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

void draw_generate_key_dialog(ViewContext& ctx) {
    admin::Session& session = ctx.model.session;
    const bool want = session.screen() == admin::Screen::ConfirmGenerate;
    const std::string title = widgets::label(tr(S::generate_title), "generate-dialog");
    if (!widgets::begin_dialog(title.c_str(), want, 500.0f)) return;

    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(trf(S::generate_body, session.pending_username().c_str()).c_str());
    ImGui::Spacing();
    widgets::text_coloured(theme::warning(), tr(S::generate_warning));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();

    if (widgets::primary_button(widgets::label(tr(S::generate_confirm), "confirm").c_str()))
        session.confirm_generate_key();
    ImGui::SameLine();
    if (ImGui::Button(widgets::label(tr(S::cancel), "cancel").c_str()) || widgets::escape_pressed())
        session.decline_generate_key();
    ImGui::EndPopup();
}

}  // namespace ui
