// wf_transport.h: how a request reaches Workfront and how its answer comes back.
// One interface, two implementations: web/fetch_transport (emscripten_fetch, in the browser) and
// tests/support/scripted_transport (scripted answers, in GoogleTest). Pure C++17.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace wf {

struct Header {
    std::string name;
    std::string value;
};

// A request as Workfront sees it: the URL is the real, absolute Workfront URL
// ("https://acme.my.workfront.com/attask/api/v21.0/user/search?..."). The browser transport maps it onto
// the same-origin proxy (path + X-Workfront-Host header); the protocol layer knows nothing of proxies.
struct Request {
    std::string method = "GET";   // GET | POST | PUT
    std::string url;
    std::vector<Header> headers;  // apiKey / sessionID live here, never in the URL
    std::string body;             // form-encoded when not empty
    std::string content_type;     // "application/x-www-form-urlencoded" when body is set

    const std::string* header(const std::string& name) const;  // case-insensitive; nullptr when absent
};

struct Response {
    int status = 0;          // 0: no HTTP answer (network down, CORS, timeout, aborted)
    std::string body;
    std::string content_type;
};

using RequestId = std::uint64_t;

class Transport {
public:
    using Completion = std::function<void(const Response&)>;
    virtual ~Transport() = default;
    // Starts the request; `done` runs exactly once, later (never inside send), unless cancelled first.
    virtual RequestId send(const Request& request, Completion done) = 0;
    // After cancel, `done` is never called. Requests already on the wire may still reach the server.
    virtual void cancel(RequestId id) = 0;
};

}  // namespace wf
