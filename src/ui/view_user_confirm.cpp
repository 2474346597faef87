// ui_view_user_confirm.cpp: "Deactivate Ann Lee (ann@acme.com)?" The dialog names the person; Confirm sends
// the change through the model and closes; the row shows "Deactivating..." until Workfront answers.
#include "imgui.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

void draw_user_confirm_dialog(ViewContext& ctx) {
    UiState& ui = ctx.ui;
    admin::Model& m = ctx.model;
    const wf::User* user = ui.dialog == Dialog::ConfirmUser ? m.directory.user_by_id(ui.confirm_user_id) : nullptr;
    const bool want = user != nullptr;
    if (ui.dialog == Dialog::ConfirmUser && !user) ui.dialog = Dialog::None;   // the user vanished (reload)
    const bool activate = ui.confirm_target_active;
    const std::string title =
        widgets::label(tr(activate ? S::confirm_reactivate_title : S::confirm_deactivate_title), "confirm-dialog");
    if (!widgets::begin_dialog(title.c_str(), want, 520.0f)) return;
    if (!user) {   // closing this frame
        ImGui::EndPopup();
        return;
    }

    const std::string contact = user->email.empty() ? user->username : user->email;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(
        trf(activate ? S::confirm_reactivate_body : S::confirm_deactivate_body, user->name.c_str(), contact.c_str())
            .c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    widgets::text_muted("ID");
    ImGui::SameLine();
    widgets::selectable_text("confirm-user-id", user->id);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();

    const std::string confirm_label =
        widgets::label(tr(activate ? S::confirm_reactivate_button : S::confirm_deactivate_button), "confirm");
    const bool confirmed = activate ? widgets::primary_button(confirm_label.c_str())
                                    : widgets::danger_button(confirm_label.c_str());
    ImGui::SameLine();
    const bool cancelled = ImGui::Button(widgets::label(tr(S::cancel), "cancel").c_str()) || widgets::escape_pressed();
    if (confirmed) {
        m.session.clear_error();
        m.session.set_active(user->id, activate);   // refusals land in last_error() and the log
        ui.dialog = Dialog::None;
    } else if (cancelled) {
        ui.dialog = Dialog::None;
    }
    ImGui::EndPopup();
}

}  // namespace ui
