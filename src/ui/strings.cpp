// ui_strings.cpp: tr() and friends over the registry's phrase tables. Each table is indexed by key once, on
// first use; a key a language lacks falls back to English (a test makes sure none does).
#include "ui/strings.h"

#include <array>
#include <cstdarg>
#include <cstdio>
#include <vector>

#include "ui/lang/phrases.h"

namespace ui {

namespace {

constexpr int kKeyCount = static_cast<int>(S::Count);
using PhraseIndex = std::array<const char*, kKeyCount>;

std::vector<PhraseIndex> build_indexes() {
    std::vector<PhraseIndex> out(language_count());
    for (int l = 0; l < language_count(); ++l) {
        out[l].fill(nullptr);
        const lang::PhraseTable& table = *language_info(static_cast<Language>(l)).phrases;
        for (std::size_t i = 0; i < table.count; ++i) {
            const int key = static_cast<int>(table.rows[i].key);
            if (key >= 0 && key < kKeyCount && !out[l][key]) out[l][key] = table.rows[i].text;
        }
    }
    return out;
}

const std::vector<PhraseIndex>& indexes() {
    static const std::vector<PhraseIndex> built = build_indexes();
    return built;
}

}  // namespace

const char* tr_in(Language language, S key) {
    const int k = static_cast<int>(key);
    if (k < 0 || k >= kKeyCount) return "";
    int l = static_cast<int>(language);
    if (l < 0 || l >= language_count()) l = 0;
    if (const char* text = indexes()[l][k]) return text;
    const char* english = indexes()[0][k];
    return english ? english : "";
}

const char* tr(S key) { return tr_in(current_language(), key); }

std::string trf(S key, ...) {
    char buffer[1024];
    va_list args;
    va_start(args, key);
    std::vsnprintf(buffer, sizeof buffer, tr(key), args);
    va_end(args);
    return buffer;
}

std::string all_ui_text() {
    std::string out;
    for (int l = 0; l < language_count(); ++l) {
        const LanguageInfo& info = language_info(static_cast<Language>(l));
        out += info.native_name;
        out += '\n';
        for (std::size_t i = 0; i < info.phrases->count; ++i) {
            out += info.phrases->rows[i].text;
            out += '\n';
        }
    }
    return out;
}

}  // namespace ui
