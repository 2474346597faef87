// ui_view_filters_panel.cpp: the left column of the users screen, for finding whom to offboard: administrators,
// licence types, "no login for N days", "never logged in"; then a histogram of days since last login over the
// matching users, and active licences now and after deactivating the selection.
#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/format.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace ui {

namespace {

S bucket_key(admin::LoginBucket bucket) {
    switch (bucket) {
        case admin::LoginBucket::D0_30: return S::bucket_0_30;
        case admin::LoginBucket::D31_90: return S::bucket_31_90;
        case admin::LoginBucket::D91_180: return S::bucket_91_180;
        case admin::LoginBucket::D181_365: return S::bucket_181_365;
        case admin::LoginBucket::Y1_2: return S::bucket_1_2y;
        case admin::LoginBucket::Over2Y: return S::bucket_over_2y;
        default: return S::histogram_bucket_never;
    }
}

void draw_filters(ViewContext& ctx) {
    admin::UserView& view = ctx.model.view;
    admin::Filter filter = view.filter();
    bool changed = false;

    ImGui::TextUnformatted(tr(S::filter_admins));
    const struct { admin::AdminFilter value; S text; const char* id; } admin_options[] = {
        {admin::AdminFilter::All, S::admins_any, "admins-any"},
        {admin::AdminFilter::AdminsOnly, S::admins_only, "admins-only"},
        {admin::AdminFilter::NonAdmins, S::admins_exclude, "admins-exclude"},
    };
    for (const auto& option : admin_options) {
        if (ImGui::RadioButton(widgets::label(tr(option.text), option.id).c_str(), filter.admins == option.value)) {
            filter.admins = option.value;
            changed = true;
        }
    }

    ImGui::Spacing();
    ImGui::TextUnformatted(tr(S::filter_licence));
    for (const std::string& type : ctx.ui.summaries.licence_types) {
        bool on = filter.licence_types.count(type) != 0;
        const std::string text = format::licence_name(type) + (type.empty() ? "" : " (" + type + ")");
        if (ImGui::Checkbox(widgets::label(text.c_str(), "licence-" + type).c_str(), &on)) {
            if (on)
                filter.licence_types.insert(type);
            else
                filter.licence_types.erase(type);
            changed = true;
        }
    }

    ImGui::Spacing();
    ImGui::TextUnformatted(tr(S::filter_inactive_days));
    int days = filter.min_days_without_login;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputInt(widgets::label("", "inactive-days").c_str(), &days, 30, 365)) {
        filter.min_days_without_login = std::clamp(days, 0, 36500);
        changed = true;
    }
    widgets::text_muted(tr(S::filter_inactive_days_hint));
    if (ImGui::Checkbox(widgets::label(tr(S::filter_never_logged_in), "never-logged-in").c_str(),
                        &filter.never_logged_in))
        changed = true;

    ImGui::Spacing();
    ImGui::BeginDisabled(admin::filter_is_empty(filter));
    if (ImGui::SmallButton(widgets::label(tr(S::reset_filters), "reset-filters").c_str())) {
        filter = admin::Filter{};
        ctx.ui.filter_text.clear();
        changed = true;
    }
    ImGui::EndDisabled();
    if (changed) view.set_filter(filter);
}

// Horizontal bars: one per bucket, labelled, with the count at the end; scaled to the largest bucket.
void draw_histogram(ViewContext& ctx) {
    const admin::LoginHistogram& h = ctx.ui.summaries.histogram;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr(S::histogram_title));
    ImGui::PopTextWrapPos();
    long long largest = 1;
    for (long long c : h.counts) largest = std::max(largest, c);
    const float label_width = ImGui::CalcTextSize(tr(S::bucket_181_365)).x + 8.0f;
    const float count_width = ImGui::CalcTextSize("00,000").x + 6.0f;
    const float bar_space = std::max(30.0f, ImGui::GetContentRegionAvail().x - label_width - count_width);
    const float line = ImGui::GetTextLineHeight();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < h.counts.size(); ++i) {
        const auto bucket = static_cast<admin::LoginBucket>(i);
        const ImVec2 start = ImGui::GetCursorScreenPos();
        ImGui::TextUnformatted(tr(bucket_key(bucket)));
        const float width = bar_space * static_cast<float>(h.counts[i]) / static_cast<float>(largest);
        const ImVec2 bar_min(start.x + label_width, start.y + 2.0f);
        if (h.counts[i] > 0) {   // an empty bucket draws no bar, only its 0
            const ImVec2 bar_max(bar_min.x + std::max(width, 2.0f), start.y + line - 2.0f);
            const ImVec4 colour = bucket == admin::LoginBucket::Never ? theme::warning() : theme::accent();
            draw->AddRectFilled(bar_min, bar_max, theme::to_u32(colour), 2.0f);
        }
        const std::string count = format::thousands(h.counts[i]);
        draw->AddText(ImVec2(bar_min.x + width + 4.0f, start.y), theme::to_u32(theme::muted()), count.c_str());
    }
}

void draw_licence_summary(ViewContext& ctx) {
    const auto& licences = ctx.ui.summaries.licences;
    ImGui::TextUnformatted(tr(S::licence_summary_title));
    if (!ImGui::BeginTable("licences", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupColumn(tr(S::col_licence), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(S::licence_now), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(S::licence_after), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (const auto& [type, count] : licences) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format::licence_name(type).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format::thousands(count.now).c_str());
        ImGui::TableNextColumn();
        if (count.after != count.now)
            widgets::text_success(format::thousands(count.after));
        else
            ImGui::TextUnformatted(format::thousands(count.after).c_str());
    }
    ImGui::EndTable();
}

}  // namespace

void draw_filters_panel(ViewContext& ctx) {
    refresh_summaries(ctx);
    ImGui::SeparatorText(tr(S::filters_title));
    ImGui::BeginDisabled(ctx.model.runner.active());
    draw_filters(ctx);
    ImGui::EndDisabled();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    draw_histogram(ctx);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    draw_licence_summary(ctx);
}

}  // namespace ui
