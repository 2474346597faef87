// admin/text_fold.cpp: case and accent folding for search keys (see text_fold.h for what is folded and why).
#include "admin/text_fold.h"

#include <cstdint>

namespace admin {
namespace {

// Base letters for U+00C0..U+00FF ('\0': keep the character; '*': a two-letter base, see kLatin1Pairs).
constexpr const char* kLatin1 =
    "aaaaaa*ceeeeiiii"    // C0..CF  (C6 Æ -> ae)
    "dnooooo\0ouuuuy**"   // D0..DF  (D7 × kept, DE Þ -> th, DF ß -> ss)
    "aaaaaa*ceeeeiiii"    // E0..EF  (E6 æ -> ae)
    "dnooooo\0ouuuuy*y";  // F0..FF  (F7 ÷ kept, FE þ -> th)

// Base letters for U+0100..U+017F ('*': Ĳ ĳ -> ij, Œ œ -> oe).
constexpr const char* kLatinExtA =
    "aaaaaacccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "**" "jj" "kkk" "llllllllll"
    "nnnnnnnnn" "oooooo" "**" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";

const char* latin1_pair(std::uint32_t cp) {
    switch (cp) {
        case 0xC6: case 0xE6: return "ae";
        case 0xDE: case 0xFE: return "th";
        case 0xDF: return "ss";
        case 0x132: case 0x133: return "ij";
        case 0x152: case 0x153: return "oe";
        default: return nullptr;
    }
}

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when the bytes are not valid UTF-8.
std::size_t decode(std::string_view s, std::size_t i, std::uint32_t& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    return len;
}

void encode(std::uint32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Latin Extended-B letters that appear in names (Romanian, Vietnamese, pinyin tone marks, Azerbaijani).
char latin_ext_b_base(std::uint32_t cp) {
    if (cp == 0x180) return 'b';
    if (cp == 0x192 || cp == 0x191) return 'f';
    if (cp == 0x1A0 || cp == 0x1A1) return 'o';
    if (cp == 0x1AF || cp == 0x1B0) return 'u';
    if (cp >= 0x1CD && cp <= 0x1DC) {   // Ǎǎ Ǐǐ Ǒǒ Ǔǔ Ǖǖ Ǘǘ Ǚǚ Ǜǜ
        static const char kBase[] = "aaiioouuuuuuuuuu";
        return kBase[cp - 0x1CD];
    }
    if (cp == 0x218 || cp == 0x219) return 's';
    if (cp == 0x21A || cp == 0x21B) return 't';
    return 0;
}

// Lowercase for the scripts beyond Latin that have case; 0 when `cp` is not an uppercase letter we fold.
std::uint32_t lower_other(std::uint32_t cp) {
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;      // Greek
    if (cp == 0x386) return 0x3AC;
    if (cp >= 0x388 && cp <= 0x38A) return cp + 0x25;
    if (cp == 0x38C) return 0x3CC;
    if (cp == 0x38E || cp == 0x38F) return cp + 0x3F;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;                     // Cyrillic
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    if (cp == 0x18F) return 0x259;                                        // Ə
    if (((cp >= 0x1E00 && cp <= 0x1E95) || (cp >= 0x1EA0 && cp <= 0x1EFF)) && cp % 2 == 0)
        return cp + 1;                                                    // Latin Extended Additional
    return 0;
}

bool is_space(std::uint32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
           cp == 0x3000 || cp == 0xFEFF || cp == 0x200B;
}

}  // namespace

std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {   // the common case: ASCII
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
            ++i;
            continue;
        }
        std::uint32_t cp = 0;
        const std::size_t len = decode(text, i, cp);
        if (len == 0) {   // not UTF-8: keep the byte
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        i += len;
        if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;   // full-width ASCII forms
        if (cp == 0x3000) cp = ' ';
        if (cp < 0x80) {
            out += (cp >= 'A' && cp <= 'Z') ? static_cast<char>(cp - 'A' + 'a') : static_cast<char>(cp);
        } else if (cp >= 0xC0 && cp <= 0xFF) {
            const char base = kLatin1[cp - 0xC0];
            if (base == '*') out += latin1_pair(cp);
            else if (base) out += base;
            else encode(cp, out);
        } else if (cp >= 0x100 && cp <= 0x17F) {
            const char base = kLatinExtA[cp - 0x100];
            if (base == '*') out += latin1_pair(cp);
            else out += base;
        } else if (const char base = latin_ext_b_base(cp)) {
            out += base;
        } else if (cp >= 0x300 && cp <= 0x36F) {
            // A combining accent (decomposed "Zoë", Russian stress marks "Арсе́ний") is dropped like a
            // precomposed one: the name matches what the eye reads.
        } else if (const std::uint32_t lower = lower_other(cp)) {
            encode(lower, out);
        } else {
            out.append(text.data() + i - len, len);
        }
    }
    return out;
}

std::string_view trim(std::string_view text) {
    std::size_t begin = 0, end = text.size();
    while (begin < end) {
        std::uint32_t cp = 0;
        const std::size_t len = decode(text, begin, cp);
        if (len == 0 || !is_space(cp)) break;
        begin += len;
    }
    while (end > begin) {
        // Step back to the start of the last character.
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        std::uint32_t cp = 0;
        const std::size_t len = decode(text, start, cp);
        if (len == 0 || start + len != end || !is_space(cp)) break;
        end = start;
    }
    return text.substr(begin, end - begin);
}

void secure_wipe(char* buffer, std::size_t size) {
    volatile char* p = buffer;   // volatile: these stores must happen even though nothing reads them
    for (std::size_t i = 0; i < size; ++i) p[i] = 0;
}

void secure_wipe(std::string& secret) {
    // Grow to the capacity first (no reallocation) so bytes left over from longer earlier contents go too.
    secret.resize(secret.capacity());
    secure_wipe(secret.data(), secret.size());
    secret.clear();
}

}  // namespace admin
