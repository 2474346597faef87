// user_page_reader.h (internal to src/workfront): the fast path for the biggest answers wfadmin reads, pages
// of up to 2000 users. A 50,000-user directory is ~12 MB of JSON; building nlohmann's document for it and
// then copying out of it cost more than everything else the page does while loading. This reader goes
// straight from the text to wf::User, in one pass, without a document.
//
// It only accepts what it fully understands: {"data":[ user objects ]} whose known fields have their tidy
// types (text as strings, flags as true/false, dates as strings, loginCount as an integer, any of them null),
// with valid JSON and UTF-8 throughout. For anything else (an error object, a string "true", a float, a
// nested value, a duplicate known field, a bad date...) it answers false and the caller uses the general
// reader (parse_users in responses.cpp), which then decides exactly as before: same users, same errors.
// tests/workfront/user_page_reader_test.cpp checks that both readers agree on thousands of generated pages.
#pragma once
#include <string_view>
#include <vector>
#include "user.h"

namespace wf {

// True when `body` was read completely into `out` (replacing its contents); false means "use the general
// reader" (out is then unspecified).
bool read_user_page(std::string_view body, std::vector<User>& out);

}  // namespace wf
