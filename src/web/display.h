// web_display.h: the canvas's size. Its CSS box fills the viewport (web/wfadmin.css); its drawing buffer is
// that box times devicePixelRatio, so that one framebuffer pixel is one device pixel (crisp on HiDPI).
// ImGui works in CSS pixels: io.DisplaySize = CSS size, io.DisplayFramebufferScale = framebuffer / CSS.
// Window resizes and devicePixelRatio changes (browser zoom, moving to another monitor: watched with
// matchMedia) wake the frame loop; update() then resizes the drawing buffer before the frame is drawn.
#pragma once

namespace web::display {

struct Metrics {
    float css_width = 0, css_height = 0;   // ImGui's coordinates
    float device_pixel_ratio = 1;
    int framebuffer_width = 0, framebuffer_height = 0;
};

void install(const char* canvas_selector);
// Measures the canvas and resizes its drawing buffer when needed. True when the device pixel ratio changed
// since the last call (the fonts must then be rasterised again).
bool update();
const Metrics& metrics();

}  // namespace web::display
