// admin/model.cpp: wiring of the admin model's parts (see model.h).
#include "admin/model.h"

namespace admin {

Model::Model(wf::Transport& transport, wf::Clock& clock_, wf::Random& random)
    : clock(clock_),
      session(transport, clock_, directory, log),
      preview(session, directory),
      runner(session, directory, log, clock_, random) {}

const ImportReport& Model::import_list(const std::string& text) {
    import = admin::import_list(text, directory);
    return *import;
}

}  // namespace admin
