// admin/bulk_runner.cpp: runs a BulkJob over the Session, records outcomes, saves for resume (see bulk_runner.h).
#include "admin/bulk_runner.h"

namespace admin {
namespace {

std::string state_word(bool active) { return active ? "active" : "inactive"; }

Outcome outcome_for(UserState state) {
    switch (state) {
        case UserState::Done: return Outcome::Done;
        case UserState::Already: return Outcome::Already;
        case UserState::Skipped: return Outcome::Skipped;
        case UserState::Cancelled: return Outcome::Cancelled;
        default: return Outcome::Failed;
    }
}

wf::Filter ids_filter(const std::vector<std::string>& ids) {
    wf::Filter f;
    for (const std::string& id : ids) f.add("ID", id);
    f.add("ID_Mod", "in");
    return f;
}

}  // namespace

BulkRunner::BulkRunner(Session& session, Directory& directory, AuditLog& log, wf::Clock& clock, wf::Random& random)
    : session_(session), directory_(directory), log_(log), clock_(clock), random_(random),
      alive_(std::make_shared<int>(0)) {
    subscription_ = session_.subscribe([this](Session::Event e) { on_session(e); });
}

BulkRunner::~BulkRunner() {
    session_.unsubscribe(subscription_);
    for (auto& [chunk, request] : in_flight_) session_.cancel(request);
}

JobProgress BulkRunner::progress() const { return job_ ? job_->progress(clock_.now()) : JobProgress{}; }

JobPlan BulkRunner::refreshed(JobPlan plan) const {
    // The directory is the freshest knowledge of who is active; the session knows who we are and whom the
    // server refused before.
    plan.host = session_.endpoint().host.name;
    plan.version = session_.endpoint().version;
    plan.self_id = session_.user().id;
    plan.protected_ids = session_.protected_users();
    if (retrying_)
        for (const PlannedUser& p : plan.users) plan.protected_ids.erase(p.id);
    plan.settings = settings_;
    for (PlannedUser& p : plan.users)
        if (const wf::User* u = directory_.user_by_id(p.id)) p.active_now = u->is_active;
    return plan;
}

bool BulkRunner::start(const std::vector<std::string>& user_ids, bool target_active) {
    JobPlan plan;
    plan.target_active = target_active;
    for (const std::string& id : user_ids) {
        const wf::User* u = directory_.user_by_id(id);
        // Unknown to the directory: send it anyway and let the server's answer say what it is.
        plan.users.push_back({id, u ? u->is_active : !target_active});
    }
    return start_plan(std::move(plan));
}

bool BulkRunner::start_plan(JobPlan plan) {
    if (!session_.signed_in()) {
        last_error_ = {"signed_out", "Sign in first.", ""};
        return false;
    }
    if (session_.read_only()) {
        last_error_ = {"read_only", "This account is not a Workfront administrator: changes are not possible.", ""};
        return false;
    }
    if (active()) {
        last_error_ = {"busy", "A run is still in progress: wait for it or cancel it first.", ""};
        return false;
    }
    if (plan.users.empty()) {
        last_error_ = {"missing_fields", "No users to change.", ""};
        return false;
    }
    return launch(BulkJob(refreshed(std::move(plan))), false);
}

bool BulkRunner::resume_saved(const std::string& json) {
    if (!session_.signed_in()) {
        last_error_ = {"signed_out", "Sign in first, then resume the run.", ""};
        return false;
    }
    if (active()) {
        last_error_ = {"busy", "A run is still in progress.", ""};
        return false;
    }
    wf::Result<BulkJob> job = BulkJob::from_json(json);
    if (!job) {
        last_error_ = {"malformed", job.error().message, ""};
        return false;
    }
    if (job.value().host() != session_.endpoint().host.name) {
        last_error_ = {"other_host",
                       "The interrupted run was for " + job.value().host() + ", not " + session_.endpoint().host.name +
                           ". Sign in to that Workfront to resume it, or discard it.",
                       ""};
        return false;
    }
    if (session_.read_only()) {
        last_error_ = {"read_only", "This account is not a Workfront administrator: changes are not possible.", ""};
        return false;
    }
    BulkJob resumed = std::move(job.value());
    resumed.prepare_resume();   // unknown outcomes are looked up before anything is written again
    return launch(std::move(resumed), true);
}

std::optional<JobProgress> BulkRunner::saved_progress(const std::string& json) {
    wf::Result<BulkJob> job = BulkJob::from_json(json);
    if (!job) return std::nullopt;
    return job.value().progress(0);
}

bool BulkRunner::launch(BulkJob job, bool resumed) {
    for (auto& [chunk, request] : in_flight_) session_.cancel(request);
    in_flight_.clear();
    last_error_ = {};
    job_ = std::make_unique<BulkJob>(std::move(job));
    if (!resumed) {   // users decided at planning time (already in the target state, skipped) are logged now
        std::vector<std::string> decided;
        for (const JobUser& u : job_->users())
            if (is_final(u.state)) decided.push_back(u.id);
        record(decided);
    }
    job_->start(clock_.now());
    save(true);
    pump();
    if (on_change_) on_change_();
    return true;
}

void BulkRunner::record(const std::vector<std::string>& ids) {
    if (!job_) return;
    const bool target = job_->target_active();
    for (const std::string& id : ids) {
        const JobUser* u = job_->find(id);
        if (!u) continue;
        AuditEntry e;
        e.time = clock_.now();
        e.actor = session_.actor();
        e.user_id = u->id;
        e.action = target ? "reactivate" : "deactivate";
        e.before = state_word(u->before_active);
        e.outcome = outcome_for(u->state);
        e.message = u->message;
        const wf::User* known = directory_.user_by_id(u->id);
        if (known) {
            e.name = known->name;
            e.email = known->email;
        }
        if (u->state == UserState::Done || u->state == UserState::Already) e.after = state_word(target);
        else if (known) e.after = state_word(known->is_active);
        log_.add(std::move(e));
    }
}

void BulkRunner::pump() {
    if (!job_ || !session_.signed_in()) return;
    const std::weak_ptr<int> alive = alive_;
    for (const JobSend& send : job_->take_sends(clock_.now())) {
        const wf::Request request =
            send.kind == Chunk::Kind::Write
                ? wf::bulk_set_active_request(session_.endpoint(), session_.auth(), send.user_ids, send.target_active)
                : wf::user_search_request(session_.endpoint(), session_.auth(), 0,
                                          static_cast<int>(send.user_ids.size()), ids_filter(send.user_ids));
        const int chunk_id = send.chunk_id;
        in_flight_[chunk_id] = session_.send(request, [this, alive, chunk_id](const wf::Response& response) {
            if (alive.expired()) return;
            in_flight_.erase(chunk_id);
            on_answer(chunk_id, response);
        });
    }
    arm_timer();
}

void BulkRunner::on_answer(int chunk_id, const wf::Response& response) {
    if (!job_) return;
    JobUpdate update = job_->complete(chunk_id, response, clock_.now(), random_);
    for (const wf::User& u : update.server_users) directory_.apply(u);
    for (const auto& [id, message] : update.refused) session_.note_protected(id, message);
    record(update.finished);
    if (update.auth_lost)
        last_error_ = {"key_expired", "The run paused: Workfront no longer accepts this sign-in. Sign in again "
                                      "and it continues where it stopped.", ""};
    save(false);
    pump();
    if (on_change_) on_change_();
}

void BulkRunner::arm_timer() {
    if (!job_) return;
    const std::optional<wf::TimeMs> wake = job_->next_wake();
    const wf::TimeMs now = clock_.now();
    if (!wake || *wake <= now) return;   // nothing waiting, or waiting only for a free slot
    if (timer_at_ && *timer_at_ <= *wake) return;
    timer_at_ = *wake;
    const std::weak_ptr<int> alive = alive_;
    clock_.call_after(static_cast<int>(*wake - now), [this, alive] {
        if (alive.expired()) return;
        timer_at_.reset();
        pump();
        save(false);
        if (on_change_) on_change_();
    });
}

void BulkRunner::cancel() {
    if (!job_ || !job_->active()) return;
    record(job_->cancel());
    save(true);
    pump();   // re-checks of unknown outcomes still go out
    if (on_change_) on_change_();
}

bool BulkRunner::retry_failed() {
    if (!job_ || job_->active()) return false;
    JobPlan plan = job_->retry_plan();
    if (plan.users.empty()) {
        last_error_ = {"missing_fields", "No failed users to retry.", ""};
        return false;
    }
    // Retrying is the person saying "try these again" (perhaps after fixing Setup): earlier refusals do not
    // make them skipped this time.
    retrying_ = true;
    const bool started = start_plan(std::move(plan));
    retrying_ = false;
    return started;
}

bool BulkRunner::undo() {
    if (!job_ || job_->active()) return false;
    JobPlan plan = job_->undo_plan();
    if (plan.users.empty()) {
        last_error_ = {"missing_fields", "This run changed nobody: there is nothing to undo.", ""};
        return false;
    }
    return start_plan(std::move(plan));
}

void BulkRunner::discard() {
    if (active()) return;
    job_.reset();
    last_error_ = {};
    save(true);
}

void BulkRunner::save(bool now_or_never) {
    if (!on_save_) return;
    const wf::TimeMs now = clock_.now();
    const bool phase_changed = job_ && job_->phase() != saved_phase_;
    // Serialising 50,000 users takes ~100 ms natively: big jobs save less often (a stale save is still safe).
    const wf::TimeMs interval = 1000 + (job_ ? static_cast<wf::TimeMs>(job_->users().size()) / 10 : 0);
    if (!now_or_never && !phase_changed && now - last_save_ < interval) return;
    last_save_ = now;
    if (job_) saved_phase_ = job_->phase();
    on_save_(job_ && (job_->active() || job_->phase() == JobPhase::Ready) ? job_->to_json() : std::string());
}

void BulkRunner::on_session(Session::Event event) {
    if (!job_) return;
    switch (event) {
        case Session::Event::SignedOut:
            // Sign-out cancelled our requests: what they did is unknown, so those users get re-checked.
            in_flight_.clear();
            job_->interrupt();
            save(true);
            break;
        case Session::Event::AuthLost:
            break;   // the requests finish with the same failure and pause the job
        case Session::Event::SignedIn:
            if (!job_->active()) break;
            if (job_->host() != session_.endpoint().host.name) {
                last_error_ = {"other_host", "The paused run belongs to " + job_->host() + ".", ""};
                break;
            }
            last_error_ = {};
            job_->resume();
            pump();
            break;
    }
    if (on_change_) on_change_();
}

}  // namespace admin
