// admin/state_json.cpp: the model as JSON for window.wfadmin.state() (shape documented in state_json.h).
#include "admin/state_json.h"

#include <nlohmann/json.hpp>

namespace admin {
namespace {

using json = nlohmann::json;

const char* status_name(StatusFilter s) {
    return s == StatusFilter::Active ? "active" : s == StatusFilter::Inactive ? "inactive" : "all";
}

const char* admins_name(AdminFilter a) {
    return a == AdminFilter::AdminsOnly ? "only" : a == AdminFilter::NonAdmins ? "exclude" : "all";
}

const char* load_state_name(Directory::LoadState s) {
    switch (s) {
        case Directory::LoadState::Empty: return "empty";
        case Directory::LoadState::Loading: return "loading";
        case Directory::LoadState::Loaded: return "loaded";
        case Directory::LoadState::Failed: return "failed";
    }
    return "";
}

json problem_json(const Problem& p) {
    if (p.empty()) return nullptr;
    return {{"code", p.code}, {"message", p.message}, {"serverMessage", p.server_message}};
}

}  // namespace

std::string state_json(Model& m) {
    json s;
    const Session& session = m.session;
    // Issue 3's contract: "signin" | "users". The generate-key question is part of signing in
    // (sessionState says "needs_generate_confirmation").
    s["screen"] = session.screen() == Screen::Users ? "users" : "signin";
    s["sessionState"] = state_name(session.state());
    if (session.signed_in())
        s["user"] = {{"id", session.user().id},
                     {"name", session.user().name},
                     {"email", session.user().email},
                     {"isAdmin", session.user().is_admin}};
    else
        s["user"] = nullptr;
    s["readOnly"] = session.read_only();

    const Counts counts = m.directory.counts();
    s["counts"] = {{"active", counts.active}, {"inactive", counts.inactive}, {"total", counts.total}};
    const long long loaded = m.directory.loaded() ? static_cast<long long>(m.directory.size())
                                                  : m.directory.progress().loaded;
    s["loaded"] = loaded;   // users loaded so far (the contract's number)
    s["loading"] = {{"state", load_state_name(m.directory.load_state())},
                    {"loaded", loaded},
                    {"expected", m.directory.progress().expected}};

    const Filter& f = m.view.filter();
    json licences = json::array();
    for (const std::string& l : f.licence_types) licences.push_back(l);
    s["filter"] = {{"text", f.text},
                   {"status", status_name(f.status)},
                   {"admins", admins_name(f.admins)},
                   {"licences", licences},
                   {"minDaysWithoutLogin", f.min_days_without_login},
                   {"neverLoggedIn", f.never_logged_in},
                   {"matching", m.view.rows(m.directory, m.now()).size()}};

    // A run paused for a new sign-in is not "busy": it waits for the person, not for Workfront.
    const bool running = m.runner.active() && m.runner.job()->phase() != JobPhase::Paused;
    s["busy"] = session.busy() || running || m.preview.running();
    // The most relevant problem: the session's (sign-in, single changes), else the run's.
    const Problem& problem = !session.last_error().empty() ? session.last_error() : m.runner.last_error();
    // lastError: null or the message a person reads (with the server's own words); "error" keeps the code.
    s["error"] = problem_json(problem);
    if (problem.empty())
        s["lastError"] = nullptr;
    else
        s["lastError"] = problem.server_message.empty() || problem.message.find(problem.server_message) != std::string::npos
                             ? problem.message
                             : problem.message + " (" + problem.server_message + ")";

    json log = json::array();
    for (const AuditEntry& e : m.log.entries())
        log.push_back({{"userID", e.user_id},
                       {"action", e.action},
                       {"outcome", outcome_name(e.outcome)},
                       {"message", e.message}});
    s["log"] = std::move(log);
    s["selection"] = {{"count", m.selection.count()}};

    if (m.import) {
        json unmatched = json::array(), ambiguous = json::array();
        for (const std::string& v : m.import->unmatched) unmatched.push_back(v);
        for (const AmbiguousLine& a : m.import->ambiguous) ambiguous.push_back(a.value);
        s["import"] = {{"matched", m.import->matched_ids.size()},
                       {"unmatched", unmatched},
                       {"ambiguous", ambiguous},
                       {"alreadyInactive", m.import->already_inactive.size()}};
    } else {
        s["import"] = nullptr;
    }

    if (!m.preview.rows().empty()) {
        const PreviewSummary p = m.preview.summary();
        s["preview"] = {{"running", m.preview.running()}, {"total", p.total},         {"willChange", p.will_change},
                        {"blocked", p.blocked},           {"already", p.already},     {"admins", p.admins},
                        {"withOpenWork", p.with_open_work}};
    } else {
        s["preview"] = nullptr;
    }

    if (const BulkJob* job = m.runner.job()) {
        const JobProgress p = m.runner.progress();
        s["run"] = {{"phase", phase_name(job->phase())},
                    {"target", job->target_active() ? "reactivate" : "deactivate"},
                    {"done", p.done},
                    {"failed", p.failed},
                    {"already", p.already},
                    {"skipped", p.skipped},
                    {"cancelled", p.cancelled},
                    {"remaining", p.remaining},
                    {"inFlight", p.in_flight},
                    {"total", p.total}};
    } else {
        s["run"] = nullptr;
    }
    // Names may hold any bytes a tenant stored: never let one bad byte take the whole state down.
    return s.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace admin
