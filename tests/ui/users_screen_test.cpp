// The users screen through the real App: every automation id is on screen, a deactivation changes the row only
// when Workfront answers, a refusal leaves the row and says why, you cannot deactivate yourself, and the
// filters and state JSON follow the clicks.
#include <gtest/gtest.h>

#include "ui/app_rig.h"

using uitest::AppRig;
using wftest::test_id;

namespace {

int count_outcomes(const nlohmann::json& state, const std::string& outcome) {
    int n = 0;
    for (const auto& e : state["log"])
        if (e["outcome"] == outcome) ++n;
    return n;
}

}  // namespace

TEST(UsersScreen, EveryAutomationIdIsOnScreen) {
    AppRig rig;
    rig.sign_in();
    const std::string active = test_id(1), inactive = test_id(3);   // every third fixture user is inactive
    for (const std::string& id :
         {std::string("signout"), std::string("filter"), std::string("status-all"), std::string("status-active"),
          std::string("status-inactive"), "deactivate-" + active, "reactivate-" + inactive, "select-" + active,
          "select-" + inactive, std::string("select-all"), std::string("clear-selection"),
          std::string("inactive-days"), std::string("never-logged-in"), std::string("admins-only"),
          std::string("import"), std::string("preview"), std::string("execute"), std::string("export-log")})
        EXPECT_TRUE(rig.imgui.has(id)) << id;
    EXPECT_FALSE(rig.imgui.has("deactivate-" + inactive));
    EXPECT_FALSE(rig.imgui.has("reactivate-" + active));
    EXPECT_FALSE(rig.imgui.has("confirm"));   // no dialog yet
}

TEST(UsersScreen, DeactivateChangesTheRowOnlyWhenTheServerAnswers) {
    AppRig rig;
    rig.sign_in();
    const std::string id = test_id(1);
    const long long inactive_before = rig.state()["counts"]["inactive"];

    ASSERT_TRUE(rig.imgui.click("deactivate-" + id));
    rig.imgui.frames(2);
    EXPECT_EQ(rig.state()["ui"]["dialog"], "confirm-user");
    ASSERT_TRUE(rig.imgui.has("confirm"));
    ASSERT_TRUE(rig.imgui.has("cancel"));

    rig.auto_answer = false;   // hold Workfront's answer back
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step();
    ASSERT_EQ(rig.writes_pending(), 1u);
    EXPECT_EQ(rig.state()["counts"]["inactive"].get<long long>(), inactive_before);   // not yet
    EXPECT_TRUE(rig.server.users[id].active);
    EXPECT_FALSE(rig.imgui.has("reactivate-" + id));
    EXPECT_FALSE(rig.imgui.has("deactivate-" + id));   // "Deactivating..." in its place
    EXPECT_TRUE(rig.app->animating());

    rig.auto_answer = true;
    rig.step();
    EXPECT_EQ(rig.state()["counts"]["inactive"].get<long long>(), inactive_before + 1);
    EXPECT_TRUE(rig.imgui.has("reactivate-" + id));
    EXPECT_FALSE(rig.server.users[id].active);
    EXPECT_EQ(count_outcomes(rig.state(), "done"), 1);
}

TEST(UsersScreen, AFailureLeavesTheRowAndShowsTheServersWords) {
    AppRig rig;
    rig.sign_in();
    const std::string owner = wftest::kOwnerId;   // the Admin Email user: Workfront refuses
    ASSERT_TRUE(rig.imgui.click("deactivate-" + owner));
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step();
    const auto s = rig.state();
    EXPECT_TRUE(rig.imgui.has("deactivate-" + owner));
    EXPECT_FALSE(rig.imgui.has("reactivate-" + owner));
    ASSERT_FALSE(s["lastError"].is_null());
    EXPECT_NE(s["lastError"].dump().find("Admin Email"), std::string::npos) << s["lastError"].dump();
    EXPECT_EQ(count_outcomes(s, "failed"), 1);
    EXPECT_TRUE(rig.imgui.has("dismiss-error"));
    ASSERT_TRUE(rig.imgui.click("dismiss-error"));
    EXPECT_TRUE(rig.state()["lastError"].is_null());
}

TEST(UsersScreen, AServerErrorLeavesTheRow) {
    AppRig rig;
    rig.sign_in();
    const std::string id = test_id(2);
    rig.server.fault = [](const wf::Request& r) -> std::optional<wf::Response> {
        if (r.method == "PUT") return wftest::FakeWorkfront::error(500, "java.lang.NullPointerException", "boom");
        return std::nullopt;
    };
    ASSERT_TRUE(rig.imgui.click("deactivate-" + id));
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step();
    EXPECT_TRUE(rig.imgui.has("deactivate-" + id));
    EXPECT_TRUE(rig.server.users[id].active);
    EXPECT_FALSE(rig.state()["lastError"].is_null());
}

TEST(UsersScreen, CancelAndEscapeSendNothing) {
    AppRig rig;
    rig.sign_in();
    const std::string id = test_id(1);
    const size_t sent = rig.transport.sent.size();
    ASSERT_TRUE(rig.imgui.click("deactivate-" + id));
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.click("cancel"));
    rig.step();
    EXPECT_EQ(rig.state()["ui"]["dialog"], "none");
    ASSERT_TRUE(rig.imgui.click("deactivate-" + id));
    rig.imgui.frames(2);
    rig.imgui.press(ImGuiKey_Escape);
    rig.step();
    EXPECT_EQ(rig.state()["ui"]["dialog"], "none");
    EXPECT_EQ(rig.transport.sent.size(), sent);
    EXPECT_TRUE(rig.server.users[id].active);
}

TEST(UsersScreen, YouCannotDeactivateYourself) {
    AppRig rig;
    rig.sign_in();
    const std::string me = wftest::kAdminId;
    ASSERT_TRUE(rig.imgui.has("deactivate-" + me));   // shown, but disabled with a tooltip saying why
    const size_t sent = rig.transport.sent.size();
    ASSERT_TRUE(rig.imgui.click("deactivate-" + me));
    rig.step();
    EXPECT_EQ(rig.state()["ui"]["dialog"], "none");
    EXPECT_EQ(rig.transport.sent.size(), sent);
    EXPECT_TRUE(rig.server.users[me].active);
}

TEST(UsersScreen, ReactivateGoesThroughTheConfirmationToo) {
    AppRig rig;
    rig.sign_in();
    const std::string id = test_id(3);
    ASSERT_TRUE(rig.imgui.click("reactivate-" + id));
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step();
    EXPECT_TRUE(rig.server.users[id].active);
    EXPECT_TRUE(rig.imgui.has("deactivate-" + id));
}

TEST(UsersScreen, StatusAndTextFiltersFollowTheClicks) {
    AppRig rig;
    rig.sign_in();
    ASSERT_TRUE(rig.imgui.click("status-inactive"));
    auto s = rig.state();
    EXPECT_EQ(s["filter"]["status"], "inactive");
    EXPECT_EQ(s["filter"]["matching"].get<long long>(), s["counts"]["inactive"].get<long long>());
    EXPECT_FALSE(rig.imgui.has("deactivate-" + test_id(1)));
    EXPECT_TRUE(rig.imgui.has("reactivate-" + test_id(3)));

    ASSERT_TRUE(rig.imgui.click("status-all"));
    ASSERT_TRUE(rig.imgui.type_into("filter", "u12@"));
    rig.imgui.frames(2);
    s = rig.state();
    EXPECT_EQ(s["filter"]["text"], "u12@");
    EXPECT_EQ(s["filter"]["matching"], 1);
    EXPECT_TRUE(rig.imgui.has("select-" + test_id(12)));
    EXPECT_FALSE(rig.imgui.has("select-" + test_id(1)));
}

TEST(UsersScreen, StateJsonCarriesTheModelAndTheViews) {
    AppRig rig;
    rig.sign_in();
    const auto s = rig.state();
    for (const char* key : {"screen", "sessionState", "user", "readOnly", "counts", "loaded", "loading", "filter",
                            "busy", "lastError", "log", "selection", "import", "preview", "run", "ui"})
        EXPECT_TRUE(s.contains(key)) << key;
    EXPECT_EQ(s["sessionState"], "signed_in");
    EXPECT_EQ(s["user"]["isAdmin"], true);
    EXPECT_EQ(s["readOnly"], false);
    EXPECT_EQ(s["ui"]["dialog"], "none");
    EXPECT_EQ(s["ui"]["panel"], "table");
    EXPECT_EQ(s["counts"]["active"].get<long long>() + s["counts"]["inactive"].get<long long>(),
              s["counts"]["total"].get<long long>());
}

TEST(UsersScreen, SignOutAsksThenReturnsToSignIn) {
    AppRig rig;
    rig.sign_in();
    ASSERT_TRUE(rig.imgui.click("signout"));
    rig.imgui.frames(2);
    EXPECT_EQ(rig.state()["ui"]["dialog"], "sign-out");
    ASSERT_TRUE(rig.imgui.has("revoke-key"));
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step(3);
    EXPECT_EQ(rig.state()["screen"], "signin");
    EXPECT_EQ(rig.server.cleared, 0);   // the key was not revoked
    EXPECT_TRUE(rig.imgui.has("signin"));
}

TEST(UsersScreen, SignOutCanRevokeTheKey) {
    AppRig rig;
    rig.sign_in();
    ASSERT_TRUE(rig.imgui.click("signout"));
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.click("revoke-key"));
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step(3);
    EXPECT_EQ(rig.server.cleared, 1);
    EXPECT_EQ(rig.state()["screen"], "signin");
}

TEST(UsersScreen, CopyMenuPutsTheIdOnTheClipboard) {
    AppRig rig;
    rig.sign_in();
    const std::string id = test_id(1);
    ASSERT_TRUE(rig.imgui.click("copy-" + id));
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.has("copy-id"));
    ASSERT_TRUE(rig.imgui.click("copy-id"));
    const char* clipboard = ImGui::GetClipboardText();
    ASSERT_NE(clipboard, nullptr);
    EXPECT_EQ(std::string(clipboard), id);
}

TEST(UsersScreen, WantedGlyphsCoverNamesAndTranslations) {
    AppRig rig;
    rig.server.users[test_id(5)].name = "陳怡君";
    unsigned before = 0;
    const std::u32string initial = rig.app->wanted_glyphs(&before);
    EXPECT_NE(initial.find(U'登'), std::u32string::npos);   // from the zh-TW strings, even in English
    EXPECT_EQ(initial.find(U'怡'), std::u32string::npos);
    rig.sign_in();
    unsigned after = 0;
    const std::u32string& glyphs = rig.app->wanted_glyphs(&after);
    EXPECT_NE(glyphs.find(U'怡'), std::u32string::npos);
    EXPECT_GT(after, before);
    for (char32_t c : glyphs) EXPECT_GE(c, 0x80u);
}

TEST(UsersScreen, WantedGlyphsReachBeyondTheBmpAndIncludeTheServersWords) {
    AppRig rig;
    rig.server.users[test_id(5)].name = "謝𡘙";
    rig.server.users[test_id(6)].name = "Mia 🌸 Chen";
    rig.sign_in();
    // Workfront refuses a change in its own words, which the log and the error banner show.
    rig.server.fault = [](const wf::Request& r) -> std::optional<wf::Response> {
        if (r.method != "PUT") return std::nullopt;
        return wftest::FakeWorkfront::error(422, "ValidationException", "ผู้ใช้นี้ถูกล็อก 鎖定");
    };
    ASSERT_TRUE(rig.imgui.click("deactivate-" + test_id(1)));
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.click("confirm"));
    for (int i = 0; i < 5; ++i) rig.step();
    ASSERT_TRUE(rig.imgui.type_into("filter", "林堃"));
    const std::u32string& glyphs = rig.app->wanted_glyphs(nullptr);
    for (char32_t c : std::u32string(U"𡘙🌸林堃ผล鎖")) EXPECT_NE(glyphs.find(c), std::u32string::npos) << std::hex << c;
}

TEST(UsersScreen, HeadersSortTheTable) {
    AppRig rig;
    rig.sign_in();
    auto y = [&](int n) { return rig.imgui.rect("select-" + test_id(n))->y; };
    ASSERT_TRUE(rig.imgui.has("sort-name"));
    ASSERT_TRUE(rig.imgui.has("sort-last-login"));
    EXPECT_LT(y(10), y(11));   // by name, ascending: "User 10" before "User 11"
    ASSERT_TRUE(rig.imgui.click("sort-name"));
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.has("select-" + test_id(11)));
    EXPECT_GT(y(10), y(11));   // descending
    ASSERT_TRUE(rig.imgui.click("sort-status"));
    rig.imgui.frames(2);
    // Inactive users (every third) sort apart from the active ones: user 3 and user 1 are no longer interleaved
    // by name, so user 3 is not between users 2 and 4 any more.
    ASSERT_TRUE(rig.imgui.has("select-" + test_id(3)));
    const float y3 = y(3), y2 = y(2), y4 = y(4);
    EXPECT_FALSE((y2 < y3 && y3 < y4) || (y4 < y3 && y3 < y2));
}

TEST(UsersScreen, NonAdministratorsLookButCannotChange) {
    AppRig rig;
    rig.server.passwords["u1"] = "pw1";
    rig.server.api_keys["u1"] = "K1";
    rig.sign_in_with_password("u1", "pw1");
    ASSERT_EQ(rig.state()["screen"], "users");
    EXPECT_TRUE(rig.state()["readOnly"].get<bool>());
    const std::string id = test_id(2);
    ASSERT_TRUE(rig.imgui.has("deactivate-" + id));   // visible, disabled with the reason as its tooltip
    const size_t sent = rig.transport.sent.size();
    ASSERT_TRUE(rig.imgui.click("deactivate-" + id));
    rig.step();
    EXPECT_EQ(rig.state()["ui"]["dialog"], "none");
    EXPECT_EQ(rig.transport.sent.size(), sent);
}

TEST(UsersScreen, AnExpiredKeyReturnsToSignInAndSaysSo) {
    AppRig rig;
    rig.sign_in();
    rig.server.api_keys["ann@acme.com"] = "K2";   // revoked elsewhere: "K" is no longer accepted
    ASSERT_TRUE(rig.imgui.click("deactivate-" + test_id(1)));
    rig.imgui.frames(2);
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step(3);
    const auto s = rig.state();
    EXPECT_EQ(s["screen"], "signin");
    ASSERT_FALSE(s["lastError"].is_null());
    EXPECT_EQ(s["error"]["code"], "key_expired");
    EXPECT_TRUE(rig.imgui.has("signin"));
    EXPECT_TRUE(rig.server.users[test_id(1)].active);
}
