// The sign-in screen through the real App: its automation ids, the domain resolved live, password and API-key
// sign-in reaching the users screen, errors in plain words, and the generateApiKey confirmation.
#include <gtest/gtest.h>

#include "ui/app_rig.h"

using uitest::AppRig;

TEST(SignIn, ScreenHasItsAutomationIds) {
    AppRig rig;
    EXPECT_EQ(rig.state()["screen"], "signin");
    for (const char* id : {"domain", "version", "auth-password", "auth-apikey", "auth-session", "username",
                           "password", "signin", "lang-en", "lang-zh-TW"})
        EXPECT_TRUE(rig.imgui.has(id)) << id;
    EXPECT_FALSE(rig.imgui.has("apikey"));
    EXPECT_FALSE(rig.imgui.has("signout"));

    ASSERT_TRUE(rig.imgui.click("auth-apikey"));
    EXPECT_TRUE(rig.imgui.has("apikey"));
    EXPECT_FALSE(rig.imgui.has("password"));
    ASSERT_TRUE(rig.imgui.click("auth-session"));
    EXPECT_TRUE(rig.imgui.has("session"));
    EXPECT_FALSE(rig.imgui.has("apikey"));
}

TEST(SignIn, PasswordReachesTheUsersScreenWithoutCredentialsInUrls) {
    AppRig rig;
    rig.sign_in();
    const auto s = rig.state();
    EXPECT_EQ(s["user"]["id"], wftest::kAdminId);
    EXPECT_EQ(s["counts"]["total"].get<long long>(), 14);   // 12 users + the admin + the Admin Email user
    EXPECT_EQ(rig.server.generated, 0);                    // an existing key is used, never regenerated
    for (const wf::Request& r : rig.transport.sent) {
        EXPECT_EQ(r.url.find("pw"), std::string::npos) << r.url;
        EXPECT_EQ(r.url.find("password"), std::string::npos) << r.url;
    }
    EXPECT_TRUE(rig.imgui.has("signout"));
    EXPECT_FALSE(rig.imgui.has("signin"));
}

TEST(SignIn, EnterInThePasswordFieldSignsIn) {
    AppRig rig;
    ASSERT_TRUE(rig.imgui.type_into("username", "ann@acme.com"));
    ASSERT_TRUE(rig.imgui.type_into("password", "pw"));
    rig.imgui.press(ImGuiKey_Enter);
    rig.step(3);
    EXPECT_EQ(rig.state()["screen"], "users");
}

TEST(SignIn, ApiKeySignIn) {
    AppRig rig;
    ASSERT_TRUE(rig.imgui.click("auth-apikey"));
    ASSERT_TRUE(rig.imgui.type_into("apikey", "K"));
    ASSERT_TRUE(rig.imgui.click("signin"));
    rig.step(3);
    EXPECT_EQ(rig.state()["screen"], "users");
}

TEST(SignIn, WrongPasswordStaysWithAPlainError) {
    AppRig rig;
    rig.sign_in_with_password("ann@acme.com", "nope");
    const auto s = rig.state();
    EXPECT_EQ(s["screen"], "signin");
    ASSERT_FALSE(s["lastError"].is_null());
    EXPECT_EQ(s["error"]["code"], "wrong_password");
    EXPECT_TRUE(rig.imgui.has("signin"));
}

TEST(SignIn, AnInvalidDomainIsRefusedBeforeSending) {
    AppRig rig;
    ASSERT_TRUE(rig.imgui.type_into("domain", "evil.example.com"));
    rig.sign_in_with_password();
    EXPECT_EQ(rig.state()["screen"], "signin");
    EXPECT_TRUE(rig.transport.sent.empty());
}

TEST(SignIn, GeneratingAKeyAsksFirstAndCancelGeneratesNothing) {
    AppRig rig;
    rig.server.api_keys["ann@acme.com"] = "";   // the account has no key yet
    rig.sign_in_with_password();
    EXPECT_EQ(rig.state()["sessionState"], "needs_generate_confirmation");
    ASSERT_TRUE(rig.imgui.has("confirm"));
    ASSERT_TRUE(rig.imgui.has("cancel"));
    ASSERT_TRUE(rig.imgui.click("cancel"));
    rig.step();
    EXPECT_EQ(rig.state()["screen"], "signin");
    EXPECT_EQ(rig.server.generated, 0);

    rig.sign_in_with_password();
    ASSERT_EQ(rig.state()["sessionState"], "needs_generate_confirmation");
    ASSERT_TRUE(rig.imgui.click("confirm"));
    rig.step(3);
    EXPECT_EQ(rig.server.generated, 1);
    EXPECT_EQ(rig.state()["screen"], "users");
}

TEST(SignIn, EscapeCancelsTheGenerateDialog) {
    AppRig rig;
    rig.server.api_keys["ann@acme.com"] = "";
    rig.sign_in_with_password();
    ASSERT_EQ(rig.state()["sessionState"], "needs_generate_confirmation");
    rig.imgui.press(ImGuiKey_Escape);
    rig.step();
    EXPECT_EQ(rig.state()["screen"], "signin");
    EXPECT_EQ(rig.server.generated, 0);
}

TEST(SignIn, LanguageSwitchKeepsAutomationIds) {
    AppRig rig;
    ASSERT_TRUE(rig.imgui.click("lang-zh-TW"));
    EXPECT_EQ(rig.state()["ui"]["language"], "zh-TW");
    EXPECT_STREQ(ui::tr(ui::S::sign_in), "登入");
    EXPECT_TRUE(rig.imgui.has("signin"));
    rig.sign_in();
    EXPECT_TRUE(rig.imgui.has("signout"));
    ASSERT_TRUE(rig.imgui.click("lang-en"));
    EXPECT_EQ(rig.state()["ui"]["language"], "en");
}

TEST(SignIn, ConfiguredLanguageAndDomainArePrefilled) {
    ui::AppConfig config = AppRig::default_config();
    config.language = "zh-TW";
    AppRig rig(3, config);
    EXPECT_EQ(rig.state()["ui"]["language"], "zh-TW");
    rig.sign_in();   // the domain "acme" came from the config
}
