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
    bool urgent = false;       // input since the last frames: draw at once even while animating
    double last_draw_ms = 0;
    long pace_timer = 0;
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

void request_now() {
    Loop& l = loop();
    if (l.request_pending || !l.draw) return;
    l.request_pending = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void on_pace_timer(void*) {
    loop().pace_timer = 0;
    request_now();
}

void request() {
    Loop& l = loop();
    if (l.request_pending || l.pace_timer || !l.draw) return;
    const double wait = l.last_draw_ms + kAnimationIntervalMs - emscripten_get_now();
    if (l.animating && !l.urgent && wait > 1) {
        l.pace_timer = emscripten_set_timeout(on_pace_timer, wait, nullptr);
        return;
    }
    request_now();
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
    l.urgent = true;
    if (l.pace_timer) {   // input does not wait for the animation's pace
        emscripten_clear_timeout(l.pace_timer);
        l.pace_timer = 0;
    }
    want_frames(kSettleFrames);
    // Restart the late frames from this event.
    if (l.late_timer) emscripten_clear_timeout(l.late_timer);
    l.late_stage = 0;
    l.late_timer = emscripten_set_timeout(on_late_timer, kLateFrameDelaysMs[0], nullptr);
}

void wake_for_activity() {
    Loop& l = loop();
    if (!l.animating) return wake();
    want_frames(1);   // the next animation frame shows it
}

void set_animating(bool animating) {
    Loop& l = loop();
    const bool ended = l.animating && !animating;
    l.animating = animating;
    if (ended) wake();   // the wait is over: the usual settle frames, at once
    if (animating) request();
}

void draw_now() {
    Loop& l = loop();
    if (!l.draw || l.drawing) return;
    l.drawing = true;
    l.draw();
    l.drawing = false;
    ++l.frames;
    l.last_draw_ms = emscripten_get_now();
    if (l.frames_wanted > 0) --l.frames_wanted;
    if (l.frames_wanted == 0) l.urgent = false;
}

int frames_drawn() { return loop().frames; }

}  // namespace web::frame_loop
