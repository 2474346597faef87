// ui_view_language.cpp: the language switch (English / 繁體中文), shown on every screen. Each language is
// named in itself so that a person who cannot read the current one still finds theirs.
#include "imgui.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

namespace {

void language_button(Language language, const char* automation_id) {
    const bool current = current_language() == language;
    if (current) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_Header]);
        ImGui::PushStyleColor(ImGuiCol_Text, theme::accent());
    }
    if (ImGui::Button(widgets::label(language_name(language), automation_id).c_str())) set_language(language);
    if (current) ImGui::PopStyleColor(2);
}

}  // namespace

void draw_language_switch(ViewContext&) {
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, ImGui::GetStyle().ItemSpacing.y));
    language_button(Language::English, "lang-en");
    ImGui::SameLine();
    language_button(Language::TraditionalChinese, "lang-zh-TW");
    ImGui::PopStyleVar();
}

}  // namespace ui
