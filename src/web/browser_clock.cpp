// web_browser_clock.cpp: timers through emscripten_set_timeout; each one owns its std::function until it fires.
#include "web/browser_clock.h"

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <cmath>

#include "web/frame_loop.h"

namespace web {

namespace {

void on_timeout(void* user_data) {
    auto* fn = static_cast<std::function<void()>*>(user_data);
    (*fn)();
    delete fn;
    frame_loop::wake_for_activity();
}

}  // namespace

wf::TimeMs BrowserClock::now() const { return static_cast<wf::TimeMs>(std::llround(emscripten_date_now())); }

void BrowserClock::call_after(int delay_ms, std::function<void()> fn) {
    emscripten_set_timeout(on_timeout, delay_ms < 0 ? 0 : delay_ms, new std::function<void()>(std::move(fn)));
}

double BrowserRandom::uniform() {
    const double r = emscripten_random();
    return r >= 1.0 ? 0.0 : r;
}

}  // namespace web
