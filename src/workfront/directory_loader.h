// wf_directory_loader.h: loads every user: the count (with the first page), then pages (ID_Sort=asc) with bounded
// concurrency. The result is complete and has no duplicates even when the server's order moves between
// requests: users are merged by ID; neighbouring pages overlap by one user, so a page that starts after the
// previous page's last user reveals a gap, which is read again as an ID range (ID_Mod=between); and a stretch
// of IDs whose merged total falls short of its count is split at its median known ID, each half counted and,
// if still short, read again, down to ranges that fit in one page. Above the 50,000-object query cap, the
// users after the last one the capped query reached are loaded as a range of their own.
// Details and reasons: directory_loader.cpp.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <vector>
#include "api.h"
#include "backoff.h"
#include "clock.h"

namespace wf {

struct LoadProgress {
    long long expected = -1;   // from /count; -1 until known
    long long loaded = 0;      // distinct users merged so far
    int pages_done = 0;
    int pages_total = 0;
};

class DirectoryLoader {
public:
    struct Options {
        int page_size = kMaxPageLimit;
        int max_in_flight = 4;
        int max_attempts = 4;      // per request, for retryable errors, with exponential backoff
        Backoff backoff;           // retry delays (jitter from `random`)
        Random* random = nullptr;  // jitter source; nullptr: a SeededRandom seeded from the clock
        // true: OnPage gets each user once (the first time it is read) and OnDone gets every user sorted by
        // ID, in their latest version. false (streaming, for a receiver that merges by ID itself): OnPage gets
        // every user of every page, a user read again included (the later answer is the newer one), and
        // OnDone's list is empty; the loader keeps only IDs, not a second copy of the directory.
        bool keep_users = true;
    };
    using OnProgress = std::function<void(const LoadProgress&)>;
    using OnPage = std::function<void(std::vector<User>&&)>;               // users as they arrive (movable)
    using OnDone = std::function<void(const Result<std::vector<User>>&)>;  // see keep_users, or an error

    DirectoryLoader(Transport& transport, Clock& clock, Endpoint endpoint, Auth auth, Options options);
    DirectoryLoader(Transport& transport, Clock& clock, Endpoint endpoint, Auth auth);
    ~DirectoryLoader();   // cancels what is in flight

    // Starts (or restarts) a load. Callbacks run later, from transport completions and clock timers; any of
    // them may cancel or destroy the loader. OnDone runs exactly once per start, unless cancelled first.
    void start(OnProgress on_progress, OnPage on_page, OnDone on_done);
    void cancel();   // cancels every request in flight and every pending retry; OnDone is not called
    bool running() const;
    const LoadProgress& progress() const;

private:
    struct Impl;   // holds the state shared (weakly) with callbacks that may outlive the loader
    std::unique_ptr<Impl> impl_;
};

}  // namespace wf
