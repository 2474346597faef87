// requests_test.cpp: the exact requests wfadmin sends: method, URL, body, content type and headers.
// Credentials: the password only in a form body, the key or session only in a header, never in a URL.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include "support/form_decode.h"
#include "workfront/api.h"

namespace {

using nlohmann::json;

const char* const kApi = "https://acme.my.workfront.com/attask/api/v21.0";
// kUserFields, percent-encoded (commas become %2C).
const std::string kFields =
    "ID%2Cname%2Cusername%2CemailAddr%2CisActive%2CisAdmin%2ClastLoginDate%2ClicenseType";
const char* const kForm = "application/x-www-form-urlencoded";

wf::Endpoint acme() {
    wf::Endpoint ep;
    ep.host = wf::resolve_host("acme").value();
    return ep;
}

wf::Auth api_key(const std::string& key = "K3yS3cr3t") { return {wf::Auth::Kind::ApiKey, key}; }
wf::Auth session(const std::string& token = "S3ss10nT0ken") { return {wf::Auth::Kind::Session, token}; }

using wftest::decode_form;

void expect_secret_only_in_header(const wf::Request& r, const std::string& header, const std::string& secret) {
    ASSERT_NE(r.header(header), nullptr) << r.url;
    EXPECT_EQ(*r.header(header), secret);
    EXPECT_EQ(r.url.find(secret), std::string::npos) << r.url;
    EXPECT_EQ(r.body.find(secret), std::string::npos) << r.body;
    EXPECT_EQ(r.headers.size(), 1u) << "only the credential header is expected";
}

TEST(Requests, GetApiKeySendsCredentialsOnlyInAFormBody) {
    const std::string password = "p&ss=w rd+\xE5\xAF\x86";   // characters that must be escaped, and a CJK one
    wf::Request r = wf::get_api_key_request(acme(), "admin@acme.com", password);
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.url, std::string(kApi) + "/user");
    EXPECT_EQ(r.content_type, kForm);
    EXPECT_EQ(r.body, "action=getApiKey&username=admin%40acme.com&password=p%26ss%3Dw%20rd%2B%E5%AF%86&method=PUT");
    EXPECT_TRUE(r.headers.empty());
    EXPECT_EQ(r.url.find("password"), std::string::npos);
    EXPECT_EQ(r.url.find("admin"), std::string::npos);
    auto fields = decode_form(r.body);
    ASSERT_EQ(fields.size(), 4u);
    EXPECT_EQ(fields[2].second, password);
}

TEST(Requests, GenerateApiKeyIsTheSameShapeWithItsOwnAction) {
    wf::Request r = wf::generate_api_key_request(acme(), "admin@acme.com", "pw");
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.url, std::string(kApi) + "/user");
    EXPECT_EQ(r.body, "action=generateApiKey&username=admin%40acme.com&password=pw&method=PUT");
    EXPECT_EQ(r.content_type, kForm);
}

TEST(Requests, ClearApiKeyIsAuthenticated) {
    wf::Request r = wf::clear_api_key_request(acme(), api_key());
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.url, std::string(kApi) + "/user");
    EXPECT_EQ(r.body, "action=clearApiKey&method=PUT");
    EXPECT_EQ(r.content_type, kForm);
    expect_secret_only_in_header(r, "apiKey", "K3yS3cr3t");
}

TEST(Requests, CurrentUserKeepsDollarsLiteral) {
    wf::Request r = wf::current_user_request(acme(), api_key());
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.url, std::string(kApi) + "/user/$$USER?fields=" + kFields);
    EXPECT_TRUE(r.body.empty());
    EXPECT_TRUE(r.content_type.empty());
    expect_secret_only_in_header(r, "apiKey", "K3yS3cr3t");
}

TEST(Requests, SessionGoesInTheSessionIdHeader) {
    wf::Request r = wf::current_user_request(acme(), session());
    expect_secret_only_in_header(r, "sessionID", "S3ss10nT0ken");
    EXPECT_EQ(r.header("apiKey"), nullptr);
    EXPECT_NE(r.header("SESSIONID"), nullptr) << "header lookup is case-insensitive";
}

TEST(Requests, NoAuthMeansNoCredentialHeader) {
    wf::Request r = wf::user_count_request(acme(), wf::Auth{});
    EXPECT_TRUE(r.headers.empty());
}

TEST(Requests, GetOneUser) {
    wf::Request r = wf::get_user_request(acme(), api_key(), "5a1b2c3d4e5f60718293a4b5c6d7e8f9");
    EXPECT_EQ(r.url, std::string(kApi) + "/user/5a1b2c3d4e5f60718293a4b5c6d7e8f9?fields=" + kFields);
}

TEST(Requests, UserCount) {
    EXPECT_EQ(wf::user_count_request(acme(), api_key()).url, std::string(kApi) + "/user/count");
    wf::Filter active;
    active.add("isActive", "true");
    wf::Request r = wf::user_count_request(acme(), api_key(), active);
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.url, std::string(kApi) + "/user/count?isActive=true");
}

TEST(Requests, UserSearchPage) {
    wf::Request r = wf::user_search_request(acme(), api_key(), 4000, 2000);
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.url, std::string(kApi) + "/user/search?fields=" + kFields + "&$$FIRST=4000&$$LIMIT=2000&ID_Sort=asc");
    expect_secret_only_in_header(r, "apiKey", "K3yS3cr3t");
}

TEST(Requests, UserSearchClampsPaging) {
    auto query_of = [](int first, int limit) {
        std::string url = wf::user_search_request(acme(), api_key(), first, limit).url;
        return url.substr(url.find("&$$FIRST"));
    };
    EXPECT_EQ(query_of(0, 5000), "&$$FIRST=0&$$LIMIT=2000&ID_Sort=asc");
    EXPECT_EQ(query_of(0, 2001), "&$$FIRST=0&$$LIMIT=2000&ID_Sort=asc");
    EXPECT_EQ(query_of(0, 0), "&$$FIRST=0&$$LIMIT=1&ID_Sort=asc");
    EXPECT_EQ(query_of(-7, -5), "&$$FIRST=0&$$LIMIT=1&ID_Sort=asc");
    EXPECT_EQ(query_of(48000, 1), "&$$FIRST=48000&$$LIMIT=1&ID_Sort=asc");
}

TEST(Requests, UserSearchWithFiltersAndIdRange) {
    wf::Filter f = wf::id_range_filter("00000000000000000000000000000000", "7fffffffffffffffffffffffffffffff");
    f.add("emailAddr", "chen").add("emailAddr_Mod", "cicontains").add("OR:1:isAdmin", "true");
    wf::Request r = wf::user_search_request(acme(), api_key(), 0, 100, f);
    EXPECT_EQ(r.url, std::string(kApi) + "/user/search?fields=" + kFields +
                         "&$$FIRST=0&$$LIMIT=100&ID_Sort=asc"
                         "&ID=00000000000000000000000000000000&ID_Mod=between&ID_Range=7fffffffffffffffffffffffffffffff"
                         "&emailAddr=chen&emailAddr_Mod=cicontains&OR:1:isAdmin=true");
}

TEST(Requests, UsernameFiltersGoThroughFiltersJson) {
    const std::string expected = std::string(kApi) + "/user/count?filters=%7B%22username%22%3A%22chen.yijun%40acme.com%22%7D";
    EXPECT_EQ(wf::user_count_request(acme(), api_key(), wf::username_filter("chen.yijun@acme.com")).url, expected);
    // A bare username parameter would be read as a credential: the builder moves it into filters={...}.
    wf::Filter bare;
    bare.add("username", "chen.yijun@acme.com");
    EXPECT_EQ(wf::user_count_request(acme(), api_key(), bare).url, expected);

    wf::Filter mixed;
    mixed.add("isActive", "true").add("username", "lin").add("username_Mod", "cicontains");
    wf::Request r = wf::user_count_request(acme(), api_key(), mixed);
    auto params = decode_form(r.url.substr(r.url.find('?') + 1));
    ASSERT_EQ(params.size(), 2u);
    EXPECT_EQ(params[0], std::make_pair(std::string("isActive"), std::string("true")));
    EXPECT_EQ(params[1].first, "filters");
    EXPECT_EQ(json::parse(params[1].second), json({{"username", "lin"}, {"username_Mod", "cicontains"}}));
}

TEST(Requests, InvalidUtf8InAFilterIsReplacedNotFatal) {
    // dump() would throw on invalid UTF-8, and exceptions are off in the web build: that would abort the page.
    wf::Request r = wf::user_count_request(acme(), api_key(), wf::username_filter("chen\xFF"));
    EXPECT_EQ(r.url, std::string(kApi) + "/user/count?filters=%7B%22username%22%3A%22chen%EF%BF%BD%22%7D");
}

TEST(Requests, CredentialNamesAreNeverFilters) {
    wf::Filter f;
    f.add("isActive", "true").add("password", "hunter2").add("apiKey", "K").add("sessionID", "S");
    wf::Request r = wf::user_count_request(acme(), api_key("secret-key"), f);
    EXPECT_EQ(r.url, std::string(kApi) + "/user/count?isActive=true");
}

TEST(Requests, DeactivateOneUserSendsAJsonBoolean) {
    wf::Request r = wf::set_active_request(acme(), api_key(), "5a1b2c3d4e5f60718293a4b5c6d7e8f9", false);
    EXPECT_EQ(r.method, "PUT");
    EXPECT_EQ(r.url, std::string(kApi) + "/user/5a1b2c3d4e5f60718293a4b5c6d7e8f9?updates=%7B%22isActive%22%3Afalse%7D&fields=" + kFields);
    EXPECT_TRUE(r.body.empty());
    expect_secret_only_in_header(r, "apiKey", "K3yS3cr3t");
    auto params = decode_form(r.url.substr(r.url.find('?') + 1));
    EXPECT_EQ(json::parse(params[0].second), json({{"isActive", false}}));
    EXPECT_TRUE(json::parse(params[0].second)["isActive"].is_boolean());
}

TEST(Requests, ReactivateOneUser) {
    wf::Request r = wf::set_active_request(acme(), session(), "5a1b2c3d4e5f60718293a4b5c6d7e8f9", true);
    EXPECT_NE(r.url.find("updates=%7B%22isActive%22%3Atrue%7D"), std::string::npos);
    expect_secret_only_in_header(r, "sessionID", "S3ss10nT0ken");
}

TEST(Requests, AnIdCannotEscapeItsPathSegment) {
    wf::Request r = wf::set_active_request(acme(), api_key(), "../x?y=1#", false);
    EXPECT_EQ(r.url.rfind(std::string(kApi) + "/user/..%2Fx%3Fy%3D1%23?updates=", 0), 0u) << r.url;
}

TEST(Requests, BulkDeactivationIsAFormPutWithAJsonList) {
    wf::Request r = wf::bulk_set_active_request(acme(), api_key(), {"aaaa", "bbbb"}, false);
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.url, std::string(kApi) + "/user");
    EXPECT_EQ(r.content_type, kForm);
    EXPECT_EQ(r.body, "updates=%5B%7B%22ID%22%3A%22aaaa%22%2C%22isActive%22%3Afalse%7D%2C%7B%22ID%22%3A%22bbbb%22%2C"
                      "%22isActive%22%3Afalse%7D%5D&fields=" + kFields + "&method=PUT");
    expect_secret_only_in_header(r, "apiKey", "K3yS3cr3t");
}

TEST(Requests, BulkOfAHundredAtomic) {
    std::vector<std::string> ids;
    for (int i = 0; i < wf::kMaxBulkUpdate; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "%032x", i + 1);
        ids.push_back(id);
    }
    wf::Request r = wf::bulk_set_active_request(acme(), api_key(), ids, true, /*atomic=*/true);
    auto fields = decode_form(r.body);
    ASSERT_EQ(fields.size(), 4u);
    EXPECT_EQ(fields[0].first, "updates");
    EXPECT_EQ(fields[2], std::make_pair(std::string("atomic"), std::string("true")));
    EXPECT_EQ(fields[3], std::make_pair(std::string("method"), std::string("PUT")));
    json updates = json::parse(fields[0].second);
    ASSERT_TRUE(updates.is_array());
    ASSERT_EQ(updates.size(), 100u);
    for (size_t i = 0; i < ids.size(); ++i) {
        EXPECT_EQ(updates[i]["ID"], ids[i]);
        EXPECT_EQ(updates[i]["isActive"], json(true));
        EXPECT_EQ(updates[i].size(), 2u);
    }
    EXPECT_EQ(r.url, std::string(kApi) + "/user");
}

TEST(Requests, ObjectCountsForOpenWork) {
    wf::Filter open_work;
    open_work.add("assignedToID", "5a1b2c3d4e5f60718293a4b5c6d7e8f9")
        .add("status_Mod", "notin").add("status", "CPL").add("status", "DED");
    wf::Request task = wf::object_count_request(acme(), api_key(), "TASK", open_work);
    EXPECT_EQ(task.method, "GET");
    EXPECT_EQ(task.url, std::string(kApi) + "/task/count?assignedToID=5a1b2c3d4e5f60718293a4b5c6d7e8f9"
                                            "&status_Mod=notin&status=CPL&status=DED");
    expect_secret_only_in_header(task, "apiKey", "K3yS3cr3t");
    EXPECT_EQ(wf::object_count_request(acme(), api_key(), "OPTASK", open_work).url.rfind(std::string(kApi) + "/optask/count?", 0), 0u);
    wf::Filter owned;
    owned.add("ownerID", "x").add("status_Mod", "notin").add("status", "CPL");
    EXPECT_EQ(wf::object_count_request(acme(), api_key(), "PROJ", owned).url,
              std::string(kApi) + "/proj/count?ownerID=x&status_Mod=notin&status=CPL");
}

TEST(Requests, ApiVersionIsASetting) {
    wf::Endpoint ep = acme();
    EXPECT_EQ(ep.version, "21.0");
    ep.version = "22.0";
    EXPECT_EQ(ep.api_url(), "https://acme.my.workfront.com/attask/api/v22.0");
    ep.version = "v22";
    EXPECT_EQ(ep.api_url(), "https://acme.my.workfront.com/attask/api/v22.0");
    ep.version = "";
    EXPECT_EQ(ep.api_url(), "https://acme.my.workfront.com/attask/api/v21.0");
    ep.version = "20.0";
    ep.host = wf::resolve_host("https://acme.sb01.workfront.adobe.com/").value();
    EXPECT_EQ(wf::user_count_request(ep, api_key()).url, "https://acme.sb01.workfront.adobe.com/attask/api/v20.0/user/count");
}

TEST(Requests, ATooLongQueryBecomesAFormPostWithMethodGet) {
    wf::Filter f;
    f.add("ID_Mod", "in");
    for (int i = 0; i < 300; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "%032x", i);
        f.add("ID", id);
    }
    wf::Request r = wf::user_search_request(acme(), api_key(), 0, 2000, f);
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.url, std::string(kApi) + "/user/search");
    EXPECT_EQ(r.content_type, kForm);
    EXPECT_EQ(r.body.rfind("fields=" + kFields + "&$$FIRST=0&$$LIMIT=2000&ID_Sort=asc&ID_Mod=in&ID=", 0), 0u);
    EXPECT_EQ(r.body.substr(r.body.size() - 11), "&method=GET");
    expect_secret_only_in_header(r, "apiKey", "K3yS3cr3t");
    // Just under the limit it stays a GET.
    EXPECT_EQ(wf::user_search_request(acme(), api_key(), 0, 2000).method, "GET");
}

TEST(Encoding, UrlEncodeKeepsOnlyUnreserved) {
    EXPECT_EQ(wf::url_encode("AZaz09-._~"), "AZaz09-._~");
    EXPECT_EQ(wf::url_encode("a b&c=d/e?f#g+h$i:j,k@l%"), "a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh%24i%3Aj%2Ck%40l%25");
    EXPECT_EQ(wf::url_encode("\xE9\x99\xB3\xE6\x80\xA1\xE5\x90\x9B"), "%E9%99%B3%E6%80%A1%E5%90%9B");   // 陳怡君
    EXPECT_EQ(wf::url_encode(std::string("\0\xFF", 2)), "%00%FF");
}

TEST(Encoding, FormEncodeKeepsDollarAndColonInNamesOnly) {
    EXPECT_EQ(wf::form_encode({{"$$LIMIT", "$$"}, {"OR:1:name", "a:b"}, {"a&b", "c=d"}}),
              "$$LIMIT=%24%24&OR:1:name=a%3Ab&a%26b=c%3Dd");
    EXPECT_EQ(wf::form_encode({}), "");
    EXPECT_EQ(wf::form_encode({{"empty", ""}}), "empty=");
}

}  // namespace
