// The dry run: warnings (already, self, admin, server-protected, unknown), open-work counts through count
// queries with bounded concurrency, "unknown" when the API refuses, and zero writes.
#include <gtest/gtest.h>
#include "admin_fixtures.h"

using namespace admin;
using namespace wftest;

TEST(Preview, WarningsAndOpenWork) {
    ModelRig rig;
    rig.server.users[test_id(2)].admin = true;
    rig.server.open_work[test_id(1)] = {3, 0, 1};
    rig.sign_in();
    Preview& p = rig.model.preview;
    p.start({test_id(1), test_id(2), test_id(3), kAdminId, test_id(999), test_id(1)}, false);
    EXPECT_TRUE(p.running());
    rig.settle();
    EXPECT_FALSE(p.running());
    ASSERT_EQ(p.rows().size(), 5u);   // the repeated ID once
    const PreviewRow& r1 = p.rows()[0];
    EXPECT_TRUE(r1.will_change());
    EXPECT_EQ(r1.open_tasks, 3);
    EXPECT_EQ(r1.open_issues, 0);
    EXPECT_EQ(r1.owned_projects, 1);
    EXPECT_TRUE(r1.has_open_work());
    EXPECT_TRUE(p.rows()[1].admin);
    EXPECT_FALSE(p.rows()[1].has_open_work());
    EXPECT_TRUE(p.rows()[2].already);        // user 3 is inactive
    EXPECT_FALSE(p.rows()[2].open_tasks);     // not counted: it will not change
    EXPECT_TRUE(p.rows()[3].self);
    EXPECT_TRUE(p.rows()[3].blocked());
    EXPECT_FALSE(p.rows()[4].known);
    const PreviewSummary s = p.summary();
    EXPECT_EQ(s.total, 5);
    EXPECT_EQ(s.will_change, 2);
    EXPECT_EQ(s.already, 1);
    EXPECT_EQ(s.blocked, 2);
    EXPECT_EQ(s.with_open_work, 1);
    EXPECT_EQ(p.ids_to_change(), (std::vector<std::string>{test_id(1), test_id(2)}));
    EXPECT_EQ(p.users_to_count(), 2);
    EXPECT_EQ(p.users_counted(), 2);
    EXPECT_EQ(rig.server.writes, 0);   // a dry run writes nothing
    for (const wf::Request& r : rig.transport.sent) EXPECT_EQ(r.method, "GET") << r.url;
}

TEST(Preview, CountQueriesUseWorkfrontFiltersWithBoundedConcurrency) {
    ModelRig rig(20);
    rig.sign_in();
    rig.transport.auto_responder = nullptr;   // answer by hand to watch the concurrency
    const size_t before = rig.transport.sent.size();
    std::vector<std::string> ids;
    for (int i = 1; i <= 8; ++i)
        if (i % 3) ids.push_back(test_id(i));
    rig.model.preview.start(ids, false, 3);
    EXPECT_EQ(rig.transport.pending_count(), 3u);
    const wf::Request& task = rig.transport.sent[before];
    EXPECT_NE(task.url.find("/task/count?"), std::string::npos);
    EXPECT_NE(task.url.find("assignedToID=" + ids[0]), std::string::npos);
    EXPECT_NE(task.url.find("status=CPL"), std::string::npos);
    EXPECT_NE(task.url.find("status_Mod=notin"), std::string::npos);
    EXPECT_NE(rig.transport.sent[before + 1].url.find("/optask/count?"), std::string::npos);
    EXPECT_NE(rig.transport.sent[before + 1].url.find("status=CLS"), std::string::npos);
    const std::string& proj = rig.transport.sent[before + 2].url;
    EXPECT_NE(proj.find("/proj/count?"), std::string::npos);
    EXPECT_NE(proj.find("ownerID=" + ids[0]), std::string::npos);
    EXPECT_NE(proj.find("status=CUR"), std::string::npos);
    EXPECT_NE(proj.find("status=PLN"), std::string::npos);
    EXPECT_NE(proj.find("status_Mod=in"), std::string::npos);
    size_t max_pending = 0;
    while (rig.transport.pending_count()) {
        max_pending = std::max(max_pending, rig.transport.pending_count());
        wf::Response r;
        rig.server.answer(rig.transport.pending()[0].request, r);
        rig.transport.respond(0, r);
    }
    EXPECT_LE(max_pending, 3u);
    EXPECT_EQ(rig.transport.sent.size() - before, ids.size() * 3);
    EXPECT_EQ(rig.model.preview.users_counted(), static_cast<long long>(ids.size()));
}

TEST(Preview, RefusedCountsAreUnknownNotZero) {
    ModelRig rig;
    rig.server.refuse_counts_for.insert("optask");
    rig.sign_in();
    rig.model.preview.start({test_id(1)}, false);
    rig.settle();
    const PreviewRow& r = rig.model.preview.rows()[0];
    EXPECT_TRUE(r.open_tasks.has_value());
    EXPECT_FALSE(r.open_issues.has_value());
    EXPECT_FALSE(r.counts_error.empty());
    EXPECT_TRUE(r.counts_finished);
    EXPECT_EQ(rig.model.preview.summary().counts_unknown, 1);
}

TEST(Preview, ServerProtectedUsersAreBlockedOnceLearned) {
    ModelRig rig;
    rig.sign_in();
    rig.model.preview.start({kOwnerId}, false);
    rig.settle();
    EXPECT_FALSE(rig.model.preview.rows()[0].blocked());   // cannot be known in advance
    EXPECT_NE(std::string(Preview::admin_email_note()).find("Admin Email"), std::string::npos);
    rig.model.session.set_active(kOwnerId, false);
    rig.settle();
    rig.model.preview.start({kOwnerId}, false);
    rig.settle();
    EXPECT_TRUE(rig.model.preview.rows()[0].server_protected);
    EXPECT_TRUE(rig.model.preview.rows()[0].blocked());
    EXPECT_NE(rig.model.preview.rows()[0].protected_message.find("Admin Email"), std::string::npos);
}

TEST(Preview, ReactivationNeedsNoCounts) {
    ModelRig rig;
    rig.sign_in();
    const size_t before = rig.transport.sent.size();
    rig.model.preview.start({test_id(3), test_id(1)}, true);
    EXPECT_FALSE(rig.model.preview.running());
    EXPECT_EQ(rig.transport.sent.size(), before);
    EXPECT_TRUE(rig.model.preview.rows()[0].will_change());
    EXPECT_TRUE(rig.model.preview.rows()[1].already);
}

TEST(Preview, CancelStopsCounting) {
    ModelRig rig(20);
    rig.sign_in();
    rig.transport.auto_responder = nullptr;
    rig.model.preview.start({test_id(1), test_id(2), test_id(4)}, false, 2);
    EXPECT_EQ(rig.transport.pending_count(), 2u);
    rig.model.preview.cancel();
    EXPECT_EQ(rig.transport.pending_count(), 0u);
    EXPECT_FALSE(rig.model.preview.running());
    EXPECT_EQ(rig.model.preview.rows().size(), 3u);
}

TEST(Preview, SignOutStopsCounting) {
    ModelRig rig(20);
    rig.sign_in();
    rig.transport.auto_responder = nullptr;
    rig.model.preview.start({test_id(1), test_id(2)}, false, 2);
    EXPECT_TRUE(rig.model.preview.running());
    rig.model.session.sign_out();
    EXPECT_FALSE(rig.model.preview.running());
    EXPECT_FALSE(rig.model.preview.rows()[0].counts_error.empty());
}
