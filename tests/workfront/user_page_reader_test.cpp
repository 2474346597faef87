// The fast page reader (src/workfront/user_page_reader.h) against the general one (nlohmann's document):
// on thousands of generated pages, tidy and untidy, parse_users must answer exactly what the general reader
// answers (same users, same error), and the fast path must take every tidy page (else it is dead code).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "workfront/api.h"
#include "workfront/json_answer.h"
#include "workfront/user_page_reader.h"

namespace {

using wf::User;

void expect_same_user(const User& a, const User& b, const std::string& where) {
    EXPECT_EQ(a.id, b.id) << where;
    EXPECT_EQ(a.name, b.name) << where;
    EXPECT_EQ(a.first_name, b.first_name) << where;
    EXPECT_EQ(a.last_name, b.last_name) << where;
    EXPECT_EQ(a.username, b.username) << where;
    EXPECT_EQ(a.email, b.email) << where;
    EXPECT_EQ(a.title, b.title) << where;
    EXPECT_EQ(a.license_type, b.license_type) << where;
    EXPECT_EQ(a.access_level_id, b.access_level_id) << where;
    EXPECT_EQ(a.is_active, b.is_active) << where;
    EXPECT_EQ(a.is_admin, b.is_admin) << where;
    EXPECT_EQ(a.sso_only, b.sso_only) << where;
    EXPECT_EQ(a.last_login, b.last_login) << where;
    EXPECT_EQ(a.entry_date, b.entry_date) << where;
    EXPECT_EQ(a.login_count, b.login_count) << where;
}

wf::Response ok(std::string body) {
    wf::Response r;
    r.status = 200;
    r.body = std::move(body);
    r.content_type = "application/json";
    return r;
}

// parse_users (fast path first) and parse_users_general must agree on everything.
void expect_agreement(const std::string& body) {
    const wf::Response response = ok(body);
    const auto general = wf::parse_users_general(response);
    const auto combined = wf::parse_users(response);
    const std::string where = "body: " + body.substr(0, 300);
    ASSERT_EQ(general.ok(), combined.ok()) << where;
    if (!general.ok()) {
        EXPECT_EQ(general.error().kind, combined.error().kind) << where;
        EXPECT_EQ(general.error().message, combined.error().message) << where;
        return;
    }
    ASSERT_EQ(general.value().size(), combined.value().size()) << where;
    for (size_t i = 0; i < general.value().size(); ++i) expect_same_user(general.value()[i], combined.value()[i], where);
}

class PageMaker {
public:
    explicit PageMaker(unsigned seed) : rng_(seed) {}

    // A page; `untidy` 0 makes only what Workfront itself sends, higher values add odd things more often.
    std::string page(int users, double untidy) {
        untidy_ = untidy;
        std::string s = pick(0.02) ? "\xEF\xBB\xBF" : "";
        s += ws() + "{" + ws() + "\"data\"" + ws() + ":" + ws() + "[";
        for (int i = 0; i < users; ++i) s += (i ? "," : "") + ws() + user(i) + ws();
        s += "]" + ws();
        if (pick(0.02)) s += ",\"error\":{\"message\":\"odd\"}";
        if (pick(0.02)) s += ",\"more\":1";
        s += "}" + ws();
        if (pick(0.01)) s += "x";
        if (pick(0.01)) s.resize(s.size() / 2);
        return s;
    }

private:
    std::mt19937 rng_;
    double untidy_ = 0;

    bool pick(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p * untidy_ * 10; }
    bool coin(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

    std::string ws() {
        static const char* kinds[] = {"", "", "", " ", "\n  ", "\t", "\r\n"};
        return kinds[below(7)];
    }

    std::string text() {
        static const char* parts[] = {"Sofía", "Müller", "陳怡君", "王小明", "Łukasz", "O'Brien", "a\\\"b", "x\\\\y",
                                      "\\u00e9t\\u00e9", "\\ud83d\\ude00", "\\/", "line\\nbreak", "tab\\t",
                                      "\xF0\x9F\x98\x80", "\\u0041", "plain", " ", "", "\\u4e2d\\u6587"};
        std::string s;
        for (int n = below(3) + 1; n > 0; --n) s += parts[below(sizeof parts / sizeof *parts)];
        if (pick(0.01)) s += "\x01";            // raw control character: not JSON
        if (pick(0.01)) s += "\xC3";            // cut UTF-8
        if (pick(0.01)) s += "\xED\xA0\x80";    // a surrogate written as UTF-8
        if (pick(0.01)) s += "\\ud800";         // a lone high surrogate
        if (pick(0.01)) s += "\\udc00x";        // a lone low surrogate
        if (pick(0.01)) s += "\\q";             // no such escape
        return "\"" + s + "\"";
    }

    std::string flag() {
        if (pick(0.05)) {
            static const char* odd[] = {"\"true\"", "\"FALSE\"", "\" 1 \"", "1", "0", "2", "\"\"", "\"yes\"", "1.0",
                                        "{}", "[]"};
            return odd[below(11)];
        }
        return coin(0.5) ? "true" : "false";
    }

    std::string date() {
        if (pick(0.05)) {
            static const char* odd[] = {"\"\"", "\"  \"", "\"yesterday\"", "1700000000000", "\"2024-02-30T00:00:00:000+0000\"",
                                        "\"2024-05-01\"", "\"2024-05-01T10:00:00.000Z\"", "true", "12.5"};
            return odd[below(9)];
        }
        char b[64];
        std::snprintf(b, sizeof b, "\"20%02d-%02d-%02dT%02d:%02d:%02d:%03d+%02d00\"", 10 + below(16), 1 + below(12),
                      1 + below(28), below(24), below(60), below(60), below(1000), below(12));
        return b;
    }

    std::string count() {
        if (pick(0.05)) {
            static const char* odd[] = {"\"42\"", "42.0", "4.2e1", "-0", "9223372036854775807", "9223372036854775808",
                                        "-9223372036854775809", "\" \"", "1e400", "007", "true"};
            return odd[below(11)];
        }
        return std::to_string(below(5000));
    }

    std::string id(int i) {
        if (pick(0.01)) return "\"\"";
        if (pick(0.01)) return "null";
        if (pick(0.01)) return "12";
        char b[40];
        std::snprintf(b, sizeof b, "\"%032x\"", i * 7919 + 1);
        return b;
    }

    std::string user(int i) {
        if (pick(0.01)) return "\"not a user\"";
        std::vector<std::pair<std::string, std::string>> f;
        f.push_back({"ID", id(i)});
        for (const char* t : {"name", "firstName", "lastName", "username", "emailAddr", "title", "licenseType",
                              "accessLevelID"}) {
            if (coin(0.9)) f.push_back({t, pick(0.03) ? (coin(0.5) ? "12" : "true") : text()});
        }
        for (const char* t : {"isActive", "isAdmin", "ssoAccessOnly"}) if (coin(0.9)) f.push_back({t, flag()});
        if (coin(0.8)) f.push_back({"lastLoginDate", date()});
        if (coin(0.8)) f.push_back({"entryDate", date()});
        if (coin(0.9)) f.push_back({"loginCount", count()});
        f.push_back({"objCode", "\"USER\""});
        if (coin(0.3)) {   // a field we do not ask for, with numbers of every size (nlohmann refuses overflow)
            static const char* numbers[] = {"-12.5e-3", "0", "-0.0", "7", "1E+308", "1e400", "-1e-400", "2e-5",
                                            "123456789012345678901234567890e10", "18446744073709551616"};
            f.push_back({"score", numbers[below(untidy_ > 0 ? 10 : 4)]});
        }
        for (auto& kv : f) if (kv.first != "ID" && coin(0.1)) kv.second = "null";
        if (pick(0.02)) f.push_back({"nested", "{\"a\":[1,2]}"});
        if (pick(0.02)) f.push_back({f[below(int(f.size()))].first, text()});   // a duplicate key
        if (pick(0.01) && f.size() > 1) f.erase(f.begin());                         // no ID
        for (size_t k = f.size(); k > 1; --k) std::swap(f[k - 1], f[size_t(below(int(k)))]);
        std::string s = "{";
        for (size_t k = 0; k < f.size(); ++k) s += (k ? "," : "") + ws() + "\"" + f[k].first + "\"" + ws() + ":" + ws() + f[k].second;
        return s + "}";
    }
};

}  // namespace

TEST(UserPageReader, TakesEveryTidyPageAndAgreesWithTheGeneralReader) {
    PageMaker maker(20261129);
    for (int round = 0; round < 300; ++round) {
        const std::string body = maker.page(1 + round % 40, 0.0);
        std::vector<User> fast;
        ASSERT_TRUE(wf::read_user_page(body, fast)) << body.substr(0, 400);
        expect_agreement(body);
    }
}

TEST(UserPageReader, AgreesWithTheGeneralReaderOnUntidyPages) {
    PageMaker maker(7);
    int fast_taken = 0, rounds = 3000;
    for (int round = 0; round < rounds; ++round) {
        const std::string body = maker.page(1 + round % 6, 0.1);
        std::vector<User> fast;
        fast_taken += wf::read_user_page(body, fast);
        expect_agreement(body);
        if (HasFailure()) return;
    }
    // Both paths were exercised: some pages taken fast, many left to the general reader.
    EXPECT_GT(fast_taken, rounds / 20);
    EXPECT_LT(fast_taken, rounds * 9 / 10);
}

TEST(UserPageReader, ReadsAWorkfrontPage) {
    const std::string body =
        R"({"data":[{"ID":"65bdf92a43ff0654c9d1cdacdf287dca","name":"Sof\u00eda M\u00fcller","objCode":"USER",)"
        R"("username":"sofia@demo.example.com","emailAddr":"sofia@demo.example.com","isActive":false,"isAdmin":true,)"
        R"("lastLoginDate":"2026-09-22T08:27:13:354+0000","loginCount":174,"licenseType":"W","title":null},)"
        R"({"ID":"a","name":"陳怡君 \ud83d\ude00","lastLoginDate":null}]})";
    std::vector<User> users;
    ASSERT_TRUE(wf::read_user_page(body, users));
    ASSERT_EQ(users.size(), 2u);
    EXPECT_EQ(users[0].name, "Sofía Müller");
    EXPECT_FALSE(users[0].is_active);
    EXPECT_TRUE(users[0].is_admin);
    EXPECT_EQ(users[0].login_count, 174);
    EXPECT_EQ(users[0].last_login, wf::parse_wf_date("2026-09-22T08:27:13:354+0000"));
    EXPECT_EQ(users[1].name, "陳怡君 \xF0\x9F\x98\x80");
    EXPECT_TRUE(users[1].is_active);   // missing: the default
    EXPECT_FALSE(users[1].last_login.has_value());
    std::vector<User> none;
    EXPECT_TRUE(wf::read_user_page(" {\"data\" : [ ] } ", none));
    EXPECT_TRUE(none.empty());
}

TEST(UserPageReader, LeavesAnythingElseToTheGeneralReader) {
    std::vector<User> users;
    for (const char* body : {"", "{}", "[]", "{\"data\":{}}", "{\"error\":{\"message\":\"x\"}}",
                             "{\"data\":[],\"error\":{}}", "{\"data\":[{}]}", "{\"data\":[{\"ID\":\"\"}]}",
                             "{\"data\":[{\"ID\":\"a\",\"isActive\":\"true\"}]}",
                             "{\"data\":[{\"ID\":\"a\",\"loginCount\":1.0}]}",
                             "{\"data\":[{\"ID\":\"a\",\"name\":\"x\",\"name\":\"y\"}]}",
                             "{\"data\":[{\"ID\":\"a\",\"lastLoginDate\":\"soon\"}]}",
                             "{\"data\":[{\"ID\":\"a\"}]} trailing", "<html>502 Bad Gateway</html>",
                             "{\"data\":[{\"ID\":\"a\",\"x\":4888888888888888800000000000e0000000000000000000512}]}"}) {
        EXPECT_FALSE(wf::read_user_page(body, users)) << body;
        expect_agreement(body);
    }
}
