// web_frame_loop.cpp: on-demand scheduling with emscripten_request_animation_frame (one request at a time)
// and emscripten_set_timeout for the late "settle" frames.
#include "web/frame_loop.h"

#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <iterator>

namespace web::frame_loop {

namespace {

constexpr int kSettleFrames = 3;                    // frames drawn right after an event
constexpr double kLateFrameDelaysMs[] = {250, 800};  // beyond ImGui's hover delays (0.15 s / 0.40 s)

struct Loop {
    std::function<void()> draw;
    int frames_wanted = 0;
    bool animating = false;
    bool request_pending = false;
    bool drawing = false;
    int frames = 0;
    long late_timer = 0;
    int late_stage = 0;
};

Loop& loop() {
    static Loop l;
    return l;
}

void request();

EM_BOOL on_animation_frame(double, void*) {
    Loop& l = loop();
    l.request_pending = false;
    draw_now();
    if (l.frames_wanted > 0 || l.animating) request();
    return EM_FALSE;
}

void request() {
    Loop& l = loop();
    if (l.request_pending || !l.draw) return;
    l.request_pending = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void want_frames(int n) {
    Loop& l = loop();
    l.frames_wanted = std::max(l.frames_wanted, n);
    request();
}

void on_late_timer(void*) {
    Loop& l = loop();
    l.late_timer = 0;
    want_frames(1);
    if (++l.late_stage < static_cast<int>(std::size(kLateFrameDelaysMs)))
        l.late_timer = emscripten_set_timeout(on_late_timer, kLateFrameDelaysMs[l.late_stage] -
                                                                  kLateFrameDelaysMs[l.late_stage - 1], nullptr);
}

}  // namespace

void start(std::function<void()> draw_one_frame) {
    loop().draw = std::move(draw_one_frame);
    want_frames(1);
}

void wake() {
    Loop& l = loop();
    want_frames(kSettleFrames);
    // Restart the late frames from this event.
    if (l.late_timer) emscripten_clear_timeout(l.late_timer);
    l.late_stage = 0;
    l.late_timer = emscripten_set_timeout(on_late_timer, kLateFrameDelaysMs[0], nullptr);
}

void set_animating(bool animating) {
    loop().animating = animating;
    if (animating) request();
}

void draw_now() {
    Loop& l = loop();
    if (!l.draw || l.drawing) return;
    l.drawing = true;
    l.draw();
    l.drawing = false;
    ++l.frames;
    if (l.frames_wanted > 0) --l.frames_wanted;
}

int frames_drawn() { return loop().frames; }

}  // namespace web::frame_loop
