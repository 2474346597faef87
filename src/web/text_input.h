// web_text_input.h: text entry and the system clipboard, through the hidden textarea of web/text-input.js.
//  [X] The textarea keeps the keyboard focus while the page has it, so typed text, IME composition (Chinese
//      input methods) and mobile keyboards all arrive as `input`/`compositionend` text, fed to ImGui with
//      io.AddInputCharactersUTF8; keys are not double-fed (input.cpp sends keys, never characters).
//  [X] When ImGui wants text (io.WantTextInput) the textarea moves to the text cursor (io.SetPlatformImeDataFn)
//      so the IME candidate window appears there, and asks for a text keyboard (inputmode) on mobile.
//  [X] Paste: the browser's `paste` event fills ImGui's clipboard before ImGui handles Ctrl/Cmd+V (one insert,
//      fast for long lists); a paste without the shortcut (browser menu) is turned into one.
//  [X] Copy/cut: in the browser's `copy`/`cut` event a frame is drawn at once so ImGui handles Ctrl/Cmd+C/X, and
//      the copied text goes into the event's clipboardData; copies ImGui makes on its own (a "Copy email" menu
//      item) go through navigator.clipboard.writeText.
#pragma once

namespace web::text_input {

void install();      // sets io's clipboard and IME hooks
void after_frame();  // tells the textarea whether ImGui wants text and where the cursor is

}  // namespace web::text_input
