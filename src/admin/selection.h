// admin/selection.h: the users picked for a bulk change, as a set of IDs (so it survives re-sorting, filtering
// and reloads), with the file-manager gestures: click toggles, shift-click extends a range over the current
// view order, "select all N matching".
#pragma once
#include <string>
#include <unordered_set>
#include <vector>
#include "admin/directory.h"

namespace admin {

class Selection {
public:
    bool contains(const std::string& id) const { return ids_.count(id) != 0; }
    std::size_t count() const { return ids_.size(); }
    bool empty() const { return ids_.empty(); }

    void set(const std::string& id, bool selected);
    void toggle(const std::string& id);          // and makes `id` the anchor of the next shift-click
    // Shift-click on `id`: every row between the anchor and `id` in `view` (inclusive) takes the anchor's
    // state (selected, or not). Without an anchor in `view` it is a plain toggle.
    void extend_to(const std::string& id, const Directory& directory, const Rows& view);
    void select_rows(const Directory& directory, const Rows& rows);   // "select all N matching"
    void select_ids(const std::vector<std::string>& ids);             // e.g. an imported list
    void clear();

    // The selected IDs in directory order (IDs unknown to the directory last, sorted).
    std::vector<std::string> ids(const Directory& directory) const;
    const std::unordered_set<std::string>& id_set() const { return ids_; }
    const std::string& anchor() const { return anchor_; }

private:
    std::unordered_set<std::string> ids_;
    std::string anchor_;
};

}  // namespace admin
