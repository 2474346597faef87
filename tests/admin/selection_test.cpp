// Selection: toggles, shift-click ranges over the view order (both directions, deselecting ranges),
// select all matching, imported IDs, ordering of ids().
#include <gtest/gtest.h>
#include "admin/selection.h"
#include "admin_fixtures.h"

using namespace admin;
using wftest::make_user;
using wftest::test_id;

namespace {
Directory ten() {
    std::vector<wf::User> users;
    for (int i = 1; i <= 10; ++i) users.push_back(make_user(i, "U" + std::to_string(i), "u@x"));
    Directory d;
    d.begin_load();
    d.finish_load(users);
    return d;
}
}  // namespace

TEST(Selection, ToggleSetAndClear) {
    Selection s;
    s.toggle("a");
    s.toggle("b");
    EXPECT_EQ(s.count(), 2u);
    s.toggle("a");
    EXPECT_FALSE(s.contains("a"));
    EXPECT_EQ(s.anchor(), "a");
    s.set("c", true);
    EXPECT_EQ(s.count(), 2u);
    s.clear();
    EXPECT_TRUE(s.empty());
    EXPECT_EQ(s.anchor(), "");
}

TEST(Selection, ShiftClickSelectsTheRangeInViewOrder) {
    Directory d = ten();
    const Rows view = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};   // shown in reverse
    Selection s;
    s.toggle(test_id(8));                 // view position 2
    s.extend_to(test_id(4), d, view);     // view position 6
    EXPECT_EQ(s.count(), 5u);
    for (int i = 4; i <= 8; ++i) EXPECT_TRUE(s.contains(test_id(i)));
    EXPECT_FALSE(s.contains(test_id(3)));
    EXPECT_FALSE(s.contains(test_id(9)));
    // Upwards from the same anchor.
    s.extend_to(test_id(10), d, view);
    EXPECT_TRUE(s.contains(test_id(10)));
    EXPECT_TRUE(s.contains(test_id(9)));
    EXPECT_EQ(s.count(), 7u);
}

TEST(Selection, ShiftClickFromADeselectedAnchorDeselects) {
    Directory d = ten();
    const Rows view = d.all_rows();
    Selection s;
    s.select_rows(d, view);
    s.toggle(test_id(3));                 // anchor now unselected
    s.extend_to(test_id(6), d, view);
    EXPECT_EQ(s.count(), 6u);
    for (int i = 3; i <= 6; ++i) EXPECT_FALSE(s.contains(test_id(i)));
}

TEST(Selection, ShiftClickWithoutAnAnchorInTheViewToggles) {
    Directory d = ten();
    Selection s;
    s.extend_to(test_id(5), d, {0, 1, 2, 3, 4});
    EXPECT_EQ(s.count(), 1u);
    s.toggle(test_id(10));
    s.extend_to(test_id(2), d, {0, 1, 2, 3, 4});   // anchor (row 9) filtered out of the view
    EXPECT_EQ(s.count(), 3u);
}

TEST(Selection, SelectAllMatchingAndIdsInDirectoryOrder) {
    Directory d = ten();
    Selection s;
    s.select_rows(d, {7, 2, 5});
    s.select_ids({test_id(1), "ffffffffffffffffffffffffffffffff", test_id(3)});
    EXPECT_EQ(s.count(), 5u);
    EXPECT_EQ(s.ids(d), (std::vector<std::string>{test_id(1), test_id(3), test_id(6), test_id(8),
                                                  "ffffffffffffffffffffffffffffffff"}));
}
