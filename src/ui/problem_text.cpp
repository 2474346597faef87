// ui_problem_text.cpp: see problem_text.h.
#include "ui/problem_text.h"

#include <cstring>

#include "ui/strings.h"
#include "ui/widgets.h"

namespace ui {

namespace {

struct CodeText {
    const char* code;
    S key;
};

const CodeText kCodes[] = {
    {"wrong_password", S::problem_wrong_password}, {"sso_only", S::problem_sso_only},
    {"key_expired", S::problem_key_expired},       {"invalid_domain", S::problem_invalid_domain},
    {"not_workfront", S::problem_not_workfront},   {"unreachable", S::problem_unreachable},
    {"proxy_missing", S::problem_proxy_missing},   {"network", S::problem_network},
    {"permission", S::problem_permission},         {"not_found", S::problem_not_found},
    {"refused", S::problem_refused},               {"server", S::problem_server},
    {"malformed", S::problem_malformed},           {"read_only", S::problem_read_only},
    {"self", S::problem_self},                     {"busy", S::problem_busy},
    {"invalid_version", S::problem_invalid_version}, {"missing_fields", S::problem_missing_fields},
    {"unknown_user", S::problem_unknown_user},     {"signed_out", S::problem_signed_out},
    {"revoke_failed", S::problem_revoke_failed},   {"other_host", S::problem_other_host},
    {"tenant_not_allowed", S::problem_tenant_not_allowed},
};

const char* translated(const std::string& code) {
    for (const CodeText& c : kCodes)
        if (code == c.code) return tr(c.key);
    return nullptr;
}

}  // namespace

std::string problem_text(const admin::Problem& problem) {
    if (current_language() == Language::English && !problem.message.empty()) return problem.message;
    if (const char* text = translated(problem.code)) return text;
    return problem.message.empty() ? problem.code : problem.message;
}

void draw_problem(const admin::Problem& problem) {
    if (problem.empty()) return;
    widgets::text_error(problem_text(problem));
    // The model's English sentence often already quotes the server; show its words only when they add something.
    const std::string& said = problem.server_message;
    if (!said.empty() && problem_text(problem).find(said) == std::string::npos) {
        ImGui::PushTextWrapPos(0.0f);
        widgets::text_muted(trf(S::problem_server_said, said.c_str()));
        ImGui::PopTextWrapPos();
    }
}

}  // namespace ui
