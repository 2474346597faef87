// wf_directory_loader.h: loads every user: the count first, then pages (ID_Sort=asc) with bounded
// concurrency. The result is complete and has no duplicates even when the server's order moves between
// requests: users are merged by ID, and pages are re-read when the merged total falls short of the count.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <vector>
#include "api.h"
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
    };
    using OnProgress = std::function<void(const LoadProgress&)>;
    using OnPage = std::function<void(const std::vector<User>&)>;          // users as they arrive
    using OnDone = std::function<void(const Result<std::vector<User>>&)>;  // all users sorted by ID, or an error

    DirectoryLoader(Transport& transport, Clock& clock, Endpoint endpoint, Auth auth, Options options);
    DirectoryLoader(Transport& transport, Clock& clock, Endpoint endpoint, Auth auth);
    ~DirectoryLoader();   // cancels what is in flight

    void start(OnProgress on_progress, OnPage on_page, OnDone on_done);
    void cancel();
    bool running() const;
    const LoadProgress& progress() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace wf
