// web_frame_loop.h: draws frames only when something changed, on the browser's animation frames.
// - wake(): an input event: draw the next few frames (ImGui needs 2-3 to settle after a change), plus two late
//   frames (~0.25 s and ~0.8 s later) so that hover delays (tooltips), double-click windows and the modal
//   dimming, which ImGui measures with io.DeltaTime, complete.
// - wake_for_activity(): a fetch completion or a timer: like wake(), unless the page is animating (below).
// - set_animating(true) from inside a frame: keep drawing while something moves by itself. Everything that
//   does is the page waiting on the network (a spinner, a progress bar: signing in, loading 50,000 users, a
//   bulk run), so those frames, and the ones fetch completions and timers ask for meanwhile, come at most
//   every kAnimationIntervalMs. More would only take time from the work: with a software rasteriser (no GPU,
//   like headless Chromium's SwiftShader) the page waited ~45 ms per frame on the rasteriser while the
//   answers it was loading queued up behind it. Input is never held back: wake() draws at once, and when
//   the animation ends the usual settle frames follow.
// - An idle page requests no animation frames at all. No emscripten_set_main_loop.
#pragma once
#include <functional>

namespace web::frame_loop {

constexpr double kAnimationIntervalMs = 250;

void start(std::function<void()> draw_one_frame);   // draws the first frame at the next animation frame
void wake();
void wake_for_activity();
void set_animating(bool animating);
void draw_now();        // draws one frame synchronously (inside a copy/cut event); no-op before start()
int frames_drawn();

}  // namespace web::frame_loop
