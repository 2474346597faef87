// wf_clock.h: time comes in through this interface, so that paging retries and bulk jobs are
// deterministic in tests (tests/support/fake_clock.h) and real in the browser (web/browser_clock).
#pragma once
#include <functional>
#include "user.h"  // TimeMs

namespace wf {

class Clock {
public:
    virtual ~Clock() = default;
    virtual TimeMs now() const = 0;   // wall clock, ms since the Unix epoch
    // Runs `fn` once, no sooner than `delay_ms` from now, on the same thread as everything else.
    virtual void call_after(int delay_ms, std::function<void()> fn) = 0;
};

// Randomness for backoff jitter, behind an interface for the same reason.
class Random {
public:
    virtual ~Random() = default;
    virtual double uniform() = 0;   // [0, 1)
};

}  // namespace wf
