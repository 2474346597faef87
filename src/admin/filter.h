// admin/filter.h: which users the table shows, and the summaries drawn above it: the text/status/admin/licence/
// last-login filter, a histogram of days since last login, and the licence count before and after a planned
// change. Pure functions over the Directory; "now" comes from the Clock so that tests are deterministic.
#pragma once
#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>
#include "admin/directory.h"

namespace admin {

enum class StatusFilter { All, Active, Inactive };
enum class AdminFilter { All, AdminsOnly, NonAdmins };

struct Filter {
    std::string text;                      // words, each found in the name, email or username, in any order;
                                           // folded (case and accents)
    StatusFilter status = StatusFilter::All;
    AdminFilter admins = AdminFilter::All;
    std::set<std::string> licence_types;   // empty: any licence
    int min_days_without_login = 0;        // 0: off; N: last login N or more days ago, or never
    bool never_logged_in = false;          // only users who never logged in

    bool operator==(const Filter& other) const;
    bool operator!=(const Filter& other) const { return !(*this == other); }
};

// True when the filter hides nothing.
bool filter_is_empty(const Filter& filter);

// Whole days from `last_login` to `now` (0 for a date in the future); -1 when never logged in.
long long days_since(wf::TimeMs now, const std::optional<wf::TimeMs>& last_login);

// The filter text as folded words ("Clark  Amélie" -> {"clark", "amelie"}), split at any space.
std::vector<std::string> search_words(std::string_view text);
// True when the row passes every part of the filter; `words` = search_words(filter.text).
bool matches(const UserRow& row, const Filter& filter, const std::vector<std::string>& words, wf::TimeMs now);
// Every row that passes, in directory order.
Rows apply_filter(const Directory& directory, const Filter& filter, wf::TimeMs now);

// The table's rows: filter + sort, recomputed only when the directory, the filter, the sort or the day changes.
class UserView {
public:
    void set_filter(const Filter& filter);
    void set_sort(SortColumn column, bool descending);
    const Filter& filter() const { return filter_; }
    SortColumn sort_column() const { return column_; }
    bool sort_descending() const { return descending_; }
    // Cached. While the directory is still loading, pages arrive many times a second: the view is then
    // re-filtered and re-sorted at most every kLoadingRefreshMs (rows only grow during a load, so the
    // cached indices stay valid); any filter or sort change, and the end of the load, refresh at once.
    const Rows& rows(const Directory& directory, wf::TimeMs now);
    static constexpr wf::TimeMs kLoadingRefreshMs = 400;

private:
    Filter filter_;
    SortColumn column_ = SortColumn::Name;
    bool descending_ = false;
    Rows rows_;
    bool dirty_ = true;
    std::uint64_t revision_ = ~0ull;
    long long day_ = -1;
    wf::TimeMs computed_at_ = 0;
    const Directory* directory_ = nullptr;
};

// Days since last login, in the buckets the offboarding view draws.
enum class LoginBucket { D0_30, D31_90, D91_180, D181_365, Y1_2, Over2Y, Never, Count };
const char* bucket_label(LoginBucket bucket);   // "0–30 days", ..., "never"
LoginBucket login_bucket(wf::TimeMs now, const std::optional<wf::TimeMs>& last_login);
struct LoginHistogram {
    std::array<long long, static_cast<size_t>(LoginBucket::Count)> counts{};
    long long total = 0;
};
LoginHistogram login_histogram(const Directory& directory, const Rows& rows, wf::TimeMs now);

// Active users per licence type, now and after `planned_ids` are set to `target_active`.
struct LicenceCount {
    long long now = 0;
    long long after = 0;
};
std::map<std::string, LicenceCount> licence_summary(const Directory& directory,
                                                    const std::vector<std::string>& planned_ids,
                                                    bool target_active);

}  // namespace admin
