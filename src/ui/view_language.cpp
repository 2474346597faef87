// ui_view_language.cpp: the language switch, one button per registry row (English / 繁體中文), shown on every
// screen. Each language is named in itself so that a person who cannot read the current one still finds theirs.
#include <string>

#include "imgui.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

namespace {

void language_button(Language language) {
    const std::string automation_id = std::string("lang-") + language_tag(language);
    const bool current = current_language() == language;
    if (current) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_Header]);
        ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    }
    if (ImGui::Button(widgets::label(language_name(language), automation_id.c_str()).c_str())) set_language(language);
    if (current) ImGui::PopStyleColor(2);
}

}  // namespace

void draw_language_switch(ViewContext&) {
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, ImGui::GetStyle().ItemSpacing.y));
    for (int i = 0; i < language_count(); ++i) {
        if (i > 0) ImGui::SameLine();
        language_button(static_cast<Language>(i));
    }
    ImGui::PopStyleVar();
}

float language_switch_width() {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = 0;
    for (int i = 0; i < language_count(); ++i)
        width += ImGui::CalcTextSize(language_name(static_cast<Language>(i))).x + style.FramePadding.x * 2 + 2.0f;
    return width;
}

}  // namespace ui
