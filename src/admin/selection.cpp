// admin/selection.cpp: the selected user IDs and the click/shift-click/select-all gestures (see selection.h).
#include "admin/selection.h"

#include <algorithm>

namespace admin {

void Selection::set(const std::string& id, bool selected) {
    if (selected) ids_.insert(id);
    else ids_.erase(id);
}

void Selection::toggle(const std::string& id) {
    set(id, !contains(id));
    anchor_ = id;
}

void Selection::extend_to(const std::string& id, const Directory& directory, const Rows& view) {
    std::ptrdiff_t from = -1, to = -1;
    for (std::size_t i = 0; i < view.size() && (from < 0 || to < 0); ++i) {
        const std::string& row_id = directory.user(view[i]).id;
        if (row_id == anchor_) from = static_cast<std::ptrdiff_t>(i);
        if (row_id == id) to = static_cast<std::ptrdiff_t>(i);
    }
    if (anchor_.empty() || from < 0 || to < 0) {
        toggle(id);
        return;
    }
    // The anchor keeps its state and lends it to the range; the anchor stays put so the range can be
    // adjusted with another shift-click, as in file managers.
    const bool state = contains(anchor_);
    for (std::ptrdiff_t i = std::min(from, to); i <= std::max(from, to); ++i)
        set(directory.user(view[static_cast<std::size_t>(i)]).id, state);
}

void Selection::select_rows(const Directory& directory, const Rows& rows) {
    for (RowIndex r : rows) ids_.insert(directory.user(r).id);
}

void Selection::select_ids(const std::vector<std::string>& ids) {
    for (const std::string& id : ids) ids_.insert(id);
}

void Selection::clear() {
    ids_.clear();
    anchor_.clear();
}

std::vector<std::string> Selection::ids(const Directory& directory) const {
    std::vector<std::pair<RowIndex, const std::string*>> known;
    std::vector<std::string> unknown;
    for (const std::string& id : ids_) {
        if (auto row = directory.find_id(id)) known.emplace_back(*row, &id);
        else unknown.push_back(id);
    }
    std::sort(known.begin(), known.end());
    std::sort(unknown.begin(), unknown.end());
    std::vector<std::string> out;
    out.reserve(ids_.size());
    for (auto& k : known) out.push_back(*k.second);
    for (auto& u : unknown) out.push_back(u);
    return out;
}

}  // namespace admin
