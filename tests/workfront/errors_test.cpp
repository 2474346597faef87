// errors_test.cpp: the classification table (every answer that is not data -> one kind), and the words
// an administrator reads for each.
#include <gtest/gtest.h>
#include <set>
#include "workfront/api.h"

namespace {

using K = wf::ErrorKind;

std::string wf_error(const char* cls, const char* message) {
    return std::string(R"({"error":{"class":")") + cls + R"(","message":")" + message + R"(","title":"t","code":0}})";
}

const char* const kGateway503 =
    "<html><head><title>503 Service Unavailable</title></head><body><center><h1>503 Service Unavailable</h1>"
    "</center><hr><center>gateway</center></body></html>\n";

struct Row {
    const char* name;
    int status;
    std::string body;
    K kind;
    const char* message;    // expected in Error::message
    const char* describe;   // expected in Error::describe()
};

std::ostream& operator<<(std::ostream& os, const Row& r) { return os << r.name; }

const Row kTable[] = {
    {"wrong password", 401,
     wf_error("com.attask.common.AuthenticationException", "That username/password combination wasn't quite right."),
     K::Authentication, "wasn't quite right", "Wrong username or password."},
    {"sso only", 401,
     wf_error("com.attask.common.AuthenticationException", "This user signs in with single sign-on (SSO) only."),
     K::Authentication, "SSO", "This account signs in with SSO only: paste an API key or a session token instead."},
    {"expired key", 401, wf_error("com.attask.common.AuthenticationException", "You are not currently logged in"),
     K::Authentication, "not currently logged in",
     "The API key or session has expired or is not valid: sign in again."},
    {"deactivated admin", 401,
     wf_error("com.attask.common.AuthenticationException", "This user is deactivated and cannot sign in."),
     K::Authentication, "deactivated", "deactivated, so it cannot sign in"},
    {"auth class beats 500", 500, wf_error("com.attask.common.AuthenticationException", "Invalid session"),
     K::Authentication, "Invalid session", "sign in again"},
    {"auth with 200", 200, wf_error("com.attask.common.AuthenticationException", "Invalid key"), K::Authentication,
     "Invalid key", "sign in again"},
    {"401 html", 401, "<html><body>Unauthorized</body></html>", K::Authentication, "HTTP 401", "sign in again"},
    {"security 403", 403, wf_error("com.attask.common.SecurityException", "You do not have sufficient access"),
     K::Permission, "sufficient access", "System Administrator access level"},
    {"403 without class", 403, R"({"error":{"message":"Forbidden"}})", K::Permission, "Forbidden", "not allowed"},
    {"not found 404", 404,
     wf_error("com.attask.common.NotFoundException", "User with primary key value(s) \\\"x\\\" not found"),
     K::NotFound, "not found", "reload the user list"},
    {"not found class at 500", 500, wf_error("com.attask.common.NotFoundException", "gone"), K::NotFound, "gone",
     "could not find"},
    {"not found message at 422", 422, R"({"error":{"message":"TASK with ID 12 not found"}})", K::NotFound,
     "not found", "could not find"},
    {"illegal argument 422", 422, wf_error("java.lang.IllegalArgumentException", "$$LIMIT 5000 is more than 2000"),
     K::InvalidParameter, "$$LIMIT 5000", "rejected the request as invalid"},
    {"illegal argument class wins over not found", 422,
     wf_error("java.lang.IllegalArgumentException", "field xyz not found"), K::InvalidParameter, "xyz",
     "invalid"},
    {"400 without class", 400, R"({"error":{"message":"bad"}})", K::InvalidParameter, "bad", "invalid"},
    {"error as a string", 422, R"({"error":"boom"})", K::InvalidParameter, "boom", "boom"},
    {"admin email user", 422,
     wf_error("com.attask.common.ValidationException",
              "The Admin Email user cannot be deactivated. Choose another Admin Email user in Setup first."),
     K::Refused, "Admin Email user cannot be deactivated",
     "Workfront refused. Workfront says: The Admin Email user cannot be deactivated."},
    {"validation at 500", 500, wf_error("com.attask.common.ValidationException", "no"), K::Refused, "no", "refused"},
    {"other business class 409", 409, wf_error("com.attask.common.ConflictException", "in use"), K::Refused,
     "in use", "in use"},
    {"unsupported version", 410,
     wf_error("com.attask.common.UnsupportedVersionException", "API version v15.0 is not supported."),
     K::InvalidParameter, "v15.0", "change the API version setting"},
    {"rate limited", 429, wf_error("com.attask.common.RateLimitException", "Too many concurrent API requests."),
     K::Retryable, "Too many", "wait a moment and try again"},
    {"server exception", 500, wf_error("com.attask.common.ServerException", "An unexpected error occurred"),
     K::Retryable, "unexpected error", "temporary problem (HTTP 500)"},
    {"gateway 503 html", 503, kGateway503, K::Retryable, "HTTP 503: 503 Service Unavailable 503 Service", "HTTP 503"},
    {"502 html", 502, "<html><title>502 Bad Gateway</title></html>", K::Retryable, "502 Bad Gateway", "try again"},
    {"500 empty", 500, "", K::Retryable, "HTTP 500", "temporary problem"},
    {"429 plain", 429, "slow down", K::Retryable, "slow down", "busy"},
    {"proxy refused", 400,
     wf_error("wfadmin.ProxyRefused", "x.example.com is not a Workfront host. Use <domain>.my.workfront.com"),
     K::InvalidParameter, "is not a Workfront host", "will not forward this request: x.example.com"},
    {"proxy unreachable", 502, wf_error("wfadmin.ProxyUnreachable", "The domain nosuch.my.workfront.com was not found."),
     K::Network, "was not found", "Domain not found or unreachable"},
    {"proxy timeout", 504, wf_error("wfadmin.ProxyUnreachable", "did not answer within 30 seconds"), K::Network,
     "did not answer", "Domain not found or unreachable"},
    {"status 0", 0, "", K::Network, "no answer", "Workfront could not be reached: check the domain and your network."},
    {"status 0 with a reason", 0, "timeout", K::Network, "timeout", "could not be reached"},
    {"html 200", 200, "<html><body><h1>Please sign in</h1></body></html>", K::Malformed,
     "a web page came instead of data, HTTP 200: Please sign in", "could not be read"},
    {"html 404", 404, "<html><body>Not Found</body></html>", K::Malformed, "web page", "could not be read"},
    {"html 403 from a CDN", 403, "<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD></HTML>", K::Malformed,
     "Access Denied", "proxy or firewall"},
    {"plain 400", 400, "Bad Request", K::Malformed, "not JSON, HTTP 400: Bad Request", "could not be read"},
    {"truncated 422", 422, R"({"error":{"class":"java.lang.Ill)", K::Malformed, "cut off", "could not be read"},
    {"json without error", 404, R"({"foo":1})", K::Malformed, "unexpected answer, HTTP 404", "could not be read"},
    {"data on 200", 200, R"({"data":[]})", K::Malformed, "unexpected answer", "could not be read"},
};

class Classification : public ::testing::TestWithParam<Row> {};

TEST_P(Classification, KindMessageAndWords) {
    const Row& row = GetParam();
    wf::Error e = wf::classify_error({row.status, row.body, ""});
    EXPECT_EQ(wf::kind_name(e.kind), std::string(wf::kind_name(row.kind)));
    EXPECT_EQ(e.status, row.status);
    EXPECT_NE(e.message.find(row.message), std::string::npos) << "message: " << e.message;
    EXPECT_NE(e.describe().find(row.describe), std::string::npos) << "describe: " << e.describe();
    EXPECT_EQ(e.retryable(), row.kind == K::Retryable || row.kind == K::Network);
}

INSTANTIATE_TEST_SUITE_P(Table, Classification, ::testing::ValuesIn(kTable));

TEST(Errors, KeepsTheServersClass) {
    wf::Error e = wf::classify_error(
        {422, wf_error("com.attask.common.ValidationException", "nope"), "application/json"});
    EXPECT_EQ(e.wf_class, "com.attask.common.ValidationException");
    EXPECT_EQ(e.message, "nope");
    wf::Error untitled = wf::classify_error({422, R"({"error":{"class":"X","title":"Only a title"}})", ""});
    EXPECT_EQ(untitled.message, "Only a title");
    wf::Error bare = wf::classify_error({409, R"({"error":{}})", ""});
    EXPECT_EQ(bare.kind, K::Refused);
    EXPECT_EQ(bare.message, "HTTP 409");
}

TEST(Errors, KindNamesAreDistinct) {
    std::set<std::string> names;
    for (K k : {K::Authentication, K::Permission, K::NotFound, K::InvalidParameter, K::Refused, K::Retryable,
                K::Network, K::Malformed})
        names.insert(wf::kind_name(k));
    EXPECT_EQ(names.size(), 8u);
}

TEST(Errors, DescriptionsAreAscii) {   // the UI's base font has no typographic quotes or dashes
    for (const Row& row : kTable) {
        std::string words = wf::classify_error({row.status, row.body, ""}).describe();
        for (unsigned char c : words) ASSERT_LT(c, 0x80) << row.name << ": " << words;
    }
}

}  // namespace
