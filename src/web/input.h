// web_input.h: browser input to ImGui through io.Add*Event only (html5.h callbacks).
//  [X] Mouse: buttons (left/right/middle), position in CSS pixels, leaving the window, modifiers with clicks
//      (Shift+click ranges).
//  [X] Wheel: deltaMode pixel/line/page normalised to ImGui's "one notch" units.
//  [X] Touch: the first finger acts as the mouse (io.AddMouseSourceEvent(TouchScreen)).
//  [X] Keyboard: keydown/keyup to ImGuiKey (layout-aware letters from KeyboardEvent.key, physical code as a
//      fallback), modifiers as ImGuiMod_*; on macOS Cmd is ImGuiMod_Super and io.ConfigMacOSXBehaviors makes
//      it the shortcut key; keys released while Cmd was held (macOS sends no keyup for them) are released.
//  [X] Keys typed during IME composition are not sent to ImGui (the text arrives through text_input).
//  [X] Browser default actions are kept where they carry meaning (typing, Ctrl/Cmd+C/X/V fire the copy/cut/paste
//      events text_input needs; F5, F12...) and prevented where ImGui owns the key (Tab, arrows, Enter...).
//  [X] Focus/blur (io.AddFocusEvent), and the CSS cursor from ImGui::GetMouseCursor().
#pragma once

namespace web::input {

void install(const char* canvas_selector, bool mac_os);
void update_cursor();   // after each frame
// True when the last key event forwarded to ImGui was the paste shortcut (Ctrl/Cmd+V) and no frame has run
// since: a browser paste event that follows it is handled by ImGui's own paste.
bool paste_shortcut_pending();
void frame_done();

}  // namespace web::input
