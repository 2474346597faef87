// admin/problem.cpp: wf::Error -> words an administrator can act on (see problem.h).
#include "admin/problem.h"

#include "admin/text_fold.h"

namespace admin {
namespace {

bool has(const std::string& text, const char* needle) { return fold(text).find(needle) != std::string::npos; }

Problem make(const char* code, std::string message, const wf::Error& error) {
    return Problem{code, std::move(message), error.message};
}

// Problems any request can meet on its way: the proxy, the network, the host.
bool transport_problem(const wf::Error& e, Problem& out) {
    if (e.wf_class == "wfadmin.ProxyUnreachable" || (e.status == 502 && e.wf_class.empty())) {
        out = make("unreachable",
                   "The Workfront domain was not found or could not be reached. Check the domain name "
                   "(for example \"acme\" for acme.my.workfront.com) and your network.",
                   e);
        return true;
    }
    if (e.wf_class == "wfadmin.ProxyRefused") {
        out = make("not_workfront",
                   "That address is not a Workfront host. Enter your Workfront domain, for example \"acme\" or "
                   "acme.my.workfront.com.",
                   e);
        return true;
    }
    if (e.kind == wf::ErrorKind::Network) {
        out = make("network",
                   "No answer from Workfront: the network is down, the request timed out, or the page is not "
                   "served by wfadmin's server (serve.py), which it needs to reach Workfront.",
                   e);
        return true;
    }
    if (e.kind == wf::ErrorKind::Malformed || (e.status == 404 && e.wf_class.empty())) {
        out = make("proxy_missing",
                   "The answer did not come from Workfront. Open this page through wfadmin's server "
                   "(serve.py): browsers cannot call Workfront directly.",
                   e);
        return true;
    }
    return false;
}

}  // namespace

bool is_auth_failure(const wf::Error& error) {
    return error.kind == wf::ErrorKind::Authentication || error.status == 401;
}

Problem sign_in_problem(const wf::Error& e, bool with_password) {
    Problem p;
    if (transport_problem(e, p)) return p;
    if (is_auth_failure(e)) {
        if (has(e.message, "sso") || has(e.message, "single sign") || has(e.message, "saml"))
            return make("sso_only",
                        "This account signs in through single sign-on (SSO) only, so a password cannot get an "
                        "API key. Paste an API key or a session/OAuth2 token instead.",
                        e);
        if (with_password)
            return make("wrong_password",
                        "Workfront did not accept that username and password. Check them and try again.", e);
        return make("key_expired",
                    "Workfront did not accept the key or token: it is wrong, expired or revoked. Get a new one "
                    "and sign in again.",
                    e);
    }
    return request_problem(e);
}

Problem request_problem(const wf::Error& e) {
    Problem p;
    if (transport_problem(e, p)) return p;
    switch (e.kind) {
        case wf::ErrorKind::Authentication:
            return make("key_expired", "Workfront no longer accepts this sign-in (the key or session expired or "
                                       "was revoked). Sign in again.", e);
        case wf::ErrorKind::Permission:
            return make("permission", "Workfront refused: this account does not have the access this needs.", e);
        case wf::ErrorKind::NotFound:
            return make("not_found", "Workfront could not find this user (deleted or wrong ID).", e);
        case wf::ErrorKind::InvalidParameter:
        case wf::ErrorKind::Refused:
            return make("refused", "Workfront refused the change: " + e.message, e);
        case wf::ErrorKind::Retryable:
            return make("server", "Workfront is busy or had a fault. Try again in a moment.", e);
        case wf::ErrorKind::Network:
        case wf::ErrorKind::Malformed:
            break;
    }
    return make("server", "Unexpected answer from Workfront: " + e.describe(), e);
}

}  // namespace admin
