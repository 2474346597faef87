// web_page_api.h: the C side of window.wfadmin (web/boot.js), for tests and tools driving the page:
//   itemRect(id) -> {x,y,w,h} in CSS pixels (viewport-relative) of the item labelled "...###id" in the latest
//                   frame (ui::automation), or null
//   state()      -> App::state_json(), parsed
//   frames()     -> frames drawn so far (an idle page draws none)
//   fontsReady() -> the CJK font has arrived and is in the atlas
//   missingGlyphs() -> characters the page wants to draw that no font in the atlas has ("" when none)
//   atlas()      -> {width, height, glyphs, dpr, builds, lastBuildMs} of the font atlas
#pragma once

namespace ui { class App; }

namespace web::page_api {

void attach(ui::App* app);

}  // namespace web::page_api
