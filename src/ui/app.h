// ui_app.h: the whole admin page as one object the platform drives once per frame.
// The platform (src/web) owns the canvas, input, fonts and renderer; it calls App::frame() between
// ImGui::NewFrame() and ImGui::Render(). The App owns the admin model and draws the views.
#pragma once
#include <memory>
#include <string>
#include <vector>
#include "workfront/clock.h"
#include "workfront/transport.h"

namespace ui {

// What the views need from the platform beyond ImGui (which already carries clipboard and input).
class Platform {
public:
    virtual ~Platform() = default;
    // Offers `data` to the person as a file download (CSV exports).
    virtual void download(const std::string& filename, const std::string& mime, const std::string& data) = 0;
    // The browser's localStorage: for non-secret state only (resume of an interrupted run, preferences).
    virtual std::string storage_get(const std::string& key) = 0;
    virtual void storage_set(const std::string& key, const std::string& value) = 0;
    virtual void storage_remove(const std::string& key) = 0;
};

struct AppConfig {
    std::string domain;        // pre-filled domain (?domain=, or "demo" in demo mode)
    bool demo_mode = false;    // the page is served by serve.py with its demo Workfront
    std::string language;      // "en" or "zh-TW" (from navigator.language or ?lang=)
    // From the deployment's config.json: the only tenants to offer (empty: any, typed in), and the API version
    // to start with (empty: the built-in default).
    std::vector<std::string> tenants;
    std::string api_version;
};

class App {
public:
    App(wf::Transport& transport, wf::Clock& clock, wf::Random& random, Platform& platform, AppConfig config);
    ~App();
    void frame();                      // draws every view for this frame
    bool animating() const;            // something moves by itself (a wait): frames at a pace (web/frame_loop.h)
    std::string state_json() const;    // window.wfadmin.state()
    // Every character the views may draw that the base font lacks (names, UI translations), so the
    // platform can rasterise just those CJK glyphs. `version` changes whenever the set grows.
    const std::u32string& wanted_glyphs(unsigned* version) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ui
