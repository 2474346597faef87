// admin/bulk_runner.h: drives one BulkJob over the signed-in Session: builds each request when it is sent (so a
// fresh credential is used after signing in again), wakes up for backoff deadlines through the Clock, applies
// the server's answers to the Directory and records every user's outcome in the AuditLog. As the job changes it
// hands the job's JSON to `on_save` (the page keeps it in localStorage; "" means "nothing to resume"), at most
// once a second (every 6 s for 50,000 users) and at every phase change: a save that is a second stale is still safe, because a resumed job
// re-checks every unfinished user before writing.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include "admin/audit_log.h"
#include "admin/bulk_job.h"
#include "admin/directory.h"
#include "admin/problem.h"
#include "admin/session.h"

namespace admin {

class BulkRunner {
public:
    BulkRunner(Session& session, Directory& directory, AuditLog& log, wf::Clock& clock, wf::Random& random);
    ~BulkRunner();
    BulkRunner(const BulkRunner&) = delete;
    BulkRunner& operator=(const BulkRunner&) = delete;

    // Plans a job for `user_ids` from the directory's current states and starts it. False (with last_error())
    // when not signed in, read-only, a job is still active, or there is nothing to plan.
    bool start(const std::vector<std::string>& user_ids, bool target_active);
    bool start_plan(JobPlan plan);               // a plan made elsewhere (states refreshed from the directory)
    // A job saved before a reload: accepted only for the signed-in host; re-checks before it writes.
    bool resume_saved(const std::string& json);
    static std::optional<JobProgress> saved_progress(const std::string& json);   // for the "resume?" dialog
    void cancel();
    bool retry_failed();                         // a new job for this job's failed users
    bool undo();                                 // a new job reversing the users this job changed
    void discard();                              // forget a job that is no longer active

    bool has_job() const { return job_ != nullptr; }
    bool active() const { return job_ && job_->active(); }
    const BulkJob* job() const { return job_.get(); }
    JobProgress progress() const;
    const Problem& last_error() const { return last_error_; }

    void set_settings(const JobSettings& settings) { settings_ = settings; }   // for jobs started afterwards
    const JobSettings& settings() const { return settings_; }
    void set_on_save(std::function<void(const std::string& json)> on_save) { on_save_ = std::move(on_save); }
    void set_on_change(std::function<void()> on_change) { on_change_ = std::move(on_change); }   // wake the page

private:
    bool launch(BulkJob job, bool resumed);
    void pump();
    void on_answer(int chunk_id, const wf::Response& response);
    void record(const std::vector<std::string>& ids);
    void arm_timer();
    void save(bool now_or_never);   // throttled (1 s + 1 ms per 10 users) unless `now_or_never`
    void on_session(Session::Event event);
    JobPlan refreshed(JobPlan plan) const;

    Session& session_;
    Directory& directory_;
    AuditLog& log_;
    wf::Clock& clock_;
    wf::Random& random_;
    JobSettings settings_;
    std::unique_ptr<BulkJob> job_;
    wf::TimeMs last_save_ = 0;
    JobPhase saved_phase_ = JobPhase::Ready;
    std::map<int, wf::RequestId> in_flight_;     // chunk id -> request
    std::optional<wf::TimeMs> timer_at_;
    Problem last_error_;
    std::function<void(const std::string&)> on_save_;
    std::function<void()> on_change_;
    int subscription_ = 0;
    bool retrying_ = false;                      // retry_failed(): earlier refusals do not skip users
    std::shared_ptr<int> alive_;                 // timers hold a weak_ptr: the runner may be gone
};

}  // namespace admin
