// backoff.h: how long to wait before trying a request again (exponential, capped, with jitter), and a
// small seeded Random for when the caller has none. Shared by the directory loader and the bulk job engine.
#pragma once
#include <cstdint>
#include "clock.h"

namespace wf {

struct Backoff {
    int base_ms = 500;     // the wait before the first retry, before jitter
    int max_ms = 16000;    // the cap, before jitter
};

// Delay before retry number `retry` (1 = the first retry): d = min(max, base * 2^(retry-1)), then "equal
// jitter": d/2 + u * d/2 with u in [0,1). Never zero, and clients that failed together spread out.
int backoff_delay_ms(const Backoff& policy, int retry, double u);

// xorshift64*: deterministic for a seed; good enough to spread retries, not for anything secret.
class SeededRandom : public Random {
public:
    explicit SeededRandom(std::uint64_t seed) : state_(seed ? seed : 0x9E3779B97F4A7C15ull) {}
    double uniform() override;

private:
    std::uint64_t state_;
};

}  // namespace wf
