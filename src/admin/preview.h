// admin/preview.h: the dry run before a bulk change. For each selected user: would it change, is it blocked,
// and (for deactivation) how much open work would be left behind: open tasks (TASK assignedToID, status not
// CPL), open issues (OPTASK assignedToID, status not CLS), owned projects (PROJ ownerID, status CUR or PLN),
// through count queries with bounded concurrency. Reads only: a preview sends zero writes.
// The system's Admin Email user cannot be known in advance: Workfront only says so when it refuses the change.
// Users it refused earlier in this session are shown as blocked.
#pragma once
#include <deque>
#include <optional>
#include <string>
#include <vector>
#include "admin/directory.h"
#include "admin/problem.h"
#include "admin/session.h"

namespace admin {

struct PreviewRow {
    std::string user_id;
    std::string name;
    std::string email;
    bool known = true;                // in the directory
    bool already = false;             // already in the target state: will be skipped
    bool self = false;                // the signed-in user: blocked
    bool server_protected = false;    // refused by the server earlier in this session: blocked
    std::string protected_message;    // the server's words
    bool admin = false;               // a system administrator (a warning, not a block)
    // Open work: nullopt while not yet counted, or "unknown" when the API refused (see counts_error).
    std::optional<long long> open_tasks;
    std::optional<long long> open_issues;
    std::optional<long long> owned_projects;
    bool counts_finished = false;     // all three answered or failed
    std::string counts_error;         // why a count is unknown

    bool blocked() const { return self || server_protected || !known; }
    bool will_change() const { return !blocked() && !already; }
    bool has_open_work() const;       // any count > 0
};

struct PreviewSummary {
    long long total = 0;
    long long will_change = 0;
    long long already = 0;
    long long blocked = 0;
    long long admins = 0;
    long long with_open_work = 0;
    long long counts_unknown = 0;     // users whose open work could not be counted
};

class Preview {
public:
    Preview(Session& session, const Directory& directory);
    ~Preview();
    Preview(const Preview&) = delete;
    Preview& operator=(const Preview&) = delete;

    // Builds the rows from the directory at once; open-work counts (deactivation only, for users that would
    // change) follow as the answers arrive, at most `max_in_flight` requests at a time.
    void start(const std::vector<std::string>& user_ids, bool target_active, int max_in_flight = 3,
               bool count_open_work = true);
    void cancel();   // stops counting; rows stay
    void clear();

    bool active() const { return !rows_.empty() || running(); }
    bool running() const { return !queue_.empty() || in_flight_ != 0; }
    bool target_active() const { return target_active_; }
    const std::vector<PreviewRow>& rows() const { return rows_; }
    PreviewSummary summary() const;
    long long users_counted() const;             // users whose counts finished (for "12 of 40")
    long long users_to_count() const;
    std::vector<std::string> ids_to_change() const;   // will_change() rows, in order
    static const char* admin_email_note();       // why the Admin Email user is not flagged in advance

private:
    struct CountJob {
        std::size_t row;
        int which;   // 0 tasks, 1 issues, 2 projects
    };
    void pump();
    void on_count(const CountJob& job, const wf::Response& response);

    Session& session_;
    const Directory& directory_;
    std::vector<PreviewRow> rows_;
    std::vector<int> answers_left_;     // per row: count answers still to come
    std::vector<bool> counting_;        // per row: open work is being counted
    bool target_active_ = false;
    int max_in_flight_ = 3;
    int in_flight_ = 0;
    std::deque<CountJob> queue_;
    std::vector<wf::RequestId> requests_;
    unsigned generation_ = 0;   // answers from an earlier start() are ignored
    int subscription_ = 0;      // sign-out cancels our requests: stop counting then
};

}  // namespace admin
