// web/browser_glyphs.h: glyphs the embedded Latin font lacks, drawn by the browser's own text rasteriser
// (Canvas 2D fillText), so that whatever fonts the administrator's system has (Microsoft JhengHei, PingFang TC,
// Noto, Segoe UI Emoji...) serve every script, beyond the BMP too. One character at a time: nothing is shaped.
//
// A character no installed font has is reported as absent: the browser then draws its .notdef, which is
// recognised by comparing with the drawing of a private-use code point (U+10FFFD) that no font maps.
#pragma once
#include <string>
#include <vector>

namespace web::browser_glyphs {

struct Bitmap {
    char32_t code_point = 0;
    bool present = false;   // false: no font on this system has it
    float advance = 0;      // pixels
    int left = 0;           // bitmap's top-left relative to the pen, which sits on the baseline
    int top = 0;            // (negative: above the baseline)
    int width = 0;
    int height = 0;
    std::vector<unsigned char> alpha;   // width * height coverage (colour glyphs: darker = more opaque)
};

// Rasterises `code_points` at `pixel_size` (the em, in device pixels). Synchronous: system fonts
// need no loading. In the order given.
std::vector<Bitmap> rasterise(const std::u32string& code_points, float pixel_size);

}  // namespace web::browser_glyphs
