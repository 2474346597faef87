// The directory: merging pages, indexes by ID/email/username, counts, apply(), stable sorts, progress text.
#include <gtest/gtest.h>
#include "admin/directory.h"
#include "admin/filter.h"
#include "admin_fixtures.h"

using namespace admin;
using wftest::make_user;
using wftest::test_id;

namespace {

Directory sample() {
    Directory d;
    d.begin_load();
    std::vector<wf::User> users = {
        make_user(1, "Émile Zola", "emile@acme.com"),
        make_user(2, "陳怡君", "yijun.chen@acme.com", false),
        make_user(3, "adam smith", "Adam.Smith@Acme.com"),
        make_user(4, "林志豪", "zhihao.lin@acme.com"),
        make_user(5, "Beatriz Núñez", "bea@acme.com", false),
    };
    users[0].last_login = 1000;
    users[2].last_login = 5000;
    users[3].last_login = 3000;
    users[0].license_type = "L";
    users[1].license_type = "F";
    users[2].license_type = "F";
    users[3].license_type = "W";
    users[4].license_type = "R";
    users[3].is_admin = true;
    d.add_users(users);
    d.finish_load(users);
    return d;
}

std::vector<std::string> names(const Directory& d, const Rows& rows) {
    std::vector<std::string> out;
    for (RowIndex r : rows) out.push_back(d.user(r).name);
    return out;
}

}  // namespace

TEST(Directory, CountsActiveInactiveTotal) {
    Directory d = sample();
    EXPECT_TRUE(d.loaded());
    EXPECT_EQ(d.counts().active, 3);
    EXPECT_EQ(d.counts().inactive, 2);
    EXPECT_EQ(d.counts().total, 5);
}

TEST(Directory, PagesMergeByIdWithoutDuplicates) {
    Directory d;
    d.begin_load();
    d.add_users({make_user(1, "A", "a@x"), make_user(2, "B", "b@x")});
    d.add_users({make_user(2, "B2", "b@x"), make_user(3, "C", "c@x")});
    EXPECT_EQ(d.size(), 3u);
    EXPECT_EQ(d.user_by_id(test_id(2))->name, "B2");
    d.finish_load({make_user(1, "A", "a@x"), make_user(2, "B2", "b@x"), make_user(3, "C", "c@x")});
    EXPECT_EQ(d.size(), 3u);
    EXPECT_EQ(d.counts().total, 3);
}

TEST(Directory, IndexesAreCaseInsensitive) {
    Directory d = sample();
    ASSERT_TRUE(d.find_id(test_id(3)));
    EXPECT_EQ(d.find_id(std::string("000000000000000000000000000000") + "03"), d.find_id(test_id(3)));
    ASSERT_EQ(d.find_email("adam.smith@acme.com").size(), 1u);
    ASSERT_EQ(d.find_email("ADAM.SMITH@ACME.COM").size(), 1u);
    EXPECT_EQ(d.user(d.find_email("adam.smith@acme.com")[0]).name, "adam smith");
    EXPECT_EQ(d.find_username("YIJUN.CHEN@acme.com").size(), 1u);
    EXPECT_TRUE(d.find_email("nobody@acme.com").empty());
    EXPECT_FALSE(d.find_id(test_id(99)));
}

TEST(Directory, ApplyFullRecordUpdatesRowCountsAndIndexes) {
    Directory d = sample();
    const auto before = d.revision();
    wf::User changed = make_user(1, "Émile Zola", "e.zola@acme.com", false);
    const RowIndex row = d.apply(changed);
    EXPECT_EQ(d.user(row).email, "e.zola@acme.com");
    EXPECT_FALSE(d.user(row).is_active);
    EXPECT_EQ(d.counts().active, 2);
    EXPECT_EQ(d.counts().inactive, 3);
    EXPECT_TRUE(d.find_email("emile@acme.com").empty());
    EXPECT_EQ(d.find_email("e.zola@acme.com").size(), 1u);
    EXPECT_GT(d.revision(), before);
}

TEST(Directory, ApplyPartialRecordKeepsOtherFields) {
    Directory d = sample();
    wf::User partial;
    partial.id = test_id(4);
    partial.is_active = false;
    d.apply(partial);
    const wf::User* u = d.user_by_id(test_id(4));
    EXPECT_FALSE(u->is_active);
    EXPECT_EQ(u->name, "林志豪");
    EXPECT_EQ(u->email, "zhihao.lin@acme.com");
    EXPECT_TRUE(u->is_admin);
}

TEST(Directory, ApplyUnknownUserAddsIt) {
    Directory d = sample();
    d.apply(make_user(77, "New", "new@acme.com"));
    EXPECT_EQ(d.size(), 6u);
    EXPECT_EQ(d.counts().total, 6);
}

TEST(Directory, ChangeDuringLoadIsNotOverwrittenByAnOlderPage) {
    Directory d;
    d.begin_load();
    d.add_users({make_user(1, "A", "a@x", true)});
    d.apply(make_user(1, "A", "a@x", false));   // the server said: now inactive
    d.finish_load({make_user(1, "A", "a@x", true)});   // the page was read before the change
    EXPECT_FALSE(d.user_by_id(test_id(1))->is_active);
}

TEST(Directory, SortsByNameFoldedAscendingAndDescending) {
    Directory d = sample();
    EXPECT_EQ(names(d, d.sorted(d.all_rows(), SortColumn::Name, false)),
              (std::vector<std::string>{"adam smith", "Beatriz Núñez", "Émile Zola", "林志豪", "陳怡君"}));
    EXPECT_EQ(names(d, d.sorted(d.all_rows(), SortColumn::Name, true)),
              (std::vector<std::string>{"陳怡君", "林志豪", "Émile Zola", "Beatriz Núñez", "adam smith"}));
}

TEST(Directory, SortIsStableForEqualKeys) {
    Directory d = sample();
    // Active: inactive (rows 1, 4) before active (0, 2, 3), each group in the input order.
    Rows rows = {4, 3, 2, 1, 0};
    Rows asc = d.sorted(rows, SortColumn::Active, false);
    EXPECT_EQ(asc, (Rows{4, 1, 3, 2, 0}));
    Rows desc = d.sorted(rows, SortColumn::Active, true);
    EXPECT_EQ(desc, (Rows{3, 2, 0, 4, 1}));
}

TEST(Directory, SortsByLastLoginNeverFirst) {
    Directory d = sample();
    EXPECT_EQ(names(d, d.sorted(d.all_rows(), SortColumn::LastLogin, false)),
              (std::vector<std::string>{"陳怡君", "Beatriz Núñez", "Émile Zola", "林志豪", "adam smith"}));
}

TEST(Directory, SortsByLicenceAdminEmailUsername) {
    Directory d = sample();
    EXPECT_EQ(names(d, d.sorted(d.all_rows(), SortColumn::Licence, false)),
              (std::vector<std::string>{"陳怡君", "adam smith", "Émile Zola", "Beatriz Núñez", "林志豪"}));
    EXPECT_EQ(names(d, d.sorted(d.all_rows(), SortColumn::Admin, true))[0], "林志豪");
    EXPECT_EQ(names(d, d.sorted(d.all_rows(), SortColumn::Email, false))[0], "adam smith");
    EXPECT_EQ(names(d, d.sorted(d.all_rows(), SortColumn::Username, false))[0], "adam smith");
}

TEST(Directory, SortFollowsAnApply) {
    Directory d = sample();
    EXPECT_EQ(d.sorted(d.all_rows(), SortColumn::Active, false)[0], 1u);
    d.apply(make_user(2, "陳怡君", "yijun.chen@acme.com", true));      // row 1
    d.apply(make_user(5, "Beatriz Núñez", "bea@acme.com", true));      // row 4
    d.apply(make_user(3, "adam smith", "Adam.Smith@Acme.com", false)); // row 2
    EXPECT_EQ(d.sorted(d.all_rows(), SortColumn::Active, false)[0], 2u);
}

TEST(Directory, ProgressText) {
    Directory d;
    d.begin_load();
    wf::LoadProgress p;
    p.loaded = 12000;
    d.set_progress(p);
    EXPECT_EQ(d.progress_text(), "12,000");
    p.expected = 48210;
    d.set_progress(p);
    EXPECT_EQ(d.progress_text(), "12,000 of 48,210");
    d.fail_load("boom");
    EXPECT_EQ(d.load_state(), Directory::LoadState::Failed);
    EXPECT_EQ(d.load_error(), "boom");
}

// Pages arriving one by one, sorted between pages (as the table does while loading), must sort exactly as
// the same rows added at once: the appended rows are merged into the cached order, ties included.
TEST(Directory, SortingWhilePagesArriveMatchesSortingAllAtOnce) {
    const char* names_pool[] = {"Chen Wei", "chen wei", "Émile", "emile", "林志豪", "Adam", "Zoë", "adam", ""};
    std::vector<wf::User> all;
    for (int i = 0; i < 600; ++i) {
        wf::User u = make_user(i + 1, names_pool[(i * 7) % 9], "u" + std::to_string((i * 13) % 50) + "@x.com",
                               i % 3 != 0);
        u.username = "user" + std::to_string((i * 31) % 97);
        if (i % 4) u.last_login = (i * 7919) % 1000;
        u.license_type = std::string(1, "FLWR"[i % 4]);
        u.is_admin = i % 11 == 0;
        all.push_back(u);
    }
    const SortColumn columns[] = {SortColumn::Name, SortColumn::Username, SortColumn::Email, SortColumn::Active,
                                  SortColumn::LastLogin, SortColumn::Licence, SortColumn::Admin};
    Directory paged, whole;
    paged.begin_load();
    whole.begin_load();
    whole.add_users(all);
    for (size_t first = 0; first < all.size(); first += 77) {
        std::vector<wf::User> page(all.begin() + long(first), all.begin() + long(std::min(all.size(), first + 77)));
        paged.add_users(page);
        for (SortColumn c : columns) paged.sorted(paged.all_rows(), c, false);   // cache a partial order
        if (first == 231) {   // a server answer renames one user mid-load: that column starts over
            wf::User renamed = all[5];
            renamed.name = "Aaron";
            paged.apply(renamed);
            whole.apply(renamed);
        }
    }
    for (SortColumn c : columns)
        for (bool descending : {false, true})
            EXPECT_EQ(paged.sorted(paged.all_rows(), c, descending), whole.sorted(whole.all_rows(), c, descending))
                << "column " << static_cast<int>(c) << (descending ? " descending" : "");
}

// The email/username indexes are built on the first lookup; after that, changes keep them up to date.
TEST(Directory, EmailAndUsernameIndexesFollowChangesAfterTheFirstLookup) {
    Directory d = sample();
    ASSERT_EQ(d.find_email("EMILE@acme.com").size(), 1u);   // built here
    wf::User changed = make_user(1, "Émile Zola", "e.zola@acme.com");
    changed.username = "ezola";
    d.apply(changed);
    EXPECT_TRUE(d.find_email("emile@acme.com").empty());
    EXPECT_EQ(d.find_email("E.Zola@acme.com").size(), 1u);
    EXPECT_EQ(d.find_username("EZOLA").size(), 1u);
    d.add_users({make_user(9, "Twin", "e.zola@acme.com")});   // a second row with the same email
    EXPECT_EQ(d.find_email("e.zola@acme.com").size(), 2u);
    d.begin_load();   // a new load starts empty
    EXPECT_TRUE(d.find_email("e.zola@acme.com").empty());
    d.add_users({make_user(9, "Twin", "e.zola@acme.com")});
    EXPECT_EQ(d.find_email("e.zola@acme.com").size(), 1u);
}

TEST(Directory, NamesBeyondTheBmpSortIndexAndFilter) {
    Directory d;
    d.begin_load();
    std::vector<wf::User> users = {make_user(1, "謝𡘙", "𡘙@acme.com"), make_user(2, "謝雅婷", "yating@acme.com")};
    d.add_users(users);
    d.finish_load(users);
    ASSERT_EQ(d.find_email("𡘙@ACME.com").size(), 1u);
    EXPECT_EQ(d.user(d.find_email("𡘙@acme.com")[0]).name, "謝𡘙");
    Filter f;
    f.text = "謝 𡘙";
    const Rows rows = apply_filter(d, f, 0);
    EXPECT_EQ(names(d, rows), (std::vector<std::string>{"謝𡘙"}));
    EXPECT_EQ(names(d, d.sorted(apply_filter(d, Filter{}, 0), SortColumn::Name, false)).size(), 2u);
}
