// The bulk offboarding views through the real App: selection gestures, the import dialog, the dry run (zero
// writes), the confirmed run with its progress and Cancel, the results with retry/undo/export, and the offer
// to resume a run interrupted by a reload.
#include <gtest/gtest.h>

#include "ui/app_rig.h"

using uitest::AppRig;
using wftest::test_id;

namespace {

long long selected(const AppRig& rig) { return rig.state()["selection"]["count"].get<long long>(); }

// Every fixture user with a number in [from, to], each selected with a click.
void select_users(AppRig& rig, std::initializer_list<int> numbers) {
    for (int n : numbers) ASSERT_TRUE(rig.imgui.click("select-" + test_id(n))) << n;
}

}  // namespace

TEST(Bulk, SelectionClicksShiftRangesSelectAllAndClear) {
    AppRig rig;
    rig.sign_in();
    ASSERT_TRUE(rig.imgui.click("select-" + test_id(10)));
    EXPECT_EQ(selected(rig), 1);
    ASSERT_TRUE(rig.imgui.click("select-" + test_id(10)));   // a second click unticks
    EXPECT_EQ(selected(rig), 0);

    // Sorted by name: User 10, User 11, User 12 are neighbours; shift-click ticks the range.
    ASSERT_TRUE(rig.imgui.click("select-" + test_id(10)));
    ASSERT_TRUE(rig.imgui.click("select-" + test_id(12), /*shift=*/true));
    EXPECT_EQ(selected(rig), 3);

    ASSERT_TRUE(rig.imgui.click("status-inactive"));
    ASSERT_TRUE(rig.imgui.click("select-all"));
    EXPECT_EQ(selected(rig), 3 + 4 - 1);   // the 4 inactive users; User 12 was already selected
    ASSERT_TRUE(rig.imgui.click("clear-selection"));
    EXPECT_EQ(selected(rig), 0);
}

TEST(Bulk, InactiveDaysFilterComesFromTheField) {
    AppRig rig;
    rig.server.users[test_id(1)].last_login = rig.clock.now() - 400 * wftest::kDay;
    rig.server.users[test_id(2)].last_login = rig.clock.now() - 10 * wftest::kDay;
    rig.sign_in();
    ASSERT_TRUE(rig.imgui.type_into("inactive-days", "365"));
    rig.imgui.press(ImGuiKey_Enter);
    const auto s = rig.state();
    EXPECT_EQ(s["filter"]["minDaysWithoutLogin"], 365);
    EXPECT_TRUE(rig.imgui.has("select-" + test_id(1)));    // 400 days
    EXPECT_FALSE(rig.imgui.has("select-" + test_id(2)));   // 10 days
    ASSERT_TRUE(rig.imgui.click("never-logged-in"));
    EXPECT_TRUE(rig.state()["filter"]["neverLoggedIn"].get<bool>());
}

TEST(Bulk, ImportDialogMatchesAndSelects) {
    AppRig rig;
    rig.sign_in();
    EXPECT_FALSE(rig.imgui.has("import-text"));
    ASSERT_TRUE(rig.imgui.click("import"));
    rig.imgui.frames(2);
    EXPECT_EQ(rig.state()["ui"]["dialog"], "import");
    ASSERT_TRUE(rig.imgui.has("import-text"));
    ASSERT_TRUE(rig.imgui.has("import-apply"));
    ASSERT_TRUE(rig.imgui.type_into("import-text", "u1@acme.com\nU2@ACME.COM\nnobody@acme.com\nu3\n"));
    ASSERT_TRUE(rig.imgui.click("import-apply"));
    rig.imgui.frames(2);   // the dialog grows to show the report
    const auto s = rig.state();
    ASSERT_FALSE(s["import"].is_null());
    EXPECT_EQ(s["import"]["matched"], 3);
    EXPECT_EQ(s["import"]["unmatched"].size(), 1u);
    EXPECT_EQ(s["import"]["alreadyInactive"], 1);   // user 3
    EXPECT_EQ(s["selection"]["count"], 3) << "matching makes the matched users the selection";
    ASSERT_TRUE(rig.imgui.click("import-select"));
    rig.imgui.frames(2);
    EXPECT_EQ(s["import"]["matched"], 3);
    EXPECT_EQ(selected(rig), 3);
    EXPECT_EQ(rig.state()["ui"]["dialog"], "none");
}

TEST(Bulk, PreviewSendsNoWritesAndShowsOpenWork) {
    AppRig rig;
    rig.server.open_work[test_id(10)] = {4, 1, 2};
    rig.sign_in();
    select_users(rig, {10, 11, 12});
    const int writes = rig.server.writes;
    ASSERT_TRUE(rig.imgui.click("preview"));
    rig.step();
    const auto s = rig.state();
    EXPECT_EQ(s["ui"]["panel"], "preview");
    ASSERT_FALSE(s["preview"].is_null());
    EXPECT_EQ(s["preview"]["total"], 3);
    EXPECT_EQ(s["preview"]["willChange"], 2);    // user 12 is already inactive
    EXPECT_EQ(s["preview"]["withOpenWork"], 1);
    EXPECT_EQ(rig.server.writes, writes);
    ASSERT_TRUE(rig.imgui.click("back-to-users"));
    EXPECT_EQ(rig.state()["ui"]["panel"], "table");
}

TEST(Bulk, ExecuteAsksNamingTheCountThenRunsWithProgressAndCancel) {
    AppRig rig;
    rig.sign_in();
    select_users(rig, {4, 5, 7, 8});
    ASSERT_TRUE(rig.imgui.click("execute"));
    rig.imgui.frames(2);
    EXPECT_EQ(rig.state()["ui"]["dialog"], "execute");
    EXPECT_EQ(rig.server.writes, 0);
    ASSERT_TRUE(rig.imgui.has("cancel"));

    rig.auto_answer = false;
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step();
    auto s = rig.state();
    ASSERT_FALSE(s["run"].is_null());
    EXPECT_EQ(s["ui"]["panel"], "run");
    EXPECT_TRUE(rig.imgui.has("cancel-run"));
    EXPECT_FALSE(rig.imgui.has("retry-failed"));
    EXPECT_TRUE(rig.app->animating());

    ASSERT_TRUE(rig.imgui.click("cancel-run"));
    rig.auto_answer = true;
    rig.step(3);
    s = rig.state();
    EXPECT_FALSE(rig.imgui.has("cancel-run"));
    EXPECT_TRUE(rig.imgui.has("export-results"));
    EXPECT_EQ(s["run"]["remaining"], 0);
}

// Someone offboarded by mistake, or back from leave: select them, "Reactivate N users...", confirm. Only
// offered when the selection holds inactive users; active ones in it are recorded as already active.
TEST(Bulk, ReactivateIsOfferedForInactiveSelectedUsersAndRunsLikeADeactivation) {
    AppRig rig;
    rig.sign_in();
    select_users(rig, {4, 5});   // both active
    rig.imgui.frames(2);
    EXPECT_FALSE(rig.imgui.has("execute-reactivate")) << "nothing to reactivate";
    select_users(rig, {3, 6});   // both inactive (every third user)
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.click("execute-reactivate"));
    rig.imgui.frames(2);
    EXPECT_EQ(rig.state()["ui"]["dialog"], "execute");
    EXPECT_EQ(rig.server.writes, 0) << "nothing is sent before the confirmation";
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step(5);
    const auto s = rig.state();
    ASSERT_FALSE(s["run"].is_null());
    EXPECT_EQ(s["run"]["target"], "reactivate");
    EXPECT_EQ(s["run"]["phase"], "finished");
    EXPECT_EQ(s["run"]["done"], 2);
    EXPECT_EQ(s["run"]["already"], 2);   // users 4 and 5 were active already
    EXPECT_TRUE(rig.server.users[test_id(3)].active);
    EXPECT_TRUE(rig.server.users[test_id(6)].active);
    EXPECT_TRUE(rig.server.users[test_id(4)].active);
    EXPECT_TRUE(rig.imgui.has("undo-batch")) << "the batch can be undone like any other";
}

TEST(Bulk, ResultsOfferRetryUndoAndExport) {
    AppRig rig;
    rig.sign_in();
    select_users(rig, {10, 11});
    ASSERT_TRUE(rig.imgui.click("execute"));
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step(3);
    auto s = rig.state();
    EXPECT_EQ(s["run"]["done"], 2);
    EXPECT_FALSE(rig.server.users[test_id(10)].active);
    EXPECT_FALSE(rig.server.users[test_id(11)].active);
    for (const char* id : {"retry-failed", "undo-batch", "export-results"}) EXPECT_TRUE(rig.imgui.has(id)) << id;

    ASSERT_TRUE(rig.imgui.click("export-results"));
    ASSERT_EQ(rig.platform.downloads.size(), 1u);
    EXPECT_EQ(rig.platform.downloads[0].mime, "text/csv");
    EXPECT_NE(rig.platform.downloads[0].data.find(test_id(10)), std::string::npos);
    EXPECT_NE(rig.platform.downloads[0].data.find("done"), std::string::npos);
    EXPECT_EQ(rig.platform.downloads[0].data.rfind("\xEF\xBB\xBFtime,actor,user ID,name,email,before,after,outcome,message\r\n", 0), 0u);
    EXPECT_NE(rig.platform.downloads[0].data.find(",active,inactive,done,"), std::string::npos);

    ASSERT_TRUE(rig.imgui.click("undo-batch"));
    rig.imgui.frames(2);
    EXPECT_EQ(rig.state()["ui"]["dialog"], "undo");
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step(3);
    EXPECT_TRUE(rig.server.users[test_id(10)].active);
    EXPECT_TRUE(rig.server.users[test_id(11)].active);
}

TEST(Bulk, RetryFailedSendsOnlyTheFailedAgain) {
    AppRig rig;
    rig.sign_in();
    bool refuse = true;
    rig.server.fault = [&](const wf::Request& r) -> std::optional<wf::Response> {
        if (refuse && r.body.find(test_id(11)) != std::string::npos && r.body.find("method=PUT") != std::string::npos)
            return wftest::FakeWorkfront::error(422, "ValidationException", "Not today");
        return std::nullopt;
    };
    select_users(rig, {10, 11});
    ASSERT_TRUE(rig.imgui.click("execute"));
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step(3);
    EXPECT_EQ(rig.state()["run"]["failed"], 1);
    refuse = false;
    ASSERT_TRUE(rig.imgui.click("retry-failed"));
    rig.step(3);
    EXPECT_FALSE(rig.server.users[test_id(11)].active);
    EXPECT_EQ(rig.server.successful_writes[test_id(10)], 1);   // never written twice
}

TEST(Bulk, SessionLogExportDownloadsCsv) {
    AppRig rig;
    rig.sign_in();
    ASSERT_TRUE(rig.imgui.click("deactivate-" + test_id(10)));
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step();
    ASSERT_TRUE(rig.imgui.click("export-log"));
    ASSERT_EQ(rig.platform.downloads.size(), 1u);
    EXPECT_NE(rig.platform.downloads[0].data.find(test_id(10)), std::string::npos);
    EXPECT_NE(rig.platform.downloads[0].filename.find(".csv"), std::string::npos);
}

TEST(Bulk, AnInterruptedRunIsOfferedAfterSigningInAgain) {
    std::map<std::string, std::string> storage;
    {
        AppRig rig;
        rig.sign_in();
        select_users(rig, {10, 11, 4});
        ASSERT_TRUE(rig.imgui.click("execute"));
        rig.imgui.frames(2);
        rig.auto_answer = false;   // the page "closes" while the writes are on the wire
        ASSERT_TRUE(rig.imgui.click("confirm"));
        rig.step();
        rig.clock.advance(2000);   // saves are throttled to once a second
        rig.imgui.frames(2);
        storage = rig.platform.storage;
    }
    ASSERT_FALSE(storage.empty());
    for (const auto& [key, value] : storage) {
        EXPECT_EQ(value.find("\"K\""), std::string::npos) << "a credential in storage";
        EXPECT_EQ(value.find("apiKey"), std::string::npos);
    }

    AppRig rig;
    rig.platform.storage = storage;
    rig.sign_in();
    rig.imgui.frames(2);
    EXPECT_EQ(rig.state()["ui"]["dialog"], "resume");
    ASSERT_TRUE(rig.imgui.has("resume"));
    ASSERT_TRUE(rig.imgui.has("discard-run"));
    ASSERT_TRUE(rig.imgui.click("resume"));
    rig.step(3);
    EXPECT_EQ(rig.state()["ui"]["dialog"], "none");
    EXPECT_FALSE(rig.server.users[test_id(10)].active);
    EXPECT_FALSE(rig.server.users[test_id(4)].active);
}

TEST(Bulk, DiscardForgetsTheInterruptedRun) {
    uitest::RecordingPlatform saved;
    {
        AppRig rig;
        rig.sign_in();
        select_users(rig, {10});
        ASSERT_TRUE(rig.imgui.click("execute"));
        rig.imgui.frames(2);
        rig.auto_answer = false;
        ASSERT_TRUE(rig.imgui.click("confirm"));
        rig.step();
        rig.clock.advance(2000);
        rig.imgui.frames(2);
        saved.storage = rig.platform.storage;
    }
    AppRig rig;
    rig.platform.storage = saved.storage;
    rig.sign_in();
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.click("discard-run"));
    EXPECT_TRUE(rig.platform.storage.empty());
    EXPECT_EQ(rig.state()["ui"]["dialog"], "none");
}
