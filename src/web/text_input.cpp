// web_text_input.cpp: the C++ half of the hidden textarea (web/text-input.js is the other half).
#include "web/text_input.h"

#include <emscripten/emscripten.h>

#include <string>

#include "imgui.h"
#include "web/frame_loop.h"
#include "web/input.h"

EM_JS(void, wf_js_text_input_state, (int want_text, float x, float y, float line_height), {
    var t = Module['wfadminTextInput'];
    if (t) t.update(!!want_text, x, y, line_height);
});

EM_JS(void, wf_js_write_clipboard, (const char* text), {
    var t = Module['wfadminTextInput'];
    if (t) t.writeClipboard(UTF8ToString(text));
});

namespace web::text_input {

namespace {

std::string g_clipboard;            // ImGui's view of the clipboard
bool g_in_copy_event = false;
bool g_copied = false;
ImGuiPlatformImeData g_ime;
struct Sent { bool want = false; float x = -1, y = -1, h = -1; } g_sent;

const char* get_clipboard(void*) { return g_clipboard.c_str(); }

void set_clipboard(void*, const char* text) {
    g_clipboard = text ? text : "";
    g_copied = true;
    if (!g_in_copy_event) wf_js_write_clipboard(g_clipboard.c_str());
}

void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) { g_ime = *data; }

}  // namespace

void install() {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    io.SetPlatformImeDataFn = set_ime_data;
}

void after_frame() {
    const ImGuiIO& io = ImGui::GetIO();
    Sent now{io.WantTextInput, g_sent.x, g_sent.y, g_sent.h};
    if (g_ime.WantVisible) {
        now.x = g_ime.InputPos.x;
        now.y = g_ime.InputPos.y;
        now.h = g_ime.InputLineHeight;
    }
    if (now.want == g_sent.want && now.x == g_sent.x && now.y == g_sent.y && now.h == g_sent.h) return;
    g_sent = now;
    wf_js_text_input_state(now.want, now.x, now.y, now.h);
}

}  // namespace web::text_input

// ---- called by web/text-input.js ----

extern "C" {

// Committed text (typing, IME, mobile keyboards).
EMSCRIPTEN_KEEPALIVE void wfadmin_text_input(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    web::frame_loop::wake();
}

// A mobile keyboard's backspace arrives as an input event without a usable keydown.
EMSCRIPTEN_KEEPALIVE void wfadmin_backspace() {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiKey_Backspace, true);
    io.AddKeyEvent(ImGuiKey_Backspace, false);
    web::frame_loop::wake();
}

// The browser's paste event: the text becomes ImGui's clipboard, which ImGui reads when it handles the paste
// shortcut (already queued by the keydown that caused this paste, or queued here when there was none).
EMSCRIPTEN_KEEPALIVE void wfadmin_paste(const char* utf8) {
    web::text_input::g_clipboard = utf8;
    if (!web::input::paste_shortcut_pending()) {
        ImGuiIO& io = ImGui::GetIO();
        const ImGuiKey mod = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
        io.AddKeyEvent(mod, true);
        io.AddKeyEvent(ImGuiKey_V, true);
        io.AddKeyEvent(ImGuiKey_V, false);
        io.AddKeyEvent(mod, false);
    }
    web::frame_loop::wake();
}

// The browser's copy/cut event: let ImGui handle the queued Ctrl/Cmd+C/X now; the text it copied, or null.
EMSCRIPTEN_KEEPALIVE const char* wfadmin_copy() {
    web::text_input::g_in_copy_event = true;
    web::text_input::g_copied = false;
    web::frame_loop::draw_now();
    web::text_input::g_in_copy_event = false;
    web::frame_loop::wake();
    return web::text_input::g_copied ? web::text_input::g_clipboard.c_str() : nullptr;
}

}  // extern "C"
