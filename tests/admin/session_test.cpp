// Sign-in paths (existing key, no key -> confirmation -> generate, declined, wrong password, SSO-only, pasted
// key, pasted session token, unreachable, not Workfront, proxy missing), read-only non-admins, the key expiring
// later, sign-out with and without revoking, and single deactivate/reactivate with its guards.
#include <gtest/gtest.h>
#include "admin_fixtures.h"

using namespace admin;
using namespace wftest;

namespace {

bool body_has(const wf::Request& r, const std::string& text) { return r.body.find(text) != std::string::npos; }

}  // namespace

TEST(SessionSignIn, PasswordWithAnExistingKeyUsesIt) {
    ModelRig rig;
    Session& s = rig.model.session;
    ASSERT_TRUE(s.sign_in_with_password("acme", "ann@acme.com", "pw"));
    EXPECT_TRUE(s.busy());
    EXPECT_EQ(s.state(), SessionState::CheckingKey);
    EXPECT_EQ(s.screen(), Screen::SignIn);
    rig.settle();
    EXPECT_TRUE(s.signed_in());
    EXPECT_EQ(s.screen(), Screen::Users);
    EXPECT_EQ(s.user().id, kAdminId);
    EXPECT_EQ(s.user().name, "Ann Admin");
    EXPECT_FALSE(s.read_only());
    EXPECT_EQ(rig.server.generated, 0);   // the existing key was kept
    EXPECT_TRUE(rig.model.directory.loaded());
    EXPECT_EQ(rig.model.directory.counts().total, 12);
    EXPECT_FALSE(s.busy());
    // The password travelled in a POST body only, never in a URL.
    ASSERT_FALSE(rig.transport.sent.empty());
    EXPECT_EQ(rig.transport.sent[0].method, "POST");
    EXPECT_TRUE(body_has(rig.transport.sent[0], "action=getApiKey"));
    for (const wf::Request& r : rig.transport.sent) EXPECT_EQ(r.url.find("pw"), std::string::npos) << r.url;
    // Later requests carry the key in the apiKey header.
    const wf::Request& me = rig.transport.sent[1];
    ASSERT_TRUE(me.header("apiKey"));
    EXPECT_EQ(*me.header("apiKey"), "K");
    EXPECT_NE(me.url.find("/user/$$USER"), std::string::npos);
}

TEST(SessionSignIn, NoKeyAsksForConfirmationBeforeGenerating) {
    ModelRig rig;
    rig.server.api_keys["ann@acme.com"] = "";
    Session& s = rig.model.session;
    ASSERT_TRUE(s.sign_in_with_password("acme", "ann@acme.com", "pw"));
    rig.settle();
    EXPECT_EQ(s.state(), SessionState::NeedsGenerateConfirmation);
    EXPECT_EQ(s.screen(), Screen::ConfirmGenerate);
    EXPECT_EQ(s.pending_username(), "ann@acme.com");
    EXPECT_EQ(rig.server.generated, 0);
    EXPECT_EQ(rig.transport.sent.size(), 1u);   // nothing more until the person decides
    s.confirm_generate_key();
    rig.settle();
    EXPECT_EQ(rig.server.generated, 1);
    EXPECT_TRUE(body_has(rig.transport.sent[1], "action=generateApiKey"));
    EXPECT_TRUE(s.signed_in());
    EXPECT_EQ(*rig.transport.sent[2].header("apiKey"), "generated-key-1");
}

TEST(SessionSignIn, DecliningToGenerateGoesBackWithoutAKey) {
    ModelRig rig;
    rig.server.api_keys["ann@acme.com"] = "";
    Session& s = rig.model.session;
    ASSERT_TRUE(s.sign_in_with_password("acme", "ann@acme.com", "pw"));
    rig.settle();
    s.decline_generate_key();
    EXPECT_EQ(s.state(), SessionState::SignedOut);
    EXPECT_EQ(s.screen(), Screen::SignIn);
    EXPECT_EQ(rig.server.generated, 0);
    s.confirm_generate_key();   // too late: nothing happens
    rig.settle();
    EXPECT_EQ(rig.server.generated, 0);
    EXPECT_EQ(s.pending_username(), "");
}

TEST(SessionSignIn, WrongPassword) {
    ModelRig rig;
    Session& s = rig.model.session;
    ASSERT_TRUE(s.sign_in_with_password("acme", "ann@acme.com", "nope"));
    rig.settle();
    EXPECT_EQ(s.state(), SessionState::SignedOut);
    EXPECT_EQ(s.last_error().code, "wrong_password");
    EXPECT_NE(s.last_error().server_message.find("wasn't quite right"), std::string::npos);
    EXPECT_FALSE(s.busy());
}

TEST(SessionSignIn, SsoOnlyAccount) {
    ModelRig rig;
    rig.server.sso_only.insert("ann@acme.com");
    Session& s = rig.model.session;
    ASSERT_TRUE(s.sign_in_with_password("acme", "ann@acme.com", "pw"));
    rig.settle();
    EXPECT_EQ(s.last_error().code, "sso_only");
    EXPECT_NE(s.last_error().message.find("API key"), std::string::npos);
}

TEST(SessionSignIn, PastedApiKey) {
    ModelRig rig;
    Session& s = rig.model.session;
    ASSERT_TRUE(s.sign_in_with_api_key("https://ACME.my.workfront.com/", "  K \n"));
    rig.settle();
    EXPECT_TRUE(s.signed_in());
    EXPECT_EQ(s.method(), SignInMethod::ApiKey);
    EXPECT_EQ(s.endpoint().host.name, "acme.my.workfront.com");
}

// The directory started loading with the same key: a refused key fails it too, and nothing of it stays behind.
TEST(SessionSignIn, PastedKeyThatIsWrong) {
    ModelRig rig;
    Session& s = rig.model.session;
    ASSERT_TRUE(s.sign_in_with_api_key("acme", "old-key"));
    rig.settle();
    EXPECT_FALSE(s.signed_in());
    EXPECT_EQ(s.last_error().code, "key_expired");
    EXPECT_EQ(rig.model.directory.load_state(), Directory::LoadState::Empty);
    EXPECT_EQ(rig.model.directory.size(), 0u);
    EXPECT_FALSE(s.busy());
}

// Who the key belongs to and the directory are asked for together: one round trip less before users appear.
TEST(SessionSignIn, TheDirectoryLoadsWhileTheUserIsFetched) {
    ModelRig rig;
    Session& s = rig.model.session;
    ASSERT_TRUE(s.sign_in_with_api_key("acme", "K"));
    ASSERT_EQ(rig.transport.pending_count(), 3u);   // GET $$USER, the count and the first page
    EXPECT_NE(rig.transport.sent[0].url.find("/user/$$USER"), std::string::npos);
    EXPECT_NE(rig.transport.sent[1].url.find("/user/count"), std::string::npos);
    EXPECT_NE(rig.transport.sent[2].url.find("/user/search"), std::string::npos);
    EXPECT_EQ(s.screen(), Screen::SignIn);
    rig.settle();
    EXPECT_TRUE(s.signed_in());
    EXPECT_TRUE(rig.model.directory.loaded());
    EXPECT_EQ(rig.model.directory.counts().total, 12);
    size_t counts = 0;
    for (const wf::Request& r : rig.transport.sent) counts += r.url.find("/user/count") != std::string::npos;
    EXPECT_EQ(counts, 1u) << "signing in does not start a second load";
}

TEST(SessionSignIn, PastedSessionTokenGoesInTheSessionIdHeader) {
    ModelRig rig;
    rig.server.sessions["tok-123"] = kAdminId;
    Session& s = rig.model.session;
    ASSERT_TRUE(s.sign_in_with_session_token("acme", "tok-123"));
    rig.settle();
    EXPECT_TRUE(s.signed_in());
    ASSERT_TRUE(rig.transport.sent[0].header("sessionID"));
    EXPECT_EQ(*rig.transport.sent[0].header("sessionID"), "tok-123");
    EXPECT_FALSE(rig.transport.sent[0].header("apiKey"));
}

TEST(SessionSignIn, RefusedBeforeSendingWithPlainReasons) {
    ModelRig rig;
    Session& s = rig.model.session;
    EXPECT_FALSE(s.sign_in_with_password("evil.example.com", "ann@acme.com", "pw"));
    EXPECT_EQ(s.last_error().code, "invalid_domain");
    EXPECT_FALSE(s.sign_in_with_password("acme", "", "pw"));
    EXPECT_EQ(s.last_error().code, "missing_fields");
    EXPECT_FALSE(s.sign_in_with_api_key("acme", "   "));
    EXPECT_EQ(s.last_error().code, "missing_fields");
    EXPECT_TRUE(rig.transport.sent.empty());
}

TEST(SessionSignIn, AllowedTenantsLockTheDomain) {
    ModelRig rig;
    Session& s = rig.model.session;
    s.set_allowed_tenants({" ACME ", "beta.my.workfront.com", "acme", "not a tenant!"});
    EXPECT_EQ(s.allowed_tenants(), (std::vector<std::string>{"acme", "beta"}));
    for (const char* other : {"gamma", "gamma.my.workfront.com", "acmex.my.workfront.com"}) {
        EXPECT_FALSE(s.sign_in_with_password(other, "ann@acme.com", "pw")) << other;
        EXPECT_EQ(s.last_error().code, "tenant_not_allowed");
        EXPECT_NE(s.last_error().message.find("acme, beta"), std::string::npos) << s.last_error().message;
    }
    EXPECT_FALSE(s.sign_in_with_api_key("evil.example.com", "K"));
    EXPECT_EQ(s.last_error().code, "invalid_domain");   // not Workfront at all says so first
    EXPECT_TRUE(rig.transport.sent.empty());
    ASSERT_TRUE(s.sign_in_with_api_key("https://ACME.my.workfront.com/", "K"));
    rig.settle();
    EXPECT_TRUE(s.signed_in());

    ModelRig other;   // every Workfront host of an allowed tenant is that tenant; unlocked, any tenant goes
    other.model.session.set_allowed_tenants({"acme"});
    EXPECT_TRUE(other.model.session.sign_in_with_api_key("acme.sb01.workfront.adobe.com", "K"));
    EXPECT_NE(other.transport.sent.at(0).url.find("https://acme.sb01.workfront.adobe.com/"), std::string::npos);
    ModelRig open;
    EXPECT_TRUE(open.model.session.sign_in_with_api_key("gamma", "K"));
}

TEST(SessionSignIn, NetworkAndProxyProblems) {
    struct Case {
        wf::Response response;
        const char* code;
    } cases[] = {
        {{0, "", ""}, "network"},
        {{502, R"({"error":{"class":"wfadmin.ProxyUnreachable","message":"cannot resolve"}})", "application/json"},
         "unreachable"},
        {{400, R"({"error":{"class":"wfadmin.ProxyRefused","message":"not a Workfront host"}})", "application/json"},
         "not_workfront"},
        {{404, "<html><body>Not Found</body></html>", "text/html"}, "proxy_missing"},
    };
    for (const Case& c : cases) {
        ModelRig rig;
        rig.server.fault = [&](const wf::Request&) { return std::optional<wf::Response>(c.response); };
        Session& s = rig.model.session;
        ASSERT_TRUE(s.sign_in_with_password("acme", "ann@acme.com", "pw"));
        rig.settle();
        EXPECT_FALSE(s.signed_in());
        EXPECT_EQ(s.last_error().code, c.code) << c.response.body;
        EXPECT_FALSE(s.last_error().message.empty());
    }
}

TEST(SessionSignIn, ApiVersionIsASetting) {
    ModelRig rig;
    Session& s = rig.model.session;
    EXPECT_EQ(s.api_version(), wf::kDefaultApiVersion);
    EXPECT_TRUE(s.set_api_version("v20"));
    EXPECT_EQ(s.api_version(), "20.0");
    EXPECT_FALSE(s.set_api_version("latest!"));
    EXPECT_EQ(s.api_version(), "20.0");
    ASSERT_TRUE(s.sign_in_with_api_key("acme", "K"));
    EXPECT_NE(rig.transport.sent[0].url.find("/attask/api/v20.0/user/$$USER"), std::string::npos);
}

TEST(SessionSignIn, NonAdminIsReadOnly) {
    ModelRig rig;
    rig.server.api_keys["u1"] = "K1";
    Session& s = rig.model.session;
    ASSERT_TRUE(s.sign_in_with_api_key("acme", "K1"));
    rig.settle();
    EXPECT_TRUE(s.signed_in());
    EXPECT_TRUE(s.read_only());
    EXPECT_NE(s.notice().find("not a Workfront system administrator"), std::string::npos);
    EXPECT_TRUE(rig.model.directory.loaded());   // looking is allowed
    EXPECT_FALSE(s.set_active(test_id(2), false));
    EXPECT_EQ(s.last_error().code, "read_only");
    EXPECT_EQ(rig.server.writes, 0);
    EXPECT_FALSE(rig.model.runner.start({test_id(2)}, false));
    EXPECT_EQ(rig.server.writes, 0);
}

TEST(SessionLifetime, KeyExpiringLaterReturnsToSignInWithAMessage) {
    ModelRig rig;
    rig.sign_in();
    Session& s = rig.model.session;
    rig.server.api_keys["ann@acme.com"] = "K-new";   // the old key expired
    ASSERT_TRUE(s.set_active(test_id(1), false));
    rig.settle();
    EXPECT_FALSE(s.signed_in());
    EXPECT_EQ(s.screen(), Screen::SignIn);
    EXPECT_EQ(s.last_error().code, "key_expired");
    EXPECT_TRUE(rig.model.directory.user_by_id(test_id(1))->is_active);   // unchanged: no answer changed it
    ASSERT_EQ(rig.model.log.size(), 1u);
    EXPECT_EQ(rig.model.log.entries()[0].outcome, Outcome::Failed);
    EXPECT_TRUE(s.auth().secret.empty());
}

TEST(SessionLifetime, SignOutForgetsTheKeyAndCanRevokeIt) {
    ModelRig rig;
    rig.sign_in();
    Session& s = rig.model.session;
    s.sign_out(false);
    EXPECT_FALSE(s.signed_in());
    EXPECT_TRUE(s.auth().secret.empty());
    EXPECT_EQ(rig.server.cleared, 0);
    EXPECT_EQ(rig.model.directory.size(), 0u);

    rig.sign_in();
    s.sign_out(true);
    EXPECT_EQ(s.state(), SessionState::SigningOut);
    rig.settle();
    EXPECT_EQ(s.state(), SessionState::SignedOut);
    EXPECT_EQ(rig.server.cleared, 1);
    EXPECT_EQ(rig.server.api_keys["ann@acme.com"], "");
    EXPECT_TRUE(s.last_error().empty());
}

TEST(SessionLifetime, ASessionTokenIsNotRevokedAsAKey) {
    ModelRig rig;
    rig.server.sessions["tok"] = kAdminId;
    Session& s = rig.model.session;
    ASSERT_TRUE(s.sign_in_with_session_token("acme", "tok"));
    rig.settle();
    s.sign_out(true);
    rig.settle();
    EXPECT_EQ(rig.server.cleared, 0);
    EXPECT_EQ(s.state(), SessionState::SignedOut);
}

TEST(SingleChange, DeactivateThenReactivate) {
    ModelRig rig;
    rig.sign_in();
    Session& s = rig.model.session;
    const std::string id = test_id(1);
    ASSERT_TRUE(s.set_active(id, false));
    EXPECT_TRUE(s.change_pending(id));
    EXPECT_TRUE(s.busy());
    EXPECT_TRUE(rig.model.directory.user_by_id(id)->is_active);   // not before the answer
    rig.settle();
    EXPECT_FALSE(s.change_pending(id));
    EXPECT_FALSE(rig.model.directory.user_by_id(id)->is_active);
    EXPECT_FALSE(rig.server.users[id].active);
    ASSERT_EQ(rig.model.log.size(), 1u);
    const AuditEntry& e = rig.model.log.entries()[0];
    EXPECT_EQ(e.outcome, Outcome::Done);
    EXPECT_EQ(e.before, "active");
    EXPECT_EQ(e.after, "inactive");
    EXPECT_EQ(e.action, "deactivate");
    EXPECT_EQ(e.actor, "Ann Admin <ann@acme.com>");
    EXPECT_EQ(e.email, "u1@acme.com");

    ASSERT_TRUE(s.set_active(id, true));
    rig.settle();
    EXPECT_TRUE(rig.model.directory.user_by_id(id)->is_active);
    EXPECT_EQ(rig.model.log.entries()[1].action, "reactivate");
    EXPECT_EQ(rig.model.log.entries()[1].outcome, Outcome::Done);
    // The write: PUT /user/<id> with a JSON boolean.
    const wf::Request& put = rig.transport.sent[rig.transport.sent.size() - 1];
    EXPECT_EQ(put.method, "PUT");
    EXPECT_NE(put.url.find("/user/" + id), std::string::npos);
    EXPECT_NE(put.url.find("%7B%22isActive%22%3Atrue%7D"), std::string::npos) << put.url;
}

TEST(SingleChange, TheSignedInUserCannotBeDeactivated) {
    ModelRig rig;
    rig.sign_in();
    Session& s = rig.model.session;
    const size_t sent = rig.transport.sent.size();
    EXPECT_FALSE(s.set_active(kAdminId, false));
    EXPECT_EQ(s.last_error().code, "self");
    EXPECT_EQ(rig.transport.sent.size(), sent);
    ASSERT_EQ(rig.model.log.size(), 1u);
    EXPECT_EQ(rig.model.log.entries()[0].outcome, Outcome::Skipped);
}

TEST(SingleChange, ServerRefusalIsRecordedAndRemembered) {
    ModelRig rig;
    rig.sign_in();
    Session& s = rig.model.session;
    ASSERT_TRUE(s.set_active(kOwnerId, false));
    rig.settle();
    EXPECT_TRUE(rig.model.directory.user_by_id(kOwnerId)->is_active);
    EXPECT_EQ(s.last_error().code, "refused");
    ASSERT_EQ(rig.model.log.size(), 1u);
    EXPECT_EQ(rig.model.log.entries()[0].outcome, Outcome::Failed);
    EXPECT_NE(rig.model.log.entries()[0].message.find("Admin Email user cannot be deactivated"), std::string::npos);
    ASSERT_EQ(s.protected_users().count(kOwnerId), 1u);
    EXPECT_TRUE(s.signed_in());
}

TEST(SingleChange, FailureLeavesTheRowAsItWas) {
    ModelRig rig;
    rig.sign_in();
    rig.server.fault = [](const wf::Request& r) -> std::optional<wf::Response> {
        if (r.method == "PUT") return wf::Response{503, "<html>Service Unavailable</html>", "text/html"};
        return std::nullopt;
    };
    ASSERT_TRUE(rig.model.session.set_active(test_id(1), false));
    rig.settle();
    EXPECT_TRUE(rig.model.directory.user_by_id(test_id(1))->is_active);
    EXPECT_EQ(rig.model.log.entries()[0].outcome, Outcome::Failed);
    EXPECT_EQ(rig.model.log.entries()[0].after, "active");
}

TEST(SingleChange, AlreadyInTheStateIsNotSent) {
    ModelRig rig;
    rig.sign_in();
    const size_t sent = rig.transport.sent.size();
    EXPECT_TRUE(rig.model.session.set_active(test_id(3), false));   // every third user is inactive
    EXPECT_EQ(rig.transport.sent.size(), sent);
    EXPECT_EQ(rig.model.log.entries()[0].outcome, Outcome::Already);
}

TEST(SingleChange, UnknownUserAndDoubleClick) {
    ModelRig rig;
    rig.sign_in();
    Session& s = rig.model.session;
    EXPECT_FALSE(s.set_active(test_id(999), false));
    EXPECT_EQ(s.last_error().code, "unknown_user");
    EXPECT_TRUE(s.set_active(test_id(1), false));
    EXPECT_FALSE(s.set_active(test_id(1), false));
    EXPECT_EQ(s.last_error().code, "busy");
    rig.settle();
    EXPECT_EQ(rig.server.successful_writes[test_id(1)], 1);
}
