// wf_error.h: one typed error for everything that is not the answer we asked for.
// The server's own message is kept; `describe()` gives the words a person reads.
#pragma once
#include <optional>
#include <string>
#include <utility>

namespace wf {

enum class ErrorKind {
    Authentication,    // wrong password, expired/invalid key or session (AuthenticationException, 401)
    Permission,        // 403, insufficient access
    NotFound,          // 404, "... with primary key value(s) "X" not found"
    InvalidParameter,  // 400/422, IllegalArgumentException and friends
    Refused,           // the server understood and said no for a business rule (e.g. the Admin Email user)
    Retryable,         // 429, 5xx: try again later
    Network,           // status 0: unreachable, CORS, timeout, proxy missing
    Malformed,         // HTML error page, truncated or non-JSON body, wrong types
};

const char* kind_name(ErrorKind kind);  // "authentication", "permission", ...

struct Error {
    ErrorKind kind = ErrorKind::Malformed;
    int status = 0;            // HTTP status, 0 when none
    std::string wf_class;      // Workfront's error class, e.g. "com.attask.common.AuthenticationException"
    std::string message;       // the server's message, or ours when the server gave none

    bool retryable() const { return kind == ErrorKind::Retryable || kind == ErrorKind::Network; }
    std::string describe() const;  // plain words for the UI: what happened and what to do
};

// Result<T>: a value or an Error. Exceptions are off in the web build, so this is how failures travel.
template <class T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(Error error) : error_(std::move(error)) {}
    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const { return *value_; }
    T& value() { return *value_; }
    const T& operator*() const { return *value_; }
    const T* operator->() const { return &*value_; }
    const Error& error() const { return error_; }

private:
    std::optional<T> value_;
    Error error_;
};

}  // namespace wf
