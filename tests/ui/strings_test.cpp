// Tests of the phrase tables, the language registry and the formatting helpers: every key has words once in
// every language, every language takes English's printf arguments, and counts, dates and CSV fields come out as a person expects.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "ui/format.h"
#include "ui/lang/phrases.h"
#include "ui/strings.h"

namespace {

// The printf conversions of a format string, in order ("%s of %s" -> "ss"); "%%" is not a conversion.
std::string conversions(const char* format) {
    std::string out;
    for (const char* p = format; *p; ++p) {
        if (*p != '%') continue;
        ++p;
        if (*p == '%') continue;
        while (*p && std::strchr("-+ #0123456789.l", *p)) ++p;
        if (*p) out += *p;
    }
    return out;
}

struct LanguageGuard {
    ui::Language saved = ui::current_language();
    ~LanguageGuard() { ui::set_language(saved); }
};

}  // namespace

TEST(Strings, EveryKeyHasWordsOnceInEveryLanguage) {
    for (int l = 0; l < ui::language_count(); ++l) {
        const ui::LanguageInfo& info = ui::language_info(static_cast<ui::Language>(l));
        std::vector<int> seen(static_cast<int>(ui::S::Count), 0);
        for (std::size_t i = 0; i < info.phrases->count; ++i) {
            const int key = static_cast<int>(info.phrases->rows[i].key);
            ASSERT_GE(key, 0);
            ASSERT_LT(key, static_cast<int>(ui::S::Count));
            ++seen[key];
            EXPECT_GT(std::strlen(info.phrases->rows[i].text), 0u) << info.tag << " key " << key;
        }
        for (int key = 0; key < static_cast<int>(ui::S::Count); ++key)
            EXPECT_EQ(seen[key], 1) << info.tag << ": key " << key << " (English: \""
                                    << ui::tr_in(ui::Language::English, static_cast<ui::S>(key)) << "\")";
    }
}

TEST(Languages, RegistryRowsAreWhole) {
    ASSERT_GE(ui::language_count(), 2);
    EXPECT_STREQ(ui::language_tag(ui::Language::English), "en");
    EXPECT_STREQ(ui::language_tag(ui::Language::TraditionalChinese), "zh-TW");
    EXPECT_STREQ(ui::language_name(ui::Language::TraditionalChinese), "繁體中文");
    for (int l = 0; l < ui::language_count(); ++l) {
        const auto language = static_cast<ui::Language>(l);
        const ui::LanguageInfo& info = ui::language_info(language);
        ASSERT_NE(info.phrases, nullptr) << info.tag;
        ASSERT_NE(info.plural, nullptr) << info.tag;
        ASSERT_NE(info.other_tags, nullptr) << info.tag;
        EXPECT_EQ(ui::language_from_tag(info.tag), language) << "a row's own tag chooses it: " << info.tag;
        for (const char* const* o = info.other_tags; *o; ++o) EXPECT_EQ(ui::language_from_tag(*o), language) << *o;
    }
    EXPECT_EQ(ui::language_info(static_cast<ui::Language>(99)).tag, ui::language_info(ui::Language::English).tag);
}

TEST(Strings, BothLanguagesTakeTheSameArguments) {
    for (int l = 1; l < ui::language_count(); ++l)
        for (int i = 0; i < static_cast<int>(ui::S::Count); ++i) {
            const auto key = static_cast<ui::S>(i);
            EXPECT_EQ(conversions(ui::tr_in(ui::Language::English, key)),
                      conversions(ui::tr_in(static_cast<ui::Language>(l), key)))
                << ui::language_tag(static_cast<ui::Language>(l)) << ": " << ui::tr_in(ui::Language::English, key);
        }
}

TEST(Strings, LanguageTagsAndSwitch) {
    LanguageGuard guard;
    EXPECT_EQ(ui::language_from_tag("zh-TW"), ui::Language::TraditionalChinese);
    EXPECT_EQ(ui::language_from_tag("zh_tw"), ui::Language::TraditionalChinese);
    EXPECT_EQ(ui::language_from_tag("zh-Hant-TW"), ui::Language::TraditionalChinese);
    EXPECT_EQ(ui::language_from_tag("zh-HK"), ui::Language::TraditionalChinese);
    EXPECT_EQ(ui::language_from_tag("zh-hantx"), ui::Language::English);
    EXPECT_EQ(ui::language_from_tag("zh-CN"), ui::Language::English);
    EXPECT_EQ(ui::language_from_tag("en-US"), ui::Language::English);
    EXPECT_EQ(ui::language_from_tag(""), ui::Language::English);
    ui::set_language(ui::Language::TraditionalChinese);
    EXPECT_STREQ(ui::tr(ui::S::sign_in), "登入");
    ui::set_language(ui::Language::English);
    EXPECT_STREQ(ui::tr(ui::S::sign_in), "Sign in");
    EXPECT_EQ(ui::trf(ui::S::loading_users, "12,000", "48,210"), "Loading users: 12,000 of 48,210");
}

TEST(Strings, AllUiTextCarriesEveryTranslation) {
    const std::string all = ui::all_ui_text();
    EXPECT_NE(all.find("停用"), std::string::npos);
    EXPECT_NE(all.find("繁體中文"), std::string::npos);
    EXPECT_NE(all.find("Deactivate"), std::string::npos);
    for (int i = 0; i < static_cast<int>(ui::S::Count); ++i)
        EXPECT_NE(all.find(ui::tr_in(ui::Language::TraditionalChinese, static_cast<ui::S>(i))), std::string::npos);
}

TEST(Format, Thousands) {
    EXPECT_EQ(ui::format::thousands(0), "0");
    EXPECT_EQ(ui::format::thousands(999), "999");
    EXPECT_EQ(ui::format::thousands(12000), "12,000");
    EXPECT_EQ(ui::format::thousands(48210), "48,210");
    EXPECT_EQ(ui::format::thousands(1234567), "1,234,567");
    EXPECT_EQ(ui::format::thousands(-1500), "-1,500");
}

TEST(Format, RelativeTime) {
    LanguageGuard guard;
    ui::set_language(ui::Language::English);
    const wf::TimeMs now = 1'750'000'000'000;
    const wf::TimeMs day = 86'400'000;
    EXPECT_EQ(ui::format::relative_time(now, std::nullopt), "never");
    EXPECT_EQ(ui::format::relative_time(now, now - 3600'000), "today");
    EXPECT_EQ(ui::format::relative_time(now, now - day - 5), "yesterday");
    EXPECT_EQ(ui::format::relative_time(now, now - 3 * day), "3 days ago");
    EXPECT_EQ(ui::format::relative_time(now, now - 90 * day), "3 months ago");
    EXPECT_EQ(ui::format::relative_time(now, now - 3 * 365 * day), "3 years ago");
    ui::set_language(ui::Language::TraditionalChinese);
    EXPECT_EQ(ui::format::relative_time(now, now - 3 * day), "3 天前");
    EXPECT_EQ(ui::format::relative_time(now, std::nullopt), "從未登入");
}

TEST(Format, Duration) {
    LanguageGuard guard;
    ui::set_language(ui::Language::English);
    EXPECT_EQ(ui::format::duration(42), "42 s");
    EXPECT_EQ(ui::format::duration(180), "3 min");
    EXPECT_EQ(ui::format::duration(4800), "1 h 20 min");
}
