// workfront/oauth.cpp: SHA-256, base64url, PKCE, the authorize URL and the token endpoint (see oauth.h).
#include "oauth.h"

#include <cstring>
#include "json_answer.h"

namespace wf {

// ---- SHA-256 (FIPS 180-4 §6.2) ----

namespace {

constexpr std::uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void compress(std::uint32_t state[8], const std::uint8_t block[64]) {
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i)
        w[i] = std::uint32_t(block[4 * i]) << 24 | std::uint32_t(block[4 * i + 1]) << 16 |
               std::uint32_t(block[4 * i + 2]) << 8 | std::uint32_t(block[4 * i + 3]);
    for (int i = 16; i < 64; ++i) {
        const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; ++i) {
        const std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRound[i] + w[i];
        const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    state[0] += a, state[1] += b, state[2] += c, state[3] += d;
    state[4] += e, state[5] += f, state[6] += g, state[7] += h;
}

bool unreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

std::optional<std::string> random_text(SecureRandom& random, size_t bytes) {
    unsigned char buffer[96];
    if (bytes > sizeof buffer || !random.fill(buffer, bytes)) return std::nullopt;
    std::string out = base64url(buffer, bytes);
    std::memset(buffer, 0, sizeof buffer);
    return out;
}

// Printable ASCII without spaces: what may go into the sessionID header and a form body.
bool is_token_text(const std::string& s) {
    if (s.empty() || s.size() > kMaxTokenBytes) return false;
    for (char c : s)
        if (c <= ' ' || c > '~') return false;
    return true;
}

}  // namespace

std::array<std::uint8_t, 32> sha256(const void* data, size_t size) {
    std::uint32_t state[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                              0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    size_t i = 0;
    for (; i + 64 <= size; i += 64) compress(state, bytes + i);
    // The tail, the 0x80 marker and the length in bits (big-endian) fill one or two last blocks.
    std::uint8_t tail[128] = {};
    const size_t rest = size - i;
    if (rest) std::memcpy(tail, bytes + i, rest);
    tail[rest] = 0x80;
    const size_t blocks = rest + 9 <= 64 ? 1 : 2;
    const std::uint64_t bits = static_cast<std::uint64_t>(size) * 8;
    for (int k = 0; k < 8; ++k) tail[blocks * 64 - 1 - k] = static_cast<std::uint8_t>(bits >> (8 * k));
    for (size_t b = 0; b < blocks; ++b) compress(state, tail + 64 * b);
    std::array<std::uint8_t, 32> out{};
    for (int k = 0; k < 8; ++k)
        for (int j = 0; j < 4; ++j) out[4 * k + j] = static_cast<std::uint8_t>(state[k] >> (24 - 8 * j));
    return out;
}

std::array<std::uint8_t, 32> sha256(const std::string& text) { return sha256(text.data(), text.size()); }

std::string hex(const std::uint8_t* data, size_t size) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (size_t i = 0; i < size; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 15];
    }
    return out;
}

std::string base64url(const void* data, size_t size) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const auto* b = static_cast<const std::uint8_t*>(data);
    std::string out;
    out.reserve((size * 4 + 2) / 3);
    size_t i = 0;
    for (; i + 3 <= size; i += 3) {
        const std::uint32_t v = std::uint32_t(b[i]) << 16 | std::uint32_t(b[i + 1]) << 8 | b[i + 2];
        out += alphabet[v >> 18], out += alphabet[(v >> 12) & 63], out += alphabet[(v >> 6) & 63], out += alphabet[v & 63];
    }
    if (size - i == 1) {
        const std::uint32_t v = std::uint32_t(b[i]) << 16;
        out += alphabet[v >> 18], out += alphabet[(v >> 12) & 63];
    } else if (size - i == 2) {
        const std::uint32_t v = std::uint32_t(b[i]) << 16 | std::uint32_t(b[i + 1]) << 8;
        out += alphabet[v >> 18], out += alphabet[(v >> 12) & 63], out += alphabet[(v >> 6) & 63];
    }
    return out;
}

// ---- PKCE ----

bool is_valid_verifier(const std::string& verifier) {
    if (verifier.size() < 43 || verifier.size() > 128) return false;
    for (char c : verifier)
        if (!unreserved(c)) return false;
    return true;
}

std::string pkce_challenge(const std::string& verifier) {
    const auto digest = sha256(verifier);
    return base64url(digest.data(), digest.size());
}

std::optional<std::string> make_verifier(SecureRandom& random) { return random_text(random, 48); }
std::optional<std::string> make_state(SecureRandom& random) { return random_text(random, 24); }

// ---- the authorize step ----

bool is_valid_client_id(const std::string& client_id) {
    if (client_id.empty() || client_id.size() > 200) return false;
    for (char c : client_id)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == '-'))
            return false;
    return true;
}

bool is_valid_origin(const std::string& origin) {
    size_t start;
    if (origin.rfind("https://", 0) == 0) start = 8;
    else if (origin.rfind("http://", 0) == 0) start = 7;
    else return false;
    std::string rest = origin.substr(start);
    if (!rest.empty() && rest.back() == '/') rest.pop_back();
    if (rest.empty() || rest.size() > 255) return false;
    const size_t colon = rest.find(':');
    const std::string host = rest.substr(0, colon);
    if (host.empty()) return false;
    for (char c : host)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'))
            return false;
    if (colon != std::string::npos) {
        const std::string port = rest.substr(colon + 1);
        if (port.empty() || port.size() > 5) return false;
        for (char c : port)
            if (c < '0' || c > '9') return false;
    }
    return true;
}

std::string authorize_url(const AuthorizeRequest& r) {
    std::string origin = r.origin;
    while (!origin.empty() && origin.back() == '/') origin.pop_back();
    return origin + kAuthorizePath + "?" +
           form_encode({{"client_id", r.client_id},
                        {"redirect_uri", r.redirect_uri},
                        {"response_type", "code"},
                        {"code_challenge", r.code_challenge},
                        {"code_challenge_method", "S256"},
                        {"state", r.state}});
}

// ---- the token endpoint ----

namespace {

Request token_post(const Host& host, const std::vector<std::pair<std::string, std::string>>& fields) {
    Request r;
    r.method = "POST";
    r.url = host.base_url() + kTokenPath;
    r.body = form_encode(fields);
    r.content_type = "application/x-www-form-urlencoded";
    r.headers.push_back({"Accept", "application/json"});
    return r;
}

Error oauth_error(int status, const std::string& code, const std::string& description) {
    Error e;
    e.status = status;
    e.wf_class = "oauth2." + code;
    e.message = description.empty() ? code : excerpt(description, 300);
    if (code == "invalid_client" || code == "unauthorized_client") e.kind = ErrorKind::Authentication;
    else if (code == "temporarily_unavailable" || code == "server_error") e.kind = ErrorKind::Retryable;
    else e.kind = ErrorKind::InvalidParameter;
    return e;
}

}  // namespace

Request code_exchange_request(const Host& host, const std::string& code, const std::string& client_id,
                              const std::string& redirect_uri, const std::string& verifier) {
    return token_post(host, {{"grant_type", "authorization_code"},
                             {"code", code},
                             {"client_id", client_id},
                             {"redirect_uri", redirect_uri},
                             {"code_verifier", verifier}});
}

Request refresh_request(const Host& host, const std::string& refresh_token, const std::string& client_id) {
    return token_post(host, {{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}, {"client_id", client_id}});
}

Result<TokenSet> parse_token_answer(const Response& response) {
    const json doc = json::parse(response.body, nullptr, false);
    const bool object = !doc.is_discarded() && doc.is_object();
    if (response.status < 200 || response.status >= 300) {
        // RFC 6749 §5.2: {"error": "<code>", "error_description": "..."}; a Workfront-shaped error object, a
        // proxy's page or no answer at all go the way every other answer does.
        if (object) {
            const auto it = doc.find("error");
            if (it != doc.end() && it->is_string()) {
                std::string description;
                if (auto d = doc.find("error_description"); d != doc.end() && d->is_string())
                    description = d->get<std::string>();
                const std::string code = excerpt(it->get<std::string>(), 60);
                return oauth_error(response.status, code, description);
            }
        }
        return classify_error(response);
    }
    if (!object) return unreadable_body(response);
    TokenSet out;
    const auto access = doc.find("access_token");
    if (access == doc.end() || !access->is_string() || !is_token_text(access->get<std::string>()))
        return malformed(response.status, "the token answer has no usable access_token");
    out.access_token = access->get<std::string>();
    if (auto it = doc.find("refresh_token"); it != doc.end() && !it->is_null()) {
        if (!it->is_string() || !is_token_text(it->get<std::string>()))
            return malformed(response.status, "the token answer's refresh_token is not a token");
        out.refresh_token = it->get<std::string>();
    }
    if (auto it = doc.find("expires_in"); it != doc.end() && !it->is_null()) {
        std::int64_t seconds = 0;
        if (!read_int64(*it, seconds) || seconds < 0 || seconds > 10LL * 366 * 86400)
            return malformed(response.status, "the token answer's expires_in is not a number of seconds");
        out.expires_in_s = seconds;
    }
    if (auto it = doc.find("token_type"); it != doc.end() && it->is_string())
        out.token_type = excerpt(it->get<std::string>(), 40);
    return out;
}

std::string oauth_error_code(const Error& error) {
    return error.wf_class.rfind("oauth2.", 0) == 0 ? error.wf_class.substr(7) : std::string();
}

}  // namespace wf
