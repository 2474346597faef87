// responses_test.cpp: Workfront answers -> typed results, for good answers and for everything a network,
// a proxy or an older API version may hand back instead.
#include <gtest/gtest.h>
#include "workfront/api.h"

namespace {

wf::Response ok(const std::string& body) { return {200, body, "application/json"}; }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* const kFullUser = R"({"data":[{
    "ID":"5a1b2c3d4e5f60718293a4b5c6d7e8f9","name":"陳怡君","objCode":"USER","firstName":"怡君","lastName":"陳",
    "username":"chen.yijun@acme.com","emailAddr":"chen.yijun@acme.com","isActive":true,"isAdmin":false,
    "lastLoginDate":"2017-03-23T09:00:00:000+0400","loginCount":42,"title":"專案經理",
    "accessLevelID":"acc00000000000000000000000000001","licenseType":"F","ssoAccessOnly":false,
    "entryDate":"2016-02-29T12:00:00:000+0000"}]})";

TEST(ParseUsers, ReadsEveryField) {
    wf::Result<std::vector<wf::User>> users = wf::parse_users(ok(kFullUser));
    ASSERT_TRUE(users.ok()) << users.error().message;
    ASSERT_EQ(users->size(), 1u);
    const wf::User& u = users->front();
    EXPECT_EQ(u.id, "5a1b2c3d4e5f60718293a4b5c6d7e8f9");
    EXPECT_EQ(u.name, "陳怡君");
    EXPECT_EQ(u.first_name, "怡君");
    EXPECT_EQ(u.last_name, "陳");
    EXPECT_EQ(u.username, "chen.yijun@acme.com");
    EXPECT_EQ(u.email, "chen.yijun@acme.com");
    EXPECT_TRUE(u.is_active);
    EXPECT_FALSE(u.is_admin);
    EXPECT_FALSE(u.sso_only);
    ASSERT_TRUE(u.last_login.has_value());
    EXPECT_EQ(*u.last_login, 1490245200000);
    ASSERT_TRUE(u.entry_date.has_value());
    EXPECT_EQ(*u.entry_date, 1456747200000);
    EXPECT_EQ(u.login_count, 42);
    EXPECT_EQ(u.title, "專案經理");
    EXPECT_EQ(u.access_level_id, "acc00000000000000000000000000001");
    EXPECT_EQ(u.license_type, "F");
}

TEST(ParseUsers, MissingAndNullFieldsTakeSafeDefaults) {
    wf::Result<std::vector<wf::User>> users = wf::parse_users(ok(R"({"data":[
        {"ID":"a1"},
        {"ID":"a2","name":null,"isActive":null,"isAdmin":null,"lastLoginDate":null,"loginCount":null,"title":null,
         "entryDate":"","ssoAccessOnly":""}]})"));
    ASSERT_TRUE(users.ok()) << users.error().message;
    for (const wf::User& u : *users) {
        EXPECT_EQ(u.name, "");
        EXPECT_TRUE(u.is_active) << "an unknown state must never look deactivated";
        EXPECT_FALSE(u.is_admin);
        EXPECT_FALSE(u.sso_only);
        EXPECT_FALSE(u.last_login.has_value()) << "null lastLoginDate: never logged in";
        EXPECT_FALSE(u.entry_date.has_value());
        EXPECT_EQ(u.login_count, 0);
    }
}

TEST(ParseUsers, BooleansAndNumbersAsStrings) {
    wf::Result<std::vector<wf::User>> users = wf::parse_users(ok(R"({"data":[
        {"ID":"a1","isActive":"false","isAdmin":"TRUE","ssoAccessOnly":" true ","loginCount":"12","title":7},
        {"ID":"a2","isActive":0,"isAdmin":1,"loginCount":12.0,"licenseType":"L"},
        {"ID":"a3","isActive":"1","isAdmin":"0","loginCount":"12.000","lastLoginDate":1490245200000}]})"));
    ASSERT_TRUE(users.ok()) << users.error().message;
    const auto& u = *users;
    EXPECT_FALSE(u[0].is_active);
    EXPECT_TRUE(u[0].is_admin);
    EXPECT_TRUE(u[0].sso_only);
    EXPECT_EQ(u[0].login_count, 12);
    EXPECT_EQ(u[0].title, "7");
    EXPECT_FALSE(u[1].is_active);
    EXPECT_TRUE(u[1].is_admin);
    EXPECT_EQ(u[1].login_count, 12);
    EXPECT_TRUE(u[2].is_active);
    EXPECT_FALSE(u[2].is_admin);
    EXPECT_EQ(u[2].login_count, 12);
    EXPECT_EQ(u[2].last_login, std::optional<wf::TimeMs>(1490245200000));
}

TEST(ParseUsers, OddButValidDates) {
    wf::Result<std::vector<wf::User>> users = wf::parse_users(ok(R"({"data":[
        {"ID":"a1","lastLoginDate":"2017-03-23T05:00:00Z"},
        {"ID":"a2","lastLoginDate":"2017-03-23T09:00:00.000+04:00"},
        {"ID":"a3","lastLoginDate":"2017-03-23T09:00:00:000+0400"}]})"));
    ASSERT_TRUE(users.ok()) << users.error().message;
    for (const wf::User& u : *users) EXPECT_EQ(u.last_login, std::optional<wf::TimeMs>(1490245200000)) << u.id;
}

TEST(ParseUsers, EmptyListIsNoUsers) {
    wf::Result<std::vector<wf::User>> users = wf::parse_users(ok(R"({"data":[]})"));
    ASSERT_TRUE(users.ok());
    EXPECT_TRUE(users->empty());
}

struct BadAnswer {
    const char* name;
    int status;
    const char* body;
    const char* says;   // a phrase of the error message
};

std::ostream& operator<<(std::ostream& os, const BadAnswer& c) { return os << c.name; }

const BadAnswer kBadUserLists[] = {
    {"html login page", 200, "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Adobe ID</body></html>",
     "a web page came instead of data, HTTP 200: Sign in Adobe ID"},
    {"truncated json", 200, R"({"data":[{"ID":"a1","name":"Ann"},{"ID":"a2","na)", "cut off or is not valid JSON"},
    {"empty body", 200, "", "the answer was empty, HTTP 200"},
    {"only spaces", 200, "  \r\n ", "the answer was empty"},
    {"plain text", 200, "OK", "the answer is not JSON, HTTP 200: OK"},
    {"top-level list", 200, R"([{"ID":"a1"}])", "expected a JSON object, got a JSON array"},
    {"no data", 200, R"({"result":[]})", "has no \"data\""},
    {"data is a string", 200, R"({"data":"users"})", "expected a list of users in \"data\", got a JSON string"},
    {"data is an object", 200, R"({"data":{"ID":"a1"}})", "expected a list of users"},
    {"user is a number", 200, R"({"data":[17]})", "a user is a JSON number"},
    {"user without ID", 200, R"({"data":[{"name":"Ann"}]})", "a user without an ID"},
    {"numeric ID", 200, R"({"data":[{"ID":42}]})", "a user without an ID"},
    {"isActive object", 200, R"({"data":[{"ID":"a1","isActive":{}}]})", "isActive of user a1 is {}, not true or false"},
    {"isActive maybe", 200, R"({"data":[{"ID":"a1","isActive":"maybe"}]})", "isActive of user a1"},
    {"isAdmin 2", 200, R"({"data":[{"ID":"a1","isAdmin":2}]})", "isAdmin of user a1 is 2"},
    {"date garbage", 200, R"({"data":[{"ID":"a1","lastLoginDate":"yesterday"}]})",
     "lastLoginDate of user a1 is \"yesterday\", not a date"},
    {"date as bool", 200, R"({"data":[{"ID":"a1","entryDate":true}]})", "entryDate of user a1"},
    {"name is a list", 200, R"({"data":[{"ID":"a1","name":["x"]}]})", "name of user a1 is a JSON array"},
    {"loginCount huge", 200, R"({"data":[{"ID":"a1","loginCount":1e300}]})", "loginCount of user a1"},
    {"loginCount text", 200, R"({"data":[{"ID":"a1","loginCount":"many"}]})", "not a whole number"},
    {"bad utf-8", 200, "{\"data\":[{\"ID\":\"a1\",\"name\":\"\xFF\"}]}", "cut off or is not valid JSON"},
};

class BadUserList : public ::testing::TestWithParam<BadAnswer> {};

TEST_P(BadUserList, IsMalformedWithAnExcerpt) {
    const BadAnswer& c = GetParam();
    wf::Result<std::vector<wf::User>> users = wf::parse_users({c.status, c.body, "application/json"});
    ASSERT_FALSE(users.ok());
    EXPECT_EQ(users.error().kind, wf::ErrorKind::Malformed) << users.error().message;
    EXPECT_EQ(users.error().status, c.status);
    EXPECT_TRUE(contains(users.error().message, c.says)) << users.error().message << "\nexpected: " << c.says;
    EXPECT_TRUE(contains(users.error().describe(), users.error().message));
}

INSTANTIATE_TEST_SUITE_P(Table, BadUserList, ::testing::ValuesIn(kBadUserLists));

TEST(ParseUsers, ALongPageIsExcerptedNotCopied) {
    std::string page = "<html><body><h1>Gateway Timeout</h1><p>" + std::string(5000, 'x') + "</p></body></html>";
    wf::Result<std::vector<wf::User>> users = wf::parse_users(ok(page));
    ASSERT_FALSE(users.ok());
    EXPECT_LT(users.error().message.size(), 220u);
    EXPECT_TRUE(contains(users.error().message, "Gateway Timeout xxx"));
    EXPECT_TRUE(contains(users.error().message, "..."));
}

TEST(ParseUsers, ExcerptNeverSplitsACharacter) {
    std::string body = "<p>";
    for (int i = 0; i < 100; ++i) body += "\xE9\x99\xB3";   // 陳, three bytes each
    wf::Result<std::vector<wf::User>> users = wf::parse_users(ok(body));
    ASSERT_FALSE(users.ok());
    const std::string& m = users.error().message;
    const std::string before_dots = m.substr(0, m.size() - 3);
    EXPECT_EQ(m.substr(m.size() - 3), "...");
    EXPECT_EQ(before_dots.substr(before_dots.size() - 3), "\xE9\x99\xB3");
}

TEST(ParseUsers, AnErrorObjectIsClassifiedEvenWith200) {
    wf::Result<std::vector<wf::User>> users = wf::parse_users(ok(
        R"({"error":{"class":"com.attask.common.AuthenticationException","message":"You are not currently logged in"}})"));
    ASSERT_FALSE(users.ok());
    EXPECT_EQ(users.error().kind, wf::ErrorKind::Authentication);
    EXPECT_EQ(users.error().message, "You are not currently logged in");
}

TEST(ParseUser, OneObjectOrAListOfOne) {
    wf::Result<wf::User> one = wf::parse_user(ok(R"({"data":{"ID":"a1","name":"Ann","isActive":"false"}})"));
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(one->name, "Ann");
    EXPECT_FALSE(one->is_active);
    wf::Result<wf::User> listed = wf::parse_user(ok(R"({"data":[{"ID":"a1","name":"Ann"}]})"));
    ASSERT_TRUE(listed.ok());
    EXPECT_EQ(listed->id, "a1");
    wf::Result<wf::User> two = wf::parse_user(ok(R"({"data":[{"ID":"a1"},{"ID":"a2"}]})"));
    ASSERT_FALSE(two.ok());
    EXPECT_EQ(two.error().kind, wf::ErrorKind::Malformed);
    wf::Result<wf::User> null_data = wf::parse_user(ok(R"({"data":null})"));
    ASSERT_FALSE(null_data.ok());
    EXPECT_TRUE(contains(null_data.error().message, "got a JSON null"));
}

TEST(ParseUser, TheAdminEmailRefusal) {
    wf::Result<wf::User> r = wf::parse_user({422, R"({"error":{"class":"com.attask.common.ValidationException",
        "message":"The Admin Email user cannot be deactivated. Choose another Admin Email user in Setup first.",
        "title":"Cannot deactivate","msgKey":"exception.adminemailuser","attributes":["x"],"code":422}})", ""});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, wf::ErrorKind::Refused);
    EXPECT_EQ(r.error().status, 422);
    EXPECT_EQ(r.error().wf_class, "com.attask.common.ValidationException");
    EXPECT_TRUE(contains(r.error().describe(), "The Admin Email user cannot be deactivated."));
}

TEST(ParseCount, Shapes) {
    auto count = [](const std::string& body) { return wf::parse_count(ok(body)); };
    EXPECT_EQ(*count(R"({"data":{"count":42}})"), 42);
    EXPECT_EQ(*count(R"({"data":{"count":"42"}})"), 42);
    EXPECT_EQ(*count(R"({"data":{"count":42.0}})"), 42);
    EXPECT_EQ(*count(R"({"data":{"count":0}})"), 0);
    EXPECT_EQ(*count(R"({"data":42})"), 42);
    EXPECT_EQ(*count(R"({"data":{"count":9223372036854775807}})"), 9223372036854775807LL);
    EXPECT_EQ(*count(R"({"data":{"count":"9223372036854775807"}})"), 9223372036854775807LL);
}

TEST(ParseCount, HugeOrOddNumbersAreMalformedNotWrapped) {
    const char* bad[] = {
        R"({"data":{"count":9223372036854775808}})",      // one past int64
        R"({"data":{"count":18446744073709551615}})",     // uint64 max
        R"({"data":{"count":99999999999999999999999}})",  // parsed as a float
        R"({"data":{"count":1e300}})",
        R"({"data":{"count":"99999999999999999999"}})",
        R"({"data":{"count":-1}})",
        R"({"data":{"count":42.5}})",
        R"({"data":{"count":null}})",
        R"({"data":{"count":"forty"}})",
        R"({"data":{"count":true}})",
        R"({"data":{"total":42}})",
        R"({"data":[42]})",
    };
    for (const char* body : bad) {
        wf::Result<long long> n = wf::parse_count(ok(body));
        ASSERT_FALSE(n.ok()) << body << " gave " << *n;
        EXPECT_EQ(n.error().kind, wf::ErrorKind::Malformed) << body;
    }
}

TEST(ParseApiKey, KeyEmptyOrError) {
    EXPECT_EQ(*wf::parse_api_key(ok(R"({"data":{"result":"0123456789abcdef0123456789abcdef"}})")),
              "0123456789abcdef0123456789abcdef");
    EXPECT_EQ(*wf::parse_api_key(ok(R"({"data":{"result":""}})")), "");
    EXPECT_EQ(*wf::parse_api_key(ok(R"({"data":{"result":null}})")), "");
    EXPECT_FALSE(wf::parse_api_key(ok(R"({"data":{}})")).ok());
    EXPECT_FALSE(wf::parse_api_key(ok(R"({"data":{"result":12}})")).ok());
    EXPECT_FALSE(wf::parse_api_key(ok(R"({"data":"key"})")).ok());

    wf::Result<std::string> wrong = wf::parse_api_key({401, R"({"error":{"class":"com.attask.common.AuthenticationException",
        "message":"That username/password combination wasn't quite right. Please try again."}})", ""});
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().kind, wf::ErrorKind::Authentication);
    EXPECT_EQ(wrong.error().describe(), "Wrong username or password.");

    wf::Result<std::string> sso = wf::parse_api_key({401, R"({"error":{"class":"com.attask.common.AuthenticationException",
        "message":"This user signs in with single sign-on (SSO) only: a password cannot be used."}})", ""});
    ASSERT_FALSE(sso.ok());
    EXPECT_EQ(sso.error().describe(), "This account signs in with SSO only: paste an API key or a session token instead.");
}

TEST(ParseBulk, ListAtomicSuccessAndRefusals) {
    wf::Result<std::vector<wf::User>> list = wf::parse_bulk(ok(
        R"({"data":[{"ID":"a1","isActive":false},{"ID":"a2","isActive":"false"}]})"));
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2u);
    EXPECT_FALSE((*list)[1].is_active);

    wf::Result<std::vector<wf::User>> atomic = wf::parse_bulk(ok(R"({"data":{"success":true}})"));
    ASSERT_TRUE(atomic.ok());
    EXPECT_TRUE(atomic->empty());

    wf::Result<std::vector<wf::User>> one = wf::parse_bulk(ok(R"({"data":{"ID":"a1","isActive":true}})"));
    ASSERT_TRUE(one.ok());
    ASSERT_EQ(one->size(), 1u);

    wf::Result<std::vector<wf::User>> not_confirmed = wf::parse_bulk(ok(R"({"data":{"success":false}})"));
    ASSERT_FALSE(not_confirmed.ok());
    EXPECT_EQ(not_confirmed.error().kind, wf::ErrorKind::Refused);

    wf::Result<std::vector<wf::User>> odd = wf::parse_bulk(ok(R"({"data":"done"})"));
    ASSERT_FALSE(odd.ok());
    EXPECT_EQ(odd.error().kind, wf::ErrorKind::Malformed);

    wf::Result<std::vector<wf::User>> too_many = wf::parse_bulk({422, R"({"error":{"class":"java.lang.IllegalArgumentException",
        "message":"A bulk update can change at most 100 objects; this one has 101"}})", ""});
    ASSERT_FALSE(too_many.ok());
    EXPECT_EQ(too_many.error().kind, wf::ErrorKind::InvalidParameter);
}

}  // namespace
