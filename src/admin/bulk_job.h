// admin/bulk_job.h: the bulk change engine as a pure state machine (no transport, no clock of its own).
//
// A job sets many users' isActive to one target. Users already in the target state are "already" and never
// sent; the signed-in user and users the server refused earlier are "skipped". The rest go in chunks of at most
// 100 (bulk PUT, non-atomic). Inputs: take_sends(now) hands out requests to send (never more than
// max_in_flight at once), complete(chunk, response, now, random) records the answer. Rules:
//   - each user's final state comes from the server's answer: listed with isActive == target -> done;
//   - 429 -> the same chunk again after exponential backoff with jitter;
//   - 5xx, network errors, unreadable answers: the outcome is unknown (a non-atomic PUT may have half-landed),
//     so after the backoff the chunk's users are re-checked (search ID in [...]) and only those still not in the
//     target state are written again: a chunk whose outcome is known is never re-sent;
//   - a whole-request refusal (4xx other than authentication) splits the chunk in halves, recursively, to
//     isolate the users the server refuses; a one-user chunk that is refused records that user as failed;
//   - an authentication failure pauses the job (nothing was written); resume() after signing in again;
//   - cancel: no new writes; in-flight ones finish and are recorded; everyone else is "cancelled" (users whose
//     earlier attempt had an unknown outcome are still re-checked, a read, so the record says what happened).
// The job serialises to JSON without any credential (host, version, target, users, outcomes, chunks) so a page
// reload can resume it: prepare_resume() turns every unfinished user, including those in chunks that were in
// flight at the reload, into re-checks before anything is written again.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>
#include "workfront/clock.h"
#include "workfront/error.h"
#include "workfront/transport.h"
#include "workfront/user.h"

namespace admin {

enum class UserState {
    Pending,     // waiting to be written (queued, or backing off)
    Checking,    // waiting for a re-check of its current state
    Sending,     // in a write that is in flight
    Done,        // the server reported the target state (this job changed it)
    Already,     // already in the target state when planned (or found so by a re-check before any write)
    Failed,      // the server refused, or we gave up after max_attempts
    Skipped,     // never sent: the signed-in user, or a user the server refused earlier
    Cancelled,   // never sent: the job was cancelled first
};
const char* user_state_name(UserState state);   // "pending", "checking", "sending", "done", ...
bool is_final(UserState state);

enum class JobPhase { Ready, Running, Paused, Cancelling, Cancelled, Finished };
const char* phase_name(JobPhase phase);         // "ready", "running", "paused", "cancelling", ...

struct JobSettings {
    int chunk_size = 100;          // 1..100 (Workfront's bulk limit)
    int max_in_flight = 3;         // bounded concurrency (Workfront limits API threads per customer)
    int max_attempts = 6;          // sends per chunk (writes and re-checks together) before giving up
    int backoff_base_ms = 1000;    // first retry after base * (0.5 .. 1.0), then doubling
    int backoff_max_ms = 60000;
};

struct JobUser {
    std::string id;
    bool before_active = true;     // the state when the job was planned
    UserState state = UserState::Pending;
    std::string message;           // the server's words for failures, our reason for skips
};

struct Chunk {
    enum class Kind { Write, Check };
    enum class State { Queued, InFlight, Finished };
    int id = 0;
    Kind kind = Kind::Write;
    State state = State::Queued;
    std::vector<std::string> user_ids;
    int attempts = 0;              // sends so far
    wf::TimeMs not_before = 0;     // backoff: not sent before this time
    std::string last_error;
};

struct PlannedUser {
    std::string id;
    bool active_now = true;
};

struct JobPlan {
    std::string host;              // endpoint host name; a resumed job only runs against the same host
    std::string version;           // API version
    bool target_active = false;
    std::vector<PlannedUser> users;
    std::string self_id;           // the signed-in user: skipped
    std::map<std::string, std::string> protected_ids;   // refused earlier, with the server's message: skipped
    JobSettings settings;
};

struct JobProgress {
    long long total = 0;
    long long done = 0;
    long long already = 0;
    long long failed = 0;
    long long skipped = 0;
    long long cancelled = 0;
    long long remaining = 0;       // not yet final
    long long in_flight = 0;       // users in requests on the wire
    std::optional<long long> seconds_left;   // from the rate so far; nullopt before there is a rate
};

// One request the caller should send now.
struct JobSend {
    int chunk_id = 0;
    Chunk::Kind kind = Chunk::Kind::Write;
    std::vector<std::string> user_ids;
    bool target_active = false;
};

// What a completion changed, for the caller to apply (Directory) and record (AuditLog).
struct JobUpdate {
    std::vector<std::string> finished;     // users that reached a final state with this answer
    std::vector<wf::User> server_users;    // users as the server reported them (apply to the directory)
    std::map<std::string, std::string> refused;   // users the server refused one by one (protected), message
    bool auth_lost = false;                // the job paused: sign in again, then resume()
    std::optional<wf::Error> error;        // the request's error, if any
};

class BulkJob {
public:
    BulkJob() = default;
    explicit BulkJob(JobPlan plan);   // marks already/skipped users, builds the write chunks; phase Ready

    // ---- driving ----
    void start(wf::TimeMs now);                         // Ready -> Running (or Finished when nothing to send)
    std::vector<JobSend> take_sends(wf::TimeMs now);    // marks them in flight
    JobUpdate complete(int chunk_id, const wf::Response& response, wf::TimeMs now, wf::Random& random);
    // Cancel: queued users become Cancelled; returns them. Phase Cancelling until in-flight ones finish.
    std::vector<std::string> cancel();
    void resume();                                      // Paused -> Running
    // The requests in flight were abandoned (sign-out cancelled them): their outcome is unknown, so their users
    // are re-checked before anything is written again. Running -> Paused.
    void interrupt();
    std::optional<wf::TimeMs> next_wake() const;        // the earliest backoff deadline, when one is waiting
    // After loading from JSON: every unfinished user is re-checked before anything is written again.
    void prepare_resume();

    // ---- reading ----
    JobPhase phase() const { return phase_; }
    bool active() const;                                // Running, Paused or Cancelling
    bool target_active() const { return plan_.target_active; }
    const std::string& host() const { return plan_.host; }
    const std::string& version() const { return plan_.version; }
    const JobSettings& settings() const { return plan_.settings; }
    const std::vector<JobUser>& users() const { return users_; }
    const JobUser* find(const std::string& id) const;
    const std::vector<Chunk>& chunks() const { return chunks_; }
    JobProgress progress(wf::TimeMs now) const;
    std::vector<std::string> ids_in(UserState state) const;
    // Follow-up jobs: the failed users again (same target), or the users this job changed, back.
    JobPlan retry_plan() const;
    JobPlan undo_plan() const;

    // ---- persistence (no credential in it) ----
    std::string to_json() const;
    static wf::Result<BulkJob> from_json(const std::string& json);

    // Sends of user IDs in writes the server answered with success, per user (tests assert "at most once").
    const std::map<std::string, int>& successful_writes() const { return successful_writes_; }

private:
    JobUser* user(const std::string& id);
    int add_chunk(Chunk::Kind kind, std::vector<std::string> ids, int attempts, wf::TimeMs not_before);
    void queue(Chunk::Kind kind, const std::vector<std::string>& ids, int attempts, wf::TimeMs not_before);
    void finish_user(JobUser& u, UserState state, const std::string& message, JobUpdate& update);
    void finish_users(const std::vector<std::string>& ids, UserState state, const std::string& message,
                      JobUpdate& update);
    // Chunks are addressed by index: adding a chunk may move the others.
    std::size_t chunk_index(int chunk_id) const;   // chunks_.size() when unknown
    void retry_later(std::size_t ci, const wf::Error& error, wf::TimeMs now, wf::Random& random, bool recheck,
                     JobUpdate& update);
    void on_error(std::size_t ci, const wf::Error& error, wf::TimeMs now, wf::Random& random, JobUpdate& update);
    void on_write_answer(std::size_t ci, const std::vector<wf::User>& answer, wf::TimeMs now, JobUpdate& update);
    void on_check_answer(std::size_t ci, const std::vector<wf::User>& answer, wf::TimeMs now, JobUpdate& update);
    void update_phase();
    wf::TimeMs backoff(int attempts, wf::Random& random) const;

    JobPlan plan_;
    JobPhase phase_ = JobPhase::Ready;
    std::vector<JobUser> users_;
    std::map<std::string, std::size_t> index_;
    std::vector<Chunk> chunks_;
    int next_chunk_id_ = 1;
    wf::TimeMs started_at_ = 0;            // first send (for the rate)
    long long finished_by_sends_ = 0;      // users finalised by answers (for the rate)
    std::map<std::string, int> successful_writes_;
};

}  // namespace admin
