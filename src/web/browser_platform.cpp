// web_browser_platform.cpp: the DOM side of ui::Platform, as small EM_JS functions.
#include "web/browser_platform.h"

#include <emscripten/emscripten.h>

#include <cstdlib>

EM_JS(void, wf_js_download, (const char* filename, const char* mime, const char* data, int size), {
    var bytes = HEAPU8.slice(data, data + size);
    var blob = new Blob([bytes], {type: UTF8ToString(mime)});
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(filename);
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
});

// Returns a malloc'd UTF-8 copy of the stored value, or 0 when absent.
EM_JS(char*, wf_js_storage_get, (const char* key), {
    var value = null;
    try { value = window.localStorage.getItem(UTF8ToString(key)); } catch (e) {}
    if (value === null) return 0;
    var size = lengthBytesUTF8(value) + 1;
    var out = _malloc(size);
    stringToUTF8(value, out, size);
    return out;
});

EM_JS(void, wf_js_storage_set, (const char* key, const char* value), {
    try { window.localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});

EM_JS(void, wf_js_storage_remove, (const char* key), {
    try { window.localStorage.removeItem(UTF8ToString(key)); } catch (e) {}
});

namespace web {

void BrowserPlatform::download(const std::string& filename, const std::string& mime, const std::string& data) {
    wf_js_download(filename.c_str(), mime.c_str(), data.data(), static_cast<int>(data.size()));
}

std::string BrowserPlatform::storage_get(const std::string& key) {
    char* value = wf_js_storage_get(key.c_str());
    if (!value) return {};
    std::string out(value);
    std::free(value);
    return out;
}

void BrowserPlatform::storage_set(const std::string& key, const std::string& value) {
    wf_js_storage_set(key.c_str(), value.c_str());
}

void BrowserPlatform::storage_remove(const std::string& key) { wf_js_storage_remove(key.c_str()); }

}  // namespace web
