// The bulk runner end to end over Session + fake Workfront: a full run (already, self, the Admin Email user,
// chunk sizes, the directory and log updated from answers), retry failed, undo, cancel, the key expiring
// mid-run, sign-out mid-run, and resuming a saved run after a "reload" without writing anyone twice.
#include <gtest/gtest.h>
#include "admin_fixtures.h"

using namespace admin;
using namespace wftest;

namespace {

std::vector<std::string> ids_from(int from, int to) {
    std::vector<std::string> out;
    for (int i = from; i <= to; ++i) out.push_back(test_id(i));
    return out;
}

size_t outcomes(const AuditLog& log, Outcome o) {
    size_t n = 0;
    for (const auto& e : log.entries()) n += e.outcome == o;
    return n;
}

void expect_written_at_most_once(const FakeWorkfront& server) {
    for (const auto& [id, n] : server.successful_writes) EXPECT_LE(n, 1) << id;
}

}  // namespace

TEST(BulkRunner, FullRunUpdatesDirectoryAndLog) {
    ModelRig rig(250);
    rig.sign_in();
    std::vector<std::string> ids = ids_from(1, 250);
    ids.push_back(kAdminId);
    ids.push_back(kOwnerId);
    ASSERT_TRUE(rig.model.runner.start(ids, false));
    EXPECT_TRUE(rig.model.runner.active());
    rig.settle();
    const BulkJob* job = rig.model.runner.job();
    ASSERT_TRUE(job);
    EXPECT_EQ(job->phase(), JobPhase::Finished);
    const JobProgress p = rig.model.runner.progress();
    EXPECT_EQ(p.total, 252);
    EXPECT_EQ(p.already, 83);   // every third user was inactive
    EXPECT_EQ(p.skipped, 1);    // the signed-in admin
    EXPECT_EQ(p.failed, 1);     // the Admin Email user
    EXPECT_EQ(p.done, 167);
    EXPECT_EQ(rig.model.directory.counts().active, 2);   // the signed-in admin and the Admin Email user
    EXPECT_TRUE(rig.model.directory.user_by_id(kAdminId)->is_active);
    EXPECT_TRUE(rig.model.directory.user_by_id(kOwnerId)->is_active);
    EXPECT_EQ(rig.model.log.size(), 252u);
    EXPECT_EQ(outcomes(rig.model.log, Outcome::Done), 167u);
    EXPECT_EQ(outcomes(rig.model.log, Outcome::Already), 83u);
    EXPECT_EQ(rig.model.session.protected_users().count(kOwnerId), 1u);
    expect_written_at_most_once(rig.server);
    for (const wf::Request& r : rig.transport.sent) {
        if (r.body.find("updates=") == std::string::npos) continue;
        const auto params = FakeWorkfront::decode_form(r.body);
        const auto updates = nlohmann::json::parse(*FakeWorkfront::param(params, "updates"));
        EXPECT_LE(updates.size(), 100u);
        EXPECT_EQ(FakeWorkfront::param(params, "atomic"), std::nullopt);
    }
}

TEST(BulkRunner, RetryFailedAfterFixingSetupThenUndo) {
    ModelRig rig(20);
    rig.sign_in();
    ASSERT_TRUE(rig.model.runner.start({test_id(1), test_id(2), kOwnerId}, false));
    rig.settle();
    EXPECT_EQ(rig.model.runner.progress().failed, 1);
    EXPECT_EQ(rig.model.session.protected_users().count(kOwnerId), 1u);
    ASSERT_TRUE(rig.model.runner.retry_failed());   // still refused: Setup was not changed yet
    rig.settle();
    EXPECT_EQ(rig.model.runner.progress().total, 1);
    EXPECT_EQ(rig.model.runner.progress().failed, 1);
    rig.server.protected_ids.clear();   // another Admin Email user was chosen in Setup
    ASSERT_TRUE(rig.model.runner.retry_failed());
    rig.settle();
    EXPECT_EQ(rig.model.runner.progress().done, 1);
    EXPECT_FALSE(rig.server.users[kOwnerId].active);
    EXPECT_FALSE(rig.model.directory.user_by_id(kOwnerId)->is_active);

    ASSERT_TRUE(rig.model.runner.undo());   // undoes the last job: the owner only
    rig.settle();
    EXPECT_TRUE(rig.model.runner.job()->target_active());
    EXPECT_EQ(rig.model.runner.progress().total, 1);
    EXPECT_EQ(rig.model.runner.progress().done, 1);
    EXPECT_TRUE(rig.server.users[kOwnerId].active);
    EXPECT_TRUE(rig.model.directory.user_by_id(kOwnerId)->is_active);
    EXPECT_FALSE(rig.server.users[test_id(1)].active);
}

TEST(BulkRunner, RetryFailedSendsOnlyTheFailedUsers) {
    ModelRig rig(20);
    rig.sign_in();
    int refusals = 3;   // the whole chunk, then [2,4], then [2] alone
    rig.server.fault = [&](const wf::Request& r) -> std::optional<wf::Response> {
        if (r.body.find("updates=") != std::string::npos && r.body.find(test_id(2)) != std::string::npos && refusals-- > 0)
            return FakeWorkfront::error(403, "SecurityException", "insufficient access to this user");
        return std::nullopt;
    };
    ASSERT_TRUE(rig.model.runner.start({test_id(1), test_id(2), test_id(4)}, false));
    rig.settle();
    EXPECT_EQ(rig.model.runner.progress().failed, 1);
    EXPECT_EQ(rig.model.runner.job()->find(test_id(2))->message, "insufficient access to this user");
    const size_t before = rig.transport.sent.size();
    ASSERT_TRUE(rig.model.runner.retry_failed());
    rig.settle();
    EXPECT_EQ(rig.model.runner.progress().total, 1);
    EXPECT_EQ(rig.model.runner.progress().done, 1);
    ASSERT_EQ(rig.transport.sent.size(), before + 1);
    expect_written_at_most_once(rig.server);
}

TEST(BulkRunner, UndoReversesOnlyWhatTheJobChanged) {
    ModelRig rig(12);
    rig.sign_in();
    ASSERT_TRUE(rig.model.runner.start(ids_from(1, 6), false));   // 3 and 6 were already inactive
    rig.settle();
    EXPECT_EQ(rig.model.runner.progress().done, 4);
    ASSERT_TRUE(rig.model.runner.undo());
    rig.settle();
    EXPECT_EQ(rig.model.runner.progress().done, 4);
    for (int i : {1, 2, 4, 5}) EXPECT_TRUE(rig.server.users[test_id(i)].active) << i;
    for (int i : {3, 6}) EXPECT_FALSE(rig.server.users[test_id(i)].active) << i;
}

TEST(BulkRunner, CancelMidRun) {
    ModelRig rig(600);
    rig.sign_in();
    rig.transport.auto_responder = nullptr;
    JobSettings s;
    s.max_in_flight = 2;
    rig.model.runner.set_settings(s);
    std::vector<std::string> ids;
    for (int i = 1; i <= 600; ++i)
        if (i % 3) ids.push_back(test_id(i));   // 400 active users: 4 chunks
    ASSERT_TRUE(rig.model.runner.start(ids, false));
    ASSERT_EQ(rig.transport.pending_count(), 2u);
    wf::Response r;
    rig.server.answer(rig.transport.pending()[0].request, r);
    rig.transport.respond(0, r);                 // chunk 1 done; chunk 3 goes out
    ASSERT_EQ(rig.transport.pending_count(), 2u);
    rig.model.runner.cancel();
    EXPECT_EQ(rig.model.runner.job()->phase(), JobPhase::Cancelling);
    EXPECT_EQ(rig.transport.pending_count(), 2u);   // in flight: they finish
    while (rig.transport.pending_count()) {
        rig.server.answer(rig.transport.pending()[0].request, r);
        rig.transport.respond(0, r);
    }
    EXPECT_EQ(rig.model.runner.job()->phase(), JobPhase::Cancelled);
    const JobProgress p = rig.model.runner.progress();
    EXPECT_EQ(p.done, 300);
    EXPECT_EQ(p.cancelled, 100);
    EXPECT_EQ(outcomes(rig.model.log, Outcome::Cancelled), 100u);
    EXPECT_EQ(rig.server.writes, 3);
}

TEST(BulkRunner, KeyExpiringMidRunPausesAndContinuesAfterSigningInAgain) {
    ModelRig rig(300);
    rig.sign_in();
    rig.transport.auto_responder = nullptr;
    JobSettings s;
    s.max_in_flight = 1;
    rig.model.runner.set_settings(s);
    ASSERT_TRUE(rig.model.runner.start(ids_from(1, 300), false));
    wf::Response r;
    rig.server.answer(rig.transport.pending()[0].request, r);
    rig.transport.respond(0, r);
    rig.server.api_keys["ann@acme.com"] = "K2";   // the key expires
    rig.server.answer(rig.transport.pending()[0].request, r);
    EXPECT_EQ(r.status, 401);
    rig.transport.respond(0, r);
    EXPECT_EQ(rig.model.runner.job()->phase(), JobPhase::Paused);
    EXPECT_EQ(rig.model.session.screen(), Screen::SignIn);
    EXPECT_EQ(rig.model.session.last_error().code, "key_expired");
    EXPECT_EQ(rig.transport.pending_count(), 0u);
    rig.transport.auto_responder = [&](const wf::Request& q, wf::Response& out) { return rig.server.answer(q, out); };
    ASSERT_TRUE(rig.model.session.sign_in_with_api_key("acme", "K2"));
    rig.settle();
    EXPECT_EQ(rig.model.runner.job()->phase(), JobPhase::Finished);
    EXPECT_EQ(rig.model.runner.progress().done, 200);
    EXPECT_EQ(rig.model.runner.progress().failed, 0);
    expect_written_at_most_once(rig.server);
}

TEST(BulkRunner, SignOutMidRunRechecksWhatWasInFlight) {
    ModelRig rig(150);
    rig.sign_in();
    rig.transport.auto_responder = nullptr;
    ASSERT_TRUE(rig.model.runner.start(ids_from(1, 150), false));
    ASSERT_EQ(rig.transport.pending_count(), 1u);   // 100 active users: one chunk
    // The write reaches the server, then the person signs out before the answer arrives.
    wf::Response lost;
    rig.server.answer(rig.transport.pending()[0].request, lost);
    rig.model.session.sign_out();
    EXPECT_EQ(rig.transport.pending_count(), 0u);
    EXPECT_EQ(rig.model.runner.job()->phase(), JobPhase::Paused);
    rig.transport.auto_responder = [&](const wf::Request& q, wf::Response& out) { return rig.server.answer(q, out); };
    rig.sign_in();
    rig.settle();
    EXPECT_EQ(rig.model.runner.job()->phase(), JobPhase::Finished);
    EXPECT_EQ(rig.model.runner.progress().done, 100);
    EXPECT_EQ(rig.server.writes, 1);
    expect_written_at_most_once(rig.server);
}

TEST(BulkRunner, ResumeAfterReloadFinishesWithoutWritingAnyoneTwice) {
    std::string saved;
    FakeWorkfront server_state;
    {
        ModelRig rig(450);
        rig.sign_in();
        rig.model.runner.set_on_save([&](const std::string& json) { saved = json; });
        rig.transport.auto_responder = nullptr;
        ASSERT_TRUE(rig.model.runner.start(ids_from(1, 450), false));   // 300 active: 3 chunks, 3 in flight
        ASSERT_EQ(rig.transport.pending_count(), 3u);
        wf::Response r;
        rig.server.answer(rig.transport.pending()[0].request, r);
        rig.transport.respond(0, r);                                    // chunk 1 answered
        rig.server.answer(rig.transport.pending()[0].request, r);       // chunk 2 applied, answer lost
        rig.clock.advance(2000);
        rig.model.runner.cancel();                                      // forces a save...
        ASSERT_FALSE(saved.empty());
        EXPECT_EQ(saved.find("\"K\""), std::string::npos);              // ...without the key
        server_state = rig.server;
    }
    // The saved state was taken while cancelling; resume a running copy of it instead, as after a reload.
    nlohmann::json doc = nlohmann::json::parse(saved);
    doc["phase"] = "running";
    for (auto& u : doc["users"])
        if (u[2] == "cancelled") u[2] = "pending";
    ModelRig again(0);
    again.server = server_state;
    again.sign_in();
    EXPECT_FALSE(BulkRunner::saved_progress("nonsense").has_value());
    ASSERT_TRUE(BulkRunner::saved_progress(doc.dump()).has_value());
    const size_t before = again.transport.sent.size();
    ASSERT_TRUE(again.model.runner.resume_saved(doc.dump())) << again.model.runner.last_error().message;
    // The first request after resuming is a re-check (a search), not a write.
    ASSERT_GT(again.transport.sent.size(), before);
    EXPECT_NE(again.transport.sent[before].url.find("/user/search"), std::string::npos);
    again.settle();
    EXPECT_EQ(again.model.runner.job()->phase(), JobPhase::Finished);
    EXPECT_EQ(again.model.runner.progress().done, 300);
    EXPECT_EQ(again.server.writes, 3);   // chunk 1, chunk 2 (before the reload) and only chunk 3 after it
    expect_written_at_most_once(again.server);
}

TEST(BulkRunner, ResumeRefusesAnotherHostOrDamagedState) {
    ModelRig rig(5);
    rig.sign_in();
    JobPlan p;
    p.host = "other.my.workfront.com";
    p.users = {{test_id(1), true}};
    EXPECT_FALSE(rig.model.runner.resume_saved(BulkJob(p).to_json()));
    EXPECT_EQ(rig.model.runner.last_error().code, "other_host");
    EXPECT_FALSE(rig.model.runner.resume_saved("{\"format\":1}"));
    EXPECT_EQ(rig.model.runner.last_error().code, "malformed");
}

TEST(BulkRunner, RefusesWhenNotSignedInOrBusy) {
    ModelRig rig(5);
    EXPECT_FALSE(rig.model.runner.start({test_id(1)}, false));
    EXPECT_EQ(rig.model.runner.last_error().code, "signed_out");
    rig.sign_in();
    rig.transport.auto_responder = nullptr;
    ASSERT_TRUE(rig.model.runner.start({test_id(1)}, false));
    EXPECT_FALSE(rig.model.runner.start({test_id(2)}, false));
    EXPECT_EQ(rig.model.runner.last_error().code, "busy");
}

TEST(BulkRunner, SavesProgressAndClearsWhenDone) {
    ModelRig rig(5);
    rig.sign_in();
    std::vector<std::string> saves;
    rig.model.runner.set_on_save([&](const std::string& json) { saves.push_back(json); });
    ASSERT_TRUE(rig.model.runner.start({test_id(1), test_id(2)}, false));
    rig.settle();
    ASSERT_GE(saves.size(), 2u);
    EXPECT_FALSE(saves.front().empty());
    EXPECT_TRUE(saves.back().empty());   // finished: nothing to resume
}
