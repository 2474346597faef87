// 50,000 users through the real App: the table draws only the rows on screen (ImGuiListClipper), the summaries
// are cached, so a frame stays cheap. The bound is loose (a shared 2-core machine); the measured time is printed.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "ui/app_rig.h"

using uitest::AppRig;

namespace {

double average_frame_ms(AppRig& rig, int frames) {
    const auto start = std::chrono::steady_clock::now();
    rig.imgui.frames(frames);
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    return took.count() / frames;
}

}  // namespace

TEST(LargeDirectory, FiftyThousandUsersDrawInAFewMilliseconds) {
    AppRig rig(50'000);
    // The fixtures' admin and Admin Email IDs (0xa01, 0xa00) fall inside 1..50,000: put the admin back.
    rig.server.users[wftest::kAdminId] = {wftest::kAdminId, "Ann Admin", "ann@acme.com", "ann@acme.com", true, true,
                                          "F", std::nullopt};
    rig.sign_in();
    const auto s = rig.state();
    ASSERT_EQ(s["counts"]["total"].get<long long>(), 50'000);

    const double idle = average_frame_ms(rig, 20);
    ASSERT_TRUE(rig.imgui.click("select-all"));
    EXPECT_EQ(rig.state()["selection"]["count"].get<long long>(), 50'000);
    const double all_selected = average_frame_ms(rig, 20);
    ASSERT_TRUE(rig.imgui.type_into("filter", "user 4"));
    const double filtered = average_frame_ms(rig, 20);
    std::printf("[ measure  ] 50,000 users: %.2f ms/frame idle, %.2f with all selected, %.2f filtered\n", idle,
                all_selected, filtered);
    EXPECT_LT(idle, 100.0);
    EXPECT_LT(all_selected, 100.0);
    EXPECT_LT(filtered, 100.0);
    EXPECT_GT(rig.state()["filter"]["matching"].get<long long>(), 10'000);   // "User 4", "User 40..." "User 4xxxx"
}
