// ui_automation.cpp: ImGui's test-engine hooks, used as an item registry for window.wfadmin.itemRect(id).
// ImGui (built with IMGUI_ENABLE_TEST_ENGINE) calls ItemAdd with every item's id and rectangle, then most
// widgets call ItemInfo with the item's label. We pair the two by ImGuiID and keep the items whose label
// ends with "###<automation id>". Rectangles are clipped to the visible part of their window; an item that is
// entirely scrolled or clipped away is absent, and so is an item behind an open modal dialog (the modal takes
// the click), because a test could not click it.
#include "ui/automation.h"

#include <cstring>
#include <string>
#include <unordered_map>

#include "imgui.h"
#include "imgui_internal.h"

namespace {

struct Registry {
    std::unordered_map<ImGuiID, ImRect> visible_rects;       // this frame, from ItemAdd
    std::unordered_map<std::string, ui::automation::Rect> building;  // this frame, labelled items
    std::unordered_map<std::string, ui::automation::Rect> latest;    // the last complete frame
    std::unordered_map<ImGuiID, std::string> building_labels; // for ImGui's debug tools (Metrics window)
    std::unordered_map<ImGuiID, std::string> latest_labels;
};

Registry& registry() {
    static Registry r;
    return r;
}

// "Sign in###signin" -> "signin"; nullptr when the label carries no automation id.
const char* automation_id_of(const char* label) {
    if (!label) return nullptr;
    const char* found = nullptr;
    for (const char* p = label; (p = std::strstr(p, "###")) != nullptr; p += 3) found = p + 3;
    return (found && *found) ? found : nullptr;
}

// True when an open modal that is on screen (drawn this frame or the last: items drawn before it in this
// frame come first) would take a click on `window`. A modal left in the popup stack but no longer drawn
// (its screen went away) blocks nothing, as in ImGui's own hover test.
bool blocked_by_modal(ImGuiWindow* window) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int n = g.OpenPopupStack.Size - 1; n >= 0; n--) {
        ImGuiWindow* popup = g.OpenPopupStack[n].Window;
        if (!popup || !(popup->Flags & ImGuiWindowFlags_Modal) || popup->Hidden) continue;
        if (!popup->Active && !popup->WasActive) continue;
        return !ImGui::IsWindowWithinBeginStackOf(window->RootWindow, popup);
    }
    return false;
}

}  // namespace

namespace ui::automation {

void begin_frame() {
    // The flag lives in the context and nothing else sets it: turn it on every frame so that a context
    // created after us (tests create one per case) reports its items too.
    if (ImGuiContext* ctx = ImGui::GetCurrentContext()) ctx->TestEngineHookItems = true;
    Registry& r = registry();
    r.visible_rects.clear();
    r.building.clear();
    r.building_labels.clear();
}

void end_frame() {
    Registry& r = registry();
    r.latest.swap(r.building);
    r.building.clear();
    r.latest_labels.swap(r.building_labels);
    r.building_labels.clear();
}

std::optional<Rect> item_rect(const std::string& id) {
    const Registry& r = registry();
    auto it = r.latest.find(id);
    if (it == r.latest.end()) return std::nullopt;
    return it->second;
}

}  // namespace ui::automation

// ---- the hooks ImGui calls (declared in imgui_internal.h) ----

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data) {
    Registry& r = registry();
    ImRect rect = item_data ? item_data->Rect : bb;
    if (ImGuiWindow* as_window = ImGui::FindWindowByID(id)) {
        // A window registering itself: its rectangle is already what is on screen.
        r.visible_rects[id] = as_window->Rect();
        return;
    }
    if (ImGuiWindow* window = ctx->CurrentWindow) {
        rect.ClipWithFull(window->ClipRect);
        if (blocked_by_modal(window)) rect = ImRect();
    }
    if (rect.GetWidth() <= 0.0f || rect.GetHeight() <= 0.0f) {
        r.visible_rects.erase(id);
        return;
    }
    r.visible_rects[id] = rect;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    const char* automation_id = automation_id_of(label);
    if (!automation_id) return;
    Registry& r = registry();
    auto it = r.visible_rects.find(id);
    if (it == r.visible_rects.end()) return;
    const ImRect& rect = it->second;
    r.building[automation_id] = ui::automation::Rect{rect.Min.x, rect.Min.y, rect.GetWidth(), rect.GetHeight()};
    r.building_labels[id] = label;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
    const Registry& r = registry();
    auto it = r.latest_labels.find(id);
    return it == r.latest_labels.end() ? nullptr : it->second.c_str();
}
