// json_answer.h (internal to src/workfront): opening a Workfront answer and reading users out of JSON.
// Shared by the parsers (responses.cpp), the error classifier (classify.cpp) and user.cpp.
// Exceptions are off in the web build: everything here checks types before reading values.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include "error.h"
#include "transport.h"
#include "user.h"

namespace wf {

using json = nlohmann::json;

// On a 2xx answer with a JSON object carrying "data": fills `doc` and returns true.
// Otherwise fills `error` (classify_error for Workfront errors, Malformed for unreadable bodies).
bool open_answer(const Response& response, json& doc, Error& error);

// A Malformed error whose message says what came instead of JSON (empty, a web page, cut off...).
Error unreadable_body(const Response& response);
Error malformed(int status, std::string message);

// The first words of a body, tags stripped and spaces collapsed, for messages ("502 Bad Gateway").
std::string excerpt(const std::string& body, size_t max_bytes = 120);

// A whole number from JSON: an integer, a float with no fraction, or a string of digits ("42", "42.0").
// False for anything else, including values that do not fit in 64 bits (never undefined behaviour).
bool read_int64(const json& value, std::int64_t& out);

// One user object -> User. Tolerant of missing/null fields and of booleans or numbers sent as strings;
// a field of the wrong kind (an object where a boolean belongs, a date that is not a date) is Malformed.
Result<User> user_from_json(const json& object);

// parse_users without the fast path (user_page_reader.h): every page through nlohmann's document. The fast
// path hands it everything it does not accept; the tests compare the two.
Result<std::vector<User>> parse_users_general(const Response& response);

}  // namespace wf
