// admin/directory.h: every user of the tenant, in memory, with the indexes and keys the views need to find,
// filter and sort 50,000 users within a frame. Rows are addressed by index (stable: rows are never removed
// or reordered once loaded; a new load replaces the whole directory).
// Filling it is the Session's job (it runs wf::DirectoryLoader); the Directory itself never talks to anyone.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>
#include "workfront/directory_loader.h"
#include "workfront/user.h"

namespace admin {

using RowIndex = std::uint32_t;
using Rows = std::vector<RowIndex>;   // a view: row indices in display order

struct UserRow {
    wf::User user;
    std::string name_key;       // fold(name), for search and sort
    std::string email_key;      // fold(email)
    std::string username_key;   // fold(username)
};

enum class SortColumn { Name, Username, Email, Active, LastLogin, Licence, Admin };

struct Counts {
    long long active = 0;
    long long inactive = 0;
    long long total = 0;
};

class Directory {
public:
    enum class LoadState { Empty, Loading, Loaded, Failed };

    // ---- filling (the Session calls these) ----
    void clear();                                           // back to Empty
    void begin_load();                                      // Loading; rows cleared
    void set_progress(const wf::LoadProgress& progress);
    void add_users(std::vector<wf::User>&& users);          // a page as it arrives; merged by ID
    void add_users(const std::vector<wf::User>& users);
    // The load is complete. `users`, when given, is merged like a page (a loader that streams every version
    // through add_users passes none).
    void finish_load(const std::vector<wf::User>& users = {});
    void fail_load(const std::string& message);             // keeps rows already loaded, LoadState::Failed
    // A row updated from a server answer (PUT /user, bulk PUT, search). A full record (one that carries an
    // email or username) replaces the row; a partial one (ID, name, isActive) updates only those.
    // Unknown IDs are added. Returns the row index.
    RowIndex apply(const wf::User& user);

    // ---- reading ----
    LoadState load_state() const { return state_; }
    bool loaded() const { return state_ == LoadState::Loaded; }
    const wf::LoadProgress& progress() const { return progress_; }
    std::string progress_text() const;                      // "12,000 of 48,210" (or "12,000" before the count)
    const std::string& load_error() const { return load_error_; }

    std::size_t size() const { return rows_.size(); }
    const UserRow& row(RowIndex index) const { return rows_[index]; }
    const wf::User& user(RowIndex index) const { return rows_[index].user; }
    std::optional<RowIndex> find_id(const std::string& id) const;                   // case-insensitive
    const std::vector<RowIndex>& find_email(const std::string& email) const;        // folded match; may be several
    const std::vector<RowIndex>& find_username(const std::string& username) const;  // folded match
    const wf::User* user_by_id(const std::string& id) const;
    Counts counts() const { return counts_; }
    Rows all_rows() const;                                  // 0..size-1

    // `rows` reordered by `column` (stable: equal keys keep their order in `rows`), ascending or descending.
    // Uses a per-column rank table computed once per revision, so it is an integer sort.
    Rows sorted(Rows rows, SortColumn column, bool descending) const;

    // Bumped whenever a row changes or rows are added: views cache filter/sort results against it.
    std::uint64_t revision() const { return revision_; }

private:
    void reserve(std::size_t rows);
    RowIndex insert_row(wf::User user);
    void index_row(RowIndex index);
    void unindex_row(RowIndex index);
    void count_row(const wf::User& user, int sign);
    void update_row(RowIndex index, const wf::User& user, bool full);
    const std::vector<std::uint32_t>& ranks(SortColumn column) const;

    LoadState state_ = LoadState::Empty;
    wf::LoadProgress progress_;
    std::string load_error_;
    std::vector<UserRow> rows_;
    std::unordered_map<std::string, RowIndex> by_id_;                  // lowercase ID
    // Folded email / username -> rows. Built on the first lookup after a load (a list import), then kept up
    // to date: building them while 50,000 users stream in would cost the load ~100,000 allocations.
    void text_indexes() const;
    void index_text(RowIndex index) const;
    mutable std::unordered_map<std::string, std::vector<RowIndex>> by_email_;
    mutable std::unordered_map<std::string, std::vector<RowIndex>> by_username_;
    mutable bool text_indexes_stale_ = true;
    Counts counts_;
    std::uint64_t revision_ = 0;
    std::unordered_map<std::string, bool> touched_;                    // applied while loading: keep
    // Per SortColumn: the rows in sorted order and the rank of each row (equal keys, equal rank). Rows
    // appended since (pages arriving) are sorted on their own and merged in; a changed key empties it.
    struct RankCache {
        std::vector<RowIndex> order;
        std::vector<std::uint32_t> rank;
    };
    mutable std::vector<RankCache> rank_cache_;
};

}  // namespace admin
