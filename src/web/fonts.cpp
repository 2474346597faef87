// web_fonts.cpp: font atlas building (ImGui + stb_truetype, which reads the CJK font's CFF outlines).
#include "web/fonts.h"

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/fetch.h>

#include <cstdio>
#include <cstring>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"   // ImTextCharFromUtf8, ImTextCharToUtf8
#include "ui/strings.h"
#include "web/frame_loop.h"
#include "web/latin_font.h"

namespace web::fonts {

namespace {

// Kept in step with LATIN_RANGES in scripts/lib/fonts.py (what the embedded subset contains).
// Latin with its extensions (Vietnamese too), Greek and Cyrillic: the alphabets of most users' names.
const ImWchar kLatinRanges[] = {0x0020, 0x007E, 0x00A0, 0x024F, 0x0300, 0x036F, 0x0370, 0x03FF, 0x0400, 0x052F,
                                0x1E00, 0x1EFF, 0x2000, 0x206F, 0x20A0, 0x20BF, 0x2100, 0x2122, 0x2190, 0x2195,
                                0x2212, 0x2212, 0};
constexpr double kMinRebuildIntervalMs = 700;   // while names keep arriving, rebuild at most this often
constexpr int kDownloadAttempts = 4;

struct Fonts {
    float dpr = 0;
    std::vector<unsigned char> cjk_data;   // owned here; the atlas only borrows it
    bool cjk_loaded = false;
    int download_attempts = 0;
    std::string cjk_url;
    std::vector<bool> requested;           // code points asked of the CJK font (BMP)
    ImVector<ImWchar> cjk_ranges;
    bool cjk_dirty = false;                // requested grew, or the font arrived, since the last build
    unsigned seen_version = ~0u;
    double last_build_ms = -1e9;
    double last_build_duration_ms = 0;
    int builds = 0;
    bool rebuild_timer_armed = false;
    std::u32string wanted;                 // the last wanted set, for missing_glyphs()
};

Fonts& state() {
    static Fonts f;
    return f;
}

bool in_latin_font(char32_t c) {
    for (const ImWchar* r = kLatinRanges; r[0]; r += 2)
        if (c >= r[0] && c <= r[1]) return true;
    return false;
}

// Adds every character of `text` the Latin font lacks to the requested set; true when the set grew.
bool request(const std::u32string& text) {
    Fonts& f = state();
    bool grew = false;
    for (char32_t c : text) {
        if (c < 0x80 || c > 0xFFFF || in_latin_font(c) || f.requested[c]) continue;
        f.requested[c] = true;
        grew = true;
    }
    return grew;
}

std::u32string utf32_of(const std::string& utf8) {
    std::u32string out;
    const char* p = utf8.c_str();
    const char* end = p + utf8.size();
    while (p < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        out.push_back(static_cast<char32_t>(c));
    }
    return out;
}

// Missing glyphs draw as blank space of the fallback's width instead of '?'.
void make_fallback_blank(ImFont* font) {
    if (const ImFontGlyph* space = font->FindGlyphNoFallback(' ')) {
        font->FallbackGlyph = space;
        font->FallbackChar = ' ';
    }
}

void build() {
    Fonts& f = state();
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;   // the browser draws the cursor (CSS cursor)

    ImFontConfig latin;
    latin.FontDataOwnedByAtlas = false;
    latin.OversampleH = 2;
    latin.OversampleV = 1;
    std::snprintf(latin.Name, sizeof latin.Name, "Noto Sans %.0fpx x%.2f", kFontSizeCss, f.dpr);
    ImFont* font = atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(kLatinFontData), sizeof kLatinFontData,
                                               kFontSizeCss * f.dpr, &latin, kLatinRanges);

    if (f.cjk_loaded) {
        ImFontGlyphRangesBuilder builder;
        for (size_t c = 0; c < f.requested.size(); ++c)
            if (f.requested[c]) builder.AddChar(static_cast<ImWchar>(c));
        f.cjk_ranges.clear();
        builder.BuildRanges(&f.cjk_ranges);
        if (f.cjk_ranges.Size > 1) {
            ImFontConfig cjk;
            cjk.MergeMode = true;
            cjk.FontDataOwnedByAtlas = false;
            cjk.FontNo = 0;
            cjk.OversampleH = 1;   // full-width glyphs on whole pixels: crisp, and a quarter of the atlas
            cjk.OversampleV = 1;
            cjk.PixelSnapH = true;
            std::snprintf(cjk.Name, sizeof cjk.Name, "Noto Sans CJK TC");
            atlas->AddFontFromMemoryTTF(f.cjk_data.data(), static_cast<int>(f.cjk_data.size()), kFontSizeCss * f.dpr,
                                        &cjk, f.cjk_ranges.Data);
        }
    }
    const double started = emscripten_get_now();
    atlas->Build();
    make_fallback_blank(font);
    io.FontGlobalScale = 1.0f / f.dpr;
    f.cjk_dirty = false;
    f.last_build_ms = emscripten_get_now();
    f.last_build_duration_ms = f.last_build_ms - started;
    ++f.builds;
}

void on_rebuild_timer(void*) {
    state().rebuild_timer_armed = false;
    frame_loop::wake();
}

void on_cjk_downloaded(emscripten_fetch_t* fetch) {
    Fonts& f = state();
    if (fetch->status == 200 && fetch->numBytes > 0) {
        f.cjk_data.assign(fetch->data, fetch->data + fetch->numBytes);
        f.cjk_loaded = true;
        f.cjk_dirty = true;
    } else if (++f.download_attempts < kDownloadAttempts) {
        std::fprintf(stderr, "wfadmin: %s: HTTP %d, retrying\n", f.cjk_url.c_str(), fetch->status);
        emscripten_set_timeout([](void*) { start_cjk_download(state().cjk_url.c_str()); },
                               2000.0 * f.download_attempts, nullptr);
    } else {
        std::fprintf(stderr, "wfadmin: could not load %s (HTTP %d)\n", f.cjk_url.c_str(), fetch->status);
    }
    emscripten_fetch_close(fetch);
    frame_loop::wake();
}

}  // namespace

void init(float dpr) {
    Fonts& f = state();
    f.dpr = dpr;
    f.requested.assign(0x10000, false);
    request(utf32_of(ui::all_ui_text()));
    build();
}

void start_cjk_download(const char* url) {
    Fonts& f = state();
    f.cjk_url = url;
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strcpy(attr.requestMethod, "GET");
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY | EMSCRIPTEN_FETCH_REPLACE;
    attr.onsuccess = on_cjk_downloaded;
    attr.onerror = on_cjk_downloaded;
    emscripten_fetch(&attr, url);
}

bool update(float dpr, const std::u32string& wanted, unsigned wanted_version) {
    Fonts& f = state();
    if (wanted_version != f.seen_version) {
        f.seen_version = wanted_version;
        f.wanted = wanted;
        if (request(wanted)) f.cjk_dirty = true;
    }
    const bool dpr_changed = dpr != f.dpr;
    bool rebuild = dpr_changed;
    if (f.cjk_dirty && f.cjk_loaded) {
        const double wait = f.last_build_ms + kMinRebuildIntervalMs - emscripten_get_now();
        // The first CJK build happens at once; later growth is batched.
        if (wait <= 0 || f.cjk_ranges.Size == 0) {
            rebuild = true;
        } else if (!f.rebuild_timer_armed) {
            f.rebuild_timer_armed = true;
            emscripten_set_timeout(on_rebuild_timer, wait + 1, nullptr);
        }
    }
    if (!rebuild) return false;
    f.dpr = dpr;
    build();
    return true;
}

void rebuild() { build(); }

bool cjk_ready() { return state().cjk_loaded && !state().cjk_dirty; }

std::string atlas_json() {
    const Fonts& f = state();
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const int glyphs = atlas->Fonts.empty() ? 0 : atlas->Fonts[0]->Glyphs.Size;
    char json[200];
    std::snprintf(json, sizeof json, "{\"width\":%d,\"height\":%d,\"glyphs\":%d,\"dpr\":%.3f,\"builds\":%d,\"lastBuildMs\":%.1f}",
                  atlas->TexWidth, atlas->TexHeight, glyphs, f.dpr, f.builds, f.last_build_duration_ms);
    return json;
}

std::string missing_glyphs() {
    Fonts& f = state();
    ImFont* font = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
    std::string out;
    if (!font) return out;
    std::u32string all = utf32_of(ui::all_ui_text());
    all += f.wanted;
    std::vector<bool> reported(0x10000, false);
    for (char32_t c : all) {
        if (c < 0x20 || c > 0xFFFF || reported[c] || c == 0x3000 || c == 0xA0) continue;
        reported[c] = true;
        if (font->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
        char utf8[5] = {};
        ImTextCharToUtf8(utf8, static_cast<unsigned int>(c));
        out += utf8;
    }
    return out;
}

}  // namespace web::fonts
