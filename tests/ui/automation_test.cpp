// Tests of the automation registry: items labelled "###id" are found with their on-screen rectangle, items
// scrolled out of view are absent, and the registry reflects the latest complete frame only.
#include <gtest/gtest.h>

#include "imgui.h"
#include "ui/imgui_harness.h"

namespace {

void full_window(const std::function<void()>& body) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("root", nullptr, ImGuiWindowFlags_NoDecoration);
    body();
    ImGui::End();
}

}  // namespace

TEST(Automation, FindsLabelledItemsWithTheirRectangles) {
    uitest::ImGuiHarness h;
    int clicks = 0;
    bool ticked = false;
    char text[32] = "";
    h.draw = [&] {
        full_window([&] {
            ImGui::SetCursorPos(ImVec2(100, 50));
            if (ImGui::Button("Press me###go", ImVec2(120, 30))) ++clicks;
            ImGui::Checkbox("Tick###tick", &ticked);
            ImGui::InputText("Name###name", text, sizeof text);
            ImGui::Button("No automation id");
        });
    };
    h.frames(2);
    auto go = h.rect("go");
    ASSERT_TRUE(go.has_value());
    EXPECT_FLOAT_EQ(go->x, 100);
    EXPECT_FLOAT_EQ(go->y, 50);
    EXPECT_FLOAT_EQ(go->w, 120);
    EXPECT_FLOAT_EQ(go->h, 30);
    EXPECT_TRUE(h.has("tick"));
    EXPECT_TRUE(h.has("name"));
    EXPECT_FALSE(h.has("No automation id"));
    EXPECT_FALSE(h.has(""));

    ASSERT_TRUE(h.click("go"));
    EXPECT_EQ(clicks, 1);
    ASSERT_TRUE(h.click("tick"));
    EXPECT_TRUE(ticked);
    ASSERT_TRUE(h.type_into("name", "陳怡君"));
    EXPECT_STREQ(text, "陳怡君");
}

TEST(Automation, ItemsScrolledOutOfViewAreAbsentAndPartlyVisibleOnesAreClipped) {
    uitest::ImGuiHarness h;
    h.draw = [&] {
        full_window([&] {
            ImGui::SetCursorPos(ImVec2(20, 20));
            ImGui::BeginChild("list", ImVec2(300, 110));
            for (int i = 0; i < 40; ++i) {
                std::string label = "Row " + std::to_string(i) + "###row-" + std::to_string(i);
                ImGui::Button(label.c_str(), ImVec2(200, 30));
            }
            ImGui::EndChild();
        });
    };
    h.frames(2);
    ASSERT_TRUE(h.has("row-0"));
    EXPECT_FALSE(h.has("row-30"));
    auto row3 = h.rect("row-3");   // rows are 30 px + 4 spacing from y=20: row 3 (122..152) straddles y=130
    ASSERT_TRUE(row3.has_value());
    EXPECT_FLOAT_EQ(row3->y, 122.0f);
    EXPECT_FLOAT_EQ(row3->y + row3->h, 130.0f);
}

TEST(Automation, ItemsBehindAnOpenModalAreAbsentUntilItCloses) {
    uitest::ImGuiHarness h;
    bool open_dialog = false, close_dialog = false;
    h.draw = [&] {
        full_window([&] {
            ImGui::Button("Behind###behind");
            if (open_dialog) ImGui::OpenPopup("dialog");
            open_dialog = false;
            if (ImGui::BeginPopupModal("dialog")) {
                ImGui::Button("Inside###inside");
                if (close_dialog) ImGui::CloseCurrentPopup();
                ImGui::EndPopup();
            }
        });
    };
    h.frames(2);
    EXPECT_TRUE(h.has("behind"));
    open_dialog = true;
    h.frames(3);   // a new window is hidden for its first frame (it measures itself) and blocks nothing
    EXPECT_TRUE(h.has("inside"));
    EXPECT_FALSE(h.has("behind"));   // a click there would land on the modal's dimmed background
    close_dialog = true;
    h.frame();   // the modal closes while drawn, after "behind" was already added this frame
    EXPECT_FALSE(h.has("behind"));
    h.frame();
    EXPECT_TRUE(h.has("behind"));
    EXPECT_FALSE(h.has("inside"));
}

TEST(Automation, OnlyTheLatestFrameCounts) {
    uitest::ImGuiHarness h;
    bool show = true;
    h.draw = [&] {
        full_window([&] {
            if (show) ImGui::Button("Once###once");
        });
    };
    h.frame();
    EXPECT_TRUE(h.has("once"));
    show = false;
    h.frame();
    EXPECT_FALSE(h.has("once"));
}
