// classify.cpp: any answer that is not the data we asked for -> one typed Error.
// Workfront's error class decides first (it is more precise than the HTTP status, and some proxies rewrite
// statuses); then the status. The server's class and message are kept for the log and for describe().
#include "api.h"
#include "json_answer.h"

namespace wf {

static bool contains(const std::string& text, const char* word) { return text.find(word) != std::string::npos; }

static bool contains_ignoring_case(const std::string& text, const char* word) {
    std::string low = text;
    for (char& c : low)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return low.find(word) != std::string::npos;
}

static ErrorKind kind_for(const std::string& wf_class, int status, const std::string& message) {
    if (wf_class == "wfadmin.ProxyUnreachable") return ErrorKind::Network;
    if (wf_class == "wfadmin.ProxyRefused") return ErrorKind::InvalidParameter;
    if (contains(wf_class, "AuthenticationException")) return ErrorKind::Authentication;
    if (contains(wf_class, "SecurityException")) return ErrorKind::Permission;
    if (contains(wf_class, "NotFoundException")) return ErrorKind::NotFound;
    if (contains(wf_class, "IllegalArgumentException") || contains(wf_class, "UnsupportedVersionException"))
        return ErrorKind::InvalidParameter;
    if (contains(wf_class, "ValidationException")) return ErrorKind::Refused;
    if (status == 401) return ErrorKind::Authentication;
    if (status == 403) return ErrorKind::Permission;
    if (status == 404) return ErrorKind::NotFound;
    if (status == 429 || status >= 500) return ErrorKind::Retryable;
    if (contains_ignoring_case(message, "not found")) return ErrorKind::NotFound;
    if (status == 400 || status == 422) return ErrorKind::InvalidParameter;
    // Any other refusal that carries a Workfront error: a business rule said no.
    return ErrorKind::Refused;
}

std::string excerpt(const std::string& body, size_t max_bytes) {
    std::string text;
    bool in_tag = false, pending_space = false;
    for (char c : body) {
        if (c == '<') {
            in_tag = true;
            pending_space = !text.empty();
            continue;
        }
        if (in_tag) {
            in_tag = c != '>';
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            pending_space = !text.empty();
            continue;
        }
        if (pending_space) text += ' ';
        pending_space = false;
        text += c;
        if (text.size() > max_bytes) break;
    }
    if (text.size() > max_bytes) {
        size_t cut = max_bytes;   // do not split a UTF-8 sequence
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "...";
    }
    return text;
}

Error malformed(int status, std::string message) {
    Error e;
    e.kind = ErrorKind::Malformed;
    e.status = status;
    e.message = std::move(message);
    return e;
}

Error unreadable_body(const Response& response) {
    const std::string& body = response.body;
    const size_t first = body.find_first_not_of(" \t\r\n");
    const std::string http = "HTTP " + std::to_string(response.status);
    if (first == std::string::npos) return malformed(response.status, "the answer was empty, " + http);
    const char c = body[first];
    if (c == '<') return malformed(response.status, "a web page came instead of data, " + http + ": " + excerpt(body));
    if (c == '{' || c == '[')
        return malformed(response.status, "the answer was cut off or is not valid JSON, " + http + ": " + excerpt(body));
    return malformed(response.status, "the answer is not JSON, " + http + ": " + excerpt(body));
}

Error classify_error(const Response& response) {
    Error e;
    e.status = response.status;
    if (response.status == 0) {
        e.kind = ErrorKind::Network;
        e.message = response.body.empty() ? "no answer (offline, blocked or timed out)" : excerpt(response.body);
        return e;
    }
    const json doc = json::parse(response.body, nullptr, false);
    const bool has_error = !doc.is_discarded() && doc.is_object() && doc.contains("error");
    if (has_error) {
        const json& err = doc["error"];
        if (err.is_object()) {
            if (auto it = err.find("class"); it != err.end() && it->is_string()) e.wf_class = it->get<std::string>();
            if (auto it = err.find("message"); it != err.end() && it->is_string()) e.message = it->get<std::string>();
            if (e.message.empty())
                if (auto it = err.find("title"); it != err.end() && it->is_string()) e.message = it->get<std::string>();
        } else if (err.is_string()) {
            e.message = err.get<std::string>();
        }
        e.kind = kind_for(e.wf_class, response.status, e.message);
        if (e.message.empty()) e.message = "HTTP " + std::to_string(response.status);
        return e;
    }
    // No Workfront error object: a proxy, a CDN or a gateway answered. The status is all there is.
    if (response.status == 401) {
        e.kind = ErrorKind::Authentication;
        e.message = "HTTP 401";
        return e;
    }
    if (response.status == 429 || response.status >= 500) {
        e.kind = ErrorKind::Retryable;
        const std::string words = excerpt(response.body);
        e.message = "HTTP " + std::to_string(response.status) + (words.empty() ? "" : ": " + words);
        return e;
    }
    if (!doc.is_discarded())
        return malformed(response.status, "an unexpected answer, HTTP " + std::to_string(response.status) + ": " +
                                              excerpt(response.body));
    return unreadable_body(response);
}

}  // namespace wf
