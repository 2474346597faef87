// web_browser_clock.h: wf::Clock and wf::Random in the browser.
//  [X] now(): Date.now() (wall clock, ms since the epoch: Workfront dates are compared with it).
//  [X] call_after(): emscripten_set_timeout; the frame loop is woken after the callback, since a timer
//      (a retry, the next chunk of a bulk job) usually changes what is on screen.
//  [X] Random: Math.random via emscripten_random (jitter for backoff; nothing secret depends on it).
#pragma once
#include "workfront/clock.h"

namespace web {

class BrowserClock final : public wf::Clock {
public:
    wf::TimeMs now() const override;
    void call_after(int delay_ms, std::function<void()> fn) override;
};

class BrowserRandom final : public wf::Random {
public:
    double uniform() override;
};

}  // namespace web
