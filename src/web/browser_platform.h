// web_browser_platform.h: ui::Platform in the browser.
//  [X] download(): a Blob and a temporary <a download> (CSV exports), with the object URL revoked afterwards.
//  [X] storage_*(): window.localStorage, tolerant of browsers that refuse it (private modes, quotas):
//      reads then return "", writes are dropped. Only non-secret state is stored (the views' rule).
#pragma once
#include "ui/app.h"

namespace web {

class BrowserPlatform final : public ui::Platform {
public:
    void download(const std::string& filename, const std::string& mime, const std::string& data) override;
    std::string storage_get(const std::string& key) override;
    void storage_set(const std::string& key, const std::string& value) override;
    void storage_remove(const std::string& key) override;
};

}  // namespace web
