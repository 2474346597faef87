// web_fonts.cpp: font atlas building: the embedded Latin font through ImGui + stb_truetype, everything else as
// custom glyph rectangles filled with the browser's rasterisation (web::browser_glyphs).
#include "web/fonts.h"

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"   // ImTextCharFromUtf8, ImTextCharToUtf8
#include "ui/strings.h"
#include "web/browser_glyphs.h"
#include "web/frame_loop.h"
#include "web/latin_font.h"

namespace web::fonts {

namespace {

// Kept in step with LATIN_RANGES in scripts/lib/fonts.py (what the embedded subset contains).
// Latin with its extensions (Vietnamese too), combining marks, Greek and Cyrillic: the alphabets of most names.
const ImWchar kLatinRanges[] = {0x0020, 0x007E, 0x00A0, 0x024F, 0x0300, 0x036F, 0x0370, 0x03FF, 0x0400, 0x052F,
                                0x1E00, 0x1EFF, 0x2000, 0x206F, 0x20A0, 0x20BF, 0x2100, 0x2122, 0x2190, 0x2195,
                                0x2212, 0x2212, 0};
constexpr double kMinRebuildIntervalMs = 700;   // while names keep arriving, rebuild at most this often
constexpr char32_t kReplacement = 0xFFFD;       // ImGui's preferred fallback glyph: drawn here as the box

struct Fonts {
    float dpr = 0;
    std::unordered_set<char32_t> latin;              // what the embedded font really has
    std::vector<char32_t> browser;                   // characters asked of the browser, in order of arrival
    std::unordered_set<char32_t> browser_set;
    std::unordered_map<char32_t, browser_glyphs::Bitmap> bitmaps;   // at `dpr`; absent ones too
    std::unordered_set<char32_t> absent;             // no font on this system has them: drawn as a box
    bool dirty = false;                              // `browser` grew since the last build
    bool browser_built = false;                      // the atlas holds the browser's glyphs
    unsigned seen_version = ~0u;
    double last_build_ms = -1e9;
    double last_build_duration_ms = 0;
    double last_rasterise_ms = 0;
    int builds = 0;
    bool rebuild_timer_armed = false;
    std::u32string wanted;                           // the last wanted set, for missing_glyphs()
};

Fonts& state() {
    static Fonts f;
    return f;
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

bool drawable_character(char32_t c) {
    return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

// ImGui sizes a font by its line (hhea ascender - descender = the pixel size), the browser by its em: the em,
// in pixels, of the embedded font at `px`, so that the browser's glyphs match the Latin ones in size.
float em_pixels(float px) {
    const unsigned char* font = kLatinFontData;
    const auto u16 = [&](std::size_t at) { return static_cast<unsigned>(font[at] << 8 | font[at + 1]); };
    const auto table = [&](const char* tag) -> std::size_t {
        const unsigned count = u16(4);
        for (unsigned i = 0; i < count; ++i) {
            const std::size_t record = 12 + 16 * i;
            if (std::memcmp(font + record, tag, 4) == 0)
                return static_cast<std::size_t>(u16(record + 8)) << 16 | u16(record + 10);
        }
        return 0;
    };
    const std::size_t head = table("head"), hhea = table("hhea");
    if (!head || !hhea) return px;
    const int units_per_em = static_cast<int>(u16(head + 18));
    const int line = static_cast<std::int16_t>(u16(hhea + 4)) - static_cast<std::int16_t>(u16(hhea + 6));
    return line > 0 ? px * static_cast<float>(units_per_em) / static_cast<float>(line) : px;
}

// Adds every character of `text` the Latin font lacks to the browser's list; true when it grew.
bool request(const std::u32string& text) {
    Fonts& f = state();
    bool grew = false;
    for (char32_t c : text) {
        if (c < 0x80 || !drawable_character(c) || f.latin.count(c) || !f.browser_set.insert(c).second) continue;
        f.browser.push_back(c);
        grew = true;
    }
    return grew;
}

// Asks the browser for every listed character it has not drawn yet at this ratio.
void rasterise_new() {
    Fonts& f = state();
    std::u32string todo;
    for (char32_t c : f.browser)
        if (!f.bitmaps.count(c)) todo.push_back(c);
    if (todo.empty()) return;
    const double started = emscripten_get_now();
    for (browser_glyphs::Bitmap& b : browser_glyphs::rasterise(todo, em_pixels(kFontSizeCss * f.dpr))) {
        if (!b.present) f.absent.insert(b.code_point);
        f.bitmaps[b.code_point] = std::move(b);
    }
    f.last_rasterise_ms = emscripten_get_now() - started;
}

// The replacement box: an outlined rectangle about the height of a capital letter.
browser_glyphs::Bitmap box_bitmap(float px) {
    browser_glyphs::Bitmap b;
    b.present = true;
    b.width = std::max(4, static_cast<int>(std::round(px * 0.55f)));
    b.height = std::max(6, static_cast<int>(std::round(px * 0.75f)));
    b.left = std::max(1, static_cast<int>(std::round(px * 0.08f)));
    b.top = -static_cast<int>(std::round(px * 0.72f));
    b.advance = static_cast<float>(b.width + 2 * b.left);
    const int stroke = std::max(1, static_cast<int>(std::round(px / 15.0f)));
    b.alpha.assign(static_cast<std::size_t>(b.width) * b.height, 0);
    for (int y = 0; y < b.height; ++y)
        for (int x = 0; x < b.width; ++x)
            if (x < stroke || y < stroke || x >= b.width - stroke || y >= b.height - stroke)
                b.alpha[static_cast<std::size_t>(y) * b.width + x] = 255;
    return b;
}

// The subset has no GPOS (ImGui does not position marks): a zero-width combining accent (a decomposed "Zoë",
// a Russian stress mark) would sit after its letter. Centred over the space of an average lower-case letter
// before the pen instead, it lands on the letter it follows.
void centre_combining_marks(ImFont* font) {
    const ImFontGlyph* o = font->FindGlyphNoFallback('o');
    if (!o) return;
    for (ImWchar c = 0x300; c <= 0x36F; ++c) {
        auto* glyph = const_cast<ImFontGlyph*>(font->FindGlyphNoFallback(c));
        if (!glyph || glyph->AdvanceX != 0.0f || !glyph->Visible) continue;
        const float shift = -o->AdvanceX * 0.5f - (glyph->X0 + glyph->X1) * 0.5f;
        glyph->X0 += shift;
        glyph->X1 += shift;
    }
}

struct Placed {
    int rect = 0;
    const browser_glyphs::Bitmap* bitmap = nullptr;
};

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

    // The first frame is drawn with the embedded font alone (the browser's first use of a system CJK font is
    // slow); the frame after it has the rest. Until then a character not in the atlas takes no room at all.
    const bool with_browser = frame_loop::frames_drawn() > 0;
    if (with_browser) rasterise_new();
    const browser_glyphs::Bitmap box = box_bitmap(kFontSizeCss * f.dpr);
    std::vector<Placed> placed;
    placed.reserve(f.browser.size() + 1);
    auto add = [&](char32_t c, const browser_glyphs::Bitmap& b) {
        // An inkless character (a space, a joiner) still needs a rectangle to carry its advance.
        const int w = std::max(1, b.width), h = std::max(1, b.height);
        const int rect = atlas->AddCustomRectFontGlyph(font, static_cast<ImWchar>(c), w, h, std::round(b.advance),
                                                       ImVec2(static_cast<float>(b.left), static_cast<float>(b.top)));
        placed.push_back({rect, &b});
    };
    for (char32_t c : with_browser ? f.browser : std::vector<char32_t>{}) {
        const browser_glyphs::Bitmap& b = f.bitmaps[c];
        add(c, b.present ? b : box);
    }
    if (with_browser && !f.latin.count(kReplacement) && !f.browser_set.count(kReplacement)) add(kReplacement, box);

    const double started = emscripten_get_now();
    atlas->Build();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    for (const Placed& p : placed) {
        const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(p.rect);
        const browser_glyphs::Bitmap& b = *p.bitmap;
        for (int y = 0; y < b.height && y < r->Height; ++y)
            std::memcpy(pixels + (r->Y + y) * width + r->X, b.alpha.data() + y * b.width,
                        std::min<int>(b.width, r->Width));
        // Custom glyphs are placed from the top of the line; the bitmaps were measured from the baseline.
        if (auto* glyph = const_cast<ImFontGlyph*>(font->FindGlyphNoFallback(static_cast<ImWchar>(r->GlyphID)))) {
            glyph->Y0 += font->Ascent;
            glyph->Y1 += font->Ascent;
        }
    }
    centre_combining_marks(font);
    if (!with_browser) {
        if (const ImFontGlyph* space = font->FindGlyphNoFallback(' ')) {
            font->FallbackGlyph = space;
            font->FallbackChar = ' ';
        }
    }
    io.FontGlobalScale = 1.0f / f.dpr;
    f.dirty = !with_browser && !f.browser.empty();
    f.browser_built = with_browser;
    f.last_build_ms = emscripten_get_now();
    f.last_build_duration_ms = f.last_build_ms - started;
    ++f.builds;
}

void on_rebuild_timer(void*) {
    state().rebuild_timer_armed = false;
    frame_loop::wake();
}

}  // namespace

void init(float dpr) {
    Fonts& f = state();
    f.dpr = dpr;
    build();   // the Latin font alone, to learn what it really has
    for (const ImFontGlyph& g : ImGui::GetIO().Fonts->Fonts[0]->Glyphs) f.latin.insert(g.Codepoint);
    request(utf32_of(ui::all_ui_text()));
    f.dirty = true;   // drawn by the browser right after the first frame (see after_first_frame)
}

void after_first_frame() {
    if (state().dirty) frame_loop::wake();
}

bool update(float dpr, const std::u32string& wanted, unsigned wanted_version) {
    Fonts& f = state();
    if (wanted_version != f.seen_version) {
        f.seen_version = wanted_version;
        f.wanted = wanted;
        if (request(wanted)) f.dirty = true;
    }
    const bool dpr_changed = dpr != f.dpr;
    bool rebuild = dpr_changed;
    if (f.dirty && !rebuild) {
        const double wait = f.last_build_ms + kMinRebuildIntervalMs - emscripten_get_now();
        if (wait <= 0 || (!f.browser_built && frame_loop::frames_drawn() > 0)) {
            rebuild = true;
        } else if (!f.rebuild_timer_armed) {
            f.rebuild_timer_armed = true;
            emscripten_set_timeout(on_rebuild_timer, wait + 1, nullptr);
        }
    }
    if (!rebuild) return false;
    if (dpr_changed) {   // every browser glyph again, at the new size
        f.bitmaps.clear();
        f.absent.clear();
    }
    f.dpr = dpr;
    build();
    return true;
}

void rebuild() { build(); }

bool glyphs_ready() { return !state().dirty; }

std::string atlas_json() {
    const Fonts& f = state();
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const int glyphs = atlas->Fonts.empty() ? 0 : atlas->Fonts[0]->Glyphs.Size;
    char json[320];
    std::snprintf(json, sizeof json,
                  "{\"width\":%d,\"height\":%d,\"glyphs\":%d,\"browserGlyphs\":%d,\"absent\":%d,\"dpr\":%.3f,"
                  "\"builds\":%d,\"lastBuildMs\":%.1f,\"lastRasteriseMs\":%.1f}",
                  atlas->TexWidth, atlas->TexHeight, glyphs, static_cast<int>(f.browser.size()),
                  static_cast<int>(f.absent.size()), f.dpr, f.builds, f.last_build_duration_ms, f.last_rasterise_ms);
    return json;
}

std::string missing_glyphs() {
    Fonts& f = state();
    ImFont* font = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
    std::string out;
    if (!font) return out;
    std::u32string all = utf32_of(ui::all_ui_text());
    all += f.wanted;
    std::unordered_set<char32_t> reported;
    for (char32_t c : all) {
        if (!drawable_character(c) || !reported.insert(c).second) continue;
        if (!f.absent.count(c) && font->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
        char utf8[5] = {};
        ImTextCharToUtf8(utf8, static_cast<unsigned int>(c));
        out += utf8;
    }
    return out;
}

}  // namespace web::fonts
