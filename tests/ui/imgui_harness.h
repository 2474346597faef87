// A headless Dear ImGui for view tests: a context with a built font atlas and a fixed display size, frames
// driven by the test, and input injected the way the browser platform injects it (mouse, keys, UTF-8 text).
// Items are found through ui::automation (their "###id"), exactly as the end-to-end tests find them.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "imgui.h"
#include "ui/automation.h"

namespace uitest {

class ImGuiHarness {
public:
    explicit ImGuiHarness(ImVec2 display = ImVec2(1280, 860)) {
        context_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(context_);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~ImGuiHarness() { ImGui::DestroyContext(context_); }
    ImGuiHarness(const ImGuiHarness&) = delete;
    ImGuiHarness& operator=(const ImGuiHarness&) = delete;

    // What each frame draws (the App's frame(), or a few widgets).
    std::function<void()> draw;

    void frame() {
        ImGui::SetCurrentContext(context_);
        ImGui::NewFrame();
        ui::automation::begin_frame();
        if (draw) draw();
        ui::automation::end_frame();
        ImGui::Render();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }

    std::optional<ui::automation::Rect> rect(const std::string& id) const { return ui::automation::item_rect(id); }
    bool has(const std::string& id) const { return rect(id).has_value(); }

    // Moves to the centre of the item and clicks it. False (and no click) when the item is not on screen.
    bool click(const std::string& id, bool shift = false) {
        auto r = rect(id);
        if (!r) return false;
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(r->x + r->w * 0.5f, r->y + r->h * 0.5f);
        frame();
        if (shift) io.AddKeyEvent(ImGuiMod_Shift, true);
        io.AddMouseButtonEvent(0, true);
        frame();
        io.AddMouseButtonEvent(0, false);
        frame();
        if (shift) {
            io.AddKeyEvent(ImGuiMod_Shift, false);
            frame();
        }
        return true;
    }
    bool right_click(const std::string& id) {
        auto r = rect(id);
        if (!r) return false;
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(r->x + r->w * 0.5f, r->y + r->h * 0.5f);
        frame();
        io.AddMouseButtonEvent(1, true);
        frame();
        io.AddMouseButtonEvent(1, false);
        frame();
        return true;
    }
    // Clicks into a text field, selects what is there and types `text` over it.
    bool type_into(const std::string& id, const std::string& text) {
        if (!click(id)) return false;
        press(ImGuiKey_A, ImGuiMod_Ctrl);
        press(ImGuiKey_Delete);
        type(text);
        return true;
    }
    void type(const std::string& text) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        frame();
    }
    void press(ImGuiKey key, ImGuiKey modifier = ImGuiKey_None) {
        ImGuiIO& io = ImGui::GetIO();
        if (modifier != ImGuiKey_None) io.AddKeyEvent(modifier, true);
        io.AddKeyEvent(key, true);
        frame();
        io.AddKeyEvent(key, false);
        if (modifier != ImGuiKey_None) io.AddKeyEvent(modifier, false);
        frame();
    }
    void mouse_away() {
        ImGui::GetIO().AddMousePosEvent(-1000, -1000);
        frame();
    }

private:
    ImGuiContext* context_ = nullptr;
};

}  // namespace uitest
