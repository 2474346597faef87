// web_display.cpp: canvas size bookkeeping with html5.h, and a matchMedia watch for devicePixelRatio changes.
#include "web/display.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "web/frame_loop.h"

// A media query that matches only the current ratio; when it stops matching, the ratio changed: wake the
// page and watch the new ratio.
EM_JS(void, wf_js_watch_device_pixel_ratio, (), {
    function watch() {
        var query = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
        var onChange = function() {
            query.removeEventListener('change', onChange);
            watch();
            Module['_wfadmin_wake']();
        };
        query.addEventListener('change', onChange);
    }
    if (window.matchMedia) watch();
});

namespace web::display {

namespace {

std::string g_selector;
Metrics g_metrics;

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    frame_loop::wake();
    return EM_FALSE;
}

}  // namespace

void install(const char* canvas_selector) {
    g_selector = canvas_selector;
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
    wf_js_watch_device_pixel_ratio();
    update();
}

bool update() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(g_selector.c_str(), &css_w, &css_h);
    float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (!(dpr > 0)) dpr = 1;
    const int fb_w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    const int fb_h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
    const bool dpr_changed = dpr != g_metrics.device_pixel_ratio;
    if (fb_w != g_metrics.framebuffer_width || fb_h != g_metrics.framebuffer_height)
        emscripten_set_canvas_element_size(g_selector.c_str(), fb_w, fb_h);
    g_metrics = Metrics{static_cast<float>(css_w), static_cast<float>(css_h), dpr, fb_w, fb_h};
    return dpr_changed;
}

const Metrics& metrics() { return g_metrics; }

}  // namespace web::display
