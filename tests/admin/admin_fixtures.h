// admin_fixtures.h: shared set-up for the admin model's tests: a fake Workfront with an admin and N users, the
// scripted transport answering from it, a fake clock, and helpers to sign in and to build users.
#pragma once
#include <cstdio>
#include <string>
#include <gtest/gtest.h>
#include "admin/model.h"
#include "fake_workfront.h"
#include "support/fake_clock.h"
#include "support/scripted_transport.h"

namespace wftest {

inline std::string test_id(int n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%032x", n);
    return buf;
}

inline wf::User make_user(int n, const std::string& name, const std::string& email, bool active = true) {
    wf::User u;
    u.id = test_id(n);
    u.name = name;
    u.email = email;
    u.username = email;
    u.is_active = active;
    return u;
}

constexpr wf::TimeMs kDay = 86'400'000;
const std::string kAdminId = test_id(0xa01);
const std::string kOwnerId = test_id(0xa00);   // the Admin Email user

// A Workfront with an admin (ann, password "pw", key "K"), the Admin Email user and `n` more users
// (IDs test_id(1..n), every third one inactive).
inline void seed(FakeWorkfront& wf, int n) {
    wf.users[kAdminId] = {kAdminId, "Ann Admin", "ann@acme.com", "ann@acme.com", true, true, "F", 1'749'000'000'000};
    wf.users[kOwnerId] = {kOwnerId, "Owner", "owner@acme.com", "owner@acme.com", true, true, "F", std::nullopt};
    wf.protected_ids.insert(kOwnerId);
    wf.passwords["ann@acme.com"] = "pw";
    wf.api_keys["ann@acme.com"] = "K";
    for (int i = 1; i <= n; ++i) {
        const std::string id = test_id(i);
        wf.users[id] = {id, "User " + std::to_string(i), "u" + std::to_string(i) + "@acme.com",
                        "u" + std::to_string(i), i % 3 != 0, false, i % 2 ? "F" : "L", std::nullopt};
    }
}

// Everything a model test needs, answering automatically from the fake Workfront unless `manual`.
struct ModelRig {
    FakeWorkfront server;
    ScriptedTransport transport;
    FakeClock clock;
    FixedRandom random{0.5};
    admin::Model model{transport, clock, random};

    explicit ModelRig(int users = 10) {
        seed(server, users);
        transport.auto_responder = [this](const wf::Request& r, wf::Response& out) { return server.answer(r, out); };
    }
    void settle() {   // answer everything, run due timers, until quiet
        for (int i = 0; i < 1000; ++i) {
            const int answered = transport.pump();
            if (answered == 0 && clock.timers_pending() == 0) return;
            if (answered == 0) clock.advance(clock.next_due() - clock.now());
        }
    }
    void sign_in() {
        ASSERT_TRUE(model.session.sign_in_with_api_key("acme", "K"));
        settle();
        ASSERT_TRUE(model.session.signed_in());
        ASSERT_TRUE(model.directory.loaded());
    }
};

}  // namespace wftest
