// ui_glyphs.cpp: see glyphs.h. UTF-8 is decoded with ImGui's own decoder so that what we ask the platform to
// rasterise is exactly what ImGui will look up when drawing.
#include "ui/glyphs.h"

#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h"

namespace ui {

bool GlyphSet::add(std::string_view text) {
    const char* p = text.data();
    const char* end = p + text.size();
    bool grew = false;
    while (p < end) {
        if (static_cast<unsigned char>(*p) < 0x80) {   // ASCII: the base font has it
            ++p;
            continue;
        }
        unsigned int c = 0;
        const int used = ImTextCharFromUtf8(&c, p, end);
        p += used > 0 ? used : 1;
        if (c == IM_UNICODE_CODEPOINT_INVALID || c < 0x80) continue;
        if (set_.insert(static_cast<char32_t>(c)).second) {
            sorted_.push_back(static_cast<char32_t>(c));
            grew = true;
        }
    }
    if (grew) {
        sorted_dirty_ = true;
        ++version_;
    }
    return grew;
}

const std::u32string& GlyphSet::sorted() const {
    if (sorted_dirty_) std::sort(sorted_.begin(), sorted_.end());
    sorted_dirty_ = false;
    return sorted_;
}

}  // namespace ui
