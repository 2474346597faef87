// web/browser_glyphs.cpp: see browser_glyphs.h. The JavaScript side draws a whole batch into one canvas and
// reads it back once (getImageData is the expensive call); C++ crops each cell to its ink.
#include "web/browser_glyphs.h"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <cmath>

namespace web::browser_glyphs {

namespace {

// Draws cps[0..n) and the reference .notdef (cell n) into cells of `cell` x `cell` pixels, pen at
// (origin_x, baseline) of each cell. Writes each cell's coverage to pixels[i * cell * cell ...] and
// metrics[2 * i] = present (1/0), metrics[2 * i + 1] = advance in pixels. `px` is the em size.
EM_JS(void, wf_js_rasterise_glyphs, (const unsigned* cps, int n, float px, int cell, int origin_x, int baseline,
                                    unsigned char* pixels, float* metrics), {
    var canvas = Module['wfGlyphCanvas'];
    if (!canvas) canvas = Module['wfGlyphCanvas'] = document.createElement('canvas');
    var cols = Math.max(1, Math.min(n + 1, Math.floor(4096 / cell)));
    var rows = Math.ceil((n + 1) / cols);
    canvas.width = cols * cell;   // resizing also clears it
    canvas.height = rows * cell;
    var g = canvas.getContext('2d', { willReadFrequently: true });
    // Traditional Chinese faces first, so that a Han character takes its Taiwanese form where the system
    // has one; anything else falls through to the browser's own per-character fallback.
    g.font = px + 'px "Noto Sans", "Noto Sans CJK TC", "Microsoft JhengHei", "PingFang TC", "Heiti TC", sans-serif';
    g.textBaseline = 'alphabetic';
    g.textAlign = 'left';
    g.fillStyle = '#000';
    // A combining mark alone would be drawn on a dotted circle (the shaper's stand-in for a missing base):
    // it is drawn after a no-break space instead, which shapers accept as a base and which has no ink.
    // Built from character codes: EM_JS source loses its backslashes, and Emscripten 3.1.6's JS parser
    // predates \p{} in regular expression literals.
    var NBSP = String.fromCharCode(0xA0);
    var isMark = new RegExp('^' + String.fromCharCode(92) + 'p{M}$', 'u');
    var nbsp = g.measureText(NBSP).width;
    var texts = [];
    for (var i = 0; i <= n; i++) {
        var text = String.fromCodePoint(i < n ? HEAPU32[(cps >> 2) + i] : 0x10FFFD);
        var mark = isMark.test(text);
        texts.push(mark ? NBSP + text : text);
        g.fillText(texts[i], (i % cols) * cell + origin_x - (mark ? nbsp : 0), Math.floor(i / cols) * cell + baseline);
    }
    var data = g.getImageData(0, 0, canvas.width, canvas.height).data;
    var stride = canvas.width * 4;
    var size = cell * cell;
    var cellAlpha = function (i, out) {
        var x0 = (i % cols) * cell, y0 = Math.floor(i / cols) * cell;
        for (var y = 0; y < cell; y++) {
            var p = (y0 + y) * stride + x0 * 4;
            for (var x = 0; x < cell; x++, p += 4) {
                var a = data[p + 3];
                if (a !== 0 && (data[p] | data[p + 1] | data[p + 2]) !== 0) {
                    // A colour glyph (emoji): keep its shape legible in one colour, dark parts opaque.
                    var lum = (0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2]) * 255 / a / 255;
                    a = Math.round(a * (1 - 0.5 * Math.min(1, lum)));
                }
                out[y * cell + x] = a;
            }
        }
    };
    var notdef = new Uint8Array(size);
    cellAlpha(n, notdef);
    var notdefWidth = g.measureText(texts[n]).width;
    for (var i = 0; i < n; i++) {
        var out = HEAPU8.subarray(pixels + i * size, pixels + (i + 1) * size);
        cellAlpha(i, out);
        var width = g.measureText(texts[i]).width - (texts[i].length > 1 && texts[i][0] === NBSP ? nbsp : 0);
        var same = width === notdefWidth;
        for (var k = 0; same && k < size; k++) same = out[k] === notdef[k];
        HEAPF32[(metrics >> 2) + 2 * i] = same ? 0 : 1;
        HEAPF32[(metrics >> 2) + 2 * i + 1] = width;
    }
});

constexpr std::size_t kBatch = 512;   // characters per canvas read-back

}  // namespace

std::vector<Bitmap> rasterise(const std::u32string& code_points, float pixel_size) {
    std::vector<Bitmap> out;
    out.reserve(code_points.size());
    // Room for wide glyphs (emoji, full-width), marks that hang left of the pen, and tall scripts (Thai).
    const int cell = static_cast<int>(std::ceil(pixel_size * 2.0f)) + 4;
    const int origin_x = static_cast<int>(std::round(cell * 0.25f));
    const int baseline = static_cast<int>(std::round(cell * 0.62f));
    std::vector<unsigned> batch;
    std::vector<unsigned char> pixels;
    std::vector<float> metrics;
    for (std::size_t start = 0; start < code_points.size(); start += kBatch) {
        const std::size_t n = std::min(kBatch, code_points.size() - start);
        batch.assign(code_points.begin() + start, code_points.begin() + start + n);
        pixels.assign(n * cell * cell, 0);
        metrics.assign(2 * n, 0.0f);
        wf_js_rasterise_glyphs(batch.data(), static_cast<int>(n), pixel_size, cell, origin_x, baseline,
                               pixels.data(), metrics.data());
        for (std::size_t i = 0; i < n; ++i) {
            Bitmap b;
            b.code_point = batch[i];
            b.present = metrics[2 * i] != 0.0f;
            b.advance = metrics[2 * i + 1];
            const unsigned char* cell_pixels = pixels.data() + i * cell * cell;
            int x0 = cell, y0 = cell, x1 = -1, y1 = -1;
            for (int y = 0; y < cell; ++y)
                for (int x = 0; x < cell; ++x)
                    if (cell_pixels[y * cell + x]) {
                        x0 = std::min(x0, x);
                        x1 = std::max(x1, x);
                        y0 = std::min(y0, y);
                        y1 = std::max(y1, y);
                    }
            if (x1 >= 0) {
                b.left = x0 - origin_x;
                b.top = y0 - baseline;
                b.width = x1 - x0 + 1;
                b.height = y1 - y0 + 1;
                b.alpha.resize(static_cast<std::size_t>(b.width) * b.height);
                for (int y = 0; y < b.height; ++y)
                    std::copy_n(cell_pixels + (y0 + y) * cell + x0, b.width, b.alpha.data() + y * b.width);
            }
            out.push_back(std::move(b));
        }
    }
    return out;
}

}  // namespace web::browser_glyphs
