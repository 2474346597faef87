// app_rig.h: a whole ui::App under test: the admin tests' in-memory Workfront behind the scripted transport,
// a fake clock, a platform that records downloads and keeps storage in a map, and a headless ImGui driving
// frames. `step()` answers what the page sent and draws; `auto_answer = false` lets a test hold answers back.
#pragma once
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "admin/admin_fixtures.h"
#include "admin/fake_workfront.h"
#include "support/fake_clock.h"
#include "support/scripted_transport.h"
#include "ui/app.h"
#include "ui/imgui_harness.h"
#include "ui/strings.h"

namespace uitest {

class RecordingPlatform : public ui::Platform {
public:
    struct Download {
        std::string filename, mime, data;
    };
    void download(const std::string& filename, const std::string& mime, const std::string& data) override {
        downloads.push_back({filename, mime, data});
    }
    std::string storage_get(const std::string& key) override {
        auto it = storage.find(key);
        return it == storage.end() ? "" : it->second;
    }
    void storage_set(const std::string& key, const std::string& value) override { storage[key] = value; }
    void storage_remove(const std::string& key) override { storage.erase(key); }

    std::vector<Download> downloads;
    std::map<std::string, std::string> storage;
};

struct AppRig {
    wftest::FakeWorkfront server;
    wftest::ScriptedTransport transport;
    wftest::FakeClock clock;
    wftest::FixedRandom random{0.5};
    RecordingPlatform platform;
    ImGuiHarness imgui;
    std::unique_ptr<ui::App> app;
    bool auto_answer = true;

    explicit AppRig(int users = 12, ui::AppConfig config = default_config()) {
        ui::set_language(ui::Language::English);
        wftest::seed(server, users);
        transport.auto_responder = [this](const wf::Request& r, wf::Response& out) {
            return auto_answer && server.answer(r, out);
        };
        app = std::make_unique<ui::App>(transport, clock, random, platform, config);
        imgui.draw = [this] { app->frame(); };
        imgui.frames(2);
    }
    ~AppRig() { ui::set_language(ui::Language::English); }

    static ui::AppConfig default_config() {
        ui::AppConfig config;
        config.domain = "acme";
        config.language = "en";
        return config;
    }

    // Answers what is pending (and runs due timers), then draws `frames` frames.
    void step(int frames = 2) {
        for (int i = 0; i < 200; ++i) {
            const int answered = transport.pump();
            if (answered == 0 && (clock.timers_pending() == 0 || !auto_answer)) break;
            if (answered == 0) clock.advance(clock.next_due() - clock.now());
        }
        imgui.frames(frames);
    }

    nlohmann::json state() const { return nlohmann::json::parse(app->state_json()); }

    // Signs in through the form, with the password method, as the admin of the fixtures.
    void sign_in_with_password(const std::string& username = "ann@acme.com", const std::string& password = "pw") {
        ASSERT_TRUE(imgui.click("auth-password"));
        ASSERT_TRUE(imgui.type_into("username", username));
        ASSERT_TRUE(imgui.type_into("password", password));
        ASSERT_TRUE(imgui.click("signin"));
        step(3);
    }
    void sign_in() {
        sign_in_with_password();
        ASSERT_EQ(state()["screen"], "users") << app->state_json();
        ASSERT_EQ(state()["loading"]["state"], "loaded");
        imgui.frames(2);
    }

    size_t writes_pending() const {
        size_t n = 0;
        for (const auto& p : transport.pending())
            if (p.request.method == "PUT" || p.request.body.find("method=PUT") != std::string::npos) ++n;
        return n;
    }
};

}  // namespace uitest
