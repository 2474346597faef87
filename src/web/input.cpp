// web_input.cpp: html5.h event callbacks -> ImGui input events (see the header's feature list).
#include "web/input.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "imgui.h"
#include "web/frame_loop.h"

// The hidden textarea's IME state (web/text-input.js): keydown events during composition belong to the IME.
EM_JS(int, wf_js_composing, (), {
    var t = Module['wfadminTextInput'];
    return t && t.composing ? 1 : 0;
});

EM_JS(void, wf_js_set_cursor, (const char* selector, const char* cursor), {
    var canvas = document.querySelector(UTF8ToString(selector));
    if (canvas) canvas.style.cursor = UTF8ToString(cursor);
});

namespace web::input {

namespace {

std::string g_canvas;
bool g_mac = false;
int g_touch_id = -1;                 // the finger acting as the mouse
std::vector<ImGuiKey> g_keys_down;   // non-modifier keys down, to release them when Cmd goes up on macOS
bool g_paste_shortcut = false;
ImGuiMouseCursor g_cursor = ImGuiMouseCursor_COUNT;

void update_modifiers(bool ctrl, bool shift, bool alt, bool meta) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
    io.AddKeyEvent(ImGuiMod_Shift, shift);
    io.AddKeyEvent(ImGuiMod_Alt, alt);
    io.AddKeyEvent(ImGuiMod_Super, meta);
}

// ---- mouse ----

int imgui_button(unsigned short dom_button) {
    switch (dom_button) {
        case 0: return ImGuiMouseButton_Left;
        case 1: return ImGuiMouseButton_Middle;
        case 2: return ImGuiMouseButton_Right;
        default: return dom_button < ImGuiMouseButton_COUNT ? dom_button : -1;
    }
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    update_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(static_cast<float>(e->clientX), static_cast<float>(e->clientY));
    bool handled = false;
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
        const int button = imgui_button(e->button);
        if (button >= 0) io.AddMouseButtonEvent(button, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
        handled = type == EMSCRIPTEN_EVENT_MOUSEDOWN;   // no text selection / drag of the canvas
    }
    frame_loop::wake();
    return handled;
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    frame_loop::wake();
    return EM_FALSE;
}

// One ImGui wheel unit is one notch: ~100 CSS px in Chromium, 3 lines in Firefox; a page is ~10 notches.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    float unit = 100.0f;
    if (e->deltaMode == DOM_DELTA_LINE) unit = 3.0f;
    else if (e->deltaMode == DOM_DELTA_PAGE) unit = 0.1f;
    ImGuiIO& io = ImGui::GetIO();
    update_modifiers(e->mouse.ctrlKey, e->mouse.shiftKey, e->mouse.altKey, e->mouse.metaKey);
    io.AddMousePosEvent(static_cast<float>(e->mouse.clientX), static_cast<float>(e->mouse.clientY));
    // DOM: positive deltaY scrolls down, positive deltaX right. ImGui: positive wheel_y up, wheel_x left.
    io.AddMouseWheelEvent(static_cast<float>(-e->deltaX / unit), static_cast<float>(-e->deltaY / unit));
    frame_loop::wake();
    return EM_TRUE;   // the page itself never scrolls
}

// ---- touch ----

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (!t.isChanged) continue;
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART && g_touch_id < 0) g_touch_id = static_cast<int>(t.identifier);
        if (t.identifier != g_touch_id) continue;
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(static_cast<float>(t.clientX), static_cast<float>(t.clientY));
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        } else if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);   // no hover left behind under a lifted finger
            g_touch_id = -1;
        }
    }
    frame_loop::wake();
    return EM_TRUE;   // no synthesised mouse events, no browser panning/zooming of the canvas
}

// ---- keyboard ----

ImGuiKey key_from_char(char c) {
    if (c >= 'a' && c <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
    if (c >= 'A' && c <= 'Z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'A'));
    if (c >= '0' && c <= '9') return static_cast<ImGuiKey>(ImGuiKey_0 + (c - '0'));
    switch (c) {
        case ' ': return ImGuiKey_Space;
        case '\'': return ImGuiKey_Apostrophe;
        case ',': return ImGuiKey_Comma;
        case '-': return ImGuiKey_Minus;
        case '.': return ImGuiKey_Period;
        case '/': return ImGuiKey_Slash;
        case ';': return ImGuiKey_Semicolon;
        case '=': return ImGuiKey_Equal;
        case '[': return ImGuiKey_LeftBracket;
        case '\\': return ImGuiKey_Backslash;
        case ']': return ImGuiKey_RightBracket;
        case '`': return ImGuiKey_GraveAccent;
        default: return ImGuiKey_None;
    }
}

ImGuiKey key_from_code(const std::string& code) {
    static const std::unordered_map<std::string, ImGuiKey> named = {
        {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
        {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
        {"Space", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"Escape", ImGuiKey_Escape},
        {"ControlLeft", ImGuiKey_LeftCtrl}, {"ShiftLeft", ImGuiKey_LeftShift}, {"AltLeft", ImGuiKey_LeftAlt},
        {"MetaLeft", ImGuiKey_LeftSuper}, {"ControlRight", ImGuiKey_RightCtrl}, {"ShiftRight", ImGuiKey_RightShift},
        {"AltRight", ImGuiKey_RightAlt}, {"MetaRight", ImGuiKey_RightSuper}, {"OSLeft", ImGuiKey_LeftSuper},
        {"OSRight", ImGuiKey_RightSuper}, {"ContextMenu", ImGuiKey_Menu}, {"Quote", ImGuiKey_Apostrophe},
        {"Comma", ImGuiKey_Comma}, {"Minus", ImGuiKey_Minus}, {"Period", ImGuiKey_Period},
        {"Slash", ImGuiKey_Slash}, {"Semicolon", ImGuiKey_Semicolon}, {"Equal", ImGuiKey_Equal},
        {"BracketLeft", ImGuiKey_LeftBracket}, {"Backslash", ImGuiKey_Backslash},
        {"BracketRight", ImGuiKey_RightBracket}, {"Backquote", ImGuiKey_GraveAccent},
        {"CapsLock", ImGuiKey_CapsLock}, {"ScrollLock", ImGuiKey_ScrollLock}, {"NumLock", ImGuiKey_NumLock},
        {"PrintScreen", ImGuiKey_PrintScreen}, {"Pause", ImGuiKey_Pause}, {"NumpadDecimal", ImGuiKey_KeypadDecimal},
        {"NumpadDivide", ImGuiKey_KeypadDivide}, {"NumpadMultiply", ImGuiKey_KeypadMultiply},
        {"NumpadSubtract", ImGuiKey_KeypadSubtract}, {"NumpadAdd", ImGuiKey_KeypadAdd},
        {"NumpadEnter", ImGuiKey_KeypadEnter}, {"NumpadEqual", ImGuiKey_KeypadEqual},
    };
    if (auto it = named.find(code); it != named.end()) return it->second;
    if (code.size() == 4 && code.compare(0, 3, "Key") == 0) return key_from_char(code[3]);
    if (code.size() == 6 && code.compare(0, 5, "Digit") == 0) return key_from_char(code[5]);
    if (code.size() == 7 && code.compare(0, 6, "Numpad") == 0 && code[6] >= '0' && code[6] <= '9')
        return static_cast<ImGuiKey>(ImGuiKey_Keypad0 + (code[6] - '0'));
    if (code.size() >= 2 && code[0] == 'F' && code[1] >= '1' && code[1] <= '9') {
        const int n = std::atoi(code.c_str() + 1);
        if (n >= 1 && n <= 12) return static_cast<ImGuiKey>(ImGuiKey_F1 + (n - 1));
    }
    return ImGuiKey_None;
}

// Letters, digits and punctuation follow the layout (KeyboardEvent.key: Ctrl+Z is the key labelled Z on
// AZERTY); keys whose `key` is not plain ASCII (other scripts, Shift+digit) fall back to the physical code.
ImGuiKey translate(const EmscriptenKeyboardEvent* e) {
    const size_t key_len = std::strlen(e->key);
    if (key_len == 1 && e->key[0] != ' ') {
        const ImGuiKey k = key_from_char(e->key[0]);
        if (k != ImGuiKey_None && !(e->key[0] >= '0' && e->key[0] <= '9' && std::strncmp(e->code, "Numpad", 6) == 0))
            return k;
    }
    return key_from_code(e->code);
}

bool is_modifier(ImGuiKey k) {
    return k == ImGuiKey_LeftCtrl || k == ImGuiKey_RightCtrl || k == ImGuiKey_LeftShift || k == ImGuiKey_RightShift ||
           k == ImGuiKey_LeftAlt || k == ImGuiKey_RightAlt || k == ImGuiKey_LeftSuper || k == ImGuiKey_RightSuper;
}

// Keys whose browser default would fight ImGui (focus moves, caret moves in the hidden textarea, scrolling).
bool prevent_browser_default(ImGuiKey k, bool shortcut) {
    switch (k) {
        case ImGuiKey_Tab: case ImGuiKey_LeftArrow: case ImGuiKey_RightArrow: case ImGuiKey_UpArrow:
        case ImGuiKey_DownArrow: case ImGuiKey_PageUp: case ImGuiKey_PageDown: case ImGuiKey_Home:
        case ImGuiKey_End: case ImGuiKey_Backspace: case ImGuiKey_Delete: case ImGuiKey_Enter:
        case ImGuiKey_KeypadEnter: case ImGuiKey_Escape:
            return true;
        case ImGuiKey_A: case ImGuiKey_Z: case ImGuiKey_Y:   // select all / undo / redo belong to ImGui
            return shortcut;
        default:
            return false;
    }
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    // During IME composition (keyCode 229, or the textarea says so) the keys edit the composition.
    if (down && (e->keyCode == 229 || wf_js_composing())) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiKey key = translate(e);
    update_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    const bool shortcut = g_mac ? (e->metaKey && !e->ctrlKey) : (e->ctrlKey && !e->metaKey);
    if (key != ImGuiKey_None) {
        io.AddKeyEvent(key, down);
        if (!is_modifier(key)) {
            auto it = std::find(g_keys_down.begin(), g_keys_down.end(), key);
            if (down && it == g_keys_down.end()) g_keys_down.push_back(key);
            if (!down && it != g_keys_down.end()) g_keys_down.erase(it);
        }
        if (down) g_paste_shortcut = key == ImGuiKey_V && shortcut;
    }
    // macOS sends no keyup for keys pressed while Cmd was held: release them with Cmd.
    if (!down && g_mac && (key == ImGuiKey_LeftSuper || key == ImGuiKey_RightSuper)) {
        for (ImGuiKey k : g_keys_down) io.AddKeyEvent(k, false);
        g_keys_down.clear();
    }
    frame_loop::wake();
    return down && prevent_browser_default(key, shortcut);
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    if (type == EMSCRIPTEN_EVENT_BLUR) g_keys_down.clear();   // ImGui releases every key on focus loss
    frame_loop::wake();
    return EM_FALSE;
}

const char* css_cursor(ImGuiMouseCursor cursor) {
    switch (cursor) {
        case ImGuiMouseCursor_None: return "none";
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
        case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "default";
    }
}

}  // namespace

void install(const char* canvas_selector, bool mac_os) {
    g_canvas = canvas_selector;
    g_mac = mac_os;
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "wfadmin_html5";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.ConfigMacOSXBehaviors = mac_os;

    const char* canvas = g_canvas.c_str();
    emscripten_set_mousedown_callback(canvas, nullptr, EM_TRUE, on_mouse);
    // Moves and releases are followed on the whole document, so drags that leave the canvas still end.
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseleave_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse_leave);
    emscripten_set_wheel_callback(canvas, nullptr, EM_TRUE, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, EM_TRUE, on_touch);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_key);
    // Not captured: only the window's own focus changes count, not the hidden textarea's.
    emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_focus);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_focus);
}

void update_cursor() {
    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor == g_cursor) return;
    g_cursor = cursor;
    wf_js_set_cursor(g_canvas.c_str(), css_cursor(cursor));
}

bool paste_shortcut_pending() { return g_paste_shortcut; }

void frame_done() { g_paste_shortcut = false; }

}  // namespace web::input
