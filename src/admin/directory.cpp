// admin/directory.cpp: the users in memory, their indexes, counts and sort ranks (see directory.h).
#include "admin/directory.h"

#include <algorithm>
#include <numeric>
#include "admin/text_fold.h"

namespace admin {
namespace {

constexpr int kColumns = 7;

std::string lower_ascii(const std::string& s) {
    std::string out = s;
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string thousands(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

const std::vector<RowIndex> kNoRows;

bool same_user(const wf::User& a, const wf::User& b) {
    return a.is_active == b.is_active && a.name == b.name && a.email == b.email && a.username == b.username &&
           a.last_login == b.last_login && a.license_type == b.license_type && a.is_admin == b.is_admin &&
           a.first_name == b.first_name && a.last_name == b.last_name && a.title == b.title &&
           a.access_level_id == b.access_level_id && a.sso_only == b.sso_only && a.entry_date == b.entry_date &&
           a.login_count == b.login_count;
}

// Is `a` before `b` when sorting by `column` ascending? (Ties: neither.)
bool less_by(SortColumn column, const UserRow& a, const UserRow& b) {
    switch (column) {
        case SortColumn::Name: return a.name_key < b.name_key;
        case SortColumn::Username: return a.username_key < b.username_key;
        case SortColumn::Email: return a.email_key < b.email_key;
        case SortColumn::Active: return a.user.is_active < b.user.is_active;
        case SortColumn::LastLogin: {   // never logged in first, then oldest to newest
            const auto& x = a.user.last_login;
            const auto& y = b.user.last_login;
            if (!x || !y) return !x && y;
            return *x < *y;
        }
        case SortColumn::Licence: return a.user.license_type < b.user.license_type;
        case SortColumn::Admin: return a.user.is_admin < b.user.is_admin;
    }
    return false;
}

}  // namespace

void Directory::clear() {
    rows_.clear();
    by_id_.clear();
    by_email_.clear();
    by_username_.clear();
    text_indexes_stale_ = true;
    touched_.clear();
    counts_ = {};
    progress_ = {};
    load_error_.clear();
    state_ = LoadState::Empty;
    rank_cache_.assign(kColumns, {});
    ++revision_;
}

void Directory::begin_load() {
    clear();
    state_ = LoadState::Loading;
}

void Directory::set_progress(const wf::LoadProgress& progress) {
    progress_ = progress;
    if (progress.expected > 0) reserve(static_cast<std::size_t>(progress.expected));   // one allocation, not 20
    ++revision_;
}

void Directory::reserve(std::size_t rows) {
    // Rows are large (a User and three keys): growing them page by page would copy the table each time.
    if (rows <= rows_.capacity()) return;
    const std::size_t target = std::max(rows, rows_.capacity() * 2);
    rows_.reserve(target);
    by_id_.reserve(target);
}

void Directory::add_users(const std::vector<wf::User>& users) { add_users(std::vector<wf::User>(users)); }

void Directory::add_users(std::vector<wf::User>&& users) {
    reserve(rows_.size() + users.size());
    for (wf::User& u : users) {
        const std::string key = lower_ascii(u.id);
        auto it = by_id_.find(key);
        if (it == by_id_.end()) insert_row(std::move(u));
        else if (!touched_.count(key) && !same_user(rows_[it->second].user, u)) update_row(it->second, u, true);
    }
    ++revision_;   // appended rows are merged into the sort ranks when next asked for (ranks())
}

void Directory::finish_load(const std::vector<wf::User>& users) {
    // Merge rather than replace: rows changed by a server answer during the load (apply) are newer than the
    // page that carried them.
    if (!users.empty()) add_users(users);
    touched_.clear();
    state_ = LoadState::Loaded;
    progress_.loaded = static_cast<long long>(rows_.size());
    if (progress_.expected < 0) progress_.expected = progress_.loaded;
    ++revision_;
}

void Directory::fail_load(const std::string& message) {
    load_error_ = message;
    state_ = LoadState::Failed;
    ++revision_;
}

RowIndex Directory::apply(const wf::User& user) {
    const std::string key = lower_ascii(user.id);
    if (state_ == LoadState::Loading) touched_[key] = true;
    auto it = by_id_.find(key);
    RowIndex index;
    if (it == by_id_.end()) {
        index = insert_row(user);
    } else {
        index = it->second;
        update_row(index, user, !user.email.empty() || !user.username.empty());
    }
    ++revision_;
    return index;
}

void Directory::update_row(RowIndex index, const wf::User& user, bool full) {
    UserRow& row = rows_[index];
    const wf::User old = row.user;
    count_row(old, -1);
    unindex_row(index);
    if (full) {
        const std::string id = row.user.id;   // keep the ID as first stored
        row.user = user;
        row.user.id = id;
    } else {
        if (!user.name.empty()) row.user.name = user.name;
        row.user.is_active = user.is_active;
    }
    index_row(index);
    count_row(row.user, +1);
    // Only the sort ranks whose key changed are recomputed.
    const wf::User& now = row.user;
    if (rank_cache_.size() != kColumns) rank_cache_.assign(kColumns, {});
    auto drop = [&](SortColumn c) { rank_cache_[static_cast<int>(c)] = {}; };
    if (old.name != now.name) drop(SortColumn::Name);
    if (old.username != now.username) drop(SortColumn::Username);
    if (old.email != now.email) drop(SortColumn::Email);
    if (old.is_active != now.is_active) drop(SortColumn::Active);
    if (old.last_login != now.last_login) drop(SortColumn::LastLogin);
    if (old.license_type != now.license_type) drop(SortColumn::Licence);
    if (old.is_admin != now.is_admin) drop(SortColumn::Admin);
}

RowIndex Directory::insert_row(wf::User user) {
    const RowIndex index = static_cast<RowIndex>(rows_.size());
    rows_.push_back(UserRow{std::move(user), {}, {}, {}});
    index_row(index);
    count_row(rows_[index].user, +1);
    return index;   // merged into the sort ranks when next asked for (ranks())
}

void Directory::index_row(RowIndex index) {
    UserRow& row = rows_[index];
    row.name_key = fold(row.user.name);
    row.email_key = fold(row.user.email);
    row.username_key = fold(row.user.username);
    by_id_[lower_ascii(row.user.id)] = index;
    if (!text_indexes_stale_) index_text(index);   // else built when first looked up (text_indexes())
}

void Directory::index_text(RowIndex index) const {
    const UserRow& row = rows_[index];
    if (!row.email_key.empty()) by_email_[row.email_key].push_back(index);
    if (!row.username_key.empty()) by_username_[row.username_key].push_back(index);
}

void Directory::unindex_row(RowIndex index) {
    const UserRow& row = rows_[index];
    auto remove = [index](std::unordered_map<std::string, std::vector<RowIndex>>& map, const std::string& key) {
        auto it = map.find(key);
        if (it == map.end()) return;
        auto& v = it->second;
        v.erase(std::remove(v.begin(), v.end(), index), v.end());
        if (v.empty()) map.erase(it);
    };
    if (text_indexes_stale_) return;
    remove(by_email_, row.email_key);
    remove(by_username_, row.username_key);
}

void Directory::count_row(const wf::User& user, int sign) {
    (user.is_active ? counts_.active : counts_.inactive) += sign;
    counts_.total += sign;
}

std::string Directory::progress_text() const {
    const long long loaded = state_ == LoadState::Loaded ? static_cast<long long>(rows_.size()) : progress_.loaded;
    if (progress_.expected < 0) return thousands(loaded);
    return thousands(loaded) + " of " + thousands(progress_.expected);
}

void Directory::text_indexes() const {
    if (!text_indexes_stale_) return;
    by_email_.clear();
    by_username_.clear();
    by_email_.reserve(rows_.size());
    by_username_.reserve(rows_.size());
    for (RowIndex i = 0; i < rows_.size(); ++i) index_text(i);
    text_indexes_stale_ = false;
}

std::optional<RowIndex> Directory::find_id(const std::string& id) const {
    auto it = by_id_.find(lower_ascii(id));
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
}

const std::vector<RowIndex>& Directory::find_email(const std::string& email) const {
    text_indexes();
    auto it = by_email_.find(fold(email));
    return it == by_email_.end() ? kNoRows : it->second;
}

const std::vector<RowIndex>& Directory::find_username(const std::string& username) const {
    text_indexes();
    auto it = by_username_.find(fold(username));
    return it == by_username_.end() ? kNoRows : it->second;
}

const wf::User* Directory::user_by_id(const std::string& id) const {
    auto index = find_id(id);
    return index ? &rows_[*index].user : nullptr;
}

Rows Directory::all_rows() const {
    Rows rows(rows_.size());
    std::iota(rows.begin(), rows.end(), RowIndex{0});
    return rows;
}

const std::vector<std::uint32_t>& Directory::ranks(SortColumn column) const {
    if (rank_cache_.size() != kColumns) rank_cache_.assign(kColumns, {});
    RankCache& cache = rank_cache_[static_cast<int>(column)];
    std::vector<std::uint32_t>& rank = cache.rank;
    if (cache.order.size() == rows_.size()) return rank;   // order and rank grow together
    // Rows are only ever appended, so the cached order covers rows 0..k-1: sort the new ones and merge them
    // in, O(n) instead of sorting 50,000 rows again for every page (equal keys share a rank, so their order
    // here does not matter; sorted() keeps them in the order it was given).
    auto less = [&](RowIndex a, RowIndex b) { return less_by(column, rows_[a], rows_[b]); };
    Rows& order = cache.order;
    const std::size_t known = order.size() <= rows_.size() ? order.size() : 0;
    order.resize(known);
    for (std::size_t i = known; i < rows_.size(); ++i) order.push_back(static_cast<RowIndex>(i));
    std::stable_sort(order.begin() + long(known), order.end(), less);
    std::inplace_merge(order.begin(), order.begin() + long(known), order.end(), less);
    rank.assign(rows_.size(), 0);
    std::uint32_t r = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i > 0 && less_by(column, rows_[order[i - 1]], rows_[order[i]])) ++r;
        rank[order[i]] = r;
    }
    return rank;
}

Rows Directory::sorted(Rows rows, SortColumn column, bool descending) const {
    const std::vector<std::uint32_t>& rank = ranks(column);
    if (descending)
        std::stable_sort(rows.begin(), rows.end(), [&](RowIndex a, RowIndex b) { return rank[a] > rank[b]; });
    else
        std::stable_sort(rows.begin(), rows.end(), [&](RowIndex a, RowIndex b) { return rank[a] < rank[b]; });
    return rows;
}

}  // namespace admin
