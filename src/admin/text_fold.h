// admin/text_fold.h: the one way wfadmin compares and sorts people's names, emails and usernames.
// A folded key is lowercase (ASCII, Latin-1, Latin Extended-A/B, Greek, Cyrillic), without diacritics on Latin
// letters ("José" -> "jose", "Ærø" -> "aero", "ß" -> "ss"), with full-width forms folded to ASCII
// ("ＡＢＣ" -> "abc", U+3000 -> space), combining accents (U+0300..U+036F) dropped. CJK and everything else,
// beyond the BMP too (𡘙), pass through as-is, so 陳怡君 matches 陳怡君.
// Keys are computed once per user (Directory) and once per query, so a search over 50,000 users is a
// plain substring scan.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace admin {

// The folded form of UTF-8 `text`. Invalid UTF-8 bytes are kept as they are.
std::string fold(std::string_view text);

// `text` without leading and trailing whitespace (ASCII, U+00A0, U+3000, U+FEFF).
std::string_view trim(std::string_view text);

// Overwrites the bytes of a secret (password, key) before it is released: the optimiser cannot drop it.
void secure_wipe(std::string& secret);
void secure_wipe(char* buffer, std::size_t size);

}  // namespace admin
