// ui_automation.h: the item registry behind window.wfadmin.itemRect(id).
// ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE) report every item's id, rectangle and label; we keep
// those whose label ends with "###<id>" for the latest complete frame. Rectangles are in ImGui's coordinates
// (CSS pixels: the platform keeps io.DisplaySize in CSS pixels and scales the framebuffer).
#pragma once
#include <optional>
#include <string>

namespace ui::automation {

struct Rect { float x = 0, y = 0, w = 0, h = 0; };

void begin_frame();   // call right after ImGui::NewFrame()
void end_frame();     // call right before ImGui::Render(): the frame's items become the "latest"
std::optional<Rect> item_rect(const std::string& id);

}  // namespace ui::automation
