// window.wfadmin.state(): the JSON the automation and end-to-end tests read, before and after sign-in, with a
// filter, a selection, an import, a single change and a run.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include "admin/state_json.h"
#include "admin_fixtures.h"

using namespace admin;
using namespace wftest;
using json = nlohmann::json;

TEST(StateJson, SignedOut) {
    ModelRig rig;
    const json s = json::parse(state_json(rig.model));
    EXPECT_EQ(s["screen"], "signin");
    EXPECT_TRUE(s["user"].is_null());
    EXPECT_EQ(s["counts"]["total"], 0);
    EXPECT_EQ(s["loaded"], 0);
    EXPECT_EQ(s["busy"], false);
    EXPECT_TRUE(s["lastError"].is_null());
    EXPECT_TRUE(s["log"].empty());
    EXPECT_EQ(s["selection"]["count"], 0);
    EXPECT_TRUE(s["import"].is_null());
    EXPECT_TRUE(s["run"].is_null());
}

TEST(StateJson, AfterWork) {
    ModelRig rig(12);
    rig.model.session.sign_in_with_password("acme", "ann@acme.com", "wrong");
    rig.settle();
    json s = json::parse(state_json(rig.model));
    EXPECT_EQ(s["error"]["code"], "wrong_password");

    rig.sign_in();
    Filter f;
    f.status = StatusFilter::Inactive;
    rig.model.view.set_filter(f);
    rig.model.selection.select_ids({test_id(1), test_id(2)});
    rig.model.import_list("u1@acme.com\nnobody@acme.com\n");
    rig.model.session.set_active(test_id(1), false);
    rig.settle();
    rig.model.runner.start({test_id(2), test_id(4)}, false);
    rig.settle();
    s = json::parse(state_json(rig.model));
    EXPECT_EQ(s["screen"], "users");
    EXPECT_EQ(s["user"]["id"], kAdminId);
    EXPECT_EQ(s["user"]["name"], "Ann Admin");
    EXPECT_EQ(s["loading"]["state"], "loaded");
    EXPECT_EQ(s["counts"]["total"], 14);
    EXPECT_EQ(s["counts"]["inactive"], 7);   // 4 at the start, then 1, 2 and 4
    EXPECT_EQ(s["counts"]["active"], 7);
    EXPECT_EQ(s["filter"]["status"], "inactive");
    EXPECT_EQ(s["filter"]["matching"], 7);
    EXPECT_EQ(s["busy"], false);
    ASSERT_EQ(s["log"].size(), 3u);
    EXPECT_EQ(s["log"][0]["userID"], test_id(1));
    EXPECT_EQ(s["log"][0]["action"], "deactivate");
    EXPECT_EQ(s["log"][0]["outcome"], "done");
    EXPECT_EQ(s["selection"]["count"], 2);
    EXPECT_EQ(s["import"]["matched"], 1);
    EXPECT_EQ(s["import"]["unmatched"], json::array({"nobody@acme.com"}));
    EXPECT_TRUE(s["import"]["ambiguous"].empty());
    EXPECT_EQ(s["run"]["phase"], "finished");
    EXPECT_EQ(s["run"]["done"], 2);
    EXPECT_EQ(s["run"]["failed"], 0);
    EXPECT_EQ(s["run"]["remaining"], 0);
}

TEST(StateJson, SurvivesInvalidUtf8FromTheServer) {
    ModelRig rig(1);
    rig.sign_in();
    // A proxy's error page in a legacy encoding ends up, as an excerpt, in the log's message.
    rig.server.fault = [](const wf::Request& r) -> std::optional<wf::Response> {
        if (r.method == "PUT") return wf::Response{422, "{\"error\":{\"message\":\"bad \xFF byte\"}}", ""};
        return std::nullopt;
    };
    rig.model.session.set_active(test_id(1), false);
    rig.settle();
    ASSERT_EQ(rig.model.log.size(), 1u);
    ASSERT_NE(rig.model.log.entries()[0].message.find('\xFF'), std::string::npos);
    const std::string text = state_json(rig.model);
    const json s = json::parse(text, nullptr, false);
    ASSERT_FALSE(s.is_discarded());
    EXPECT_EQ(s["log"][0]["outcome"], "failed");
}
