// ui_widgets.cpp: see widgets.h. Everything here is plain ImGui; the colours come from the theme.
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

#include "imgui_internal.h"
#include "ui/theme.h"

namespace ui::widgets {

std::string label(const char* text, const std::string& automation_id) {
    std::string out(text);
    out += "###";
    out += automation_id;
    return out;
}

namespace {

bool filled_button(const ImVec4& base, const char* label, const ImVec2& size) {
    // Disabled (inside BeginDisabled), it looks like any disabled button: a faded red "Deactivate 0 users"
    // still read as a live, dangerous action.
    if (ImGui::GetCurrentContext()->CurrentItemFlags & ImGuiItemFlags_Disabled) return ImGui::Button(label, size);
    ImGui::PushStyleColor(ImGuiCol_Button, base);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::shade(base, 0.88f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::shade(base, 0.76f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ImGui::PushStyleColor(ImGuiCol_Border, theme::shade(base, 0.85f));
    const bool pressed = ImGui::Button(label, size);
    ImGui::PopStyleColor(5);
    return pressed;
}

}  // namespace

bool primary_button(const char* label, const ImVec2& size) { return filled_button(theme::accent(), label, size); }
bool danger_button(const char* label, const ImVec2& size) { return filled_button(theme::danger(), label, size); }

bool subtle_danger_button(const char* label, const ImVec2& size) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::danger());
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.99f, 0.95f, 0.95f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.98f, 0.88f, 0.88f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.95f, 0.80f, 0.80f, 1.0f));
    const bool pressed = ImGui::Button(label, size);
    ImGui::PopStyleColor(4);
    return pressed;
}

bool button_unless(bool disabled, const char* why_disabled, const char* label, const ImVec2& size, bool danger) {
    ImGui::BeginDisabled(disabled);
    const bool pressed = danger ? subtle_danger_button(label, size) : ImGui::Button(label, size);
    ImGui::EndDisabled();
    if (disabled && why_disabled && *why_disabled &&
        ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled | ImGuiHoveredFlags_DelayShort))
        ImGui::SetTooltip("%s", why_disabled);
    return pressed && !disabled;
}

void text_coloured(const ImVec4& colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopStyleColor();
}

void text_muted(const std::string& text) { text_coloured(theme::muted(), text); }
void text_success(const std::string& text) { text_coloured(theme::success(), text); }

void text_error(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::danger());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void selectable_text(const char* id, const std::string& text, float width) {
    // InputText needs a mutable buffer even when read-only; ImGui copies it into its own state while active.
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, ImGui::GetStyle().FramePadding.y));
    const float w = width > 0 ? width : ImGui::CalcTextSize(text.c_str()).x + 2.0f;
    ImGui::SetNextItemWidth(w);
    ImGui::InputText("##text", const_cast<char*>(text.c_str()), text.size() + 1, ImGuiInputTextFlags_ReadOnly);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    ImGui::PopID();
}

void tooltip(const std::string& text) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled | ImGuiHoveredFlags_DelayShort))
        ImGui::SetTooltip("%s", text.c_str());
}

void spinner(float size) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImRect bb(pos, ImVec2(pos.x + size, pos.y + size));
    ImGui::ItemSize(bb);
    if (!ImGui::ItemAdd(bb, 0)) return;
    const float radius = size * 0.5f - 2.0f;
    const ImVec2 centre(pos.x + size * 0.5f, pos.y + size * 0.5f);
    const float t = static_cast<float>(ImGui::GetTime()) * 6.0f;
    const int segments = 24;
    const float start = t, end = t + IM_PI * 1.4f;
    window->DrawList->PathClear();
    for (int i = 0; i <= segments; ++i) {
        const float a = start + (end - start) * i / segments;
        window->DrawList->PathLineTo(ImVec2(centre.x + std::cos(a) * radius, centre.y + std::sin(a) * radius));
    }
    window->DrawList->PathStroke(theme::to_u32(theme::accent()), 0, 2.5f);
}

namespace {

int resize_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* value = static_cast<std::string*>(data->UserData);
        value->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = value->data();
    }
    return 0;
}

}  // namespace

bool input_text(const char* label, std::string& value, ImGuiInputTextFlags flags, const char* hint) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    if (hint)
        return ImGui::InputTextWithHint(label, hint, value.data(), value.capacity() + 1, flags, resize_string, &value);
    return ImGui::InputText(label, value.data(), value.capacity() + 1, flags, resize_string, &value);
}

bool input_text_multiline(const char* label, std::string& value, const ImVec2& size, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    return ImGui::InputTextMultiline(label, value.data(), value.capacity() + 1, size, flags, resize_string, &value);
}

bool begin_dialog(const char* title, bool want_open, float width) {
    const bool open = ImGui::IsPopupOpen(title);
    if (want_open && !open) ImGui::OpenPopup(title);
    if (!want_open && !open) return false;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    // Width fixed (narrower on a small screen), height fitted to the content every frame.
    const float w = std::min(width, viewport->WorkSize.x - 32.0f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0.0f), ImVec2(w, viewport->WorkSize.y - 32.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 20));
    const bool visible = ImGui::BeginPopupModal(title, nullptr,
                                                ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                                                    ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PopStyleVar();
    if (visible && !want_open) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return false;
    }
    return visible;
}

bool escape_pressed() {
    // An Esc that a text field used (to leave editing) does not also close the dialog.
    return ImGui::IsKeyPressed(ImGuiKey_Escape, false) && GImGui->ActiveIdPreviousFrame == 0 &&
           !ImGui::IsAnyItemActive();
}

void tag_last_item(const std::string& automation_id) {
    const std::string label = "###" + automation_id;
    ImGuiTestEngineHook_ItemInfo(GImGui, ImGui::GetItemID(), label.c_str(), 0);
}

void centre_next(float width) {
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
}

}  // namespace ui::widgets
