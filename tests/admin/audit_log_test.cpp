// The audit log's CSV: BOM, CRLF, header, RFC 4180 quoting, the formula guard, Chinese text kept.
#include <gtest/gtest.h>
#include "admin/audit_log.h"

using namespace admin;

TEST(AuditCsv, CellQuotingAndFormulaGuard) {
    EXPECT_EQ(csv_cell("plain"), "plain");
    EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_cell("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(csv_cell("+1"), "'+1");
    EXPECT_EQ(csv_cell("-2"), "'-2");
    EXPECT_EQ(csv_cell("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(csv_cell("a=b"), "a=b");
    EXPECT_EQ(csv_cell(""), "");
}

TEST(AuditCsv, ExportHasBomHeaderCrlfAndRows) {
    AuditLog log;
    AuditEntry e;
    e.time = 1'750'000'000'000;   // 2025-06-15T15:06:40Z
    e.actor = "Ann Admin <ann@acme.com>";
    e.user_id = "0123456789abcdef0123456789abcdef";
    e.name = "陳怡君, \"Jenny\"";
    e.email = "=cmd|' /C calc'!A0";
    e.before = "active";
    e.after = "inactive";
    e.outcome = Outcome::Done;
    e.action = "deactivate";
    log.add(e);
    e.outcome = Outcome::Failed;
    e.message = "The Admin Email user cannot be deactivated.";
    log.add(e);
    const std::string csv = log.to_csv();
    ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
    const std::string expected =
        "\xEF\xBB\xBF"
        "time,actor,user ID,name,email,before,after,outcome,message\r\n"
        "2025-06-15T15:06:40Z,Ann Admin <ann@acme.com>,0123456789abcdef0123456789abcdef,\"陳怡君, \"\"Jenny\"\"\","
        "'=cmd|' /C calc'!A0,active,inactive,done,\r\n"
        "2025-06-15T15:06:40Z,Ann Admin <ann@acme.com>,0123456789abcdef0123456789abcdef,\"陳怡君, \"\"Jenny\"\"\","
        "'=cmd|' /C calc'!A0,active,inactive,failed,The Admin Email user cannot be deactivated.\r\n";
    EXPECT_EQ(csv, expected);
    EXPECT_EQ(log.size(), 2u);
    EXPECT_EQ(log.revision(), 2u);
}

TEST(AuditCsv, OutcomeNames) {
    EXPECT_STREQ(outcome_name(Outcome::Already), "already");
    EXPECT_STREQ(outcome_name(Outcome::Skipped), "skipped");
    EXPECT_STREQ(outcome_name(Outcome::Cancelled), "cancelled");
}
