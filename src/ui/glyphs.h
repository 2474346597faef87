// ui_glyphs.h: the set of non-ASCII characters the page may draw (UI translations, people's names and titles,
// what the person typed), so the platform can rasterise only those CJK glyphs instead of a 20 MB font.
#pragma once
#include <string>
#include <string_view>
#include <unordered_set>

namespace ui {

class GlyphSet {
public:
    // Adds every non-ASCII code point of UTF-8 `text`. Returns true when the set grew.
    bool add(std::string_view text);
    const std::u32string& sorted() const;           // ascending code points
    unsigned version() const { return version_; }   // bumped whenever the set grows

private:
    std::unordered_set<char32_t> set_;
    // Sorted when asked for, not on every growth: 50,000 names arriving page by page add a few thousand
    // distinct characters one name at a time.
    mutable std::u32string sorted_;
    mutable bool sorted_dirty_ = false;
    unsigned version_ = 0;
};

}  // namespace ui
