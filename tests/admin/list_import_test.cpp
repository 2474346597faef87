// Pasted and loaded lists: CSV parsing (BOM, quotes, CRLF/CR, embedded newlines), delimiter and header
// detection (English and Chinese headers), best-column choice, matching and the report.
#include <gtest/gtest.h>
#include "admin/list_import.h"
#include "admin_fixtures.h"

using namespace admin;
using wftest::make_user;
using wftest::test_id;

namespace {

Directory staff() {
    std::vector<wf::User> users = {
        make_user(1, "陳怡君", "yijun.chen@acme.com"),
        make_user(2, "林志豪", "zhihao.lin@acme.com", false),
        make_user(3, "José Álvarez", "Jose@Acme.com"),
        make_user(4, "Sam One", "sam@acme.com"),
        make_user(5, "Sam Two", "sam@acme.com"),   // the same address twice: ambiguous
    };
    users[0].username = "yjchen";
    users[2].username = "jalvarez";
    Directory d;
    d.begin_load();
    d.finish_load(users);
    return d;
}

}  // namespace

TEST(Csv, ParsesQuotesEmbeddedCommasQuotesAndNewlines) {
    const auto rows = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x\r\n", ',');
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
    EXPECT_EQ(rows[1], (std::vector<std::string>{"multi\nline", "x"}));
}

TEST(Csv, HandlesBomCrAndBlankLines) {
    const auto rows = parse_csv("\xEF\xBB\xBFone\r\rtwo\n\n  \nthree", ',');
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0][0], "one");
    EXPECT_EQ(rows[1][0], "two");
    EXPECT_EQ(rows[2][0], "three");
}

TEST(Csv, DetectsTheDelimiter) {
    EXPECT_EQ(detect_delimiter("a,b,c\n"), ',');
    EXPECT_EQ(detect_delimiter("a;b;c\n1,5;2;3"), ';');
    EXPECT_EQ(detect_delimiter("\n\na\tb\n"), '\t');
    EXPECT_EQ(detect_delimiter("\"x;y;z\",w\n"), ',');
    EXPECT_EQ(detect_delimiter("single"), ',');
}

TEST(ListImport, OneValuePerLineWithMixedKindsAndCase) {
    Directory d = staff();
    const ImportReport r = import_list(
        "\xEF\xBB\xBF  YIJUN.CHEN@ACME.COM  \r\n\r\njalvarez\r\n" + test_id(2) + "\r\nnobody@acme.com\r\n", d);
    EXPECT_FALSE(r.header);
    EXPECT_EQ(r.values, 4);
    EXPECT_EQ(r.matched_ids, (std::vector<std::string>{test_id(1), test_id(3), test_id(2)}));
    EXPECT_EQ(r.already_inactive, (std::vector<std::string>{test_id(2)}));
    EXPECT_EQ(r.unmatched, (std::vector<std::string>{"nobody@acme.com"}));
    EXPECT_TRUE(r.ambiguous.empty());
}

TEST(ListImport, DuplicatesCountOnce) {
    Directory d = staff();
    const ImportReport r = import_list("jose@acme.com\nJOSE@acme.com\njalvarez\nx@y\nx@y\n", d);
    EXPECT_EQ(r.matched_ids, (std::vector<std::string>{test_id(3)}));
    EXPECT_EQ(r.duplicates, 3);   // the same address again, the same user by username, the same unknown
    EXPECT_EQ(r.unmatched.size(), 1u);
    EXPECT_EQ(r.values, 5);
}

TEST(ListImport, AmbiguousValuesNameEveryCandidate) {
    Directory d = staff();
    const ImportReport r = import_list("sam@acme.com\n", d);
    EXPECT_TRUE(r.matched_ids.empty());
    ASSERT_EQ(r.ambiguous.size(), 1u);
    EXPECT_EQ(r.ambiguous[0].value, "sam@acme.com");
    EXPECT_EQ(r.ambiguous[0].user_ids, (std::vector<std::string>{test_id(4), test_id(5)}));
}

TEST(ListImport, CsvWithHeaderPicksTheEmailColumn) {
    Directory d = staff();
    const ImportReport r = import_list(
        "Name,Email Address,Department\r\n"
        "\"Chen, Yi-Jun\",yijun.chen@acme.com,Sales\r\n"
        "\"Álvarez, José\",\"jose@acme.com\",\"R&D, \"\"Lab\"\"\"\r\n", d);
    EXPECT_TRUE(r.header);
    EXPECT_EQ(r.column, 1);
    EXPECT_EQ(r.column_name, "Email Address");
    EXPECT_EQ(r.matched_ids, (std::vector<std::string>{test_id(1), test_id(3)}));
    EXPECT_TRUE(r.unmatched.empty());
}

TEST(ListImport, ChineseHeaderAndNames) {
    Directory d = staff();
    const ImportReport r = import_list("姓名,電子郵件\n陳怡君,yijun.chen@acme.com\n林志豪,zhihao.lin@acme.com\n", d);
    EXPECT_TRUE(r.header);
    EXPECT_EQ(r.column_name, "電子郵件");
    EXPECT_EQ(r.matched_ids.size(), 2u);
    EXPECT_EQ(r.already_inactive, (std::vector<std::string>{test_id(2)}));
}

TEST(ListImport, IdAndUsernameHeaders) {
    Directory d = staff();
    const ImportReport ids = import_list("User ID\n" + test_id(4) + "\n" + test_id(1) + "\n", d);
    EXPECT_TRUE(ids.header);
    EXPECT_EQ(ids.matched_ids, (std::vector<std::string>{test_id(4), test_id(1)}));
    const ImportReport names = import_list("username;note\nyjchen;left 2024\nJALVAREZ;\n", d);
    EXPECT_TRUE(names.header);
    EXPECT_EQ(names.column, 0);
    EXPECT_EQ(names.matched_ids, (std::vector<std::string>{test_id(1), test_id(3)}));
}

TEST(ListImport, WithoutHeaderTheBestMatchingColumnWins) {
    Directory d = staff();
    const ImportReport r = import_list("x1\tjose@acme.com\tA\nx2\tsam@acme.com\tB\nx3\tzhihao.lin@acme.com\tC\n", d);
    EXPECT_FALSE(r.header);
    EXPECT_EQ(r.column, 1);
    EXPECT_EQ(r.matched_ids.size(), 2u);
    EXPECT_EQ(r.ambiguous.size(), 1u);
}

TEST(ListImport, AFirstRowThatNamesAUserIsNotAHeader) {
    Directory d = staff();
    const ImportReport r = import_list("jose@acme.com,email\nyijun.chen@acme.com,x\n", d);
    EXPECT_FALSE(r.header);
    EXPECT_EQ(r.matched_ids.size(), 2u);
}

TEST(ListImport, MailFormsAndUnicodeSpaces) {
    Directory d = staff();
    const ImportReport r = import_list("José Álvarez <jose@acme.com>\nmailto:sam@acme.com\n\xE3\x80\x80jalvarez\xC2\xA0\n", d);
    EXPECT_EQ(r.matched_ids, (std::vector<std::string>{test_id(3)}));
    EXPECT_EQ(r.duplicates, 1);
    EXPECT_EQ(r.ambiguous.size(), 1u);
}

TEST(ListImport, EmptyInput) {
    Directory d = staff();
    const ImportReport r = import_list("\xEF\xBB\xBF\r\n \r\n", d);
    EXPECT_EQ(r.values, 0);
    EXPECT_TRUE(r.matched_ids.empty());
}
