// Folding for search and sort: case, accents, full-width forms; CJK untouched; trimming; wiping secrets.
#include <gtest/gtest.h>
#include "admin/text_fold.h"

using admin::fold;
using admin::trim;

TEST(TextFold, LowercasesAsciiAndKeepsOtherAscii) {
    EXPECT_EQ(fold("Ann.LEE+test@Acme.COM"), "ann.lee+test@acme.com");
    EXPECT_EQ(fold(""), "");
}

TEST(TextFold, RemovesAccentsFromLatinLetters) {
    EXPECT_EQ(fold("José Álvarez"), "jose alvarez");
    EXPECT_EQ(fold("JOSÉ"), fold("josé"));
    EXPECT_EQ(fold("Ærøskøbing"), "aeroskobing");
    EXPECT_EQ(fold("Straße"), "strasse");
    EXPECT_EQ(fold("Łukasz Żółć"), "lukasz zolc");
    EXPECT_EQ(fold("Œuvre ĲSSEL"), "oeuvre ijssel");
    EXPECT_EQ(fold("Ștefan Țepeș"), "stefan tepes");
    EXPECT_EQ(fold("Lǚ"), "lu");   // pinyin tone marks
}

TEST(TextFold, KeepsSymbolsThatAreNotLetters) {
    EXPECT_EQ(fold("2×3÷1"), "2×3÷1");
}

TEST(TextFold, FoldsFullWidthFormsAndIdeographicSpace) {
    EXPECT_EQ(fold("ＡＢＣ１２３＠ｘ"), "abc123@x");
    EXPECT_EQ(fold("陳\xE3\x80\x80怡君"), "陳 怡君");
}

TEST(TextFold, LeavesCjkAsIs) {
    EXPECT_EQ(fold("陳怡君"), "陳怡君");
    EXPECT_EQ(fold("林志豪 Lin"), "林志豪 lin");
}

TEST(TextFold, LowercasesGreekAndCyrillic) {
    EXPECT_EQ(fold("ΑΘΗΝΑ"), "αθηνα");
    EXPECT_EQ(fold("МОСКВА Ёж"), "москва ёж");
}

TEST(TextFold, KeepsInvalidUtf8Bytes) {
    const std::string bad = std::string("A\xC3") + "B\xFF";
    EXPECT_EQ(fold(bad), std::string("a\xC3") + "b\xFF");
}

TEST(TextFold, TrimsAsciiAndUnicodeSpaces) {
    EXPECT_EQ(trim("  \t x y \r\n"), "x y");
    EXPECT_EQ(trim("\xC2\xA0\xE3\x80\x80值\xEF\xBB\xBF"), "值");
    EXPECT_EQ(trim("   "), "");
}

TEST(TextFold, SecureWipeClearsTheString) {
    std::string secret = "a rather long password that is not in the small buffer";
    admin::secure_wipe(secret);
    EXPECT_TRUE(secret.empty());
    char buffer[8] = "secret";
    admin::secure_wipe(buffer, sizeof buffer);
    for (char c : buffer) EXPECT_EQ(c, 0);
}

TEST(TextFold, KeepsCharactersBeyondTheBmpAndDropsCombiningAccents) {
    EXPECT_EQ(fold("謝𡘙"), "謝𡘙");
    EXPECT_EQ(fold("A😀B"), "a😀b");
    EXPECT_EQ(fold("Zoe\u0308"), "zoe");
    EXPECT_EQ(fold("Арсе\u0301ний"), "арсений");
    EXPECT_EQ(trim("\u3000𡘙 "), "𡘙");
}
