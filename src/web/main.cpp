// main.cpp: the page. Wires the browser platform (src/web) to the admin page (ui::App):
//   ImGui context and io configuration (no imgui.ini, no cursor blink: an idle page draws nothing),
//   canvas size and devicePixelRatio, WebGL2 renderer, input, hidden textarea, fonts, transport, clock,
//   window.wfadmin, and the on-demand frame loop. boot.js has already read ?domain= / ?lang= and the
//   deployment's config.json (tenants, API version, demo mode) into Module.wfadminConfig before main() runs.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"   // ImGuiContext::InputEventsQueue
#include "ui/app.h"
#include "ui/automation.h"
#include "ui/strings.h"
#include "web/browser_clock.h"
#include "web/browser_platform.h"
#include "web/display.h"
#include "web/fetch_transport.h"
#include "web/fonts.h"
#include "web/frame_loop.h"
#include "web/input.h"
#include "web/page_api.h"
#include "web/text_input.h"
#include "web/webgl2_renderer.h"

// A malloc'd UTF-8 copy of Module.wfadminConfig[name] as a string ("" when missing).
EM_JS(char*, wf_js_config_string, (const char* name), {
    var config = Module['wfadminConfig'] || {};
    var value = config[UTF8ToString(name)];
    value = value === undefined || value === null ? "" : String(value);
    var size = lengthBytesUTF8(value) + 1;
    var out = _malloc(size);
    stringToUTF8(value, out, size);
    return out;
});

EM_JS(void, wf_js_first_frame, (), {
    var hook = Module['wfadminFirstFrame'];
    if (hook) hook();
});

EM_JS(void, wf_js_fatal, (const char* message), {
    var hook = Module['wfadminFatal'];
    if (hook) hook(UTF8ToString(message));
});

namespace {

constexpr const char* kCanvas = "#canvas";

std::string config_string(const char* name) {
    char* value = wf_js_config_string(name);
    std::string out(value ? value : "");
    std::free(value);
    return out;
}

// "acme,beta" -> {"acme", "beta"} (boot.js has already checked each name).
std::vector<std::string> config_list(const char* name) {
    std::vector<std::string> out;
    const std::string text = config_string(name);
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

ui::App* g_app = nullptr;
double g_last_frame_ms = 0;

void draw_frame() {
    ImGuiIO& io = ImGui::GetIO();
    web::display::update();
    const web::display::Metrics& m = web::display::metrics();
    unsigned glyph_version = 0;
    const std::u32string& wanted = g_app->wanted_glyphs(&glyph_version);
    if (web::fonts::update(m.device_pixel_ratio, wanted, glyph_version)) web::webgl2::upload_font_atlas(io.Fonts);

    io.DisplaySize = ImVec2(m.css_width, m.css_height);
    io.DisplayFramebufferScale = ImVec2(m.css_width > 0 ? m.framebuffer_width / m.css_width : 1.0f,
                                        m.css_height > 0 ? m.framebuffer_height / m.css_height : 1.0f);
    const double now = emscripten_get_now();
    // Real elapsed time, also across idle gaps: ImGui's hover delays and double-click windows are timed with it.
    io.DeltaTime = static_cast<float>(std::clamp((now - g_last_frame_ms) / 1000.0, 0.0001, 5.0));
    g_last_frame_ms = now;

    ImGui::NewFrame();
    ui::automation::begin_frame();
    g_app->frame();
    ui::automation::end_frame();
    ImGui::Render();
    web::webgl2::render(ImGui::GetDrawData(), m.framebuffer_width, m.framebuffer_height,
                        ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);

    web::input::update_cursor();
    web::text_input::after_frame();
    web::input::frame_done();
    web::frame_loop::set_animating(g_app->animating());
    // ImGui spreads fast input over frames (a key and its character, or a click, per frame: "trickling"):
    // keep drawing until every queued event has been seen, or fast typing would wait for the next event.
    if (!ImGui::GetCurrentContext()->InputEventsQueue.empty()) web::frame_loop::wake();
    // A window that sizes itself to its content (the sign-in card, a dialog) is measured in a hidden frame and
    // drawn in the next: draw that next frame now rather than when some input happens to come.
    for (const ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
        if (window->Active && (window->HiddenFramesCanSkipItems > 0 || window->HiddenFramesCannotSkipItems > 0)) {
            web::frame_loop::wake();
            break;
        }

    if (web::frame_loop::frames_drawn() == 0) {   // this is the first frame
        wf_js_first_frame();
        web::fonts::after_first_frame();
    }
}

}  // namespace

int main() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;                  // nothing persisted by ImGui itself
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;     // a blinking caret would keep an idle page drawing
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

    web::display::install(kCanvas);
    if (!web::webgl2::init(kCanvas)) {
        wf_js_fatal("This page needs WebGL 2, which this browser does not provide.");
        return 0;
    }
    web::input::install(kCanvas, config_string("mac") == "true");
    web::text_input::install();
    web::fonts::init(web::display::metrics().device_pixel_ratio);
    web::webgl2::upload_font_atlas(io.Fonts);
    web::webgl2::on_context_restored([] {
        web::fonts::rebuild();
        web::webgl2::upload_font_atlas(ImGui::GetIO().Fonts);
        web::frame_loop::wake();
    });

    ui::AppConfig config;
    config.demo_mode = config_string("demo") == "true";
    config.domain = config_string("domain");
    if (config.domain.empty() && config.demo_mode) config.domain = config_string("demoDomain");
    config.language = ui::language_tag(ui::language_from_tag(config_string("lang")));
    config.tenants = config_list("tenants");
    // The demo tenant stays reachable beside a deployment's own (serve.py answers it itself).
    if (config.demo_mode && !config.tenants.empty()) config.tenants.push_back(config_string("demoDomain"));
    config.api_version = config_string("apiVersion");

    // Everything below lives as long as the page (the runtime never exits).
    auto* transport = new web::FetchTransport(web::frame_loop::wake_for_activity);
    auto* clock = new web::BrowserClock;
    auto* random = new web::BrowserRandom;
    auto* platform = new web::BrowserPlatform;
    g_app = new ui::App(*transport, *clock, *random, *platform, config);
    web::page_api::attach(g_app);

    g_last_frame_ms = emscripten_get_now();
    web::frame_loop::start(draw_frame);
    return 0;
}
