// directory_loader.cpp: every user of a Workfront, complete and without duplicates (see the header).
//
// The work is a set of ID ranges. Each range is counted, then read in pages with ID_Sort=asc. Neighbouring
// pages overlap by one user ($$FIRST steps by page_size - 1): while nothing moves, each page starts with the
// last user of the one before. When all pages of a range are in, two checks find what offset paging lost:
//  - a gap: a page starts after the previous page's last user (users were removed meanwhile, shifting the
//    offsets). The IDs strictly between the two are read again as a range of their own.
//  - a shortfall: fewer users merged inside the range than its count (for example a server that ignored the
//    sort). The range is split in two at the median ID already known inside it, and each half is counted: a
//    half that has all its users is done, a short half that fits in one page is read as one page (a page
//    that is not full is the whole range, whatever the order), and a bigger short half is split again.
// So only the stretches that lost users are read again, and splits follow the IDs that exist, however they
// are distributed. Users added meanwhile only make pages overlap more; a full last page leads to reading on.
//
// A query stops at 50,000 objects. A range with more is read by offset up to that cap (the page at the cap
// first); the last ID of that page starts a new range "after it", so every user is reached.
//
// Requests go out at most `max_in_flight` at a time; retryable failures wait (exponential backoff, jitter)
// on the Clock and go again, up to `max_attempts`; any other failure ends the load with that Error.
#include "directory_loader.h"
#include <algorithm>
#include <deque>
#include <optional>
#include <utility>
#include "id_range.h"

namespace wf {

namespace {

struct Range {
    Id128 low = Id128::min(), high = Id128::max();   // inclusive
    bool whole = true;         // the whole directory: no ID filter in the query
    bool verifying = false;    // a stretch that may have lost users: read only what is still missing
    long long count = -1;
    int pages_planned = 0;
    int pages_done = 0;
    int next_first = 0;        // $$FIRST of the next page to plan
    bool one_short_page = false;   // read in a single page that was not full: that page is the whole range
    bool count_stale = false;  // `high` was lowered after the count (the rest went to a new range): recount
    size_t continuation = SIZE_MAX;   // that new range: if it counts 0, the count above still holds
    bool read_on_when_counted = false;   // the first page came back full before the count was in
    std::map<int, std::pair<std::string, std::string>> spans;   // $$FIRST -> lowest and highest ID on that page
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
        stride = options.page_size > 1 ? options.page_size - 1 : 1;
    }

    Transport& transport;
    Clock& clock;
    Endpoint endpoint;
    Auth auth;
    DirectoryLoader::Options options;
    std::unique_ptr<SeededRandom> own_random;
    int stride = 1;   // $$FIRST step between neighbouring pages: one user of overlap

    DirectoryLoader::OnProgress on_progress;
    DirectoryLoader::OnPage on_page;
    DirectoryLoader::OnDone on_done;
    LoadProgress progress;
    bool running = false;
    unsigned generation = 0;   // bumped by every start/stop: callbacks of an earlier run see a different number
    std::deque<Task> queue;
    std::map<std::uint64_t, std::pair<RequestId, Task>> in_flight;   // ticket -> (transport id, task)
    std::uint64_t next_ticket = 0;
    int waiting_retries = 0;
    int verification_requests = 0;
    std::vector<Range> ranges;
    std::map<std::string, User> merged;   // by ID: sorted, a user read twice is kept once (empty Users when
                                          // streaming: then only the IDs matter here)

    bool current(unsigned gen) const { return running && generation == gen; }

    // ---- lifecycle ----
    void start() {
        stop_everything();
        progress = {};
        merged.clear();
        verification_requests = 0;
        ranges.assign(1, Range{});
        queue.push_back({Task::Kind::Count, 0, 0, 1});
        // The first page is needed whatever the count says (an empty directory answers []): ask for it with
        // the count instead of one round trip later. The count plans the rest (on_count).
        queue.push_back({Task::Kind::Page, 0, 0, 1});
        ranges[0].pages_planned = 1;
        ranges[0].next_first = stride;
        ++progress.pages_total;
        running = true;
        pump();
    }

    void stop_everything() {
        for (auto& entry : in_flight) transport.cancel(entry.second.first);
        in_flight.clear();
        queue.clear();
        waiting_retries = 0;
        running = false;
        ++generation;
    }

    void fail(const Error& error) {
        DirectoryLoader::OnDone done = std::move(on_done);
        stop_everything();
        if (done) done(error);
    }

    void finish_if_done() {
        if (!running || !queue.empty() || !in_flight.empty() || waiting_retries > 0) return;
        std::vector<User> users;
        progress.loaded = static_cast<long long>(merged.size());
        if (options.keep_users) {
            users.reserve(merged.size());
            for (auto& entry : merged) users.push_back(std::move(entry.second));   // the load is over
        }
        merged.clear();
        DirectoryLoader::OnDone done = std::move(on_done);
        stop_everything();
        if (done) done(std::move(users));
    }

    // ---- sending ----
    Filter range_filter(const Range& r) const {
        return r.whole ? Filter{} : id_range_filter(r.low.hex(), r.high.hex());
    }

    Request request_for(const Task& task) const {
        const Range& r = ranges[task.range];
        if (task.kind == Task::Kind::Count) return user_count_request(endpoint, auth, range_filter(r));
        return user_search_request(endpoint, auth, task.first, options.page_size, range_filter(r));
    }

    // A server whose counts and pages never agree must not keep the loader re-reading forever. Reading what
    // the counts announce is bounded by those counts; re-reading is bounded by the users actually found.
    bool over_budget() const {
        const long long announced = (progress.expected > 0 ? progress.expected : 0) / stride + 1;
        const long long found = static_cast<long long>(merged.size()) / stride + 1;
        return progress.pages_total > 4 * announced + 64 || verification_requests > 8 * found + 64;
    }

    void pump() {
        if (running && over_budget()) {
            Error e;
            e.kind = ErrorKind::Malformed;
            e.message = "the user counts and the pages Workfront sent do not add up, even after reading again";
            return fail(e);
        }
        while (running && in_flight.size() < size_t(options.max_in_flight) && !queue.empty()) {
            Task task = queue.front();
            queue.pop_front();
            if (ranges[task.range].verifying) ++verification_requests;
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

    // ---- answers ----
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
        if (!error.retryable() || task.attempt >= options.max_attempts) return fail(error);
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
    }

    void on_count(size_t index, long long count) {
        Range& r = ranges[index];
        r.count = count;
        if (!r.verifying) {
            if (r.whole) progress.expected = count;
            const long long more = count > 0 ? pages_for(count) - r.pages_planned : 0;
            if (more > 0) plan_pages(index, more);
            else if (r.read_on_when_counted) plan_pages(index, 1);
            if (r.pages_planned > 0 && r.pages_done == r.pages_planned) range_read(index);   // all in already
        } else if (merged_in(r) < count) {
            if (count <= options.page_size || !can_split(r)) plan_pages(index, pages_for(count));
            else split(index);
        }
        report_progress();
    }

    void on_page_read(const Task& task, std::vector<User> users) {
        const unsigned gen = generation;
        const size_t received = users.size();
        std::vector<User> fresh;
        std::string lowest, highest;
        for (User& user : users) {
            if (lowest.empty() || user.id < lowest) lowest = user.id;
            if (user.id > highest) highest = user.id;
            auto found = merged.find(user.id);
            if (!options.keep_users) {
                if (found == merged.end()) merged.emplace(user.id, User{});
            } else if (found == merged.end()) {
                if (on_page) fresh.push_back(user);
                std::string id = user.id;
                merged.emplace(std::move(id), std::move(user));
            } else {
                found->second = std::move(user);   // read again: the later answer is the newer one
            }
        }
        if (!options.keep_users) fresh = std::move(users);   // all of them: the receiver merges by ID
        Range& r = ranges[task.range];
        if (received > 0) r.spans[task.first] = {lowest, highest};
        ++r.pages_done;
        ++progress.pages_done;
        progress.loaded = static_cast<long long>(merged.size());
        const int capacity = page_capacity(task.first);
        const bool full = received >= size_t(capacity);
        if (r.pages_planned == 1 && task.first == 0 && !full) r.one_short_page = true;
        if (full && task.first + capacity >= kMaxQueryResult) {
            continue_after(task.range, highest);   // more users follow than one query can return
        } else if (full && task.first + stride == r.next_first) {
            // The last page came back full: users were added, so read on (once the count has planned the
            // pages, for the first page, which is asked for before the count is known).
            if (r.count >= 0) plan_pages(task.range, 1);
            else r.read_on_when_counted = true;
        }
        if (on_page && !fresh.empty()) {
            DirectoryLoader::OnPage cb = on_page;
            cb(std::move(fresh));
            if (!current(gen)) return;
        }
        const Range& read = ranges[task.range];
        if (read.count >= 0 && read.pages_done == read.pages_planned) range_read(task.range);
        report_progress();
    }

    // ---- planning ----
    long long merged_in(const Range& r) const {
        if (r.whole) return static_cast<long long>(merged.size());
        return static_cast<long long>(std::distance(merged.lower_bound(r.low.hex()), merged.upper_bound(r.high.hex())));
    }

    long long pages_for(long long count) const {
        return count <= options.page_size ? 1 : 1 + (count - options.page_size + stride - 1) / stride;
    }

    // Objects a page at `first` can hold: the query cap cuts the last one short.
    int page_capacity(int first) const { return std::min(options.page_size, kMaxQueryResult - first); }

    static bool can_split(const Range& r) { return r.low < r.high; }

    void plan_pages(size_t index, long long pages) {
        const size_t queued_before = queue.size();
        for (long long k = 0; k < pages; ++k) {
            Range& r = ranges[index];
            if (r.next_first >= kMaxQueryResult) break;   // the rest is reached through continue_after
            queue.push_back({Task::Kind::Page, index, r.next_first, 1});
            r.next_first += stride;
            ++r.pages_planned;
            ++progress.pages_total;
        }
        // At or over the cap, the page at the cap goes first: its last ID lets the next range start early
        // (and with exactly 50,000 users, its count of 0 is in before the last page: no round trip after it).
        if (ranges[index].count >= kMaxQueryResult && queue.size() > queued_before + 1)
            std::rotate(queue.begin() + long(queued_before), queue.end() - 1, queue.end());
    }

    void add_range(const Id128& low, const Id128& high, bool verifying, bool count_first = false) {
        Range r;
        r.low = low;
        r.high = high;
        r.whole = false;
        r.verifying = verifying;
        ranges.push_back(std::move(r));
        const Task count{Task::Kind::Count, ranges.size() - 1, 0, 1};
        if (count_first) queue.push_front(count);
        else queue.push_back(count);
    }

    // Splits a short range at the median of the IDs already merged inside it (so the halves hold similar
    // numbers of users whatever the ID distribution), or at the numeric midpoint when none are known.
    void split(size_t index) {
        const Id128 low = ranges[index].low, high = ranges[index].high;
        Id128 cut = id_midpoint(low, high);
        auto from = ranges[index].whole ? merged.begin() : merged.lower_bound(low.hex());
        const long long known = merged_in(ranges[index]);
        if (known >= 2) {
            std::advance(from, known / 2 - 1);
            std::optional<Id128> median = Id128::parse(from->first);
            if (median && !(*median < low) && *median < high) cut = *median;
        }
        add_range(low, cut, true);
        add_range(id_successor(cut), high, true);
    }

    // The range reached the query cap at `last_id`: the users after it become a range of their own, and this
    // one ends at `last_id` (its count is now stale and is taken again once its pages are in).
    void continue_after(size_t index, const std::string& last_id) {
        std::optional<Id128> last = Id128::parse(last_id);
        Range& r = ranges[index];
        if (!last || !(*last < r.high) || *last < r.low) return;   // not a usable boundary: the checks cope
        const Id128 rest_high = r.high;
        r.high = *last;
        r.whole = false;
        r.count_stale = true;
        r.continuation = ranges.size();
        // Counted before the pages still queued: with exactly 50,000 users it answers 0 while they load, and
        // the recount at the end (one more round trip) is not needed (range_read).
        add_range(id_successor(*last), rest_high, false, true);
    }

    // All planned pages of a range are in: did offset paging lose anyone?
    void range_read(size_t index) {
        if (ranges[index].count_stale) {   // its end moved: count what it covers now (on_count, verifying)
            ranges[index].count_stale = false;
            const size_t rest = ranges[index].continuation;
            const bool nothing_after = rest < ranges.size() && ranges[rest].count == 0;   // the count still holds
            if (!nothing_after) {
                ranges[index].verifying = true;
                queue.push_back({Task::Kind::Count, index, 0, 1});
                return;
            }
        }
        std::vector<std::pair<Id128, Id128>> gaps;   // between a page's last user and the next page's first
        const std::pair<std::string, std::string>* previous = nullptr;
        for (const auto& entry : ranges[index].spans) {
            const auto& span = entry.second;
            if (previous && span.first > previous->second) {
                std::optional<Id128> after = Id128::parse(previous->second), before = Id128::parse(span.first);
                if (after && before && id_successor(*after) < *before)
                    gaps.emplace_back(id_successor(*after), id_predecessor(*before));
            }
            previous = &span;
        }
        const Range& r = ranges[index];
        const bool short_of_count = merged_in(r) < r.count && !r.one_short_page;
        if (short_of_count && can_split(r)) split(index);
        for (const auto& gap : gaps) add_range(gap.first, gap.second, true);
    }

    void report_progress() {
        if (!on_progress || !running) return;
        DirectoryLoader::OnProgress cb = on_progress;
        cb(progress);
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
