// web_fetch_transport.h: wf::Transport over emscripten_fetch (Emscripten 3.1.6).
//  [X] The absolute Workfront URL is sent to the page's own origin (path + query kept) with the tenant in the
//      X-Workfront-Host header; serve.py answers it (demo) or forwards it (the API has no CORS).
//  [X] Method, headers, form body; LOAD_TO_MEMORY | REPLACE (no IndexedDB).
//  [X] 4xx/5xx arrive in onerror with their body: passed on as an HTTP answer. Status 0 (network, timeout):
//      Response{status 0}.
//  [X] Cancellation: 3.1.6's emscripten_fetch_close does not abort a request in flight, so cancel() only marks
//      it; the fetch is closed in its final callback and the completion never runs.
//  [X] A timeout (60 s) so that a lost answer ends as status 0 instead of never.
//  [X] After every completion the frame loop is woken (the answer changes what is on screen).
#pragma once
#include <functional>
#include <memory>
#include <unordered_map>

#include "workfront/transport.h"

namespace web {

// "https://acme.my.workfront.com/attask/api/v21.0/user?x=1" -> {"acme.my.workfront.com", "/attask/api/v21.0/user?x=1"}.
// A URL without a scheme is already same-origin: host "" and the URL unchanged.
struct ProxiedUrl {
    std::string host;
    std::string path_and_query;
};
ProxiedUrl proxied_url(const std::string& absolute_url);

class FetchTransport final : public wf::Transport {
public:
    static constexpr unsigned long kTimeoutMs = 60000;
    explicit FetchTransport(std::function<void()> on_activity);
    ~FetchTransport() override;
    wf::RequestId send(const wf::Request& request, Completion done) override;
    void cancel(wf::RequestId id) override;

    struct InFlight;   // one request on the wire (public for the C callbacks)

private:
    std::function<void()> on_activity_;
    std::unordered_map<wf::RequestId, InFlight*> in_flight_;
    wf::RequestId next_id_ = 1;
    std::shared_ptr<bool> alive_;
    friend struct FetchCallbacks;
};

}  // namespace web
