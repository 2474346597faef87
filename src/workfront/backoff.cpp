// backoff.cpp: retry delays and the seeded jitter source (see backoff.h).
#include "backoff.h"

namespace wf {

int backoff_delay_ms(const Backoff& policy, int retry, double u) {
    long long d = policy.base_ms;
    for (int i = 1; i < retry && d < policy.max_ms; ++i) d *= 2;
    if (d > policy.max_ms) d = policy.max_ms;
    if (u < 0) u = 0;
    if (u >= 1) u = 0.999999;
    const long long half = d / 2;
    return static_cast<int>(d - half + static_cast<long long>(u * static_cast<double>(half)));
}

double SeededRandom::uniform() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    const std::uint64_t x = state_ * 0x2545F4914F6CDD1Dull;
    return static_cast<double>(x >> 11) * (1.0 / 9007199254740992.0);   // 53 random bits -> [0,1)
}

}  // namespace wf
