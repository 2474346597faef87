// admin/model.h: the whole admin model in one object, for the views (src/ui) to own: the session, the users,
// the table's filter/sort, the selection, the last imported list, the dry run and the bulk runner, the log.
// Views read these members and call their commands; nothing here draws or knows about the browser.
#pragma once
#include <optional>
#include <string>
#include "admin/audit_log.h"
#include "admin/bulk_runner.h"
#include "admin/directory.h"
#include "admin/filter.h"
#include "admin/list_import.h"
#include "admin/preview.h"
#include "admin/selection.h"
#include "admin/session.h"

namespace admin {

struct Model {
    Model(wf::Transport& transport, wf::Clock& clock, wf::Random& random);

    // Parses `text` against the directory and keeps the report (import.matched_ids can then be selected).
    const ImportReport& import_list(const std::string& text);
    void clear_import() { import.reset(); }
    wf::TimeMs now() const { return clock.now(); }

    wf::Clock& clock;
    Directory directory;
    AuditLog log;
    Session session;
    UserView view;
    Selection selection;
    std::optional<ImportReport> import;
    Preview preview;
    BulkRunner runner;
};

}  // namespace admin
