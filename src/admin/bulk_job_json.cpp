// admin/bulk_job_json.cpp: a bulk job to and from JSON, so that a page reload can resume it.
// What is saved: endpoint host and API version, target, settings, the signed-in user's ID (to keep skipping
// it), each user's ID, state before, outcome and message, and the unfinished chunks (by user position).
// What is never saved: any credential. Users are stored as compact arrays ([id, before, state, message])
// because a 50,000-user job must fit in the browser's localStorage.
#include <nlohmann/json.hpp>
#include "admin/bulk_job.h"

namespace admin {
namespace {

using json = nlohmann::json;
constexpr const char* kFormat = "wfadmin.bulk-job.v1";

std::string lower_id(std::string id) {
    for (char& c : id)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return id;
}

const char* kind_name(Chunk::Kind kind) { return kind == Chunk::Kind::Write ? "write" : "check"; }

bool parse_state(const std::string& name, UserState& out) {
    for (UserState s : {UserState::Pending, UserState::Checking, UserState::Sending, UserState::Done,
                        UserState::Already, UserState::Failed, UserState::Skipped, UserState::Cancelled})
        if (name == user_state_name(s)) {
            out = s;
            return true;
        }
    return false;
}

bool parse_phase(const std::string& name, JobPhase& out) {
    for (JobPhase p : {JobPhase::Ready, JobPhase::Running, JobPhase::Paused, JobPhase::Cancelling,
                       JobPhase::Cancelled, JobPhase::Finished})
        if (name == phase_name(p)) {
            out = p;
            return true;
        }
    return false;
}

// Typed reads that never throw (exceptions are off in the web build): false when absent or of another type.
bool get_string(const json& obj, const char* key, std::string& out) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

bool get_int(const json& obj, const char* key, long long& out) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_number_integer()) return false;
    out = it->get<long long>();
    return true;
}

wf::Error unreadable(const std::string& why) {
    wf::Error e;
    e.kind = wf::ErrorKind::Malformed;
    e.message = "The saved run cannot be read (" + why + ").";
    return e;
}

}  // namespace

std::string BulkJob::to_json() const {
    json doc;
    doc["format"] = kFormat;
    doc["host"] = plan_.host;
    doc["version"] = plan_.version;
    doc["targetActive"] = plan_.target_active;
    doc["phase"] = phase_name(phase_);
    doc["selfID"] = plan_.self_id;
    doc["settings"] = {{"chunkSize", plan_.settings.chunk_size},
                       {"maxInFlight", plan_.settings.max_in_flight},
                       {"maxAttempts", plan_.settings.max_attempts},
                       {"backoffBaseMs", plan_.settings.backoff_base_ms},
                       {"backoffMaxMs", plan_.settings.backoff_max_ms}};
    json users = json::array();
    for (const JobUser& u : users_) {
        json row = json::array({u.id, u.before_active ? 1 : 0, user_state_name(u.state)});
        if (!u.message.empty()) row.push_back(u.message);
        users.push_back(std::move(row));
    }
    doc["users"] = std::move(users);
    json chunks = json::array();
    for (const Chunk& c : chunks_) {
        if (c.state == Chunk::State::Finished) continue;   // outcomes live in the users
        json positions = json::array();
        for (const std::string& id : c.user_ids) positions.push_back(index_.at(lower_id(id)));
        chunks.push_back({{"id", c.id},
                          {"kind", kind_name(c.kind)},
                          {"state", c.state == Chunk::State::InFlight ? "in-flight" : "queued"},
                          {"users", std::move(positions)},
                          {"attempts", c.attempts},
                          {"lastError", c.last_error}});
    }
    doc["chunks"] = std::move(chunks);
    doc["nextChunkID"] = next_chunk_id_;
    return doc.dump();
}

wf::Result<BulkJob> BulkJob::from_json(const std::string& text) {
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return unreadable("not JSON");
    std::string format, phase;
    if (!get_string(doc, "format", format) || format != kFormat) return unreadable("unknown format");
    BulkJob job;
    JobPlan& plan = job.plan_;
    if (!get_string(doc, "host", plan.host) || plan.host.empty()) return unreadable("no host");
    get_string(doc, "version", plan.version);
    auto target = doc.find("targetActive");
    if (target == doc.end() || !target->is_boolean()) return unreadable("no target");
    plan.target_active = target->get<bool>();
    if (!get_string(doc, "phase", phase) || !parse_phase(phase, job.phase_)) return unreadable("no phase");
    get_string(doc, "selfID", plan.self_id);
    if (auto s = doc.find("settings"); s != doc.end() && s->is_object()) {
        long long v;
        if (get_int(*s, "chunkSize", v)) plan.settings.chunk_size = static_cast<int>(std::clamp(v, 1LL, 100LL));
        if (get_int(*s, "maxInFlight", v)) plan.settings.max_in_flight = static_cast<int>(std::clamp(v, 1LL, 16LL));
        if (get_int(*s, "maxAttempts", v)) plan.settings.max_attempts = static_cast<int>(std::clamp(v, 1LL, 100LL));
        if (get_int(*s, "backoffBaseMs", v)) plan.settings.backoff_base_ms = static_cast<int>(std::clamp(v, 1LL, 600000LL));
        if (get_int(*s, "backoffMaxMs", v)) plan.settings.backoff_max_ms = static_cast<int>(std::clamp(v, 1LL, 3600000LL));
    }
    auto users = doc.find("users");
    if (users == doc.end() || !users->is_array()) return unreadable("no users");
    for (const json& row : *users) {
        if (!row.is_array() || row.size() < 3 || !row[0].is_string() || !row[1].is_number_integer() ||
            !row[2].is_string())
            return unreadable("a user entry is damaged");
        JobUser u;
        u.id = row[0].get<std::string>();
        u.before_active = row[1].get<int>() != 0;
        if (u.id.empty() || !parse_state(row[2].get<std::string>(), u.state)) return unreadable("a user entry is damaged");
        if (row.size() > 3 && row[3].is_string()) u.message = row[3].get<std::string>();
        const std::string key = lower_id(u.id);
        if (job.index_.count(key)) return unreadable("a user is listed twice");
        job.index_[key] = job.users_.size();
        plan.users.push_back({u.id, u.before_active});
        job.users_.push_back(std::move(u));
    }
    if (auto chunks = doc.find("chunks"); chunks != doc.end() && chunks->is_array()) {
        for (const json& c : *chunks) {
            if (!c.is_object()) return unreadable("a chunk is damaged");
            Chunk chunk;
            long long id = 0, attempts = 0;
            std::string kind, state;
            if (!get_int(c, "id", id) || !get_string(c, "kind", kind) || !get_string(c, "state", state))
                return unreadable("a chunk is damaged");
            get_int(c, "attempts", attempts);
            get_string(c, "lastError", chunk.last_error);
            chunk.id = static_cast<int>(id);
            chunk.kind = kind == "check" ? Chunk::Kind::Check : Chunk::Kind::Write;
            chunk.state = state == "in-flight" ? Chunk::State::InFlight : Chunk::State::Queued;
            chunk.attempts = static_cast<int>(attempts);
            auto positions = c.find("users");
            if (positions == c.end() || !positions->is_array()) return unreadable("a chunk is damaged");
            for (const json& p : *positions) {
                if (!p.is_number_unsigned() || p.get<std::size_t>() >= job.users_.size())
                    return unreadable("a chunk names an unknown user");
                chunk.user_ids.push_back(job.users_[p.get<std::size_t>()].id);
            }
            if (!job.chunks_.empty() && job.chunks_.back().id >= chunk.id) return unreadable("chunks out of order");
            job.chunks_.push_back(std::move(chunk));
        }
    }
    long long next = 1;
    get_int(doc, "nextChunkID", next);
    job.next_chunk_id_ = static_cast<int>(std::max<long long>(next, job.chunks_.empty() ? 1 : job.chunks_.back().id + 1));
    return job;
}

}  // namespace admin
