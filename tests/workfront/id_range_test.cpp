// id_range_test.cpp: 128-bit ID arithmetic and the retry delays.
#include <gtest/gtest.h>
#include "workfront/backoff.h"
#include "workfront/id_range.h"

namespace {

using wf::Id128;

TEST(Id128, ParsesAndPrints) {
    auto id = Id128::parse("4C78821C0000D6FA8D5E52F07A1D54D0");
    ASSERT_TRUE(id.has_value());
    EXPECT_EQ(id->hex(), "4c78821c0000d6fa8d5e52f07a1d54d0");
    EXPECT_EQ(Id128::min().hex(), "00000000000000000000000000000000");
    EXPECT_EQ(Id128::max().hex(), "ffffffffffffffffffffffffffffffff");
    EXPECT_FALSE(Id128::parse("4c78821c").has_value());
    EXPECT_FALSE(Id128::parse("4c78821c0000d6fa8d5e52f07a1d54dg").has_value());
    EXPECT_FALSE(Id128::parse("").has_value());
}

TEST(Id128, OrderMatchesTextOrder) {
    auto a = *Id128::parse("0fffffffffffffffffffffffffffffff"), b = *Id128::parse("10000000000000000000000000000000");
    EXPECT_TRUE(a < b);
    EXPECT_FALSE(b < a);
    EXPECT_TRUE(a.hex() < b.hex());
}

TEST(Id128, SuccessorCarriesAcrossHalves) {
    EXPECT_EQ(wf::id_successor(*Id128::parse("0000000000000000ffffffffffffffff")).hex(),
              "00000000000000010000000000000000");
    EXPECT_EQ(wf::id_successor(Id128::max()).hex(), Id128::max().hex());
}

TEST(Id128, Midpoint) {
    EXPECT_EQ(wf::id_midpoint(Id128::min(), Id128::max()).hex(), "7fffffffffffffffffffffffffffffff");
    EXPECT_EQ(wf::id_midpoint(*Id128::parse("00000000000000000000000000000002"),
                              *Id128::parse("00000000000000000000000000000004")).hex(),
              "00000000000000000000000000000003");
    // Carry from the low half: (2^64 - 1 + 2^64 + 1) / 2 = 2^64.
    EXPECT_EQ(wf::id_midpoint(*Id128::parse("0000000000000000ffffffffffffffff"),
                              *Id128::parse("00000000000000010000000000000001")).hex(),
              "00000000000000010000000000000000");
    EXPECT_EQ(wf::id_midpoint(Id128::max(), Id128::max()).hex(), Id128::max().hex());
}

TEST(Backoff, DoublesWithEqualJitterUpToTheCap) {
    wf::Backoff b;   // 500 ms base, 16 s cap
    EXPECT_EQ(wf::backoff_delay_ms(b, 1, 0.0), 250);
    EXPECT_EQ(wf::backoff_delay_ms(b, 1, 0.5), 375);
    EXPECT_EQ(wf::backoff_delay_ms(b, 2, 0.5), 750);
    EXPECT_EQ(wf::backoff_delay_ms(b, 3, 0.0), 1000);
    EXPECT_EQ(wf::backoff_delay_ms(b, 6, 0.0), 8000);
    EXPECT_EQ(wf::backoff_delay_ms(b, 7, 0.0), 8000);
    EXPECT_EQ(wf::backoff_delay_ms(b, 60, 0.99), 15920);
    EXPECT_LT(wf::backoff_delay_ms(b, 60, 1.5), 16000);
}

TEST(Backoff, SeededRandomIsDeterministicAndInRange) {
    wf::SeededRandom a(42), b(42), c(43);
    double sum = 0;
    for (int i = 0; i < 1000; ++i) {
        const double x = a.uniform();
        EXPECT_EQ(x, b.uniform());
        ASSERT_GE(x, 0.0);
        ASSERT_LT(x, 1.0);
        sum += x;
    }
    EXPECT_NEAR(sum / 1000, 0.5, 0.05);
    EXPECT_NE(wf::SeededRandom(42).uniform(), c.uniform());
}

}  // namespace
