// workfront/oauth.h: Workfront's OAuth2 authorization code flow with PKCE, as a browser page uses it.
//   [X] SHA-256 (FIPS 180-4) and base64url without padding (RFC 4648 §5): what the PKCE challenge needs
//   [X] PKCE (RFC 7636): a verifier of 43-128 characters from [A-Za-z0-9-._~] made from CSPRNG bytes the caller
//       supplies (the pure layers never pick randomness themselves), challenge = base64url(SHA-256(verifier))
//   [X] The authorize URL (a top-level navigation to the tenant's own origin, never proxied)
//   [X] The token requests: code exchange and refresh, form-encoded POSTs to /integrations/oauth2/api/v1/token
//   [X] Token answers: access_token and refresh_token, expires_in and token_type when present (unconfirmed for
//       Workfront: absent, "bearer" or "sessionID" all work); RFC 6749 §5.2 errors kept as their error code
// The access token is then sent as the sessionID header (Auth::Kind::Session), as Workfront wants.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include "api.h"
#include "error.h"
#include "host.h"
#include "transport.h"

namespace wf {

constexpr const char* kAuthorizePath = "/integrations/oauth2/authorize";
constexpr const char* kTokenPath = "/integrations/oauth2/api/v1/token";
constexpr size_t kMaxTokenBytes = 4096;   // longer tokens are refused: they go into a header on every call

// Random bytes from a cryptographically secure source (crypto.getRandomValues in the browser). False when the
// source is unavailable: nothing secret may then be made.
class SecureRandom {
public:
    virtual ~SecureRandom() = default;
    virtual bool fill(unsigned char* out, size_t size) = 0;
};

// ---- primitives ----
std::array<std::uint8_t, 32> sha256(const void* data, size_t size);
std::array<std::uint8_t, 32> sha256(const std::string& text);
std::string hex(const std::uint8_t* data, size_t size);                        // lower-case
std::string base64url(const void* data, size_t size);                          // RFC 4648 §5, no padding

// ---- PKCE ----
// True for 43-128 characters, each from [A-Za-z0-9-._~] (RFC 7636 §4.1).
bool is_valid_verifier(const std::string& verifier);
std::string pkce_challenge(const std::string& verifier);                       // S256
// A verifier (64 characters) and an anti-forgery state (32 characters) from `random`; nullopt when it fails.
std::optional<std::string> make_verifier(SecureRandom& random);
std::optional<std::string> make_state(SecureRandom& random);

// ---- the authorize step ----
struct AuthorizeRequest {
    std::string origin;          // "https://acme.my.workfront.com" (or a stand-in's origin in tests and the demo)
    std::string client_id;
    std::string redirect_uri;    // exactly as registered: the page's own URL
    std::string code_challenge;
    std::string state;
};
// origin + /integrations/oauth2/authorize?client_id=..&redirect_uri=..&response_type=code&code_challenge=..
// &code_challenge_method=S256&state=..   (values percent-encoded; a trailing "/" on the origin is dropped)
std::string authorize_url(const AuthorizeRequest& request);
// True for a client ID that can be sent as it is: 1-200 of [A-Za-z0-9._-] (what deploy/config.schema.json says).
bool is_valid_client_id(const std::string& client_id);
// An origin the browser may be sent to for the authorize step: http(s)://host[:port] and nothing more.
bool is_valid_origin(const std::string& origin);

// ---- the token endpoint ----
// POST https://<host>/integrations/oauth2/api/v1/token, form body; the browser transport maps it onto the
// same-origin proxy like every API call.
Request code_exchange_request(const Host& host, const std::string& code, const std::string& client_id,
                              const std::string& redirect_uri, const std::string& verifier);
Request refresh_request(const Host& host, const std::string& refresh_token, const std::string& client_id);

struct TokenSet {
    std::string access_token;
    std::string refresh_token;         // empty: no silent refresh (sign in again when the access token ends)
    std::optional<long long> expires_in_s;
    std::string token_type;            // as sent ("" when absent); informative only
};
// The tokens, or an Error. An RFC 6749 §5.2 answer ({"error":"invalid_grant","error_description":...}) gives
// wf_class "oauth2.<error>" and the description as message; anything else is classified like an API answer.
// Tokens must be printable ASCII without spaces, at most kMaxTokenBytes.
Result<TokenSet> parse_token_answer(const Response& response);

// The OAuth2 error code of an Error from parse_token_answer ("invalid_grant"), or "" when it is not one.
std::string oauth_error_code(const Error& error);

}  // namespace wf
