// host_test.cpp: the domain table. What an administrator may type, what it resolves to, and the reason given
// for everything refused (a reason must name the problem, so each rejection is checked for a telling phrase).
#include <gtest/gtest.h>
#include "workfront/host.h"

namespace {

struct Accepted {
    const char* input;
    const char* host;
    const char* tenant;
};

const Accepted kAccepted[] = {
    {"acme", "acme.my.workfront.com", "acme"},
    {"demo", "demo.my.workfront.com", "demo"},
    {"ACME", "acme.my.workfront.com", "acme"},
    {"  acme \t\n", "acme.my.workfront.com", "acme"},
    {"\xE3\x80\x80" "acme" "\xE3\x80\x80", "acme.my.workfront.com", "acme"},      // ideographic spaces (CJK IME)
    {"\xC2\xA0" "acme.my.workfront.com" "\xE2\x80\x8B", "acme.my.workfront.com", "acme"},  // nbsp, zero-width
    {"acme-corp", "acme-corp.my.workfront.com", "acme-corp"},
    {"a1", "a1.my.workfront.com", "a1"},
    {"x", "x.my.workfront.com", "x"},
    {"acme.my.workfront.com", "acme.my.workfront.com", "acme"},
    {"Acme.My.WorkFront.Com", "acme.my.workfront.com", "acme"},
    {"acme.my.workfront.adobe.com", "acme.my.workfront.adobe.com", "acme"},
    {"acme.preview.workfront.com", "acme.preview.workfront.com", "acme"},
    {"acme.preview.workfront.adobe.com", "acme.preview.workfront.adobe.com", "acme"},
    {"acme.sb01.workfront.com", "acme.sb01.workfront.com", "acme"},
    {"acme.sb02.workfront.com", "acme.sb02.workfront.com", "acme"},
    {"acme.sb01.workfront.adobe.com", "acme.sb01.workfront.adobe.com", "acme"},
    {"acme.sb02.workfront.adobe.com", "acme.sb02.workfront.adobe.com", "acme"},
    {"https://acme.my.workfront.com", "acme.my.workfront.com", "acme"},
    {"HTTPS://ACME.MY.WORKFRONT.COM/", "acme.my.workfront.com", "acme"},
    {"https://acme.my.workfront.com/attask", "acme.my.workfront.com", "acme"},
    {"https://acme.my.workfront.com/attask/api/v21.0/user/search", "acme.my.workfront.com", "acme"},
    {"https://acme.sb01.workfront.adobe.com/", "acme.sb01.workfront.adobe.com", "acme"},
    {"acme.my.workfront.com/", "acme.my.workfront.com", "acme"},
    {"https://acme", "acme.my.workfront.com", "acme"},
    {"xn--80ak6aa92e", "xn--80ak6aa92e.my.workfront.com", "xn--80ak6aa92e"},   // punycode is plain ASCII
    {"a23456789012345678901234567890123456789012345678901234567890123",   // 63 characters: the limit
     "a23456789012345678901234567890123456789012345678901234567890123.my.workfront.com",
     "a23456789012345678901234567890123456789012345678901234567890123"},
};

std::ostream& operator<<(std::ostream& os, const Accepted& c) { return os << "[" << c.input << "]"; }

class AcceptedDomain : public ::testing::TestWithParam<Accepted> {};

TEST_P(AcceptedDomain, ResolvesToTheWorkfrontHost) {
    const Accepted& c = GetParam();
    wf::Result<wf::Host> host = wf::resolve_host(c.input);
    ASSERT_TRUE(host.ok()) << "input: [" << c.input << "] refused: " << host.error().message;
    EXPECT_EQ(host->name, c.host);
    EXPECT_EQ(host->tenant, c.tenant);
    EXPECT_EQ(host->base_url(), std::string("https://") + c.host);
    EXPECT_TRUE(wf::is_workfront_host(host->name));
}

INSTANTIATE_TEST_SUITE_P(Table, AcceptedDomain, ::testing::ValuesIn(kAccepted));

struct Rejected {
    const char* input;
    const char* reason;   // a phrase the message must contain
};

const Rejected kRejected[] = {
    {"", "Enter your Workfront domain"},
    {"   \t ", "Enter your Workfront domain"},
    {"x.example.com", "x.example.com is not a Workfront address"},
    {"acme.workfront.com", "acme.workfront.com is not a Workfront address"},
    {"acme.my.workfront.com.evil.com", "is not a Workfront address"},
    {"evil.com/acme.my.workfront.com", "is not a Workfront address"},
    {"a.b.my.workfront.com", "a.b.my.workfront.com is not a Workfront address"},
    {"acme.sb03.workfront.com", "is not a Workfront address"},
    {"my.workfront.com", "needs your company's name in front"},
    {"https://my.workfront.adobe.com", "needs your company's name in front"},
    {"10.0.0.1", "is an IP address"},
    {"https://192.168.1.20/", "is an IP address"},
    {"https://[::1]/", "is an IP address"},
    {"admin@acme.my.workfront.com", "without a user name"},
    {"https://user:pw@acme.my.workfront.com", "without a user name"},
    {"acme.my.workfront.com:8443", "Remove the port \":8443\""},
    {"https://acme.my.workfront.com:443/", "Remove the port"},
    {"http://acme.my.workfront.com", "Use https://"},
    {"ftp://acme.my.workfront.com", "is not a web address"},
    {"https://acme.my.workfront.com/home/workspaces", "Remove \"/home/workspaces\""},
    {"https://acme.my.workfront.com/?x=1", "Remove \"?x=1\""},
    {"https://acme.my.workfront.com/attask#top", "Remove \"#top\""},
    {"https://", "Enter the domain after https://"},
    {"ac me", "contains a space"},
    {"acme .my.workfront.com", "contains a space"},
    {"ac\xE2\x80\x8Bme", "invisible character (U+200B)"},
    {"ac\x01me", "invisible control character"},
    {"\xD0\xB0" "cme", "only looks like a Latin letter: \xD0\xB0 (U+0430)"},                     // Cyrillic a
    {"acme.my.w\xD0\xBErkfront.com", "only looks like a Latin letter"},                             // Cyrillic o
    {"\xEF\xBD\x81\xEF\xBD\x83\xEF\xBD\x8D\xEF\xBD\x85", "only looks like a Latin letter"},       // full-width acme
    {"\xCE\xB1" "cme", "only looks like a Latin letter"},                                           // Greek alpha
    {"acme\xE3\x80\x82my.workfront.com", "full-width dot"},                                         // ideographic full stop
    {"acm\xC3\xA9", "cannot be part of a Workfront domain"},                                        // e acute
    {"\xE5\x8F\xB0\xE7\x81\xA3", "cannot be part of a Workfront domain"},                           // Han characters
    {"acme\xFF", "not valid text"},
    {"acme_corp", "\"_\", which a domain name cannot contain"},
    {"-acme", "cannot start or end with a hyphen"},
    {"acme-", "cannot start or end with a hyphen"},
    {"acme..my.workfront.com", "empty part"},
    {"acme.my.workfront.com.", "empty part"},
    {".acme", "empty part"},
    {"a234567890123456789012345678901234567890123456789012345678901234", "longer than 63 characters"},
};

std::ostream& operator<<(std::ostream& os, const Rejected& c) { return os << "[" << c.input << "]"; }

class RejectedDomain : public ::testing::TestWithParam<Rejected> {};

TEST_P(RejectedDomain, IsRefusedWithAReason) {
    const Rejected& c = GetParam();
    wf::Result<wf::Host> host = wf::resolve_host(c.input);
    ASSERT_FALSE(host.ok()) << "input: [" << c.input << "] was accepted as " << host->name;
    EXPECT_EQ(host.error().kind, wf::ErrorKind::InvalidParameter);
    EXPECT_NE(host.error().message.find(c.reason), std::string::npos)
        << "input: [" << c.input << "]\n message: " << host.error().message << "\n expected: " << c.reason;
    EXPECT_FALSE(wf::is_workfront_host(c.input));
}

INSTANTIATE_TEST_SUITE_P(Table, RejectedDomain, ::testing::ValuesIn(kRejected));

TEST(WorkfrontHost, IsStrictAboutWhatGoesOnTheWire) {
    EXPECT_TRUE(wf::is_workfront_host("acme.my.workfront.com"));
    EXPECT_TRUE(wf::is_workfront_host("ACME.preview.workfront.adobe.com"));
    EXPECT_FALSE(wf::is_workfront_host("acme"));                              // a tenant, not a host
    EXPECT_FALSE(wf::is_workfront_host("https://acme.my.workfront.com"));     // a URL, not a host
    EXPECT_FALSE(wf::is_workfront_host("acme.my.workfront.com/"));
    EXPECT_FALSE(wf::is_workfront_host(" acme.my.workfront.com"));
    EXPECT_FALSE(wf::is_workfront_host("acme.my.workfront.com\n"));
    EXPECT_FALSE(wf::is_workfront_host("acme.my.workfront.com:443"));
}

TEST(WorkfrontHost, TooLongInputIsRefusedNotTruncated) {
    std::string labels;
    for (int i = 0; i < 60; ++i) labels += "abcd.";
    wf::Result<wf::Host> host = wf::resolve_host(labels + "my.workfront.com");
    ASSERT_FALSE(host.ok());
    EXPECT_NE(host.error().message.find("too long"), std::string::npos);
}

}  // namespace
