// directory_loader_test.cpp: loading every user through the scripted transport and an in-memory directory:
// paging, the concurrency bound, answers out of order, servers whose order moves, retries on the fake clock,
// errors that end the load, cancellation, and directories over the 50,000-object query cap.
#include <gtest/gtest.h>
#include <chrono>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include "fake_directory.h"
#include "support/fake_clock.h"
#include "support/scripted_transport.h"
#include "workfront/directory_loader.h"

namespace {

using wf::DirectoryLoader;

const char* const kApi = "https://acme.my.workfront.com/attask/api/v21.0";

struct Harness {
    wftest::ScriptedTransport transport;
    wftest::FakeClock clock;
    wftest::FixedRandom random{0.5};
    wftest::FakeDirectory dir;
    std::unique_ptr<DirectoryLoader> loader;
    std::optional<wf::Result<std::vector<wf::User>>> result;
    int done_calls = 0;
    std::vector<std::vector<wf::User>> pages;
    std::vector<wf::LoadProgress> progress;
    bool record_pages = true;   // off for the big directories: copying 50,000 users again only costs time
    size_t peak_in_flight = 0;
    std::function<void()> after_done;

    void start(DirectoryLoader::Options options = {}) {
        options.random = &random;
        wf::Endpoint ep;
        ep.host = wf::resolve_host("acme").value();
        loader = std::make_unique<DirectoryLoader>(transport, clock, ep, wf::Auth{wf::Auth::Kind::ApiKey, "K"}, options);
        DirectoryLoader::OnPage on_page;
        if (record_pages) on_page = [this](const std::vector<wf::User>& users) { pages.push_back(users); };
        loader->start([this](const wf::LoadProgress& p) { progress.push_back(p); }, on_page,
                      [this](const wf::Result<std::vector<wf::User>>& r) {
                          ++done_calls;
                          result.emplace(r);
                          if (after_done) after_done();
                      });
    }

    // Answers pending requests from the directory, choosing which one with `pick`, until none is left.
    void run(const std::function<size_t(size_t pending)>& pick) {
        while (transport.pending_count() > 0) {
            peak_in_flight = std::max(peak_in_flight, transport.pending_count());
            const size_t i = pick(transport.pending_count());
            transport.respond(i, dir.respond(transport.pending()[i].request));
        }
    }
    void run_in_order() { run([](size_t) { return size_t(0); }); }

    const std::vector<wf::User>& users() const { return result->value(); }
};

// Every ID exactly once, in ID order.
void expect_exactly(const std::vector<wf::User>& users, const std::set<std::string>& ids) {
    ASSERT_EQ(users.size(), ids.size());
    auto it = ids.begin();
    for (const wf::User& u : users) ASSERT_EQ(u.id, *it++);
}

TEST(DirectoryLoader, CountsThenReadsSortedPages) {
    Harness h;
    h.dir.add_random_users(4500);
    h.start();
    EXPECT_TRUE(h.loader->running());
    // The count, and with it the first page (needed whatever the count says): one round trip saved.
    ASSERT_EQ(h.transport.pending_count(), 2u) << "the count and the first page";
    EXPECT_EQ(h.transport.sent[0].url, std::string(kApi) + "/user/count");
    EXPECT_EQ(h.transport.sent[1].url.rfind(std::string(kApi) + "/user/search", 0), 0u) << h.transport.sent[1].url;
    h.run_in_order();
    ASSERT_TRUE(h.result.has_value());
    ASSERT_TRUE(h.result->ok()) << h.result->error().message;
    expect_exactly(h.users(), h.dir.ids);
    EXPECT_EQ(h.done_calls, 1);
    EXPECT_FALSE(h.loader->running());
    EXPECT_EQ(h.dir.counts, 1);
    const std::string all = ",00000000000000000000000000000000,ffffffffffffffffffffffffffffffff";
    // Neighbouring pages overlap by one user, so a shifted offset shows as a gap between them.
    EXPECT_EQ(h.dir.search_queries, (std::vector<std::string>{"0,2000" + all, "1999,2000" + all, "3998,2000" + all}));
    ASSERT_EQ(h.pages.size(), 3u);
    EXPECT_EQ(h.pages[0].size() + h.pages[1].size() + h.pages[2].size(), 4500u);
    const wf::LoadProgress& last = h.loader->progress();
    EXPECT_EQ(last.expected, 4500);
    EXPECT_EQ(last.loaded, 4500);
    EXPECT_EQ(last.pages_done, 3);
    EXPECT_EQ(last.pages_total, 3);
    ASSERT_FALSE(h.progress.empty());
    EXPECT_EQ(h.progress.front().expected, 4500);
    for (size_t i = 1; i < h.progress.size(); ++i) EXPECT_GE(h.progress[i].loaded, h.progress[i - 1].loaded);
}

TEST(DirectoryLoader, NeverMoreThanMaxInFlightEvenAnsweredNewestFirst) {
    Harness h;
    h.dir.add_random_users(10500);
    DirectoryLoader::Options o;
    o.page_size = 1000;
    o.max_in_flight = 3;
    h.start(o);
    h.run([](size_t pending) { return pending - 1; });
    ASSERT_TRUE(h.result->ok()) << h.result->error().message;
    expect_exactly(h.users(), h.dir.ids);
    EXPECT_EQ(h.peak_in_flight, 3u);
    EXPECT_EQ(h.dir.searches, 11);
}

TEST(DirectoryLoader, PagesAnsweredInRandomOrder) {
    Harness h;
    h.dir.add_random_users(9000);
    DirectoryLoader::Options o;
    o.max_in_flight = 5;
    h.start(o);
    std::mt19937 rng(3);
    h.run([&](size_t pending) { return size_t(rng() % pending); });
    ASSERT_TRUE(h.result->ok());
    expect_exactly(h.users(), h.dir.ids);
    std::set<std::string> seen;
    for (const auto& page : h.pages)
        for (const wf::User& u : page) EXPECT_TRUE(seen.insert(u.id).second) << "OnPage reports a user once";
    EXPECT_EQ(seen, h.dir.ids);
    EXPECT_EQ(h.dir.searches, 5);
}

TEST(DirectoryLoader, EmptyDirectoryNeedsOnlyTheFirstPage) {
    Harness h;
    h.start();
    h.run_in_order();
    ASSERT_TRUE(h.result->ok());
    EXPECT_TRUE(h.users().empty());
    EXPECT_EQ(h.dir.searches, 1);   // sent with the count, answered []
}

// The first page comes back full before the count is in, and the count says exactly one page: users may
// have been added in between, so the loader reads on, as it does for any last page that comes back full.
TEST(DirectoryLoader, AFullFirstPageBeforeTheCountStillReadsOn) {
    Harness h;
    h.dir.add_random_users(2000);
    h.dir.before_search = [](wftest::FakeDirectory& d) {   // 5 join just before the first page is read
        if (d.searches == 0) d.add_random_users(5);
    };
    h.start();
    const wf::Response count = h.dir.respond(h.transport.pending()[0].request);   // 2000: before anyone joined
    h.transport.respond(1, h.dir.respond(h.transport.pending()[1].request));      // then the page: 2000 of 2005
    h.transport.respond(0, count);                                                 // the count arrives last
    h.run_in_order();
    ASSERT_TRUE(h.result->ok()) << h.result->error().message;
    expect_exactly(h.users(), h.dir.ids);
    EXPECT_EQ(h.dir.ids.size(), 2005u);
}

TEST(DirectoryLoader, AServerThatIgnoresTheSortStillYieldsEveryUserOnce) {
    Harness h;
    h.dir.add_random_users(7000);
    h.dir.ignore_sort = true;   // offsets now land on a different shuffle each time: overlaps and gaps
    h.start();
    std::mt19937 rng(5);
    h.run([&](size_t pending) { return size_t(rng() % pending); });
    ASSERT_TRUE(h.result->ok()) << h.result->error().message;
    expect_exactly(h.users(), h.dir.ids);
    EXPECT_LT(h.dir.searches, 20) << "only the short stretches are read again";
}

TEST(DirectoryLoader, StreamingHandsOverEveryReadAndKeepsNoCopy) {
    Harness h;
    h.dir.add_random_users(7000);
    h.dir.ignore_sort = true;   // pages overlap at random: users are read more than once
    DirectoryLoader::Options o;
    o.keep_users = false;
    h.start(o);
    std::mt19937 rng(5);
    h.run([&](size_t pending) { return size_t(rng() % pending); });
    ASSERT_TRUE(h.result->ok()) << h.result->error().message;
    EXPECT_TRUE(h.users().empty()) << "the users went through OnPage";
    std::set<std::string> seen;
    size_t delivered = 0;
    for (const auto& page : h.pages) {
        delivered += page.size();
        for (const wf::User& u : page) seen.insert(u.id);
    }
    EXPECT_EQ(seen, h.dir.ids);
    EXPECT_GT(delivered, seen.size()) << "a user read again is handed over again (the newer answer)";
    EXPECT_EQ(h.loader->progress().loaded, 7000);
}

TEST(DirectoryLoader, UsersRemovedWhilePagingShiftOffsetsButNoSurvivorIsLost) {
    Harness h;
    h.dir.add_random_users(6000);
    const std::set<std::string> before = h.dir.ids;
    // Before every page, the lowest user disappears: every later offset moves down by one, so the first
    // user of each following page would be skipped by plain offset paging.
    h.dir.before_search = [](wftest::FakeDirectory& d) { d.ids.erase(d.ids.begin()); };
    h.start();
    std::mt19937 rng(11);
    h.run([&](size_t pending) { return size_t(rng() % pending); });
    ASSERT_TRUE(h.result->ok()) << h.result->error().message;
    std::set<std::string> loaded;
    for (const wf::User& u : h.users()) {
        EXPECT_TRUE(loaded.insert(u.id).second) << "duplicate " << u.id;
        EXPECT_TRUE(before.count(u.id)) << "a user that never existed";
    }
    for (const std::string& id : h.dir.ids) EXPECT_TRUE(loaded.count(id)) << "lost " << id;
}

TEST(DirectoryLoader, UsersAddedWhilePagingOverlapPagesButNoneIsDoubled) {
    Harness h;
    h.dir.add_random_users(6000);
    const std::set<std::string> before = h.dir.ids;
    h.dir.before_search = [](wftest::FakeDirectory& d) { d.add_random_users(300); };
    h.start();
    h.run_in_order();
    ASSERT_TRUE(h.result->ok()) << h.result->error().message;
    std::set<std::string> loaded;
    for (const wf::User& u : h.users()) {
        EXPECT_TRUE(loaded.insert(u.id).second) << "duplicate " << u.id;
        EXPECT_TRUE(h.dir.ids.count(u.id));
    }
    for (const std::string& id : before) EXPECT_TRUE(loaded.count(id)) << "lost " << id;
    EXPECT_GT(loaded.size(), before.size()) << "the last full page leads to reading on";
}

TEST(DirectoryLoader, Retries503WithExponentialBackoffOnTheClock) {
    Harness h;
    h.dir.add_random_users(3000);
    h.start();
    h.transport.respond(0, h.dir.respond(h.transport.pending()[0].request));   // the count
    ASSERT_EQ(h.transport.pending_count(), 2u);
    const std::string first_page_url = h.transport.pending()[0].request.url;
    const wf::Response gateway{503, "<html><title>503 Service Unavailable</title></html>", "text/html"};
    h.transport.respond(0, gateway);
    EXPECT_EQ(h.transport.pending_count(), 1u) << "nothing is resent at once";
    EXPECT_EQ(h.clock.next_due(), h.clock.now() + 375) << "500 ms, with jitter 0.5: 250 + 125";
    h.clock.advance(374);
    EXPECT_EQ(h.transport.sent.size(), 3u);
    h.clock.advance(1);
    ASSERT_EQ(h.transport.sent.size(), 4u);
    EXPECT_EQ(h.transport.sent.back().url, first_page_url);
    h.transport.respond(1, gateway);
    EXPECT_EQ(h.clock.next_due(), h.clock.now() + 750) << "doubled: 1000 ms -> 500 + 250";
    h.clock.advance(750);
    ASSERT_EQ(h.transport.sent.size(), 5u);
    h.run_in_order();
    ASSERT_TRUE(h.result->ok()) << h.result->error().message;
    expect_exactly(h.users(), h.dir.ids);
}

TEST(DirectoryLoader, GivesUpAfterMaxAttempts) {
    Harness h;
    DirectoryLoader::Options o;
    o.max_attempts = 3;
    h.start(o);
    const wf::Response busy{429, R"({"error":{"class":"com.attask.common.RateLimitException","message":"Too many"}})", ""};
    for (int attempt = 1; attempt <= 3; ++attempt) {
        ASSERT_EQ(h.transport.pending_count(), 2u) << "the count and the first page, attempt " << attempt;
        while (h.transport.pending_count() > 0) h.transport.respond(0, busy);   // the 3rd failure cancels the other
        h.clock.advance(60'000);
    }
    ASSERT_TRUE(h.result.has_value());
    ASSERT_FALSE(h.result->ok());
    EXPECT_EQ(h.result->error().kind, wf::ErrorKind::Retryable);
    EXPECT_EQ(h.result->error().status, 429);
    EXPECT_EQ(h.transport.sent.size(), 6u);
    EXPECT_EQ(h.clock.timers_pending(), 0u);
    EXPECT_FALSE(h.loader->running());
}

TEST(DirectoryLoader, NetworkDropsAreRetried) {
    Harness h;
    h.dir.add_random_users(100);
    h.start();
    h.transport.respond(0, wf::Response{0, "", ""});
    h.clock.advance(h.clock.next_due() - h.clock.now());
    h.run_in_order();
    ASSERT_TRUE(h.result->ok());
    EXPECT_EQ(h.users().size(), 100u);
}

TEST(DirectoryLoader, ANonRetryableErrorEndsTheLoadAndCancelsTheRest) {
    Harness h;
    h.dir.add_random_users(9000);
    h.start();
    h.transport.respond(0, h.dir.respond(h.transport.pending()[0].request));
    ASSERT_EQ(h.transport.pending_count(), 4u);
    std::vector<wf::RequestId> others;
    for (size_t i = 0; i < 4; ++i)
        if (i != 1) others.push_back(h.transport.pending()[i].id);
    h.transport.respond(1, {401, R"({"error":{"class":"com.attask.common.AuthenticationException","message":"Invalid key"}})", ""});
    ASSERT_TRUE(h.result.has_value());
    ASSERT_FALSE(h.result->ok());
    EXPECT_EQ(h.result->error().kind, wf::ErrorKind::Authentication);
    EXPECT_EQ(h.result->error().message, "Invalid key");
    EXPECT_EQ(h.transport.cancelled, others);
    EXPECT_EQ(h.transport.pending_count(), 0u);
    EXPECT_EQ(h.transport.sent.size(), 5u);
    EXPECT_FALSE(h.loader->running());
    h.clock.advance(60'000);
    EXPECT_EQ(h.transport.sent.size(), 5u);
    EXPECT_EQ(h.done_calls, 1);
}

TEST(DirectoryLoader, AnUnreadablePageEndsTheLoad) {
    Harness h;
    h.dir.add_random_users(10);
    h.start();
    h.transport.respond(0, h.dir.respond(h.transport.pending()[0].request));
    h.transport.respond(0, {200, "<html><body>Please sign in</body></html>", "text/html"});
    ASSERT_FALSE(h.result->ok());
    EXPECT_EQ(h.result->error().kind, wf::ErrorKind::Malformed);
    EXPECT_NE(h.result->error().message.find("Please sign in"), std::string::npos);
}

TEST(DirectoryLoader, CancelStopsRequestsAndRetries) {
    Harness h;
    h.dir.add_random_users(9000);
    h.start();
    h.transport.respond(0, h.dir.respond(h.transport.pending()[0].request));
    h.transport.respond(0, {503, "", ""});   // one page waits for a retry
    ASSERT_EQ(h.transport.pending_count(), 4u) << "the freed slot went to the next page";
    EXPECT_EQ(h.clock.timers_pending(), 1u);
    h.loader->cancel();
    EXPECT_FALSE(h.loader->running());
    EXPECT_EQ(h.transport.pending_count(), 0u);
    EXPECT_EQ(h.transport.cancelled.size(), 4u);
    const size_t sent = h.transport.sent.size();
    h.clock.advance(60'000);
    EXPECT_EQ(h.transport.sent.size(), sent) << "a cancelled retry sends nothing";
    EXPECT_EQ(h.done_calls, 0);
}

TEST(DirectoryLoader, DestroyingTheLoaderCancelsWhatIsInFlight) {
    Harness h;
    h.dir.add_random_users(5000);
    h.start();
    h.transport.respond(0, h.dir.respond(h.transport.pending()[0].request));
    ASSERT_EQ(h.transport.pending_count(), 3u);
    h.loader.reset();
    EXPECT_EQ(h.transport.pending_count(), 0u);
    EXPECT_EQ(h.transport.cancelled.size(), 3u);
}

TEST(DirectoryLoader, OnDoneMayDestroyOrRestartTheLoader) {
    Harness h;
    h.dir.add_random_users(2500);
    h.after_done = [&] { h.loader.reset(); };
    h.start();
    h.run_in_order();
    ASSERT_TRUE(h.result->ok());
    EXPECT_EQ(h.loader, nullptr);

    Harness again;
    again.dir.add_random_users(2500);
    again.after_done = [&] {
        if (again.done_calls == 1)   // reload once, from inside the callback
            again.loader->start(nullptr, nullptr, [&](const wf::Result<std::vector<wf::User>>& r) {
                ++again.done_calls;
                again.result.emplace(r);
            });
    };
    again.start();
    again.run_in_order();
    EXPECT_EQ(again.done_calls, 2);
    ASSERT_TRUE(again.result->ok());
    expect_exactly(again.users(), again.dir.ids);
    EXPECT_EQ(again.dir.counts, 2);
}

TEST(DirectoryLoader, OnPageMayCancel) {
    Harness h;
    h.dir.add_random_users(5000);
    h.start();
    h.transport.respond(0, h.dir.respond(h.transport.pending()[0].request));
    h.loader->start(nullptr, [&](const std::vector<wf::User>&) { h.loader->cancel(); },
                    [&](const wf::Result<std::vector<wf::User>>&) { ++h.done_calls; });
    h.run_in_order();
    EXPECT_EQ(h.done_calls, 0);
    EXPECT_FALSE(h.loader->running());
    EXPECT_EQ(h.transport.pending_count(), 0u);
}

TEST(DirectoryLoader, OverTheQueryCapEveryUserStillLoads) {
    const auto began = std::chrono::steady_clock::now();
    Harness h;
    h.record_pages = false;
    h.dir.add_random_users(61000);
    h.start();
    h.run_in_order();
    ASSERT_TRUE(h.result->ok()) << h.result->error().message;
    expect_exactly(h.users(), h.dir.ids);
    bool used_a_range = false;
    for (const std::string& q : h.dir.search_queries) {
        EXPECT_LT(std::stoi(q.substr(0, q.find(','))), 50000) << q;
        used_a_range |= q.find(",00000000000000000000000000000000,ffffffffffffffffffffffffffffffff") == std::string::npos;
    }
    EXPECT_TRUE(used_a_range);
    EXPECT_LE(h.dir.searches, 33) << "about one read per page";
    EXPECT_LE(h.dir.counts, 6);
    EXPECT_EQ(h.loader->progress().expected, 61000);
    std::printf("  61,000 users: %d searches, %d counts, %lld ms\n", h.dir.searches, h.dir.counts,
                static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                           std::chrono::steady_clock::now() - began).count()));
}

TEST(DirectoryLoader, OverTheCapWithClusteredIds) {
    Harness h;
    h.record_pages = false;
    // IDs that share a long prefix and count up, as time-based IDs do: a split at the numeric midpoint of the
    // ID space would need ~100 rounds to reach them; splitting after the last ID read needs none.
    for (int i = 0; i < 52000; ++i) h.dir.ids.insert(wftest::FakeDirectory::hex_id(0x4c78821c00000000ull, 0x00a1000000000000ull + std::uint64_t(i) * 7));
    h.start();
    h.run_in_order();
    ASSERT_TRUE(h.result->ok()) << h.result->error().message;
    expect_exactly(h.users(), h.dir.ids);
    EXPECT_LE(h.dir.searches, 28);
    EXPECT_LE(h.dir.counts, 4);
}

TEST(DirectoryLoader, ExactlyAtTheCap) {
    Harness h;
    h.record_pages = false;
    h.dir.add_random_users(50000);
    h.start();
    h.run_in_order();
    ASSERT_TRUE(h.result->ok());
    expect_exactly(h.users(), h.dir.ids);
    EXPECT_EQ(h.dir.searches, 26);   // 25 pages overlapping by one, and the last 25 users
    // The whole directory, then what lies after the last user the capped query reached (nobody): no recount
    // of the first 50,000 at the end, which would cost one more round trip after the last page.
    EXPECT_EQ(h.dir.counts, 2);
}

TEST(DirectoryLoader, OverTheCapOnAServerThatIgnoresTheSort) {
    Harness h;
    h.record_pages = false;
    h.dir.add_random_users(52000);
    h.dir.ignore_sort = true;
    h.start();
    h.run_in_order();
    ASSERT_TRUE(h.result->ok()) << h.result->error().message;
    expect_exactly(h.users(), h.dir.ids);
    std::printf("  52,000 unsorted: %d searches, %d counts\n", h.dir.searches, h.dir.counts);
}

TEST(DirectoryLoader, AServerWhoseCountsNeverAddUpEndsWithAnError) {
    Harness h;
    h.dir.add_random_users(3000);
    h.start();
    // Counts say a million; pages answer the same 3000 users forever.
    h.transport.auto_responder = [&](const wf::Request& r, wf::Response& out) {
        if (r.url.find("/user/count") != std::string::npos) {
            out = {200, R"({"data":{"count":1000000}})", ""};
            return true;
        }
        out = h.dir.respond(r);
        return true;
    };
    h.transport.pump();
    ASSERT_TRUE(h.result.has_value());
    ASSERT_FALSE(h.result->ok());
    EXPECT_EQ(h.result->error().kind, wf::ErrorKind::Malformed);
    EXPECT_LT(h.transport.sent.size(), 400u);
}

}  // namespace
