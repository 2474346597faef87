// ui/languages.cpp: the language registry (see languages.h). To add a language: write src/ui/lang/<tag>.cpp
// (copy en.cpp, translate every row), declare its table below, add its row.
#include "ui/languages.h"

#include "ui/lang/phrases.h"

namespace ui {

namespace lang {
extern const PhraseTable english;               // lang/en.cpp
extern const PhraseTable traditional_chinese;   // lang/zh_tw.cpp
}  // namespace lang

namespace {

PluralForm plural_one_other(long long n) { return n == 1 || n == -1 ? PluralForm::One : PluralForm::Other; }
PluralForm plural_other_only(long long) { return PluralForm::Other; }

const char* const kEnglishTags[] = {"en", nullptr};
const char* const kTraditionalChineseTags[] = {"zh-tw", "zh-hant", "zh-hk", "zh-mo", nullptr};

// Row order is the Language enum's order; row 0 is the fallback for tags no row claims.
const LanguageInfo kLanguages[] = {
    {"en", "English", kEnglishTags, &lang::english, plural_one_other, nullptr},
    {"zh-TW", "繁體中文", kTraditionalChineseTags, &lang::traditional_chinese, plural_other_only, "zh-TW"},
};
constexpr int kLanguageCount = sizeof kLanguages / sizeof kLanguages[0];

Language g_language = Language::English;

std::string normalised(const std::string& tag) {
    std::string t;
    for (char c : tag) t += (c == '_') ? '-' : static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
    return t;
}

// "zh-hant" claims "zh-hant" and "zh-hant-tw", not "zh-hantx".
bool claims(const char* other, const std::string& tag) {
    const std::string o = other;
    return tag == o || (tag.size() > o.size() && tag.compare(0, o.size(), o) == 0 && tag[o.size()] == '-');
}

}  // namespace

int language_count() { return kLanguageCount; }

const LanguageInfo& language_info(Language language) {
    const int i = static_cast<int>(language);
    return kLanguages[i >= 0 && i < kLanguageCount ? i : 0];
}

Language language_from_tag(const std::string& tag) {
    const std::string t = normalised(tag);
    // Exact tags first ("zh-tw" before a language whose "zh" would claim it), then sub-tags.
    for (int i = 0; i < kLanguageCount; ++i)
        for (const char* const* o = kLanguages[i].other_tags; *o; ++o)
            if (t == *o) return static_cast<Language>(i);
    for (int i = 0; i < kLanguageCount; ++i)
        for (const char* const* o = kLanguages[i].other_tags; *o; ++o)
            if (claims(*o, t)) return static_cast<Language>(i);
    return Language::English;
}

const char* language_tag(Language language) { return language_info(language).tag; }
const char* language_name(Language language) { return language_info(language).native_name; }
PluralForm plural_form(Language language, long long n) { return language_info(language).plural(n); }

void set_language(Language language) {
    const int i = static_cast<int>(language);
    g_language = i >= 0 && i < kLanguageCount ? language : Language::English;
}
Language current_language() { return g_language; }

}  // namespace ui
