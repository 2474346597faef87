// directory_loader.cpp: every user of a Workfront, complete and without duplicates (see the header).
//
// The work is a set of ID ranges. Each range is counted, then read in pages of `page_size` with ID_Sort=asc.
// When a range's pages are all in, the users merged inside it are compared with its count: if some are
// missing (the order moved under the offsets: users added or removed, or a server that ignores the sort),
// the range is split in two and each half counted; a half that has all its users is done, a short half that
// fits in one page is read as one page (a page that is not full is the whole range, whatever the order), and
// a bigger short half is split again. So only the stretches that lost users are re-read. A range over the
// 50,000-object query cap is split before it is read, which is how very large directories load.
//
// Requests go out at most `max_in_flight` at a time; retryable failures wait (exponential backoff, jitter)
// on the Clock and go again, up to `max_attempts`; any other failure ends the load with that Error.
#include "directory_loader.h"
#include <deque>
#include <utility>
#include "id_range.h"

namespace wf {

namespace {

struct Range {
    Id128 low = Id128::min(), high = Id128::max();   // inclusive
    bool whole = true;         // the whole directory: no ID filter in the query
    bool verifying = false;    // already read once inside a larger range: read again only if short
    long long count = -1;
    int pages_planned = 0;
    int pages_done = 0;
    int next_first = 0;        // $$FIRST of the next page to plan
    bool one_short_page = false;   // read in a single page that was not full: that page is the whole range
    bool past_cap = false;     // more pages were needed beyond the query cap
};

struct Task {
    enum class Kind { Count, Page } kind = Kind::Count;
    size_t range = 0;
    int first = 0;
    int attempt = 1;
};

}  // namespace

struct LoaderState : std::enable_shared_from_this<LoaderState> {
    LoaderState(Transport& t, Clock& c, Endpoint e, Auth a, DirectoryLoader::Options o)
        : transport(t), clock(c), endpoint(std::move(e)), auth(std::move(a)), options(o) {
        if (options.page_size < 1) options.page_size = 1;
        if (options.page_size > kMaxPageLimit) options.page_size = kMaxPageLimit;
        if (options.max_in_flight < 1) options.max_in_flight = 1;
        if (options.max_attempts < 1) options.max_attempts = 1;
        if (!options.random) {
            own_random = std::make_unique<SeededRandom>(static_cast<std::uint64_t>(clock.now()));
            options.random = own_random.get();
        }
    }

    Transport& transport;
    Clock& clock;
    Endpoint endpoint;
    Auth auth;
    DirectoryLoader::Options options;
    std::unique_ptr<SeededRandom> own_random;

    DirectoryLoader::OnProgress on_progress;
    DirectoryLoader::OnPage on_page;
    DirectoryLoader::OnDone on_done;
    LoadProgress progress;
    bool running = false;
    unsigned generation = 0;   // bumped by every start/cancel/finish: stale callbacks see a different number
    std::deque<Task> queue;
    std::map<std::uint64_t, std::pair<RequestId, Task>> in_flight;   // ticket -> (transport id, task)
    std::uint64_t next_ticket = 0;
    int waiting_retries = 0;
    std::vector<Range> ranges;
    std::map<std::string, User> merged;   // by ID: sorted, and a user read twice is kept once

    bool current(unsigned gen) const { return running && generation == gen; }

    void start() {
        stop_everything();
        ++generation;
        progress = {};
        merged.clear();
        ranges.assign(1, Range{});
        queue.push_back({Task::Kind::Count, 0, 0, 1});
        running = true;
        pump();
    }

    void stop_everything() {
        for (auto& [ticket, flight] : in_flight) transport.cancel(flight.first);
        in_flight.clear();
        queue.clear();
        waiting_retries = 0;
        running = false;
        ++generation;
    }

    Filter range_filter(const Range& r) const { return r.whole ? Filter{} : id_range_filter(r.low.hex(), r.high.hex()); }

    Request request_for(const Task& task) const {
        const Range& r = ranges[task.range];
        if (task.kind == Task::Kind::Count) return user_count_request(endpoint, auth, range_filter(r));
        return user_search_request(endpoint, auth, task.first, options.page_size, range_filter(r));
    }

    // A server whose counts and pages never agree (always full pages, counts that grow without end) must
    // not keep the loader splitting and re-reading forever: past a generous budget the load gives up.
    bool over_budget() const {
        const long long pages_needed = (progress.expected > 0 ? progress.expected : 0) / options.page_size + 1;
        return ranges.size() > 4096 || progress.pages_total > 4 * pages_needed + 64;
    }

    void fail(const Error& error) {
        DirectoryLoader::OnDone done = std::move(on_done);
        stop_everything();
        if (done) done(error);
    }

    void pump() {
        if (running && over_budget()) {
            Error e;
            e.kind = ErrorKind::Malformed;
            e.message = "the user count and the pages Workfront sent do not add up, even after reading again";
            return fail(e);
        }
        while (running && in_flight.size() < size_t(options.max_in_flight) && !queue.empty()) {
            Task task = queue.front();
            queue.pop_front();
            const std::uint64_t ticket = ++next_ticket;
            std::weak_ptr<LoaderState> weak = shared_from_this();
            const unsigned gen = generation;
            // Transport contract: `done` never runs inside send(), so registering after send is safe.
            const RequestId id = transport.send(request_for(task), [weak, gen, ticket](const Response& response) {
                if (auto self = weak.lock())
                    if (self->current(gen)) self->on_response(ticket, response);
            });
            in_flight.emplace(ticket, std::make_pair(id, task));
        }
    }

    void on_response(std::uint64_t ticket, const Response& response) {
        auto it = in_flight.find(ticket);
        if (it == in_flight.end()) return;
        const Task task = it->second.second;
        in_flight.erase(it);
        const unsigned gen = generation;
        if (task.kind == Task::Kind::Count) {
            Result<long long> count = parse_count(response);
            if (!count.ok()) return on_failure(task, count.error());
            on_count(task.range, *count);
        } else {
            Result<std::vector<User>> users = parse_users(response);
            if (!users.ok()) return on_failure(task, users.error());
            on_page_read(task, std::move(users.value()));
        }
        if (!current(gen)) return;   // a callback cancelled, restarted or destroyed the loader
        pump();
        finish_if_done();
    }

    void on_failure(Task task, const Error& error) {
        if (error.retryable() && task.attempt < options.max_attempts) {
            const int delay = backoff_delay_ms(options.backoff, task.attempt, options.random->uniform());
            ++task.attempt;
            ++waiting_retries;
            std::weak_ptr<LoaderState> weak = shared_from_this();
            const unsigned gen = generation;
            clock.call_after(delay, [weak, gen, task] {
                auto self = weak.lock();
                if (!self || !self->current(gen)) return;
                --self->waiting_retries;
                self->queue.push_front(task);
                self->pump();
            });
            pump();
            return;
        }
        fail(error);
    }

    long long merged_in(const Range& r) const {
        if (r.whole) return static_cast<long long>(merged.size());
        auto from = merged.lower_bound(r.low.hex());
        auto to = merged.upper_bound(r.high.hex());
        return static_cast<long long>(std::distance(from, to));
    }

    void plan_pages(size_t index, long long pages) {
        for (long long k = 0; k < pages; ++k) {
            Range& r = ranges[index];
            if (r.next_first >= kMaxQueryResult) {   // the server would answer nothing past the cap
                r.past_cap = true;
                return;
            }
            queue.push_back({Task::Kind::Page, index, r.next_first, 1});
            r.next_first += options.page_size;
            ++r.pages_planned;
            ++progress.pages_total;
        }
    }

    void split(size_t index, bool verifying) {
        const Range parent = ranges[index];
        const Id128 mid = id_midpoint(parent.low, parent.high);
        for (auto [low, high] : {std::make_pair(parent.low, mid), std::make_pair(id_successor(mid), parent.high)}) {
            Range half;
            half.low = low;
            half.high = high;
            half.whole = false;
            half.verifying = verifying;
            ranges.push_back(half);
            queue.push_back({Task::Kind::Count, ranges.size() - 1, 0, 1});
        }
    }

    static bool can_split(const Range& r) { return r.low < r.high; }

    void on_count(size_t index, long long count) {
        Range& r = ranges[index];
        r.count = count;
        const long long page = options.page_size;
        if (!r.verifying) {
            if (r.whole) progress.expected = count;
            if (count > kMaxQueryResult && can_split(r)) split(index, false);
            else if (count > 0) plan_pages(index, (count + page - 1) / page);
        } else if (merged_in(r) < count) {
            if (count <= page || !can_split(r)) plan_pages(index, (count + page - 1) / page);
            else split(index, true);
        }
        report_progress();
    }

    void on_page_read(const Task& task, std::vector<User> users) {
        const unsigned gen = generation;
        std::vector<User> fresh;
        for (User& user : users) {
            auto found = merged.find(user.id);
            if (found == merged.end()) {
                fresh.push_back(user);
                merged.emplace(user.id, std::move(user));
            } else {
                found->second = std::move(user);   // read again: the later answer is the newer one
            }
        }
        Range& r = ranges[task.range];
        ++r.pages_done;
        ++progress.pages_done;
        progress.loaded = static_cast<long long>(merged.size());
        const bool full = users.size() >= size_t(options.page_size);
        if (r.pages_planned == 1 && task.first == 0 && !full) r.one_short_page = true;
        // The last planned page came back full: users were added since the count, so read on.
        if (full && task.first + options.page_size == r.next_first) plan_pages(task.range, 1);
        if (on_page && !fresh.empty()) {
            DirectoryLoader::OnPage cb = on_page;
            cb(fresh);
            if (!current(gen)) return;
        }
        Range& range = ranges[task.range];
        if (range.pages_done == range.pages_planned) range_read(task.range);
        report_progress();
    }

    // All planned pages of a range are in: is anything missing?
    void range_read(size_t index) {
        const Range& r = ranges[index];
        const bool complete = !r.past_cap && (merged_in(r) >= r.count || r.one_short_page);
        if (!complete && can_split(r)) split(index, true);
    }

    void report_progress() {
        if (!on_progress || !running) return;
        DirectoryLoader::OnProgress cb = on_progress;
        cb(progress);
    }

    void finish_if_done() {
        if (!running || !queue.empty() || !in_flight.empty() || waiting_retries > 0) return;
        std::vector<User> users;
        users.reserve(merged.size());
        for (auto& entry : merged) users.push_back(entry.second);
        progress.loaded = static_cast<long long>(users.size());
        DirectoryLoader::OnDone done = std::move(on_done);
        stop_everything();
        if (done) done(std::move(users));
    }
};

struct DirectoryLoader::Impl {
    std::shared_ptr<LoaderState> state;
};

DirectoryLoader::DirectoryLoader(Transport& transport, Clock& clock, Endpoint endpoint, Auth auth, Options options)
    : impl_(new Impl{std::make_shared<LoaderState>(transport, clock, std::move(endpoint), std::move(auth), options)}) {}

DirectoryLoader::DirectoryLoader(Transport& transport, Clock& clock, Endpoint endpoint, Auth auth)
    : DirectoryLoader(transport, clock, std::move(endpoint), std::move(auth), Options{}) {}

DirectoryLoader::~DirectoryLoader() { impl_->state->stop_everything(); }

void DirectoryLoader::start(OnProgress on_progress, OnPage on_page, OnDone on_done) {
    LoaderState& s = *impl_->state;
    s.on_progress = std::move(on_progress);
    s.on_page = std::move(on_page);
    s.on_done = std::move(on_done);
    s.start();
}

void DirectoryLoader::cancel() { impl_->state->stop_everything(); }

bool DirectoryLoader::running() const { return impl_->state->running; }

const LoadProgress& DirectoryLoader::progress() const { return impl_->state->progress; }

}  // namespace wf
