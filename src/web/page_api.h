// web_page_api.h: the C side of window.wfadmin (web/boot.js), for tests and tools driving the page:
//   itemRect(id) -> {x,y,w,h} in CSS pixels (viewport-relative) of the item labelled "...###id" in the latest
//                   frame (ui::automation), or null
//   state()      -> App::state_json(), parsed
//   frames()     -> frames drawn so far (an idle page draws none)
//   fontsReady() -> every character the page wants to draw is in the atlas (no rebuild pending)
//   missingGlyphs() -> characters the page wants to draw and cannot: no font has them (drawn as a box), or
//                   not yet in the atlas ("" when none); every code point, beyond the BMP too
//   atlas()      -> web::fonts::atlas_json() plus maxTextureSize (the WebGL limit)
#pragma once

namespace ui { class App; }

namespace web::page_api {

void attach(ui::App* app);

}  // namespace web::page_api
