// web_fonts.h: the page's fonts, rasterised for the current devicePixelRatio.
//  [X] Latin, Greek, Cyrillic with combining marks: Noto Sans (subset, embedded in the wasm by the build),
//      rasterised by ImGui's stb_truetype: available before the first frame, the same on every machine.
//  [X] Every other character (Traditional Chinese in the UI strings, names in CJK with Extension A and B and
//      compatibility ideographs, bopomofo, kana, Hangul, Thai, Hebrew, Arabic, emoji): drawn one by one by the
//      browser's own rasteriser (web::browser_glyphs) from the system's fonts, and added to the atlas as
//      custom glyph rectangles. Nothing is downloaded for them. Characters are not shaped (see README).
//  [X] Only the characters the page needs are rasterised: the UI strings (ui::all_ui_text) and what
//      App::wanted_glyphs reports (names, titles, emails, messages, what was typed); the atlas is rebuilt
//      when that set grows (the first time at once, later batched).
//  [X] The first frame has the embedded font only (fast); the browser's glyphs arrive in the frame after it.
//  [X] Crisp on HiDPI: glyphs are rasterised at size * dpr and drawn at io.FontGlobalScale = 1 / dpr.
//  [X] A character no installed font has draws as a visible box, as does anything not (yet) in the atlas
//      (the fallback glyph); missing_glyphs() lists them, beyond the BMP too.
#pragma once
#include <string>

namespace web::fonts {

constexpr float kFontSizeCss = 15.0f;

void init(float device_pixel_ratio);   // builds the atlas of the embedded font; starts nothing asynchronous
void after_first_frame();              // asks for the frame that adds the browser's glyphs
// Before ImGui::NewFrame(): rebuilds the atlas when the ratio or the wanted glyphs changed.
// Returns true when the atlas texture must be uploaded again.
bool update(float device_pixel_ratio, const std::u32string& wanted_glyphs, unsigned wanted_version);

void rebuild();       // rasterises the atlas again now (after a lost WebGL context: the pixels are gone)
bool glyphs_ready();  // every wanted character is in the atlas (drawn, or boxed because no font has it)
// {"width","height","glyphs","browserGlyphs","absent","dpr","builds","lastBuildMs","lastRasteriseMs"}
std::string atlas_json();
// UTF-8: wanted characters the page cannot draw: those no font has (drawn as a box) and those not yet in the
// atlas. Empty when everything is drawable.
std::string missing_glyphs();

}  // namespace web::fonts
