// web_fonts.h: the page's fonts, rasterised for the current devicePixelRatio.
//  [X] Latin, Greek, Cyrillic: Noto Sans (subset, embedded in the wasm by the build), available before the first frame.
//  [X] Traditional Chinese: Noto Sans CJK TC (subset: Big5 level 1 + the zh-TW UI strings), fetched from
//      fonts/cjk-tc.otf after the first frame and merged into the atlas when it arrives.
//  [X] Only the CJK glyphs the page needs are rasterised: the UI strings (ui::all_ui_text) and what
//      App::wanted_glyphs reports (names); the atlas is rebuilt when that set grows (throttled).
//  [X] Crisp on HiDPI: glyphs are rasterised at size * dpr and drawn at io.FontGlobalScale = 1 / dpr.
//  [X] A glyph not (yet) in the atlas draws as blank space, never as '?' or a box; missing_glyphs() lists them.
#pragma once
#include <string>

namespace web::fonts {

constexpr float kFontSizeCss = 15.0f;

void init(float device_pixel_ratio);   // builds the Latin-only atlas; starts nothing asynchronous
void start_cjk_download(const char* url);   // emscripten_fetch; wakes the frame loop when it arrives
// Before ImGui::NewFrame(): rebuilds the atlas when the ratio, the CJK font or the wanted glyphs changed.
// Returns true when the atlas texture must be uploaded again.
bool update(float device_pixel_ratio, const std::u32string& wanted_glyphs, unsigned wanted_version);

void rebuild();   // rasterises the atlas again now (after a lost WebGL context: the pixels are gone)
bool cjk_ready();
// {"width","height","glyphs","dpr","builds","lastBuildMs"}: the atlas texture and how it was last built.
std::string atlas_json();
std::string missing_glyphs();   // UTF-8: wanted characters the atlas lacks (empty when all are drawable)

}  // namespace web::fonts
