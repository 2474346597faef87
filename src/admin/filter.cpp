// admin/filter.cpp: the table's filter, the last-login histogram and the licence summary (see filter.h).
#include "admin/filter.h"

#include <unordered_set>
#include "admin/text_fold.h"

namespace admin {
namespace {
constexpr wf::TimeMs kDayMs = 86'400'000;
}

bool Filter::operator==(const Filter& o) const {
    return text == o.text && status == o.status && admins == o.admins && licence_types == o.licence_types &&
           min_days_without_login == o.min_days_without_login && never_logged_in == o.never_logged_in;
}

bool filter_is_empty(const Filter& f) {
    return trim(f.text).empty() && f.status == StatusFilter::All && f.admins == AdminFilter::All &&
           f.licence_types.empty() && f.min_days_without_login <= 0 && !f.never_logged_in;
}

long long days_since(wf::TimeMs now, const std::optional<wf::TimeMs>& last_login) {
    if (!last_login) return -1;
    if (*last_login >= now) return 0;
    return (now - *last_login) / kDayMs;
}

std::vector<std::string> search_words(std::string_view text) {
    const std::string folded = fold(text);
    std::vector<std::string> words;
    std::size_t i = 0;
    const auto space_at = [&](std::size_t k) -> std::size_t {   // the separator's length at k, or 0
        const char c = folded[k];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
        if (folded.compare(k, 2, "\xC2\xA0") == 0) return 2;   // no-break space
        return 0;
    };
    while (i < folded.size()) {
        if (const std::size_t n = space_at(i)) {
            i += n;
            continue;
        }
        std::size_t end = i;
        while (end < folded.size() && !space_at(end)) ++end;
        words.push_back(folded.substr(i, end - i));
        i = end;
    }
    return words;
}

bool matches(const UserRow& row, const Filter& f, const std::vector<std::string>& words, wf::TimeMs now) {
    const wf::User& u = row.user;
    if (f.status == StatusFilter::Active && !u.is_active) return false;
    if (f.status == StatusFilter::Inactive && u.is_active) return false;
    if (f.admins == AdminFilter::AdminsOnly && !u.is_admin) return false;
    if (f.admins == AdminFilter::NonAdmins && u.is_admin) return false;
    if (!f.licence_types.empty() && !f.licence_types.count(u.license_type)) return false;
    if (f.never_logged_in && u.last_login) return false;
    if (f.min_days_without_login > 0 && u.last_login && days_since(now, u.last_login) < f.min_days_without_login)
        return false;
    for (const std::string& word : words)
        if (row.name_key.find(word) == std::string::npos && row.email_key.find(word) == std::string::npos &&
            row.username_key.find(word) == std::string::npos)
            return false;
    return true;
}

Rows apply_filter(const Directory& directory, const Filter& filter, wf::TimeMs now) {
    const std::vector<std::string> words = search_words(filter.text);
    Rows rows;
    rows.reserve(directory.size());
    for (RowIndex i = 0; i < directory.size(); ++i)
        if (matches(directory.row(i), filter, words, now)) rows.push_back(i);
    return rows;
}

void UserView::set_filter(const Filter& filter) {
    if (filter == filter_) return;
    filter_ = filter;
    dirty_ = true;
}

void UserView::set_sort(SortColumn column, bool descending) {
    if (column == column_ && descending == descending_) return;
    column_ = column;
    descending_ = descending;
    dirty_ = true;
}

const Rows& UserView::rows(const Directory& directory, wf::TimeMs now) {
    // The day matters only to the last-login filter; recomputing once a day keeps it right for long sessions.
    const long long day = now / kDayMs;
    const bool throttled = !dirty_ && &directory == directory_ &&
                           directory.load_state() == Directory::LoadState::Loading &&
                           now - computed_at_ < kLoadingRefreshMs;
    if (!throttled && (dirty_ || &directory != directory_ || directory.revision() != revision_ ||
                       (day != day_ && filter_.min_days_without_login > 0))) {
        rows_ = directory.sorted(apply_filter(directory, filter_, now), column_, descending_);
        directory_ = &directory;
        revision_ = directory.revision();
        day_ = day;
        computed_at_ = now;
        dirty_ = false;
    }
    return rows_;
}

const char* bucket_label(LoginBucket bucket) {
    switch (bucket) {
        case LoginBucket::D0_30: return "0\xE2\x80\x93" "30 days";
        case LoginBucket::D31_90: return "31\xE2\x80\x93" "90 days";
        case LoginBucket::D91_180: return "91\xE2\x80\x93" "180 days";
        case LoginBucket::D181_365: return "181\xE2\x80\x93" "365 days";
        case LoginBucket::Y1_2: return "1\xE2\x80\x93" "2 years";
        case LoginBucket::Over2Y: return "> 2 years";
        case LoginBucket::Never: return "never";
        case LoginBucket::Count: break;
    }
    return "";
}

LoginBucket login_bucket(wf::TimeMs now, const std::optional<wf::TimeMs>& last_login) {
    const long long d = days_since(now, last_login);
    if (d < 0) return LoginBucket::Never;
    if (d <= 30) return LoginBucket::D0_30;
    if (d <= 90) return LoginBucket::D31_90;
    if (d <= 180) return LoginBucket::D91_180;
    if (d <= 365) return LoginBucket::D181_365;
    if (d <= 730) return LoginBucket::Y1_2;
    return LoginBucket::Over2Y;
}

LoginHistogram login_histogram(const Directory& directory, const Rows& rows, wf::TimeMs now) {
    LoginHistogram h;
    for (RowIndex r : rows) {
        ++h.counts[static_cast<std::size_t>(login_bucket(now, directory.user(r).last_login))];
        ++h.total;
    }
    return h;
}

std::map<std::string, LicenceCount> licence_summary(const Directory& directory,
                                                    const std::vector<std::string>& planned_ids,
                                                    bool target_active) {
    std::map<std::string, LicenceCount> summary;
    for (RowIndex i = 0; i < directory.size(); ++i) {
        const wf::User& u = directory.user(i);
        if (!u.is_active) continue;
        summary[u.license_type].now += 1;
        summary[u.license_type].after += 1;
    }
    std::unordered_set<RowIndex> seen;   // a user listed twice changes the count once
    for (const std::string& id : planned_ids) {
        auto row = directory.find_id(id);
        if (!row || !seen.insert(*row).second) continue;
        const wf::User& u = directory.user(*row);
        if (u.is_active == target_active) continue;
        summary[u.license_type].after += target_active ? 1 : -1;
    }
    return summary;
}

}  // namespace admin
