// web_page_api.cpp: exported functions behind window.wfadmin; strings are returned in static buffers that
// boot.js copies (UTF8ToString) before the next call.
#include "web/page_api.h"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>

#include <cstdio>
#include <string>

#include "ui/app.h"
#include "ui/automation.h"
#include "web/fonts.h"
#include "web/frame_loop.h"

namespace web::page_api {

namespace {
ui::App* g_app = nullptr;
std::string g_answer;
}  // namespace

void attach(ui::App* app) { g_app = app; }

}  // namespace web::page_api

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* wfadmin_item_rect(const char* id) {
    const auto rect = ui::automation::item_rect(id ? id : "");
    if (!rect) return nullptr;
    char json[160];
    std::snprintf(json, sizeof json, "{\"x\":%.2f,\"y\":%.2f,\"w\":%.2f,\"h\":%.2f}", rect->x, rect->y, rect->w,
                  rect->h);
    web::page_api::g_answer = json;
    return web::page_api::g_answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* wfadmin_state() {
    web::page_api::g_answer = web::page_api::g_app ? web::page_api::g_app->state_json() : "null";
    return web::page_api::g_answer.c_str();
}

EMSCRIPTEN_KEEPALIVE int wfadmin_frames() { return web::frame_loop::frames_drawn(); }

EMSCRIPTEN_KEEPALIVE int wfadmin_fonts_ready() { return web::fonts::glyphs_ready() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE const char* wfadmin_missing_glyphs() {
    web::page_api::g_answer = web::fonts::missing_glyphs();
    return web::page_api::g_answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* wfadmin_atlas() {
    // The atlas is one texture: it must stay within what this WebGL allows.
    GLint max_texture = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_texture);
    std::string json = web::fonts::atlas_json();
    json.insert(json.size() - 1, ",\"maxTextureSize\":" + std::to_string(max_texture));
    web::page_api::g_answer = json;
    return web::page_api::g_answer.c_str();
}

// Something outside C++ changed what the page should show (devicePixelRatio, visibility).
EMSCRIPTEN_KEEPALIVE void wfadmin_wake() { web::frame_loop::wake(); }

}  // extern "C"
