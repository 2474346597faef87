// ui_widgets.h: small building blocks shared by the views: labels with automation ids, primary and danger
// buttons, coloured and selectable text, a spinner, and disabled buttons that explain themselves.
#pragma once
#include <string>
#include "imgui.h"

namespace ui::widgets {

// "Sign in###signin": the visible text, and the stable id tests and window.wfadmin.itemRect() look for.
std::string label(const char* text, const std::string& automation_id);

bool primary_button(const char* label, const ImVec2& size = ImVec2(0, 0));   // filled blue
bool danger_button(const char* label, const ImVec2& size = ImVec2(0, 0));    // filled red
bool subtle_danger_button(const char* label, const ImVec2& size = ImVec2(0, 0));  // red text, for table rows
// A button that may be disabled; when disabled and hovered it shows `why_disabled` as a tooltip.
bool button_unless(bool disabled, const char* why_disabled, const char* label, const ImVec2& size = ImVec2(0, 0),
                   bool danger = false);

void text_coloured(const ImVec4& colour, const std::string& text);
void text_muted(const std::string& text);
void text_error(const std::string& text);     // wrapped, red, for messages a person must read
void text_success(const std::string& text);
// Text the person can select and copy (a read-only, frameless input). `id` must be unique in the window.
void selectable_text(const char* id, const std::string& text, float width = -1.0f);
void tooltip(const std::string& text);        // for the last item, when hovered

// A small rotating arc, drawn inline (advances the cursor like a square item of `size` pixels).
void spinner(float size);

// InputText over a std::string (grows as the person types). Returns true when edited (or Enter with
// ImGuiInputTextFlags_EnterReturnsTrue).
bool input_text(const char* label, std::string& value, ImGuiInputTextFlags flags = 0, const char* hint = nullptr);
bool input_text_multiline(const char* label, std::string& value, const ImVec2& size, ImGuiInputTextFlags flags = 0);

// A centred modal dialog that the caller opens by state: `want_open` true keeps it open; when it turns false
// the popup closes. Returns true while the dialog is drawn (then call ImGui::EndPopup()).
bool begin_dialog(const char* title, bool want_open, float width = 480.0f);
// True when Escape was pressed inside the current dialog (Esc cancels dialogs).
bool escape_pressed();

// Gives the last item an automation id, for widgets ImGui does not report labels for (table headers).
void tag_last_item(const std::string& automation_id);

// Centres the next item of `width` pixels in the available width.
void centre_next(float width);

}  // namespace ui::widgets
