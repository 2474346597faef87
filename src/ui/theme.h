// ui_theme.h: the look of the page: a light ImGui style with comfortable spacing, and the few colours the
// views use to mean something (primary action, danger, success, warning, secondary text).
#pragma once
#include "imgui.h"

namespace ui::theme {

void apply(ImGuiStyle& style);   // call once after ImGui::CreateContext (App does it)

// Semantic colours (RGBA, 0..1).
ImVec4 accent();        // primary buttons, links, progress
ImVec4 danger();        // deactivate, errors
ImVec4 success();       // active users, done
ImVec4 warning();       // warnings in previews
ImVec4 muted();         // secondary text (hints, timestamps)
ImVec4 panel();         // background of cards and panels
ImU32 to_u32(const ImVec4& colour);

// Scales a colour's brightness (hover/active shades of a button colour).
ImVec4 shade(const ImVec4& colour, float factor);

}  // namespace ui::theme
