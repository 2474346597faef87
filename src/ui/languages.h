// ui/languages.h: the languages the page speaks, as one registry. Each row names a language (its BCP 47 tag, its
// own name, the other tags that choose it), points at its phrase table (src/ui/lang/<tag>.cpp), and carries what
// differs beyond words: the plural rule and how names are collated. The language switch, the switch's width,
// tag lookup and the glyph collection iterate this registry, so a third language is one phrase file plus one row
// in languages.cpp.
#pragma once
#include <string>

namespace ui {

namespace lang {
struct PhraseTable;   // src/ui/lang/phrases.h
}

// The index of a row in the registry. The two languages the code names are constants; others need none.
enum class Language : int { English = 0, TraditionalChinese = 1 };

// The plural categories (CLDR names) a phrase can vary by. English: one / other; Chinese: other only.
enum class PluralForm { One, Other };

struct LanguageInfo {
    const char* tag;                     // "en", "zh-TW": <html lang>, ?lang=, the saved choice
    const char* native_name;             // "English", "繁體中文": a person who cannot read the page finds theirs
    const char* const* other_tags;       // lower-case tags (and their sub-tags) that also choose it; null-ended
    const lang::PhraseTable* phrases;    // every S key's words
    PluralForm (*plural)(long long n);   // which form a count takes
    const char* collation;               // Intl.Collator locale names sort by; nullptr keeps Workfront's order
};

int language_count();
const LanguageInfo& language_info(Language language);
// "zh-TW", "zh-Hant", "zh-HK", "zh_tw", "zh-Hant-TW" -> zh-TW; unknown tags -> English (row 0).
Language language_from_tag(const std::string& tag);
const char* language_tag(Language language);          // "en" | "zh-TW"
const char* language_name(Language language);         // each language named in itself
PluralForm plural_form(Language language, long long n);
void set_language(Language language);
Language current_language();

inline const LanguageInfo& current_language_info() { return language_info(current_language()); }

}  // namespace ui
