// admin/problem.h: what went wrong, in words an administrator can act on, plus a stable code the views
// translate (zh-TW) and tests assert. Built from wf::Error by the part of the model that knows the context.
#pragma once
#include <string>
#include "workfront/error.h"

namespace admin {

struct Problem {
    // "wrong_password", "sso_only", "key_expired", "invalid_domain", "not_workfront", "unreachable",
    // "proxy_missing", "network", "permission", "not_found", "refused", "server", "malformed",
    // "read_only", "self", "busy", "invalid_version", "missing_fields", "unknown_user", "signed_out",
    // "revoke_failed", "other_host", "tenant_not_allowed"
    std::string code;
    std::string message;         // plain English: what happened and what to do
    std::string server_message;  // Workfront's own words, when it said something
    bool empty() const { return code.empty(); }
};

// Sign-in context: `with_password` distinguishes "wrong password" from "key expired or invalid".
Problem sign_in_problem(const wf::Error& error, bool with_password);
// Any other request (a change, a count, a page of users).
Problem request_problem(const wf::Error& error);
// True when the error means the credential is no longer accepted (expired key, ended session).
bool is_auth_failure(const wf::Error& error);

}  // namespace admin
