// The table filter (text incl. Chinese and accents, status, admins, licence, last login), the cached view,
// the last-login histogram, the licence summary, and 50,000 users filtered and sorted correctly.
#include <algorithm>
#include <gtest/gtest.h>
#include "admin/filter.h"
#include "admin_fixtures.h"

using namespace admin;
using wftest::kDay;
using wftest::make_user;
using wftest::test_id;

namespace {

constexpr wf::TimeMs kNow = 1'750'000'000'000;

Directory people() {
    std::vector<wf::User> users = {
        make_user(1, "陳怡君", "yijun.chen@acme.com"),
        make_user(2, "林志豪", "zhihao.lin@acme.com", false),
        make_user(3, "José Álvarez", "jose@acme.com"),
        make_user(4, "JOSEPHINE Baker", "jb@acme.com"),
        make_user(5, "Ｆｕｌｌ Ｗｉｄｔｈ", "fw@acme.com"),
        make_user(6, "陳志明", "zhiming.chen@acme.com"),
    };
    users[0].last_login = kNow - 10 * kDay;
    users[1].last_login = kNow - 100 * kDay;
    users[2].last_login = kNow - 400 * kDay;
    users[3].last_login = kNow - 800 * kDay;
    users[5].last_login = kNow - 31 * kDay;
    users[0].license_type = "F";
    users[1].license_type = "F";
    users[2].license_type = "L";
    users[3].license_type = "W";
    users[4].license_type = "L";
    users[5].license_type = "F";
    users[2].is_admin = true;
    Directory d;
    d.begin_load();
    d.finish_load(users);
    return d;
}

std::vector<int> ids_of(const Directory& d, const Rows& rows) {
    std::vector<int> out;
    for (RowIndex r : rows) out.push_back(std::stoi(d.user(r).id, nullptr, 16));
    return out;
}

Rows run(const Directory& d, const Filter& f) { return apply_filter(d, f, kNow); }

}  // namespace

TEST(Filter, EmptyFilterShowsEveryone) {
    Directory d = people();
    EXPECT_TRUE(filter_is_empty(Filter{}));
    EXPECT_EQ(run(d, Filter{}).size(), 6u);
}

TEST(Filter, TextMatchesChineseNamesAsIs) {
    Directory d = people();
    Filter f;
    f.text = "陳";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{1, 6}));
    f.text = "志";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{2, 6}));
    f.text = "怡君";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{1}));
}

TEST(Filter, TextIgnoresCaseAndAccents) {
    Directory d = people();
    Filter f;
    f.text = "JOSÉ";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{3, 4}));
    f.text = "álv";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{3}));
    f.text = "  alvarez ";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{3}));
    f.text = "full wid";   // full-width name, typed in ASCII
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{5}));
    f.text = "ＣＨＥＮ";     // typed full-width, matches the ASCII email
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{1, 6}));
}

TEST(Filter, TextMatchesEmailAndUsername) {
    Directory d = people();
    Filter f;
    f.text = "ZHIHAO.LIN@";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{2}));
}

TEST(Filter, StatusAdminsAndLicence) {
    Directory d = people();
    Filter f;
    f.status = StatusFilter::Inactive;
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{2}));
    f.status = StatusFilter::Active;
    EXPECT_EQ(run(d, f).size(), 5u);
    f.admins = AdminFilter::AdminsOnly;
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{3}));
    f.admins = AdminFilter::NonAdmins;
    f.licence_types = {"L", "W"};
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{4, 5}));
}

TEST(Filter, NoLoginForDaysIncludesNeverAndCountsFromTheClock) {
    Directory d = people();
    Filter f;
    f.min_days_without_login = 90;
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{2, 3, 4, 5}));
    f.min_days_without_login = 31;
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{2, 3, 4, 5, 6}));
    EXPECT_EQ(ids_of(d, apply_filter(d, f, kNow - kDay)), (std::vector<int>{2, 3, 4, 5}));
    f.min_days_without_login = 0;
    f.never_logged_in = true;
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{5}));
}

TEST(Filter, DaysSince) {
    EXPECT_EQ(days_since(kNow, std::nullopt), -1);
    EXPECT_EQ(days_since(kNow, kNow + 5 * kDay), 0);
    EXPECT_EQ(days_since(kNow, kNow - 30 * kDay - 1), 30);
}

TEST(Filter, UserViewCachesAndFollowsDirectoryChanges) {
    Directory d = people();
    UserView view;
    Filter f;
    f.status = StatusFilter::Active;
    view.set_filter(f);
    view.set_sort(SortColumn::Name, false);
    const Rows first = view.rows(d, kNow);
    EXPECT_EQ(first.size(), 5u);
    EXPECT_EQ(d.user(first[0]).name, "Ｆｕｌｌ Ｗｉｄｔｈ");   // folded: "full width" comes first
    d.apply(make_user(1, "陳怡君", "yijun.chen@acme.com", false));
    EXPECT_EQ(view.rows(d, kNow).size(), 4u);
    view.set_sort(SortColumn::Name, true);
    EXPECT_EQ(d.user(view.rows(d, kNow).back()).name, "Ｆｕｌｌ Ｗｉｄｔｈ");
}

TEST(Histogram, BucketsByDaysSinceLastLogin) {
    EXPECT_EQ(login_bucket(kNow, kNow), LoginBucket::D0_30);
    EXPECT_EQ(login_bucket(kNow, kNow - 30 * kDay), LoginBucket::D0_30);
    EXPECT_EQ(login_bucket(kNow, kNow - 31 * kDay), LoginBucket::D31_90);
    EXPECT_EQ(login_bucket(kNow, kNow - 90 * kDay), LoginBucket::D31_90);
    EXPECT_EQ(login_bucket(kNow, kNow - 91 * kDay), LoginBucket::D91_180);
    EXPECT_EQ(login_bucket(kNow, kNow - 181 * kDay), LoginBucket::D181_365);
    EXPECT_EQ(login_bucket(kNow, kNow - 365 * kDay), LoginBucket::D181_365);
    EXPECT_EQ(login_bucket(kNow, kNow - 366 * kDay), LoginBucket::Y1_2);
    EXPECT_EQ(login_bucket(kNow, kNow - 730 * kDay), LoginBucket::Y1_2);
    EXPECT_EQ(login_bucket(kNow, kNow - 731 * kDay), LoginBucket::Over2Y);
    EXPECT_EQ(login_bucket(kNow, std::nullopt), LoginBucket::Never);
    EXPECT_STREQ(bucket_label(LoginBucket::Never), "never");
}

TEST(Histogram, CountsTheGivenRows) {
    Directory d = people();
    const LoginHistogram h = login_histogram(d, d.all_rows(), kNow);
    EXPECT_EQ(h.total, 6);
    EXPECT_EQ(h.counts[size_t(LoginBucket::D0_30)], 1);
    EXPECT_EQ(h.counts[size_t(LoginBucket::D31_90)], 1);
    EXPECT_EQ(h.counts[size_t(LoginBucket::D91_180)], 1);
    EXPECT_EQ(h.counts[size_t(LoginBucket::Y1_2)], 1);
    EXPECT_EQ(h.counts[size_t(LoginBucket::Over2Y)], 1);
    EXPECT_EQ(h.counts[size_t(LoginBucket::Never)], 1);
    Filter f;
    f.status = StatusFilter::Active;
    EXPECT_EQ(login_histogram(d, run(d, f), kNow).counts[size_t(LoginBucket::D91_180)], 0);
}

TEST(LicenceSummary, ActiveUsersNowAndAfterThePlannedChange) {
    Directory d = people();
    auto s = licence_summary(d, {test_id(1), test_id(3), test_id(3), test_id(2), test_id(99)}, false);
    EXPECT_EQ(s["F"].now, 2);     // 1 and 6 (2 is inactive)
    EXPECT_EQ(s["F"].after, 1);   // 1 goes; 2 is already inactive
    EXPECT_EQ(s["L"].now, 2);
    EXPECT_EQ(s["L"].after, 1);   // 3 goes once, though listed twice
    EXPECT_EQ(s["W"].after, 1);
    auto r = licence_summary(d, {test_id(2)}, true);
    EXPECT_EQ(r["F"].now, 2);
    EXPECT_EQ(r["F"].after, 3);
}

// 50,000 users: filter + sort results checked against a straightforward reference.
TEST(Filter, FiftyThousandUsersFilterAndSortCorrectly) {
    static const char* const kFamily[] = {"陳", "林", "黃", "Müller", "García", "Smith", "Nguyễn", "O'Brien"};
    static const char* const kGiven[] = {"怡君", "志豪", "José", "Zoë", "anna", "ÉLODIE", "Björn", "美玲"};
    std::vector<wf::User> users;
    users.reserve(50000);
    for (int i = 0; i < 50000; ++i) {
        const std::string name = std::string(kFamily[(i * 7) % 8]) + " " + kGiven[(i * 13 + i / 8) % 8] + " " +
                                 std::to_string(i % 997);
        wf::User u = make_user(i + 1, name, "user" + std::to_string(i) + "@acme.com", i % 7 != 0);
        u.is_admin = i % 25 == 0;
        u.license_type = std::string(1, "FWRL"[i % 4]);
        if (i % 13) u.last_login = kNow - static_cast<wf::TimeMs>((i * 37) % 1500) * kDay;
        users.push_back(u);
    }
    Directory d;
    d.begin_load();
    d.finish_load(users);
    ASSERT_EQ(d.counts().total, 50000);

    Filter f;
    f.text = "jose";
    f.status = StatusFilter::Active;
    f.min_days_without_login = 180;
    UserView view;
    view.set_filter(f);
    view.set_sort(SortColumn::Name, true);
    const Rows rows = view.rows(d, kNow);

    // Reference: the same conditions written plainly.
    std::vector<RowIndex> expected;
    for (RowIndex i = 0; i < d.size(); ++i) {
        const wf::User& u = d.user(i);
        const bool text = u.name.find("José") != std::string::npos;   // no other name or email contains "jose"
        const bool stale = !u.last_login || kNow - *u.last_login >= 180 * kDay;
        if (text && u.is_active && stale) expected.push_back(i);
    }
    ASSERT_FALSE(expected.empty());
    ASSERT_EQ(rows.size(), expected.size());
    std::vector<RowIndex> sorted_rows = rows, sorted_expected = expected;
    std::sort(sorted_rows.begin(), sorted_rows.end());
    EXPECT_EQ(sorted_rows, sorted_expected);
    for (size_t i = 1; i < rows.size(); ++i) {   // descending by folded name; ties in directory order
        const std::string& a = d.row(rows[i - 1]).name_key;
        const std::string& b = d.row(rows[i]).name_key;
        ASSERT_GE(a, b);
        if (a == b) {
            ASSERT_LT(rows[i - 1], rows[i]);
        }
    }

    // Chinese text, inactive only, sorted by last login ascending (never first).
    f = Filter{};
    f.text = "陳 怡";
    f.status = StatusFilter::Inactive;
    view.set_filter(f);
    view.set_sort(SortColumn::LastLogin, false);
    const Rows chen = view.rows(d, kNow);
    size_t count = 0;
    for (RowIndex i = 0; i < d.size(); ++i)
        count += d.user(i).name.rfind("陳 怡君", 0) == 0 && !d.user(i).is_active;
    ASSERT_GT(count, 0u);
    EXPECT_EQ(chen.size(), count);
    for (size_t i = 1; i < chen.size(); ++i) {
        const auto& a = d.user(chen[i - 1]).last_login;
        const auto& b = d.user(chen[i]).last_login;
        ASSERT_TRUE(!a || (b && *a <= *b));
    }
}

// While pages arrive the view refreshes a few times a second, not on every page; the end of the load and any
// filter change refresh at once.
TEST(UserViewWhileLoading, RefreshesAtMostEveryFewHundredMsThenAtTheEnd) {
    admin::Directory d;
    admin::UserView view;
    const wf::TimeMs t0 = 1'750'000'000'000;
    d.begin_load();
    d.add_users({make_user(1, "Ann", "ann@acme.com")});
    EXPECT_EQ(view.rows(d, t0).size(), 1u);
    d.add_users({make_user(2, "Bob", "bob@acme.com")});
    EXPECT_EQ(view.rows(d, t0 + 100).size(), 1u) << "a page 100 ms later waits for the next refresh";
    EXPECT_EQ(view.rows(d, t0 + admin::UserView::kLoadingRefreshMs).size(), 2u);
    d.add_users({make_user(3, "Cy", "cy@acme.com")});
    admin::Filter f;
    f.text = "cy";
    view.set_filter(f);
    EXPECT_EQ(view.rows(d, t0 + admin::UserView::kLoadingRefreshMs + 1).size(), 1u) << "a filter change is at once";
    view.set_filter(admin::Filter{});
    EXPECT_EQ(view.rows(d, t0 + admin::UserView::kLoadingRefreshMs + 2).size(), 3u);
    d.add_users({make_user(4, "Dee", "dee@acme.com")});
    d.finish_load({});
    EXPECT_EQ(view.rows(d, t0 + admin::UserView::kLoadingRefreshMs + 3).size(), 4u) << "the end of the load is at once";
}

TEST(Filter, SeveralWordsMatchInAnyOrder) {
    Directory d;
    d.begin_load();
    std::vector<wf::User> users = {make_user(1, "Amélie Clark", "amelie.clark@acme.com"),
                                   make_user(2, "Clark Kent", "ck@acme.com"),
                                   make_user(3, "Amelie Dubois", "amelie.dubois@acme.com")};
    d.finish_load(users);
    Filter f;
    f.text = "Clark Amelie";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{1}));
    f.text = "  amélie\u3000CLARK ";   // any spaces, ideographic ones too; case and accents folded
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{1}));
    f.text = "clark acme";             // one word in the name, one in the email
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{1, 2}));
    f.text = "clark zola";             // every word must be found
    EXPECT_TRUE(run(d, f).empty());
    EXPECT_EQ(search_words(" Clark\xC2\xA0 Amélie "), (std::vector<std::string>{"clark", "amelie"}));
    EXPECT_TRUE(search_words(" \u3000 ").empty());
}

TEST(Filter, CharactersBeyondTheBmpMatch) {
    Directory d;
    d.begin_load();
    std::vector<wf::User> users = {make_user(1, "謝𡘙", "hsieh.x@acme.com"), make_user(2, "林堃", "lin.kun@acme.com"),
                                   make_user(3, "謝雅婷", "yating@acme.com"), make_user(4, "Mia 🌸 Chen", "mia@acme.com")};
    d.finish_load(users);
    Filter f;
    f.text = "𡘙";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{1}));
    f.text = "謝";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{1, 3}));
    f.text = "堃";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{2}));
    f.text = "🌸 mia";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{4}));
}

TEST(Filter, DecomposedAccentsMatchPrecomposedOnes) {
    Directory d;
    d.begin_load();
    std::vector<wf::User> users = {make_user(1, "Zoe\u0308 Martin", "zoe@acme.com"),   // e + combining diaeresis
                                   make_user(2, "Арсе\u0301ний Смирно\u0301в", "arseny@acme.com")};
    d.finish_load(users);
    Filter f;
    f.text = "zoë";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{1}));
    f.text = "смирнов арсений";
    EXPECT_EQ(ids_of(d, run(d, f)), (std::vector<int>{2}));
}
