// ui_theme.cpp: a light style tuned for a data-heavy admin tool: calm greys, one blue accent, red only for
// destructive actions, generous padding so that rows and buttons are easy targets.
#include "ui/theme.h"

#include <algorithm>

namespace ui::theme {

namespace {
constexpr ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }
}  // namespace

ImVec4 accent() { return rgb(20, 115, 230); }
ImVec4 danger() { return rgb(201, 37, 45); }
ImVec4 success() { return rgb(16, 124, 65); }
ImVec4 warning() { return rgb(176, 106, 0); }
ImVec4 muted() { return rgb(96, 104, 114); }
ImVec4 panel() { return rgb(255, 255, 255); }

ImU32 to_u32(const ImVec4& colour) { return ImGui::ColorConvertFloat4ToU32(colour); }

ImVec4 shade(const ImVec4& c, float factor) {
    return ImVec4(std::clamp(c.x * factor, 0.0f, 1.0f), std::clamp(c.y * factor, 0.0f, 1.0f),
                  std::clamp(c.z * factor, 0.0f, 1.0f), c.w);
}

void apply(ImGuiStyle& style) {
    ImGui::StyleColorsLight(&style);

    style.WindowPadding = ImVec2(20, 16);
    style.FramePadding = ImVec2(8, 4);
    style.CellPadding = ImVec2(8, 4);
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.IndentSpacing = 20;
    style.ScrollbarSize = 14;
    style.GrabMinSize = 12;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.PopupBorderSize = 1;
    style.FrameBorderSize = 1;
    style.WindowRounding = 6;
    style.ChildRounding = 6;
    style.FrameRounding = 4;
    style.PopupRounding = 6;
    style.ScrollbarRounding = 6;
    style.GrabRounding = 4;
    style.TabRounding = 4;
    style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
    style.SeparatorTextBorderSize = 1;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = rgb(31, 35, 40);
    c[ImGuiCol_TextDisabled] = rgb(140, 147, 156);
    c[ImGuiCol_WindowBg] = rgb(246, 247, 249);
    c[ImGuiCol_ChildBg] = rgb(255, 255, 255);
    c[ImGuiCol_PopupBg] = rgb(255, 255, 255);
    c[ImGuiCol_Border] = rgb(216, 222, 228);
    c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = rgb(255, 255, 255);
    c[ImGuiCol_FrameBgHovered] = rgb(240, 245, 252);
    c[ImGuiCol_FrameBgActive] = rgb(230, 239, 250);
    c[ImGuiCol_TitleBg] = rgb(246, 247, 249);
    c[ImGuiCol_TitleBgActive] = rgb(236, 239, 243);
    c[ImGuiCol_MenuBarBg] = rgb(255, 255, 255);
    c[ImGuiCol_ScrollbarBg] = rgb(246, 247, 249);
    c[ImGuiCol_ScrollbarGrab] = rgb(200, 206, 213);
    c[ImGuiCol_ScrollbarGrabHovered] = rgb(170, 178, 188);
    c[ImGuiCol_ScrollbarGrabActive] = rgb(140, 149, 160);
    c[ImGuiCol_CheckMark] = accent();
    c[ImGuiCol_SliderGrab] = accent();
    c[ImGuiCol_SliderGrabActive] = shade(accent(), 0.85f);
    c[ImGuiCol_Button] = rgb(240, 242, 245);
    c[ImGuiCol_ButtonHovered] = rgb(226, 231, 237);
    c[ImGuiCol_ButtonActive] = rgb(210, 217, 226);
    c[ImGuiCol_Header] = rgb(226, 236, 250);
    c[ImGuiCol_HeaderHovered] = rgb(236, 242, 251);
    c[ImGuiCol_HeaderActive] = rgb(214, 228, 248);
    c[ImGuiCol_Separator] = rgb(216, 222, 228);
    c[ImGuiCol_TableHeaderBg] = rgb(240, 242, 245);
    c[ImGuiCol_TableBorderStrong] = rgb(216, 222, 228);
    c[ImGuiCol_TableBorderLight] = rgb(232, 236, 240);
    c[ImGuiCol_TableRowBg] = rgb(255, 255, 255);
    c[ImGuiCol_TableRowBgAlt] = rgb(250, 251, 252);
    c[ImGuiCol_TextSelectedBg] = rgb(20, 115, 230, 0.25f);
    c[ImGuiCol_PlotHistogram] = accent();
    c[ImGuiCol_PlotHistogramHovered] = shade(accent(), 0.85f);
    c[ImGuiCol_NavHighlight] = accent();
    c[ImGuiCol_ModalWindowDimBg] = rgb(20, 24, 30, 0.35f);
}

}  // namespace ui::theme
