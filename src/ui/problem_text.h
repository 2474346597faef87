// ui_problem_text.h: an admin::Problem in the current UI language. English uses the model's own sentence;
// zh-TW translates the problem's code. Workfront's own words are shown as they are, below.
#pragma once
#include <string>
#include "admin/problem.h"

namespace ui {

std::string problem_text(const admin::Problem& problem);   // the sentence a person reads
void draw_problem(const admin::Problem& problem);          // red sentence + the server's words, muted

}  // namespace ui
