// responses.cpp: Workfront answers -> typed results. Every parser opens the answer the same way
// (open_answer): a 2xx status and a JSON object with "data", or an Error saying what came instead.
#include "api.h"
#include "json_answer.h"
#include "user_page_reader.h"

namespace wf {

bool open_answer(const Response& response, json& doc, Error& error) {
    if (response.status < 200 || response.status >= 300) {
        error = classify_error(response);
        return false;
    }
    doc = json::parse(response.body, nullptr, false);
    if (doc.is_discarded()) {
        error = unreadable_body(response);
        return false;
    }
    if (!doc.is_object()) {
        error = malformed(response.status, std::string("expected a JSON object, got a JSON ") + doc.type_name() + ": " +
                                               excerpt(response.body, 60));
        return false;
    }
    if (doc.contains("error")) {   // some gateways answer 200 with an error object
        error = classify_error(response);
        return false;
    }
    if (!doc.contains("data")) {
        error = malformed(response.status, "the answer has no \"data\": " + excerpt(response.body, 60));
        return false;
    }
    return true;
}

static Error with_status(Error e, int status) {
    e.status = status;
    return e;
}

static Error wrong_type(const Response& response, const char* expected, const json& got) {
    return malformed(response.status, std::string("expected ") + expected + " in \"data\", got a JSON " +
                                          got.type_name() + ": " + excerpt(got.dump(), 60));
}

Result<std::string> parse_api_key(const Response& response) {
    json doc;
    Error error;
    if (!open_answer(response, doc, error)) return error;
    const json& data = doc["data"];
    if (!data.is_object()) return wrong_type(response, "an object with \"result\"", data);
    auto it = data.find("result");
    if (it == data.end()) return wrong_type(response, "an object with \"result\"", data);
    if (it->is_null()) return std::string();   // no key yet, written as null rather than ""
    if (!it->is_string()) return wrong_type(response, "the key as text", *it);
    return it->get<std::string>();
}

Result<User> parse_user(const Response& response) {
    json doc;
    Error error;
    if (!open_answer(response, doc, error)) return error;
    const json* data = &doc["data"];
    if (data->is_array() && data->size() == 1) data = &(*data)[0];   // GET /user?id=X answers a list of one
    if (!data->is_object()) return wrong_type(response, "a user object", *data);
    Result<User> user = user_from_json(*data);
    if (!user.ok()) return with_status(user.error(), response.status);
    return user;
}

static Result<std::vector<User>> users_from_list(const Response& response, const json& list) {
    std::vector<User> users;
    users.reserve(list.size());
    for (const json& item : list) {
        Result<User> user = user_from_json(item);
        if (!user.ok()) return with_status(user.error(), response.status);
        users.push_back(std::move(user.value()));
    }
    return users;
}

Result<std::vector<User>> parse_users(const Response& response) {
    if (response.status >= 200 && response.status < 300) {   // the fast path for tidy pages (user_page_reader.h)
        std::vector<User> users;
        if (read_user_page(response.body, users)) return users;
    }
    return parse_users_general(response);
}

Result<std::vector<User>> parse_users_general(const Response& response) {
    json doc;
    Error error;
    if (!open_answer(response, doc, error)) return error;
    const json& data = doc["data"];
    if (!data.is_array()) return wrong_type(response, "a list of users", data);
    return users_from_list(response, data);
}

Result<long long> parse_count(const Response& response) {
    json doc;
    Error error;
    if (!open_answer(response, doc, error)) return error;
    const json& data = doc["data"];
    const json* value = &data;   // {"data":{"count":N}}; a bare number is read too
    if (data.is_object()) {
        auto it = data.find("count");
        if (it == data.end()) return wrong_type(response, "an object with \"count\"", data);
        value = &*it;
    }
    std::int64_t n = 0;
    if (!read_int64(*value, n) || n < 0)
        return malformed(response.status, "the count is " + excerpt(value->dump(), 40) + ", not a whole number");
    return static_cast<long long>(n);
}

Result<std::vector<User>> parse_bulk(const Response& response) {
    json doc;
    Error error;
    if (!open_answer(response, doc, error)) return error;
    const json& data = doc["data"];
    if (data.is_array()) return users_from_list(response, data);
    if (data.is_object() && data.contains("success")) {   // atomic=true answers only whether it worked
        const json& ok = data["success"];
        if (ok.is_boolean() && ok.get<bool>()) return std::vector<User>{};
        if (ok.is_string() && ok.get<std::string>() == "true") return std::vector<User>{};
        Error refused;
        refused.kind = ErrorKind::Refused;
        refused.status = response.status;
        refused.message = "Workfront did not confirm the change (success: " + excerpt(ok.dump(), 20) + ")";
        return refused;
    }
    if (data.is_object() && data.contains("ID")) {   // a single object, as for a one-user update
        Result<User> user = user_from_json(data);
        if (!user.ok()) return with_status(user.error(), response.status);
        return std::vector<User>{user.value()};
    }
    return wrong_type(response, "a list of users or {\"success\":true}", data);
}

}  // namespace wf
