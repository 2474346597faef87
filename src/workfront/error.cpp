// error.cpp: names for error kinds and the plain-words description an administrator reads.
// Descriptions use ASCII only: the UI's base font has no typographic quotes or dashes.
#include "error.h"

namespace wf {

const char* kind_name(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Authentication: return "authentication";
        case ErrorKind::Permission: return "permission";
        case ErrorKind::NotFound: return "not-found";
        case ErrorKind::InvalidParameter: return "invalid-parameter";
        case ErrorKind::Refused: return "refused";
        case ErrorKind::Retryable: return "retryable";
        case ErrorKind::Network: return "network";
        case ErrorKind::Malformed: return "malformed";
    }
    return "unknown";
}

static bool contains_ignoring_case(const std::string& text, const char* word) {
    std::string low = text;
    for (char& c : low)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return low.find(word) != std::string::npos;
}

// "Sentence. Workfront says: <message>" when the server said something worth reading.
static std::string with_server_words(std::string sentence, const std::string& message) {
    if (!message.empty()) sentence += " Workfront says: " + message;
    return sentence;
}

std::string Error::describe() const {
    switch (kind) {
        case ErrorKind::Authentication:
            if (contains_ignoring_case(message, "sso") || contains_ignoring_case(message, "single sign-on"))
                return "This account signs in with SSO only: paste an API key or a session token instead.";
            if (contains_ignoring_case(message, "deactivated") || contains_ignoring_case(message, "inactive"))
                return "This Workfront account is deactivated, so it cannot sign in.";
            if (contains_ignoring_case(message, "password") || contains_ignoring_case(message, "username"))
                return "Wrong username or password.";
            return "The API key or session has expired or is not valid: sign in again.";
        case ErrorKind::Permission:
            return with_server_words(
                "Your Workfront account is not allowed to do this: it needs a System Administrator access level.",
                message);
        case ErrorKind::NotFound:
            return with_server_words("Workfront could not find it (it may have been deleted): reload the user list.",
                                     message);
        case ErrorKind::InvalidParameter:
            if (wf_class == "wfadmin.ProxyRefused") return "The page's server will not forward this request: " + message;
            if (contains_ignoring_case(wf_class, "unsupportedversion"))
                return with_server_words("This Workfront does not accept the API version in use: change the API "
                                         "version setting.", message);
            return with_server_words("Workfront rejected the request as invalid.", message);
        case ErrorKind::Refused:
            return with_server_words("Workfront refused.", message);
        case ErrorKind::Retryable:
            if (status == 429) return "Workfront is busy (too many requests at once): wait a moment and try again.";
            return "Workfront had a temporary problem (HTTP " + std::to_string(status) +
                   "): try again in a moment.";
        case ErrorKind::Network:
            if (wf_class == "wfadmin.ProxyUnreachable")
                return "Domain not found or unreachable: check the Workfront domain and your network. (" + message +
                       ")";
            return "Workfront could not be reached: check the domain and your network.";
        case ErrorKind::Malformed:
            return "Workfront's answer could not be read (" + message +
                   "). Try again; if it keeps happening, a proxy or firewall may be changing the answers.";
    }
    return message;
}

}  // namespace wf
