// The bulk job engine as a pure state machine: chunking, the in-flight bound, backoff timing with jitter,
// re-checks after unknown outcomes, whole-request refusals split in halves, cancel, auth pause, progress and
// time left, follow-up plans, and JSON round trips without credentials.
#include <algorithm>
#include <set>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include "admin/bulk_job.h"
#include "admin_fixtures.h"

using namespace admin;
using namespace wftest;

namespace {

constexpr wf::TimeMs kT0 = 1'750'000'000'000;

JobPlan plan_for(int n, bool target_active = false, JobSettings settings = {}) {
    JobPlan p;
    p.host = "acme.my.workfront.com";
    p.version = "21.0";
    p.target_active = target_active;
    p.settings = settings;
    for (int i = 1; i <= n; ++i) p.users.push_back({test_id(i), !target_active});
    return p;
}

std::vector<std::string> ids_from(int from, int to) {
    std::vector<std::string> out;
    for (int i = from; i <= to; ++i) out.push_back(test_id(i));
    return out;
}

// Answers for hand-driven tests.
wf::Response written(const std::vector<std::string>& ids, bool active) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& id : ids) list.push_back({{"ID", id}, {"name", "N"}, {"objCode", "USER"}, {"isActive", active}});
    return {200, nlohmann::json{{"data", list}}.dump(), "application/json"};
}
const wf::Response kThrottled{429, R"({"error":{"class":"x.TooManyRequests","message":"slow down"}})", ""};
const wf::Response kOutage{503, "<html>Service Unavailable</html>", "text/html"};
const wf::Response kExpired{401, R"({"error":{"class":"com.attask.common.AuthenticationException","message":"expired"}})", ""};

// Drives a job against a FakeWorkfront the way the runner does, checking the in-flight bound as it goes.
struct Driver {
    FakeWorkfront server;
    FixedRandom random{0.5};
    wf::TimeMs now = kT0;
    size_t max_seen_in_flight = 0;
    std::vector<JobSend> all_sends;
    wf::Endpoint ep{wf::Host{"acme.my.workfront.com", "acme"}, "21.0"};
    wf::Auth auth{wf::Auth::Kind::ApiKey, "K"};

    Driver() {
        seed(server, 0);
    }
    void add_users(int n, bool active = true) {
        for (int i = 1; i <= n; ++i) server.users[test_id(i)] = {test_id(i), "U", "u@x", "u" + std::to_string(i), active, false, "F", std::nullopt};
    }
    wf::Request request_for(const JobSend& s) const {
        if (s.kind == Chunk::Kind::Write) return wf::bulk_set_active_request(ep, auth, s.user_ids, s.target_active);
        wf::Filter f;
        for (const auto& id : s.user_ids) f.add("ID", id);
        f.add("ID_Mod", "in");
        return wf::user_search_request(ep, auth, 0, int(s.user_ids.size()), f);
    }
    // Runs until the job is not active, answering sends in order; advances time when waiting on backoff.
    void run(BulkJob& job, int max_steps = 10000) {
        job.start(now);
        std::vector<JobSend> queue;
        for (int step = 0; step < max_steps && job.active(); ++step) {
            for (auto& s : job.take_sends(now)) {
                all_sends.push_back(s);
                queue.push_back(s);
            }
            max_seen_in_flight = std::max(max_seen_in_flight, queue.size());
            if (queue.empty()) {
                auto wake = job.next_wake();
                if (!wake) return;
                now = std::max(now, *wake);
                continue;
            }
            const JobSend s = queue.front();
            queue.erase(queue.begin());
            job.complete(s.chunk_id, server.respond(request_for(s)), now, random);
        }
    }
};

size_t count_kind(const std::vector<JobSend>& sends, Chunk::Kind kind) {
    return size_t(std::count_if(sends.begin(), sends.end(), [&](const JobSend& s) { return s.kind == kind; }));
}

}  // namespace

TEST(BulkJob, ChunksOfAtMostOneHundredAndBoundedConcurrency) {
    BulkJob job(plan_for(250));
    job.start(kT0);
    const auto sends = job.take_sends(kT0);
    ASSERT_EQ(sends.size(), 3u);
    EXPECT_EQ(sends[0].user_ids.size(), 100u);
    EXPECT_EQ(sends[1].user_ids.size(), 100u);
    EXPECT_EQ(sends[2].user_ids.size(), 50u);
    std::set<std::string> all;
    for (const auto& s : sends) all.insert(s.user_ids.begin(), s.user_ids.end());
    EXPECT_EQ(all.size(), 250u);
    EXPECT_TRUE(job.take_sends(kT0).empty());
    EXPECT_EQ(job.progress(kT0).in_flight, 250);

    JobSettings narrow;
    narrow.max_in_flight = 2;
    narrow.chunk_size = 10;
    BulkJob small(plan_for(50, false, narrow));
    small.start(kT0);
    auto first = small.take_sends(kT0);
    ASSERT_EQ(first.size(), 2u);
    FixedRandom r;
    small.complete(first[0].chunk_id, written(first[0].user_ids, false), kT0, r);
    auto next = small.take_sends(kT0);
    ASSERT_EQ(next.size(), 1u);
    EXPECT_EQ(next[0].user_ids.front(), test_id(21));
}

TEST(BulkJob, DriverNeverExceedsTheBoundAndWritesEachUserOnce) {
    Driver d;
    d.add_users(1000);
    JobSettings s;
    s.max_in_flight = 3;
    BulkJob job(plan_for(1000, false, s));
    d.run(job);
    EXPECT_EQ(job.phase(), JobPhase::Finished);
    EXPECT_LE(d.max_seen_in_flight, 3u);
    EXPECT_EQ(job.progress(d.now).done, 1000);
    EXPECT_EQ(d.server.writes, 10);
    for (const auto& [id, n] : d.server.successful_writes) EXPECT_EQ(n, 1) << id;
    for (const auto& [id, n] : job.successful_writes()) EXPECT_EQ(n, 1) << id;
}

TEST(BulkJob, AlreadySelfAndProtectedAreNeverSent) {
    JobPlan p = plan_for(6);
    p.users[1].active_now = false;               // already inactive
    p.self_id = test_id(3);                      // the signed-in user
    p.protected_ids[test_id(4)] = "Admin Email user";
    p.users.push_back({test_id(5), true});       // listed twice
    BulkJob job(p);
    EXPECT_EQ(job.users().size(), 6u);
    EXPECT_EQ(job.find(test_id(2))->state, UserState::Already);
    EXPECT_EQ(job.find(test_id(2))->message, "already inactive");
    EXPECT_EQ(job.find(test_id(3))->state, UserState::Skipped);
    EXPECT_EQ(job.find(test_id(4))->state, UserState::Skipped);
    EXPECT_NE(job.find(test_id(4))->message.find("Admin Email"), std::string::npos);
    job.start(kT0);
    const auto sends = job.take_sends(kT0);
    ASSERT_EQ(sends.size(), 1u);
    EXPECT_EQ(sends[0].user_ids, (std::vector<std::string>{test_id(1), test_id(5), test_id(6)}));
}

TEST(BulkJob, NothingToSendFinishesAtOnce) {
    JobPlan p = plan_for(2);
    p.users[0].active_now = p.users[1].active_now = false;
    BulkJob job(p);
    job.start(kT0);
    EXPECT_EQ(job.phase(), JobPhase::Finished);
    EXPECT_TRUE(job.take_sends(kT0).empty());
}

TEST(BulkJob, ThrottledChunkRetriesWithExponentialBackoffAndJitter) {
    FixedRandom half(0.5);
    BulkJob job(plan_for(5));
    job.start(kT0);
    auto s1 = job.take_sends(kT0);
    ASSERT_EQ(s1.size(), 1u);
    job.complete(s1[0].chunk_id, kThrottled, kT0, half);
    EXPECT_EQ(job.next_wake(), kT0 + 750);   // base 1000 -> 500 + 0.5 * 500
    EXPECT_TRUE(job.take_sends(kT0 + 749).empty());
    auto s2 = job.take_sends(kT0 + 750);
    ASSERT_EQ(s2.size(), 1u);
    EXPECT_EQ(s2[0].kind, Chunk::Kind::Write);   // 429: nothing was done, the same write again
    EXPECT_EQ(s2[0].chunk_id, s1[0].chunk_id);
    job.complete(s2[0].chunk_id, kThrottled, kT0 + 750, half);
    EXPECT_EQ(job.next_wake(), kT0 + 750 + 1500);   // doubled
    FixedRandom high(0.999);
    auto s3 = job.take_sends(kT0 + 2250);
    job.complete(s3[0].chunk_id, kThrottled, kT0 + 2250, high);
    EXPECT_EQ(job.next_wake(), kT0 + 2250 + 3998);  // 4000 * (0.5 + 0.999 / 2), rounded
}

TEST(BulkJob, BackoffIsCapped) {
    JobSettings s;
    s.max_attempts = 20;
    s.backoff_max_ms = 5000;
    FixedRandom one(0.0);
    BulkJob job(plan_for(1, false, s));
    job.start(kT0);
    wf::TimeMs now = kT0;
    std::vector<wf::TimeMs> delays;
    for (int i = 0; i < 6; ++i) {
        auto sends = job.take_sends(now);
        ASSERT_EQ(sends.size(), 1u);
        job.complete(sends[0].chunk_id, kThrottled, now, one);
        delays.push_back(*job.next_wake() - now);
        now = *job.next_wake();
    }
    // Jitter 0 gives half of each step: 1000, 2000, 4000, then the 5000 cap.
    EXPECT_EQ(delays, (std::vector<wf::TimeMs>{500, 1000, 2000, 2500, 2500, 2500}));
}

TEST(BulkJob, UnknownOutcomeIsRecheckedNotResent) {
    Driver d;
    d.add_users(10);
    bool lost = false;
    // The first write lands on the server, but the answer is lost (a gateway 503 after the fact).
    d.server.fault = [&](const wf::Request& r) -> std::optional<wf::Response> {
        if (!lost && r.body.find("updates") != std::string::npos) {
            lost = true;
            wf::Response applied;
            d.server.answer(r, applied);
            return kOutage;
        }
        return std::nullopt;
    };
    BulkJob job(plan_for(10));
    d.run(job);
    EXPECT_EQ(job.phase(), JobPhase::Finished);
    EXPECT_EQ(job.progress(d.now).done, 10);
    EXPECT_EQ(count_kind(d.all_sends, Chunk::Kind::Write), 1u);
    EXPECT_EQ(count_kind(d.all_sends, Chunk::Kind::Check), 1u);
    for (const auto& [id, n] : d.server.successful_writes) EXPECT_EQ(n, 1) << id;
    EXPECT_EQ(job.find(test_id(1))->message, "confirmed by a re-check");
}

TEST(BulkJob, PartlyAppliedWriteResendsOnlyWhatIsStillNeeded) {
    Driver d;
    d.add_users(6);
    bool first = true;
    d.server.fault = [&](const wf::Request& r) -> std::optional<wf::Response> {
        if (first && r.body.find("updates") != std::string::npos) {
            first = false;
            d.server.users[test_id(1)].active = false;   // half-landed, non-atomic
            d.server.users[test_id(2)].active = false;
            ++d.server.successful_writes[test_id(1)];
            ++d.server.successful_writes[test_id(2)];
            return wf::Response{500, R"({"error":{"class":"java.lang.RuntimeException","message":"fault"}})", ""};
        }
        return std::nullopt;
    };
    BulkJob job(plan_for(6));
    d.run(job);
    EXPECT_EQ(job.progress(d.now).done, 6);
    ASSERT_EQ(count_kind(d.all_sends, Chunk::Kind::Write), 2u);
    EXPECT_EQ(d.all_sends.back().user_ids, ids_from(3, 6));
    for (const auto& [id, n] : d.server.successful_writes) EXPECT_EQ(n, 1) << id;
}

TEST(BulkJob, WholeRequestRefusalIsSplitToIsolateTheRefusedUser) {
    Driver d;
    d.add_users(8);
    d.server.protected_ids.insert(test_id(6));
    BulkJob job(plan_for(8));
    d.run(job);
    EXPECT_EQ(job.phase(), JobPhase::Finished);
    EXPECT_EQ(job.progress(d.now).done, 7);
    EXPECT_EQ(job.progress(d.now).failed, 1);
    const JobUser* refused = job.find(test_id(6));
    EXPECT_EQ(refused->state, UserState::Failed);
    EXPECT_NE(refused->message.find("Admin Email user cannot be deactivated"), std::string::npos);
    // 8 refused -> 4 ok + 4 refused -> 2 ok + 2 refused -> 1 ok + 1 refused: 7 writes.
    EXPECT_EQ(count_kind(d.all_sends, Chunk::Kind::Write), 7u);
    for (const auto& [id, n] : d.server.successful_writes) EXPECT_EQ(n, 1) << id;
    EXPECT_EQ(d.server.successful_writes.count(test_id(6)), 0u);
}

TEST(BulkJob, RefusalOfASingleUserIsReportedForTheSession) {
    FixedRandom r;
    BulkJob job(plan_for(1));
    job.start(kT0);
    auto s = job.take_sends(kT0);
    const JobUpdate u = job.complete(
        s[0].chunk_id,
        {422, R"({"error":{"class":"com.attask.common.ValidationException","message":"Admin Email user"}})", ""}, kT0, r);
    EXPECT_EQ(u.finished, (std::vector<std::string>{test_id(1)}));
    ASSERT_EQ(u.refused.count(test_id(1)), 1u);
    EXPECT_EQ(job.phase(), JobPhase::Finished);
}

TEST(BulkJob, AnswerSayingStillActiveIsAFailure) {
    FixedRandom r;
    BulkJob job(plan_for(2));
    job.start(kT0);
    auto s = job.take_sends(kT0);
    wf::Response answer = written({test_id(1)}, false);
    nlohmann::json doc = nlohmann::json::parse(answer.body);
    doc["data"].push_back({{"ID", test_id(2)}, {"isActive", "true"}});   // a string, as the docs write it
    answer.body = doc.dump();
    const JobUpdate u = job.complete(s[0].chunk_id, answer, kT0, r);
    EXPECT_EQ(job.find(test_id(1))->state, UserState::Done);
    EXPECT_EQ(job.find(test_id(2))->state, UserState::Failed);
    EXPECT_EQ(u.server_users.size(), 2u);
}

TEST(BulkJob, UsersMissingFromTheAnswerAreRechecked) {
    FixedRandom r;
    BulkJob job(plan_for(3));
    job.start(kT0);
    auto s = job.take_sends(kT0);
    job.complete(s[0].chunk_id, written({test_id(1), test_id(3)}, false), kT0, r);
    auto next = job.take_sends(kT0);
    ASSERT_EQ(next.size(), 1u);
    EXPECT_EQ(next[0].kind, Chunk::Kind::Check);
    EXPECT_EQ(next[0].user_ids, (std::vector<std::string>{test_id(2)}));
    EXPECT_EQ(job.find(test_id(2))->state, UserState::Checking);
}

TEST(BulkJob, GivesUpAfterMaxAttempts) {
    JobSettings s;
    s.max_attempts = 3;
    FixedRandom r;
    BulkJob job(plan_for(2, false, s));
    job.start(kT0);
    wf::TimeMs now = kT0;
    for (int i = 0; i < 3; ++i) {
        auto sends = job.take_sends(now);
        ASSERT_EQ(sends.size(), 1u) << i;
        job.complete(sends[0].chunk_id, kThrottled, now, r);
        if (auto w = job.next_wake()) now = *w;
    }
    EXPECT_EQ(job.phase(), JobPhase::Finished);
    EXPECT_EQ(job.progress(now).failed, 2);
    EXPECT_NE(job.find(test_id(1))->message.find("Gave up after 3 attempts"), std::string::npos);
}

TEST(BulkJob, OutageUntilGivingUpSaysTheOutcomeIsUnknown) {
    JobSettings s;
    s.max_attempts = 2;
    FixedRandom r;
    BulkJob job(plan_for(1, false, s));
    job.start(kT0);
    auto a = job.take_sends(kT0);
    job.complete(a[0].chunk_id, {0, "", ""}, kT0, r);
    const wf::TimeMs later = *job.next_wake();
    auto b = job.take_sends(later);
    ASSERT_EQ(b.size(), 1u);
    ASSERT_EQ(b[0].kind, Chunk::Kind::Check);
    job.complete(b[0].chunk_id, kOutage, later, r);
    EXPECT_EQ(job.find(test_id(1))->state, UserState::Failed);
    EXPECT_NE(job.find(test_id(1))->message.find("Outcome unknown"), std::string::npos);
}

TEST(BulkJob, CancelLetsInFlightFinishAndCancelsTheRest) {
    JobSettings s;
    s.chunk_size = 10;
    s.max_in_flight = 1;
    FixedRandom r;
    BulkJob job(plan_for(30, false, s));
    job.start(kT0);
    auto first = job.take_sends(kT0);
    const auto cancelled = job.cancel();
    EXPECT_EQ(cancelled.size(), 20u);
    EXPECT_EQ(job.phase(), JobPhase::Cancelling);
    EXPECT_TRUE(job.take_sends(kT0).empty());   // no new writes
    const JobUpdate u = job.complete(first[0].chunk_id, written(first[0].user_ids, false), kT0, r);
    EXPECT_EQ(u.finished.size(), 10u);
    EXPECT_EQ(job.phase(), JobPhase::Cancelled);
    const JobProgress p = job.progress(kT0);
    EXPECT_EQ(p.done, 10);
    EXPECT_EQ(p.cancelled, 20);
    EXPECT_EQ(p.remaining, 0);
}

TEST(BulkJob, CancelStillRechecksUnknownOutcomesButWritesNothing) {
    FixedRandom r;
    BulkJob job(plan_for(3));
    job.start(kT0);
    auto a = job.take_sends(kT0);
    job.complete(a[0].chunk_id, kOutage, kT0, r);   // unknown: a re-check is queued
    job.cancel();
    EXPECT_EQ(job.phase(), JobPhase::Cancelling);
    auto check = job.take_sends(*job.next_wake());
    ASSERT_EQ(check.size(), 1u);
    EXPECT_EQ(check[0].kind, Chunk::Kind::Check);
    nlohmann::json list = {{{"ID", test_id(1)}, {"isActive", false}},
                           {{"ID", test_id(2)}, {"isActive", true}},
                           {{"ID", test_id(3)}, {"isActive", true}}};
    job.complete(check[0].chunk_id, {200, nlohmann::json{{"data", list}}.dump(), ""}, kT0 + 1000, r);
    EXPECT_EQ(job.phase(), JobPhase::Cancelled);
    EXPECT_EQ(job.find(test_id(1))->state, UserState::Done);
    EXPECT_EQ(job.find(test_id(2))->state, UserState::Cancelled);
    EXPECT_TRUE(job.take_sends(kT0 + 5000).empty());
}

TEST(BulkJob, AuthenticationFailurePausesWithoutSpendingAnAttempt) {
    FixedRandom r;
    JobSettings s;
    s.max_attempts = 1;
    BulkJob job(plan_for(3, false, s));
    job.start(kT0);
    auto a = job.take_sends(kT0);
    const JobUpdate u = job.complete(a[0].chunk_id, kExpired, kT0, r);
    EXPECT_TRUE(u.auth_lost);
    EXPECT_EQ(job.phase(), JobPhase::Paused);
    EXPECT_TRUE(job.take_sends(kT0).empty());
    job.resume();
    auto b = job.take_sends(kT0);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_EQ(b[0].kind, Chunk::Kind::Write);
    job.complete(b[0].chunk_id, written(b[0].user_ids, false), kT0, r);
    EXPECT_EQ(job.phase(), JobPhase::Finished);
    EXPECT_EQ(job.progress(kT0).done, 3);
}

TEST(BulkJob, ProgressAndTimeLeftFromTheRateSoFar) {
    JobSettings s;
    s.max_in_flight = 1;
    FixedRandom r;
    BulkJob job(plan_for(300, false, s));
    job.start(kT0);
    EXPECT_FALSE(job.progress(kT0).seconds_left.has_value());
    auto a = job.take_sends(kT0);
    job.complete(a[0].chunk_id, written(a[0].user_ids, false), kT0 + 10'000, r);
    const JobProgress p = job.progress(kT0 + 10'000);
    EXPECT_EQ(p.done, 100);
    EXPECT_EQ(p.remaining, 200);
    ASSERT_TRUE(p.seconds_left.has_value());
    EXPECT_EQ(*p.seconds_left, 20);
}

TEST(BulkJob, RetryAndUndoPlans) {
    Driver d;
    d.add_users(8);
    d.server.protected_ids.insert(test_id(2));
    JobPlan p = plan_for(8);
    p.users[7].active_now = false;   // user 8 already inactive
    d.server.users[test_id(8)].active = false;
    BulkJob job(p);
    d.run(job);
    const JobPlan retry = job.retry_plan();
    ASSERT_EQ(retry.users.size(), 1u);
    EXPECT_EQ(retry.users[0].id, test_id(2));
    EXPECT_FALSE(retry.target_active);
    const JobPlan undo = job.undo_plan();
    EXPECT_TRUE(undo.target_active);
    EXPECT_EQ(undo.users.size(), 6u);   // changed by this job: not 2 (failed), not 8 (already)
    for (const PlannedUser& u : undo.users) EXPECT_FALSE(u.active_now);

    BulkJob back(undo);
    d.run(back);
    EXPECT_EQ(back.progress(d.now).done, 6);
    for (int i = 1; i <= 7; ++i) EXPECT_TRUE(d.server.users[test_id(i)].active) << i;
    EXPECT_FALSE(d.server.users[test_id(8)].active);
}

TEST(BulkJobJson, RoundTripKeepsOutcomesAndHoldsNoCredential) {
    FixedRandom r;
    JobSettings s;
    s.chunk_size = 4;
    s.max_in_flight = 2;
    JobPlan p = plan_for(12, false, s);
    p.self_id = test_id(12);
    BulkJob job(p);
    job.start(kT0);
    auto sends = job.take_sends(kT0);
    ASSERT_EQ(sends.size(), 2u);
    job.complete(sends[0].chunk_id, written(sends[0].user_ids, false), kT0, r);   // 1-4 done; 5-8 in flight
    const std::string text = job.to_json();
    EXPECT_EQ(text.find("apiKey"), std::string::npos);
    EXPECT_EQ(text.find("sessionID"), std::string::npos);
    EXPECT_EQ(text.find("password"), std::string::npos);

    wf::Result<BulkJob> loaded = BulkJob::from_json(text);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const BulkJob& copy = loaded.value();
    EXPECT_EQ(copy.host(), "acme.my.workfront.com");
    EXPECT_EQ(copy.version(), "21.0");
    EXPECT_FALSE(copy.target_active());
    EXPECT_EQ(copy.phase(), JobPhase::Running);
    EXPECT_EQ(copy.settings().chunk_size, 4);
    EXPECT_EQ(copy.find(test_id(1))->state, UserState::Done);
    EXPECT_EQ(copy.find(test_id(5))->state, UserState::Sending);
    EXPECT_EQ(copy.find(test_id(12))->state, UserState::Skipped);
    EXPECT_EQ(copy.to_json(), text);
}

TEST(BulkJobJson, ResumeRechecksEveryUnfinishedUserFirst) {
    FixedRandom r;
    JobSettings s;
    s.chunk_size = 4;
    s.max_in_flight = 2;
    JobPlan p = plan_for(12, false, s);
    p.self_id = test_id(12);
    BulkJob job(p);
    job.start(kT0);
    auto sends = job.take_sends(kT0);
    job.complete(sends[0].chunk_id, written(sends[0].user_ids, false), kT0, r);
    wf::Result<BulkJob> loaded = BulkJob::from_json(job.to_json());
    ASSERT_TRUE(loaded.ok());
    BulkJob resumed = std::move(loaded.value());
    resumed.prepare_resume();
    EXPECT_EQ(resumed.phase(), JobPhase::Ready);
    resumed.start(kT0);
    const auto checks = resumed.take_sends(kT0);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_EQ(checks[0].kind, Chunk::Kind::Check);
    EXPECT_EQ(checks[0].user_ids, ids_from(5, 11));   // the in-flight chunk and the queued one (12 is you)
}

TEST(BulkJobJson, DamagedTextIsRefused) {
    EXPECT_FALSE(BulkJob::from_json("").ok());
    EXPECT_FALSE(BulkJob::from_json("{}").ok());
    EXPECT_FALSE(BulkJob::from_json("[1,2]").ok());
    const std::string good = BulkJob(plan_for(2)).to_json();
    nlohmann::json doc = nlohmann::json::parse(good);
    doc["users"][0][2] = "exploded";
    EXPECT_FALSE(BulkJob::from_json(doc.dump()).ok());
    doc = nlohmann::json::parse(good);
    doc["chunks"][0]["users"][0] = 99;
    EXPECT_FALSE(BulkJob::from_json(doc.dump()).ok());
    doc = nlohmann::json::parse(good);
    doc["host"] = 7;
    EXPECT_FALSE(BulkJob::from_json(doc.dump()).ok());
}
