// ui_view_users_table.cpp: the users table. ImGui Tables + ImGuiListClipper so 50,000 rows cost only the rows on
// screen; every column but the checkbox and the actions sorts (the model keeps the sorted order cached). Each
// row has its selection checkbox (shift-click extends a range), a Deactivate/Reactivate button that opens a
// confirmation naming the person, and a copy menu (right-click the row, or the "..." button).
#include "imgui.h"
#include "ui/format.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

namespace {

enum Column { ColSelect, ColName, ColUsername, ColEmail, ColStatus, ColLastLogin, ColLicence, ColAdmin, ColActions,
              ColumnCount };

void apply_sort_specs(admin::Model& m) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0) return;
    const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
    m.view.set_sort(static_cast<admin::SortColumn>(spec.ColumnUserID),
                    spec.SortDirection == ImGuiSortDirection_Descending);
    specs->SpecsDirty = false;
}

void row_menu(const wf::User& user) {
    if (!ImGui::BeginPopup("row-menu")) return;
    widgets::text_muted(user.name);
    ImGui::Separator();
    if (ImGui::MenuItem(widgets::label(tr(S::copy_id), "copy-id").c_str())) ImGui::SetClipboardText(user.id.c_str());
    if (ImGui::MenuItem(widgets::label(tr(S::copy_email), "copy-email").c_str(), nullptr, false, !user.email.empty()))
        ImGui::SetClipboardText(user.email.c_str());
    ImGui::EndPopup();
}

void draw_actions(ViewContext& ctx, const wf::User& user, bool is_self) {
    admin::Session& session = ctx.model.session;
    if (session.change_pending(user.id)) {
        widgets::spinner(ImGui::GetFrameHeight());
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        widgets::text_muted(tr(user.is_active ? S::deactivating : S::reactivating));
    } else if (user.is_active) {
        const bool disabled = is_self || session.read_only();
        const char* why = is_self ? tr(S::self_guard_tooltip) : tr(S::problem_read_only);
        if (widgets::button_unless(disabled, why, widgets::label(tr(S::deactivate), "deactivate-" + user.id).c_str(),
                                   ImVec2(0, 0), true)) {
            ctx.ui.dialog = Dialog::ConfirmUser;
            ctx.ui.confirm_user_id = user.id;
            ctx.ui.confirm_target_active = false;
        }
    } else {
        if (widgets::button_unless(session.read_only(), tr(S::problem_read_only),
                                   widgets::label(tr(S::reactivate), "reactivate-" + user.id).c_str())) {
            ctx.ui.dialog = Dialog::ConfirmUser;
            ctx.ui.confirm_user_id = user.id;
            ctx.ui.confirm_target_active = true;
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(widgets::label("...", "copy-" + user.id).c_str())) ImGui::OpenPopup("row-menu");
    widgets::tooltip(tr(S::copy_menu_tooltip));
}

void draw_row(ViewContext& ctx, const admin::Rows& rows, admin::RowIndex index) {
    admin::Model& m = ctx.model;
    const wf::User& user = m.directory.user(index);
    const bool is_self = user.id == m.session.user().id;
    const bool selected = m.selection.contains(user.id);

    ImGui::TableNextRow();
    ImGui::PushID(user.id.c_str());

    ImGui::TableSetColumnIndex(ColSelect);
    bool ticked = selected;
    ImGui::BeginDisabled(m.runner.active());
    if (ImGui::Checkbox(widgets::label("", "select-" + user.id).c_str(), &ticked)) {
        if (ImGui::GetIO().KeyShift)
            m.selection.extend_to(user.id, m.directory, rows);
        else
            m.selection.toggle(user.id);
    }
    ImGui::EndDisabled();

    ImGui::TableSetColumnIndex(ColName);
    // The row's highlight and its right-click target; the checkbox and buttons drawn over it keep their clicks.
    // (An empty label: a name containing "##" must not change the row's ID.)
    const float name_x = ImGui::GetCursorPosX();
    ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap,
                      ImVec2(0, ImGui::GetFrameHeight()));
    if (ImGui::IsItemClicked(ImGuiMouseButton_Right)) ImGui::OpenPopup("row-menu");
    ImGui::SameLine();
    ImGui::SetCursorPosX(name_x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(user.name.c_str());
    if (is_self) {
        ImGui::SameLine();
        widgets::text_coloured(theme::accent(), tr(S::you_marker));
    }

    ImGui::TableSetColumnIndex(ColUsername);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(user.username.c_str());
    ImGui::TableSetColumnIndex(ColEmail);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(user.email.c_str());
    ImGui::TableSetColumnIndex(ColStatus);
    ImGui::AlignTextToFramePadding();
    if (user.is_active)
        widgets::text_success(tr(S::state_active));
    else
        widgets::text_coloured(theme::danger(), tr(S::state_inactive));
    ImGui::TableSetColumnIndex(ColLastLogin);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(format::relative_time(ctx.now, user.last_login).c_str());
    if (user.last_login) widgets::tooltip(format::date_time(*user.last_login));
    ImGui::TableSetColumnIndex(ColLicence);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(format::licence_name(user.license_type).c_str());
    ImGui::TableSetColumnIndex(ColAdmin);
    ImGui::AlignTextToFramePadding();
    if (user.is_admin) widgets::text_coloured(theme::warning(), tr(S::admin_yes));
    ImGui::TableSetColumnIndex(ColActions);
    draw_actions(ctx, user, is_self);

    row_menu(user);
    ImGui::PopID();
}

}  // namespace

void draw_users_table(ViewContext& ctx, float height) {
    admin::Model& m = ctx.model;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_Sortable | ImGuiTableFlags_SizingStretchProp;
    // Compact rows: more people on screen; buttons and checkboxes stay comfortable targets.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, 2));
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(6, 2));
    if (!ImGui::BeginTable("users", ColumnCount, flags, ImVec2(0, height))) {
        ImGui::PopStyleVar(2);
        return;
    }
    const float frame = ImGui::GetFrameHeight();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("##select", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed |
                                            ImGuiTableColumnFlags_NoResize, frame);
    ImGui::TableSetupColumn(tr(S::col_name), ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthStretch,
                            2.0f, static_cast<ImGuiID>(admin::SortColumn::Name));
    ImGui::TableSetupColumn(tr(S::col_username), ImGuiTableColumnFlags_WidthStretch, 1.3f,
                            static_cast<ImGuiID>(admin::SortColumn::Username));
    ImGui::TableSetupColumn(tr(S::col_email), ImGuiTableColumnFlags_WidthStretch, 2.4f,
                            static_cast<ImGuiID>(admin::SortColumn::Email));
    ImGui::TableSetupColumn(tr(S::col_status), ImGuiTableColumnFlags_WidthFixed, 70.0f,
                            static_cast<ImGuiID>(admin::SortColumn::Active));
    ImGui::TableSetupColumn(tr(S::col_last_login), ImGuiTableColumnFlags_WidthFixed, 100.0f,
                            static_cast<ImGuiID>(admin::SortColumn::LastLogin));
    ImGui::TableSetupColumn(tr(S::col_licence), ImGuiTableColumnFlags_WidthFixed, 105.0f,
                            static_cast<ImGuiID>(admin::SortColumn::Licence));
    ImGui::TableSetupColumn(tr(S::col_admin), ImGuiTableColumnFlags_WidthFixed, 60.0f,
                            static_cast<ImGuiID>(admin::SortColumn::Admin));
    ImGui::TableSetupColumn(tr(S::col_actions), ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize(tr(S::reactivate)).x + ImGui::CalcTextSize("...").x + 48.0f);
    // The header row by hand, so each sortable header gets an automation id ("sort-name", ...).
    static const char* const kSortIds[ColumnCount] = {nullptr, "sort-name", "sort-username", "sort-email",
                                                      "sort-status", "sort-last-login", "sort-licence",
                                                      "sort-admin", nullptr};
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int column = 0; column < ColumnCount; ++column) {
        if (!ImGui::TableSetColumnIndex(column)) continue;
        ImGui::TableHeader(ImGui::TableGetColumnName(column));
        if (kSortIds[column]) widgets::tag_last_item(kSortIds[column]);
    }
    apply_sort_specs(m);

    const admin::Rows& rows = m.view.rows(m.directory, ctx.now);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_row(ctx, rows, rows[i]);
    ImGui::EndTable();
    ImGui::PopStyleVar(2);
}

}  // namespace ui
