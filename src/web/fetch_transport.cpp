// web_fetch_transport.cpp: emscripten_fetch plumbing for web::FetchTransport.
#include "web/fetch_transport.h"

#include <emscripten/fetch.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

namespace web {

ProxiedUrl proxied_url(const std::string& url) {
    const size_t scheme = url.find("://");
    if (scheme == std::string::npos) return {"", url};
    const size_t host_start = scheme + 3;
    size_t path_start = url.find_first_of("/?#", host_start);
    if (path_start == std::string::npos) path_start = url.size();
    ProxiedUrl out;
    out.host = url.substr(host_start, path_start - host_start);
    out.path_and_query = url.substr(path_start);
    const size_t fragment = out.path_and_query.find('#');
    if (fragment != std::string::npos) out.path_and_query.erase(fragment);
    if (out.path_and_query.empty() || out.path_and_query[0] != '/') out.path_and_query.insert(0, "/");
    return out;
}

struct FetchTransport::InFlight {
    FetchTransport* owner = nullptr;
    std::shared_ptr<bool> owner_alive;
    wf::RequestId id = 0;
    Completion done;
    bool cancelled = false;
    // Kept alive for the whole request: emscripten_fetch reads the body and headers from these pointers.
    std::string body;
    std::vector<std::string> header_storage;
    std::vector<const char*> header_pointers;
};

namespace {

std::string content_type_of(emscripten_fetch_t* fetch) {
    const size_t length = emscripten_fetch_get_response_headers_length(fetch);
    if (length == 0) return {};
    std::string headers(length + 1, '\0');
    emscripten_fetch_get_response_headers(fetch, headers.data(), headers.size());
    // "name: value\r\n" lines; header names are case-insensitive.
    size_t pos = 0;
    while (pos < headers.size()) {
        size_t end = headers.find('\n', pos);
        if (end == std::string::npos) end = headers.size();
        std::string line = headers.substr(pos, end - pos);
        pos = end + 1;
        const size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        if (name != "content-type") continue;
        std::string value = line.substr(colon + 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\0' || value.back() == ' ')) value.pop_back();
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        return value;
    }
    return {};
}

}  // namespace

struct FetchCallbacks {
    // The one final callback (onsuccess or onerror): hand the answer over unless cancelled, then close.
    static void finished(emscripten_fetch_t* fetch) {
        auto* flight = static_cast<FetchTransport::InFlight*>(fetch->userData);
        wf::Response response;
        response.status = fetch->status;
        if (fetch->data && fetch->numBytes > 0) response.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
        if (response.status != 0) response.content_type = content_type_of(fetch);
        emscripten_fetch_close(fetch);

        const bool deliver = !flight->cancelled && *flight->owner_alive;
        Completion done = std::move(flight->done);
        FetchTransport* owner = *flight->owner_alive ? flight->owner : nullptr;
        if (owner) owner->in_flight_.erase(flight->id);
        delete flight;
        if (deliver && done) done(response);
        if (owner) owner->on_activity_();
    }
    using Completion = wf::Transport::Completion;
};

FetchTransport::FetchTransport(std::function<void()> on_activity)
    : on_activity_(std::move(on_activity)), alive_(std::make_shared<bool>(true)) {}

FetchTransport::~FetchTransport() {
    // Requests still on the wire finish later; their callbacks see the transport gone and only clean up.
    *alive_ = false;
    for (auto& [id, flight] : in_flight_) flight->cancelled = true;
}

wf::RequestId FetchTransport::send(const wf::Request& request, Completion done) {
    auto* flight = new InFlight;
    flight->owner = this;
    flight->owner_alive = alive_;
    flight->id = next_id_++;
    flight->done = std::move(done);
    flight->body = request.body;

    const ProxiedUrl target = proxied_url(request.url);
    auto add_header = [&](const std::string& name, const std::string& value) {
        flight->header_storage.push_back(name);
        flight->header_storage.push_back(value);
    };
    if (!target.host.empty()) add_header("X-Workfront-Host", target.host);
    for (const wf::Header& h : request.headers) add_header(h.name, h.value);
    if (!request.body.empty() && !request.content_type.empty()) add_header("Content-Type", request.content_type);
    for (const std::string& s : flight->header_storage) flight->header_pointers.push_back(s.c_str());
    flight->header_pointers.push_back(nullptr);

    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, request.method.c_str(), sizeof attr.requestMethod - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_REPLACE;
    attr.timeoutMSecs = kTimeoutMs;
    attr.requestHeaders = flight->header_pointers.data();
    if (!flight->body.empty()) {
        attr.requestData = flight->body.data();
        attr.requestDataSize = flight->body.size();
    }
    attr.userData = flight;
    attr.onsuccess = FetchCallbacks::finished;
    attr.onerror = FetchCallbacks::finished;
    in_flight_[flight->id] = flight;
    emscripten_fetch(&attr, target.path_and_query.c_str());
    return flight->id;
}

void FetchTransport::cancel(wf::RequestId id) {
    auto it = in_flight_.find(id);
    if (it == in_flight_.end()) return;
    it->second->cancelled = true;
    it->second->done = nullptr;   // drop captured state now; the fetch itself is closed when it finishes
}

}  // namespace web
