// wf_host.h: turning what an administrator types as "domain" into a Workfront host, or a reason why not.
#pragma once
#include <string>
#include "error.h"

namespace wf {

struct Host {
    std::string name;       // "acme.my.workfront.com"
    std::string tenant;     // "acme"
    std::string base_url() const { return "https://" + name; }
};

// Accepts "acme", "acme.my.workfront.com", "acme.my.workfront.adobe.com", "acme.preview.workfront.com",
// "acme.sb01.workfront.com", "acme.sb02.workfront.com" (and .workfront.adobe.com forms of these),
// optionally as "https://<host>" with an optional "/" or "/attask..." tail. Case-insensitive; surrounding
// whitespace is trimmed. Rejects other hosts, IP literals, userinfo, ports, other paths, inner whitespace
// and non-ASCII look-alikes with a message a person understands (ErrorKind::InvalidParameter).
Result<Host> resolve_host(const std::string& input);

// True when `name` is a real Workfront host by the rules above (used by the proxy logic and the UI).
bool is_workfront_host(const std::string& name);

}  // namespace wf
