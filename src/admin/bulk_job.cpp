// admin/bulk_job.cpp: the bulk change engine (see bulk_job.h for the rules it follows and why).
#include "admin/bulk_job.h"

#include <algorithm>
#include <cmath>
#include <set>
#include "workfront/api.h"

namespace admin {
namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string state_word(bool active) { return active ? "active" : "inactive"; }

bool is_429(const wf::Error& e) { return e.status == 429; }

// The outcome of a write that failed this way is unknown: the server may have applied part of it.
bool outcome_unknown(const wf::Error& e) {
    return e.kind == wf::ErrorKind::Retryable || e.kind == wf::ErrorKind::Network ||
           e.kind == wf::ErrorKind::Malformed;
}

}  // namespace

const char* user_state_name(UserState state) {
    switch (state) {
        case UserState::Pending: return "pending";
        case UserState::Checking: return "checking";
        case UserState::Sending: return "sending";
        case UserState::Done: return "done";
        case UserState::Already: return "already";
        case UserState::Failed: return "failed";
        case UserState::Skipped: return "skipped";
        case UserState::Cancelled: return "cancelled";
    }
    return "";
}

bool is_final(UserState state) {
    return state != UserState::Pending && state != UserState::Checking && state != UserState::Sending;
}

const char* phase_name(JobPhase phase) {
    switch (phase) {
        case JobPhase::Ready: return "ready";
        case JobPhase::Running: return "running";
        case JobPhase::Paused: return "paused";
        case JobPhase::Cancelling: return "cancelling";
        case JobPhase::Cancelled: return "cancelled";
        case JobPhase::Finished: return "finished";
    }
    return "";
}

BulkJob::BulkJob(JobPlan plan) : plan_(std::move(plan)) {
    JobSettings& s = plan_.settings;
    s.chunk_size = std::clamp(s.chunk_size, 1, wf::kMaxBulkUpdate);
    s.max_in_flight = std::max(1, s.max_in_flight);
    s.max_attempts = std::max(1, s.max_attempts);
    s.backoff_base_ms = std::max(1, s.backoff_base_ms);
    s.backoff_max_ms = std::max(s.backoff_base_ms, s.backoff_max_ms);
    std::vector<std::string> to_send;
    for (const PlannedUser& p : plan_.users) {
        const std::string key = lower(p.id);
        if (p.id.empty() || index_.count(key)) continue;   // listed twice: once is enough
        index_[key] = users_.size();
        JobUser u{p.id, p.active_now, UserState::Pending, {}};
        auto protected_it = plan_.protected_ids.find(p.id);
        if (!plan_.target_active && !plan_.self_id.empty() && lower(plan_.self_id) == key) {
            u.state = UserState::Skipped;
            u.message = "This is you: deactivating yourself would end your access.";
        } else if (p.active_now == plan_.target_active) {
            u.state = UserState::Already;
            u.message = "already " + state_word(plan_.target_active);
        } else if (!plan_.target_active && protected_it != plan_.protected_ids.end()) {
            u.state = UserState::Skipped;
            u.message = "Workfront refused this user earlier: " + protected_it->second;
        } else {
            to_send.push_back(p.id);
        }
        users_.push_back(std::move(u));
    }
    queue(Chunk::Kind::Write, to_send, 0, 0);
}

JobUser* BulkJob::user(const std::string& id) {
    auto it = index_.find(lower(id));
    return it == index_.end() ? nullptr : &users_[it->second];
}

const JobUser* BulkJob::find(const std::string& id) const {
    auto it = index_.find(lower(id));
    return it == index_.end() ? nullptr : &users_[it->second];
}

int BulkJob::add_chunk(Chunk::Kind kind, std::vector<std::string> ids, int attempts, wf::TimeMs not_before) {
    Chunk c;
    c.id = next_chunk_id_++;
    c.kind = kind;
    c.user_ids = std::move(ids);
    c.attempts = attempts;
    c.not_before = not_before;
    chunks_.push_back(std::move(c));
    return chunks_.back().id;
}

void BulkJob::queue(Chunk::Kind kind, const std::vector<std::string>& ids, int attempts, wf::TimeMs not_before) {
    // Writes follow the chunk-size setting; re-checks are reads and always take the most one search allows here.
    const std::size_t size =
        static_cast<std::size_t>(kind == Chunk::Kind::Write ? plan_.settings.chunk_size : wf::kMaxBulkUpdate);
    for (std::size_t i = 0; i < ids.size(); i += size) {
        std::vector<std::string> part(ids.begin() + static_cast<long>(i),
                                      ids.begin() + static_cast<long>(std::min(ids.size(), i + size)));
        for (const std::string& id : part)
            if (JobUser* u = user(id)) u->state = kind == Chunk::Kind::Write ? UserState::Pending : UserState::Checking;
        add_chunk(kind, std::move(part), attempts, not_before);
    }
}

std::size_t BulkJob::chunk_index(int chunk_id) const {
    auto it = std::lower_bound(chunks_.begin(), chunks_.end(), chunk_id,
                               [](const Chunk& c, int id) { return c.id < id; });
    return it != chunks_.end() && it->id == chunk_id ? static_cast<std::size_t>(it - chunks_.begin())
                                                     : chunks_.size();
}

void BulkJob::finish_user(JobUser& u, UserState state, const std::string& message, JobUpdate& update) {
    if (is_final(u.state)) return;
    u.state = state;
    u.message = message;
    update.finished.push_back(u.id);
    ++finished_by_sends_;
}

void BulkJob::finish_users(const std::vector<std::string>& ids, UserState state, const std::string& message,
                           JobUpdate& update) {
    for (const std::string& id : ids)
        if (JobUser* u = user(id)) finish_user(*u, state, message, update);
}

// ---- driving ----

void BulkJob::start(wf::TimeMs now) {
    if (phase_ == JobPhase::Ready) phase_ = JobPhase::Running;
    started_at_ = now;
    finished_by_sends_ = 0;
    update_phase();
}

bool BulkJob::active() const {
    return phase_ == JobPhase::Running || phase_ == JobPhase::Paused || phase_ == JobPhase::Cancelling;
}

std::vector<JobSend> BulkJob::take_sends(wf::TimeMs now) {
    std::vector<JobSend> sends;
    // While cancelling, only re-checks go out: they are reads that find out what an earlier attempt did.
    if (phase_ != JobPhase::Running && phase_ != JobPhase::Cancelling) return sends;
    int in_flight = 0;
    for (const Chunk& c : chunks_) in_flight += c.state == Chunk::State::InFlight;
    for (Chunk& c : chunks_) {
        if (in_flight >= plan_.settings.max_in_flight) break;
        if (c.state != Chunk::State::Queued || c.not_before > now) continue;
        if (phase_ == JobPhase::Cancelling && c.kind == Chunk::Kind::Write) continue;
        c.state = Chunk::State::InFlight;
        ++c.attempts;
        ++in_flight;
        for (const std::string& id : c.user_ids)
            if (JobUser* u = user(id)) u->state = c.kind == Chunk::Kind::Write ? UserState::Sending : UserState::Checking;
        sends.push_back(JobSend{c.id, c.kind, c.user_ids, plan_.target_active});
    }
    return sends;
}

wf::TimeMs BulkJob::backoff(int attempts, wf::Random& random) const {
    // Exponential with "equal jitter": half the delay is fixed, half random, so retries from the same
    // failure spread out without ever being immediate.
    const int shift = std::min(std::max(attempts - 1, 0), 20);
    const double capped = std::min(static_cast<double>(plan_.settings.backoff_max_ms),
                                   static_cast<double>(plan_.settings.backoff_base_ms) * std::pow(2.0, shift));
    const double u = std::clamp(random.uniform(), 0.0, 1.0);
    return static_cast<wf::TimeMs>(std::llround(capped / 2 + u * capped / 2));
}

JobUpdate BulkJob::complete(int chunk_id, const wf::Response& response, wf::TimeMs now, wf::Random& random) {
    JobUpdate update;
    const std::size_t ci = chunk_index(chunk_id);
    if (ci == chunks_.size() || chunks_[ci].state != Chunk::State::InFlight) return update;   // stale
    const bool write = chunks_[ci].kind == Chunk::Kind::Write;
    wf::Result<std::vector<wf::User>> answer =
        write ? wf::parse_bulk(response) : wf::parse_users(response);
    if (!answer) {
        update.error = answer.error();
        on_error(ci, answer.error(), now, random, update);
    } else {
        if (write)
            for (const std::string& id : chunks_[ci].user_ids) ++successful_writes_[id];
        if (write) on_write_answer(ci, answer.value(), now, update);
        else on_check_answer(ci, answer.value(), now, update);
    }
    update_phase();
    return update;
}

void BulkJob::on_write_answer(std::size_t ci, const std::vector<wf::User>& answer, wf::TimeMs now,
                              JobUpdate& update) {
    chunks_[ci].state = Chunk::State::Finished;
    std::map<std::string, const wf::User*> by_id;
    for (const wf::User& u : answer) by_id[lower(u.id)] = &u;
    std::vector<std::string> unknown;
    const std::vector<std::string> ids = chunks_[ci].user_ids;
    for (const std::string& id : ids) {
        JobUser* u = user(id);
        if (!u) continue;
        auto it = by_id.find(lower(id));
        if (it == by_id.end()) {
            unknown.push_back(id);   // not in the answer: find out rather than guess
            continue;
        }
        update.server_users.push_back(*it->second);
        if (it->second->is_active == plan_.target_active)
            finish_user(*u, UserState::Done, "", update);
        else
            finish_user(*u, UserState::Failed,
                        "Workfront answered, but the user is still " + state_word(it->second->is_active) + ".", update);
    }
    if (!unknown.empty()) queue(Chunk::Kind::Check, unknown, chunks_[ci].attempts, now);
}

void BulkJob::on_check_answer(std::size_t ci, const std::vector<wf::User>& answer, wf::TimeMs now,
                              JobUpdate& update) {
    chunks_[ci].state = Chunk::State::Finished;
    std::map<std::string, const wf::User*> by_id;
    for (const wf::User& u : answer) by_id[lower(u.id)] = &u;
    std::vector<std::string> still_needed;
    const std::vector<std::string> ids = chunks_[ci].user_ids;
    for (const std::string& id : ids) {
        JobUser* u = user(id);
        if (!u) continue;
        auto it = by_id.find(lower(id));
        if (it == by_id.end()) {
            finish_user(*u, UserState::Failed, "Workfront no longer has this user.", update);
            continue;
        }
        update.server_users.push_back(*it->second);
        if (it->second->is_active == plan_.target_active)
            finish_user(*u, UserState::Done, "confirmed by a re-check", update);
        else
            still_needed.push_back(id);
    }
    if (still_needed.empty()) return;
    if (phase_ == JobPhase::Cancelling)
        finish_users(still_needed, UserState::Cancelled, "cancelled before it was sent", update);
    else
        queue(Chunk::Kind::Write, still_needed, chunks_[ci].attempts, now);
}

void BulkJob::on_error(std::size_t ci, const wf::Error& e, wf::TimeMs now, wf::Random& random, JobUpdate& update) {
    const bool write = chunks_[ci].kind == Chunk::Kind::Write;
    const bool cancelling = phase_ == JobPhase::Cancelling;
    if (e.kind == wf::ErrorKind::Authentication || e.status == 401) {
        // Refused before anything was done: the same request can go again after signing in.
        update.auth_lost = true;
        Chunk& c = chunks_[ci];
        --c.attempts;
        c.last_error = e.message;
        if (cancelling && write) {
            c.state = Chunk::State::Finished;
            finish_users(c.user_ids, UserState::Cancelled, "cancelled (signed out)", update);
            return;
        }
        c.state = Chunk::State::Queued;
        for (const std::string& id : c.user_ids)
            if (JobUser* u = user(id)) u->state = write ? UserState::Pending : UserState::Checking;
        if (phase_ == JobPhase::Running) phase_ = JobPhase::Paused;
        return;
    }
    if (is_429(e)) {   // throttled: nothing was done
        if (cancelling && write) {
            chunks_[ci].state = Chunk::State::Finished;
            finish_users(chunks_[ci].user_ids, UserState::Cancelled, "cancelled before it was sent", update);
            return;
        }
        return retry_later(ci, e, now, random, !write, update);
    }
    if (outcome_unknown(e)) return retry_later(ci, e, now, random, true, update);
    // The server refused the request as a whole.
    const std::vector<std::string> ids = chunks_[ci].user_ids;
    chunks_[ci].state = Chunk::State::Finished;
    chunks_[ci].last_error = e.message;
    if (!write) {
        finish_users(ids, UserState::Failed, "Could not re-check this user: " + e.message +
                                                 " Check the user in Workfront.", update);
        return;
    }
    if (ids.size() == 1) {
        finish_users(ids, UserState::Failed, e.message, update);
        if (e.kind == wf::ErrorKind::Refused) update.refused[ids[0]] = e.message;
        return;
    }
    if (cancelling) {
        finish_users(ids, UserState::Cancelled, "cancelled (Workfront refused the group: " + e.message + ")", update);
        return;
    }
    // Non-atomic bulk PUTs still fail as a whole when one user is refused: halve until the refused are alone.
    const std::size_t half = ids.size() / 2;
    add_chunk(Chunk::Kind::Write, std::vector<std::string>(ids.begin(), ids.begin() + static_cast<long>(half)), 0, now);
    add_chunk(Chunk::Kind::Write, std::vector<std::string>(ids.begin() + static_cast<long>(half), ids.end()), 0, now);
    for (const std::string& id : ids)
        if (JobUser* u = user(id)) u->state = UserState::Pending;
}

void BulkJob::retry_later(std::size_t ci, const wf::Error& e, wf::TimeMs now, wf::Random& random, bool recheck,
                          JobUpdate& update) {
    Chunk& c = chunks_[ci];
    c.last_error = e.message;
    const bool write_unknown = recheck && c.kind == Chunk::Kind::Write;   // this write may have landed
    const bool was_unknown = c.kind == Chunk::Kind::Check || write_unknown;
    if (c.attempts >= plan_.settings.max_attempts || (phase_ == JobPhase::Cancelling && c.kind == Chunk::Kind::Check)) {
        c.state = Chunk::State::Finished;
        const std::string tries = std::to_string(c.attempts) + (c.attempts == 1 ? " attempt" : " attempts");
        const std::string message =
            was_unknown ? "Outcome unknown after " + tries + " (" + e.message + "): check this user in Workfront."
                        : "Gave up after " + tries + ": " + e.message;
        const std::vector<std::string> ids = c.user_ids;
        finish_users(ids, UserState::Failed, message, update);
        return;
    }
    c.state = Chunk::State::Queued;
    c.not_before = now + backoff(c.attempts, random);
    if (recheck) c.kind = Chunk::Kind::Check;
    for (const std::string& id : c.user_ids)
        if (JobUser* u = user(id)) u->state = c.kind == Chunk::Kind::Write ? UserState::Pending : UserState::Checking;
}

std::vector<std::string> BulkJob::cancel() {
    std::vector<std::string> cancelled;
    if (!active() && phase_ != JobPhase::Ready) return cancelled;
    for (Chunk& c : chunks_) {
        if (c.state != Chunk::State::Queued || c.kind != Chunk::Kind::Write) continue;
        c.state = Chunk::State::Finished;
        for (const std::string& id : c.user_ids) {
            JobUser* u = user(id);
            if (!u || is_final(u->state)) continue;
            u->state = UserState::Cancelled;
            u->message = "cancelled before it was sent";
            cancelled.push_back(id);
        }
    }
    phase_ = JobPhase::Cancelling;
    update_phase();
    return cancelled;
}

void BulkJob::resume() {
    if (phase_ == JobPhase::Paused) phase_ = JobPhase::Running;
    update_phase();
}

void BulkJob::interrupt() {
    for (Chunk& c : chunks_) {
        if (c.state != Chunk::State::InFlight) continue;
        --c.attempts;   // it never got an answer
        c.state = Chunk::State::Queued;
        c.kind = Chunk::Kind::Check;   // a write may have reached the server: look before writing again
        c.not_before = 0;
        for (const std::string& id : c.user_ids)
            if (JobUser* u = user(id)) u->state = UserState::Checking;
    }
    if (phase_ == JobPhase::Running) phase_ = JobPhase::Paused;
}

void BulkJob::prepare_resume() {
    std::vector<std::string> unfinished;
    for (Chunk& c : chunks_)
        if (c.state != Chunk::State::Finished) c.state = Chunk::State::Finished;   // superseded by the re-checks
    for (const JobUser& u : users_)
        if (!is_final(u.state)) unfinished.push_back(u.id);
    queue(Chunk::Kind::Check, unfinished, 0, 0);
    if (phase_ == JobPhase::Running || phase_ == JobPhase::Paused) phase_ = JobPhase::Ready;
    update_phase();
}

std::optional<wf::TimeMs> BulkJob::next_wake() const {
    if (phase_ != JobPhase::Running && phase_ != JobPhase::Cancelling) return std::nullopt;
    std::optional<wf::TimeMs> wake;
    for (const Chunk& c : chunks_) {
        if (c.state != Chunk::State::Queued) continue;
        if (phase_ == JobPhase::Cancelling && c.kind == Chunk::Kind::Write) continue;
        if (!wake || c.not_before < *wake) wake = c.not_before;
    }
    return wake;
}

void BulkJob::update_phase() {
    bool open = false, in_flight = false;
    for (const Chunk& c : chunks_) {
        if (c.state == Chunk::State::InFlight) in_flight = true;
        if (c.state != Chunk::State::Finished) open = true;
    }
    if (phase_ == JobPhase::Cancelling && !open) phase_ = JobPhase::Cancelled;
    if (phase_ == JobPhase::Running && !open) phase_ = JobPhase::Finished;
    (void)in_flight;
}

// ---- reading ----

JobProgress BulkJob::progress(wf::TimeMs now) const {
    JobProgress p;
    p.total = static_cast<long long>(users_.size());
    for (const JobUser& u : users_) {
        switch (u.state) {
            case UserState::Done: ++p.done; break;
            case UserState::Already: ++p.already; break;
            case UserState::Failed: ++p.failed; break;
            case UserState::Skipped: ++p.skipped; break;
            case UserState::Cancelled: ++p.cancelled; break;
            default: ++p.remaining; break;
        }
    }
    for (const Chunk& c : chunks_)
        if (c.state == Chunk::State::InFlight) p.in_flight += static_cast<long long>(c.user_ids.size());
    const wf::TimeMs elapsed = now - started_at_;
    if (phase_ == JobPhase::Running && finished_by_sends_ > 0 && elapsed > 0) {
        const double per_ms = static_cast<double>(finished_by_sends_) / static_cast<double>(elapsed);
        p.seconds_left = static_cast<long long>(std::ceil(static_cast<double>(p.remaining) / per_ms / 1000.0));
    }
    return p;
}

std::vector<std::string> BulkJob::ids_in(UserState state) const {
    std::vector<std::string> ids;
    for (const JobUser& u : users_)
        if (u.state == state) ids.push_back(u.id);
    return ids;
}

JobPlan BulkJob::retry_plan() const {
    JobPlan plan;
    plan.host = plan_.host;
    plan.version = plan_.version;
    plan.target_active = plan_.target_active;
    plan.self_id = plan_.self_id;
    plan.settings = plan_.settings;
    for (const JobUser& u : users_)
        if (u.state == UserState::Failed) plan.users.push_back({u.id, u.before_active});
    return plan;
}

JobPlan BulkJob::undo_plan() const {
    JobPlan plan;
    plan.host = plan_.host;
    plan.version = plan_.version;
    plan.target_active = !plan_.target_active;
    plan.self_id = plan_.self_id;
    plan.settings = plan_.settings;
    for (const JobUser& u : users_)
        if (u.state == UserState::Done) plan.users.push_back({u.id, plan_.target_active});
    return plan;
}

}  // namespace admin
