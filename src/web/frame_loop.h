// web_frame_loop.h: draws frames only when something changed, on the browser's animation frames.
// - wake(): an input event, a fetch completion or a timer: draw the next few frames (ImGui needs 2-3 to settle
//   after a change), plus two late frames (~0.25 s and ~0.8 s later) so that hover delays (tooltips),
//   double-click windows and the modal dimming, which ImGui measures with io.DeltaTime, complete.
// - set_animating(true) from inside a frame: keep drawing every animation frame (spinners, progress).
// - An idle page requests no animation frames at all. No emscripten_set_main_loop.
#pragma once
#include <functional>

namespace web::frame_loop {

void start(std::function<void()> draw_one_frame);   // draws the first frame at the next animation frame
void wake();
void set_animating(bool animating);
void draw_now();        // draws one frame synchronously (inside a copy/cut event); no-op before start()
int frames_drawn();

}  // namespace web::frame_loop
