// A Clock for tests: time moves only when the test advances it; due callbacks run in time order.
#pragma once
#include <functional>
#include <map>
#include <utility>
#include "workfront/clock.h"

namespace wftest {

class FakeClock : public wf::Clock {
public:
    explicit FakeClock(wf::TimeMs start = 1'750'000'000'000) : now_(start) {}
    wf::TimeMs now() const override { return now_; }
    void call_after(int delay_ms, std::function<void()> fn) override {
        timers_.emplace(std::make_pair(now_ + (delay_ms < 0 ? 0 : delay_ms), seq_++), std::move(fn));
    }
    // Moves time forward by `ms`, running every callback that falls due, in order.
    void advance(wf::TimeMs ms) {
        const wf::TimeMs end = now_ + ms;
        while (!timers_.empty() && timers_.begin()->first.first <= end) {
            auto it = timers_.begin();
            now_ = it->first.first;
            auto fn = std::move(it->second);
            timers_.erase(it);
            fn();
        }
        now_ = end;
    }
    size_t timers_pending() const { return timers_.size(); }
    wf::TimeMs next_due() const { return timers_.empty() ? -1 : timers_.begin()->first.first; }

private:
    wf::TimeMs now_;
    unsigned long long seq_ = 0;
    std::multimap<std::pair<wf::TimeMs, unsigned long long>, std::function<void()>> timers_;
};

class FixedRandom : public wf::Random {
public:
    explicit FixedRandom(double v = 0.5) : v_(v) {}
    double uniform() override { return v_; }
private:
    double v_;
};

}  // namespace wftest
