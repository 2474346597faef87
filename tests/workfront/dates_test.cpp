// dates_test.cpp: Workfront's date text (with the colon before the milliseconds) and the ISO variants
// proxies and other versions bring; anything else is not a date. Expected values were computed independently.
#include <gtest/gtest.h>
#include "workfront/api.h"

namespace {

struct DateCase {
    const char* text;
    long long ms;
};

std::ostream& operator<<(std::ostream& os, const DateCase& c) { return os << "[" << c.text << "]"; }

const DateCase kDates[] = {
    {"2017-03-23T09:00:00:000+0400", 1490245200000},   // Workfront's own form
    {"2017-03-23T09:00:00.000+0400", 1490245200000},
    {"2017-03-23T09:00:00.000+04:00", 1490245200000},
    {"2017-03-23T09:00:00+0400", 1490245200000},
    {"2017-03-23T09:00:00+04", 1490245200000},
    {"2017-03-23T09:00+04:00", 1490245200000},
    {"2017-03-23T05:00:00Z", 1490245200000},
    {"2017-03-23t05:00:00z", 1490245200000},
    {"2017-03-23 05:00:00", 1490245200000},            // no zone: UTC
    {"2017-03-23T09:00:00.5Z", 1490259600500},
    {"2017-03-23T09:00:00.123456789Z", 1490259600123},
    {"2017-03-23T09:00:00:123+0000", 1490259600123},
    {"2017-03-23", 1490227200000},                     // a bare date: midnight UTC
    {"2017-03-23T09:30:00:000-0330", 1490274000000},   // negative offset with minutes
    {"2016-02-29T12:00:00:000+0000", 1456747200000},   // leap day
    {"1969-12-31T23:59:59:999+0000", -1},              // before the epoch
    {"2024-06-01T08:15:30:250+0800", 1717200930250},   // Taipei
    {"1970-01-01T00:00:00:000+0000", 0},
};

class GoodDate : public ::testing::TestWithParam<DateCase> {};

TEST_P(GoodDate, Parses) {
    std::optional<wf::TimeMs> t = wf::parse_wf_date(GetParam().text);
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(*t, GetParam().ms);
}

INSTANTIATE_TEST_SUITE_P(Table, GoodDate, ::testing::ValuesIn(kDates));

const char* const kNotDates[] = {
    "",
    "yesterday",
    "2017-3-23",
    "2017-03-23T09",
    "2017-03-23T9:00:00",
    "2017-02-29T00:00:00:000+0000",   // 2017 is not a leap year
    "2017-13-01",
    "2017-00-10",
    "2017-04-31",
    "2017-03-23T24:00:00",
    "2017-03-23T09:60:00",
    "2017-03-23T09:00:00:000+2400",
    "2017-03-23T09:00:00:000+04x",
    "2017-03-23T09:00:00:000+0400 ",
    "2017-03-23T09:00:00.Z",
    "2017-03-23T09:00:00.1234567890Z",
    "2017-03-23X09:00:00",
    " 2017-03-23",
};

class BadDate : public ::testing::TestWithParam<const char*> {};

TEST_P(BadDate, IsNotADate) { EXPECT_FALSE(wf::parse_wf_date(GetParam()).has_value()) << GetParam(); }

INSTANTIATE_TEST_SUITE_P(Table, BadDate, ::testing::ValuesIn(kNotDates));

TEST(WfDate, FormatsInWorkfrontsOwnShape) {
    EXPECT_EQ(wf::format_wf_date(0), "1970-01-01T00:00:00:000+0000");
    EXPECT_EQ(wf::format_wf_date(1490245200000), "2017-03-23T05:00:00:000+0000");
    EXPECT_EQ(wf::format_wf_date(1717200930250), "2024-06-01T00:15:30:250+0000");
    EXPECT_EQ(wf::format_wf_date(-1), "1969-12-31T23:59:59:999+0000");
}

TEST(WfDate, RoundTripsEveryDayForDecades) {
    for (wf::TimeMs t = -86'400'000LL * 366 * 3; t < 86'400'000LL * 366 * 60; t += 86'400'000LL + 3'723'456) {
        const std::string text = wf::format_wf_date(t);
        std::optional<wf::TimeMs> back = wf::parse_wf_date(text);
        ASSERT_TRUE(back.has_value()) << text;
        ASSERT_EQ(*back, t) << text;
    }
}

}  // namespace
