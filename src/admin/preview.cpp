// admin/preview.cpp: the dry run: per-user warnings and open-work counts, reads only (see preview.h).
#include "admin/preview.h"

#include <algorithm>

namespace admin {
namespace {

// The three open-work questions, as Workfront count queries about one user.
wf::Filter open_work_filter(int which, const std::string& user_id) {
    wf::Filter f;
    switch (which) {
        case 0: f.add("assignedToID", user_id).add("status", "CPL").add("status_Mod", "notin"); break;
        case 1: f.add("assignedToID", user_id).add("status", "CLS").add("status_Mod", "notin"); break;
        default: f.add("ownerID", user_id).add("status", "CUR").add("status", "PLN").add("status_Mod", "in"); break;
    }
    return f;
}

const char* const kObjCodes[] = {"TASK", "OPTASK", "PROJ"};

}  // namespace

bool PreviewRow::has_open_work() const {
    return open_tasks.value_or(0) > 0 || open_issues.value_or(0) > 0 || owned_projects.value_or(0) > 0;
}

Preview::Preview(Session& session, const Directory& directory) : session_(session), directory_(directory) {
    subscription_ = session_.subscribe([this](Session::Event event) {
        if (event == Session::Event::SignedOut) cancel();
    });
}

Preview::~Preview() {
    session_.unsubscribe(subscription_);
    cancel();
}

const char* Preview::admin_email_note() {
    return "Workfront does not say in advance which user is the system's Admin Email user; it refuses to "
           "deactivate that user when asked. Such a refusal is recorded, and the user is shown as blocked from "
           "then on.";
}

void Preview::start(const std::vector<std::string>& user_ids, bool target_active, int max_in_flight,
                    bool count_open_work) {
    cancel();
    ++generation_;
    rows_.clear();
    answers_left_.clear();
    counting_.clear();
    target_active_ = target_active;
    max_in_flight_ = std::max(1, max_in_flight);
    const auto& protected_users = session_.protected_users();
    std::vector<std::string> seen;
    for (const std::string& id : user_ids) {
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
        seen.push_back(id);
        PreviewRow row;
        row.user_id = id;
        if (const wf::User* u = directory_.user_by_id(id)) {
            row.name = u->name;
            row.email = u->email;
            row.already = u->is_active == target_active;
            row.admin = u->is_admin;
        } else {
            row.known = false;
        }
        row.self = !target_active && id == session_.user().id;
        if (auto it = protected_users.find(id); it != protected_users.end() && !target_active) {
            row.server_protected = true;
            row.protected_message = it->second;
        }
        rows_.push_back(std::move(row));
    }
    answers_left_.assign(rows_.size(), 0);
    counting_.assign(rows_.size(), false);
    // Open work matters only for users about to be deactivated.
    const bool counting = count_open_work && !target_active && session_.signed_in();
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (!counting || !rows_[i].will_change()) {
            rows_[i].counts_finished = true;
            continue;
        }
        answers_left_[i] = 3;
        counting_[i] = true;
        for (int which = 0; which < 3; ++which) queue_.push_back(CountJob{i, which});
    }
    pump();
}

void Preview::pump() {
    while (in_flight_ < max_in_flight_ && !queue_.empty() && session_.signed_in()) {
        const CountJob job = queue_.front();
        queue_.pop_front();
        ++in_flight_;
        const unsigned generation = generation_;
        const wf::Request request =
            wf::object_count_request(session_.endpoint(), session_.auth(), kObjCodes[job.which],
                                     open_work_filter(job.which, rows_[job.row].user_id));
        requests_.push_back(session_.send(request, [this, job, generation](const wf::Response& response) {
            if (generation != generation_) return;
            --in_flight_;
            on_count(job, response);
            pump();
        }));
    }
    if (!session_.signed_in()) {   // signed out mid-way: what was not asked stays unknown
        for (const CountJob& job : queue_) {
            rows_[job.row].counts_error = "not counted: signed out";
            rows_[job.row].counts_finished = true;
        }
        queue_.clear();
    }
}

void Preview::on_count(const CountJob& job, const wf::Response& response) {
    PreviewRow& row = rows_[job.row];
    wf::Result<long long> count = wf::parse_count(response);
    if (count) {
        (job.which == 0 ? row.open_tasks : job.which == 1 ? row.open_issues : row.owned_projects) = count.value();
    } else if (row.counts_error.empty()) {
        row.counts_error = request_problem(count.error()).message;
    }
    if (--answers_left_[job.row] == 0) row.counts_finished = true;
}

void Preview::cancel() {
    ++generation_;
    for (wf::RequestId id : requests_) session_.cancel(id);
    requests_.clear();
    in_flight_ = 0;
    queue_.clear();
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (answers_left_.size() == rows_.size() && answers_left_[i] > 0 && rows_[i].counts_error.empty())
            rows_[i].counts_error = "not counted: the preview was stopped";
        rows_[i].counts_finished = true;
    }
}

void Preview::clear() {
    cancel();
    rows_.clear();
    answers_left_.clear();
    counting_.clear();
}

PreviewSummary Preview::summary() const {
    PreviewSummary s;
    for (const PreviewRow& row : rows_) {
        ++s.total;
        if (row.will_change()) ++s.will_change;
        if (row.already) ++s.already;
        if (row.blocked()) ++s.blocked;
        if (row.admin) ++s.admins;
        if (row.has_open_work()) ++s.with_open_work;
        if (row.will_change() && row.counts_finished && !row.counts_error.empty() && !target_active_)
            ++s.counts_unknown;
    }
    return s;
}

long long Preview::users_to_count() const {
    return static_cast<long long>(std::count(counting_.begin(), counting_.end(), true));
}

long long Preview::users_counted() const {
    long long n = 0;
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (counting_[i] && answers_left_[i] == 0) ++n;
    return n;
}

std::vector<std::string> Preview::ids_to_change() const {
    std::vector<std::string> ids;
    for (const PreviewRow& row : rows_)
        if (row.will_change()) ids.push_back(row.user_id);
    return ids;
}

}  // namespace admin
