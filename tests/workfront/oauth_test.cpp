// SHA-256 against NIST's example vectors (FIPS 180-2 appendix B, the one-million-'a' message) and block-boundary
// lengths, base64url (RFC 4648 §10 vectors, no padding), the RFC 7636 Appendix B verifier/challenge pair, PKCE
// verifiers from a scripted CSPRNG, the exact authorize URL, the token requests, and token answers good and bad.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "workfront/oauth.h"

using namespace wf;

namespace {

std::string sha_hex(const std::string& text) {
    const auto d = sha256(text);
    return hex(d.data(), d.size());
}

std::string counting_bytes(size_t n) {
    std::string s(n, '\0');
    for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>(i);
    return s;
}

// Bytes the test chooses; `fail` models a browser without crypto.getRandomValues.
class ScriptedRandom : public SecureRandom {
public:
    std::vector<unsigned char> bytes;
    bool fail = false;
    size_t calls = 0;
    bool fill(unsigned char* out, size_t size) override {
        ++calls;
        if (fail) return false;
        for (size_t i = 0; i < size; ++i) out[i] = bytes.empty() ? static_cast<unsigned char>(i * 37 + calls) : bytes[i % bytes.size()];
        return true;
    }
};

Response answer(int status, const std::string& body) { return Response{status, body, "application/json"}; }

}  // namespace

TEST(Sha256, NistVectors) {
    EXPECT_EQ(sha_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                      "mnopqrstnopqrstu"),
              "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    EXPECT_EQ(sha_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, LengthsAroundTheBlockBoundaries) {
    // Where the padding needs one block or two (55/56 bytes) and where whole blocks end (63/64/65, 119/120).
    // Expected values from Python's hashlib.
    const struct { size_t n; const char* digest; } cases[] = {
        {55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"},
        {56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"},
        {63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"},
        {64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"},
        {65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"},
        {119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"},
        {120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"},
    };
    for (const auto& c : cases) EXPECT_EQ(sha_hex(counting_bytes(c.n)), c.digest) << c.n << " bytes";
}

TEST(Base64Url, Rfc4648VectorsWithoutPadding) {
    const struct { const char* in; const char* out; } cases[] = {
        {"", ""}, {"f", "Zg"}, {"fo", "Zm8"}, {"foo", "Zm9v"}, {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"},
        {"foobar", "Zm9vYmFy"},
    };
    for (const auto& c : cases) EXPECT_EQ(base64url(c.in, std::strlen(c.in)), c.out) << c.in;
    // The two characters that differ from base64: 62 -> '-', 63 -> '_'.
    const unsigned char high[] = {0xfb, 0xff, 0xbf};
    EXPECT_EQ(base64url(high, 3), "-_-_");
}

TEST(Pkce, Rfc7636AppendixBPair) {
    const unsigned char octets[32] = {116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186,
                                      22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121};
    const std::string verifier = base64url(octets, sizeof octets);
    EXPECT_EQ(verifier, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    EXPECT_TRUE(is_valid_verifier(verifier));
    EXPECT_EQ(pkce_challenge(verifier), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(Pkce, VerifiersComeFromTheSecureSourceAndFollowTheRules) {
    ScriptedRandom random;
    const auto v = make_verifier(random);
    ASSERT_TRUE(v);
    EXPECT_EQ(v->size(), 64u);
    EXPECT_TRUE(is_valid_verifier(*v));
    const auto state = make_state(random);
    ASSERT_TRUE(state);
    EXPECT_EQ(state->size(), 32u);
    EXPECT_NE(*v, *make_verifier(random));   // fresh bytes each time
    random.fail = true;
    EXPECT_FALSE(make_verifier(random));     // no secure source: no verifier at all (never a weak one)
    EXPECT_FALSE(make_state(random));

    EXPECT_FALSE(is_valid_verifier(std::string(42, 'a')));
    EXPECT_TRUE(is_valid_verifier(std::string(43, 'a')));
    EXPECT_TRUE(is_valid_verifier(std::string(128, '~')));
    EXPECT_FALSE(is_valid_verifier(std::string(129, 'a')));
    EXPECT_FALSE(is_valid_verifier(std::string(50, 'a') + "+"));
    EXPECT_FALSE(is_valid_verifier(std::string(50, 'a') + "="));
}

TEST(OAuthAuthorize, TheExactUrl) {
    AuthorizeRequest r;
    r.origin = "https://acme.my.workfront.com/";
    r.client_id = "wfadmin-spa.1";
    r.redirect_uri = "https://wfadmin.intranet.example/admin/";
    r.code_challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    r.state = "s_t-a.t~e";
    EXPECT_EQ(authorize_url(r),
              "https://acme.my.workfront.com/integrations/oauth2/authorize?client_id=wfadmin-spa.1"
              "&redirect_uri=https%3A%2F%2Fwfadmin.intranet.example%2Fadmin%2F&response_type=code"
              "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
              "&state=s_t-a.t~e");
}

TEST(OAuthAuthorize, ClientIdsAndOrigins) {
    EXPECT_TRUE(is_valid_client_id("0f3c1e2a9b8d4c7e"));
    EXPECT_TRUE(is_valid_client_id("a.b_c-d"));
    EXPECT_FALSE(is_valid_client_id(""));
    EXPECT_FALSE(is_valid_client_id("a b"));
    EXPECT_FALSE(is_valid_client_id("a&redirect_uri=x"));
    EXPECT_FALSE(is_valid_client_id(std::string(201, 'a')));
    EXPECT_TRUE(is_valid_origin("https://acme.my.workfront.com"));
    EXPECT_TRUE(is_valid_origin("http://127.0.0.1:8000"));
    EXPECT_TRUE(is_valid_origin("http://localhost:8000/"));
    EXPECT_FALSE(is_valid_origin("javascript:alert(1)"));
    EXPECT_FALSE(is_valid_origin("https://acme.my.workfront.com/path"));
    EXPECT_FALSE(is_valid_origin("https://user@evil.example"));
    EXPECT_FALSE(is_valid_origin("https://"));
    EXPECT_FALSE(is_valid_origin("http://host:99999x"));
}

TEST(OAuthToken, CodeExchangeAndRefreshRequests) {
    const Host host{"acme.my.workfront.com", "acme"};
    const Request r = code_exchange_request(host, "c0de/+", "cid", "https://p.example/", "v3r1f13r");
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.url, "https://acme.my.workfront.com/integrations/oauth2/api/v1/token");
    EXPECT_EQ(r.content_type, "application/x-www-form-urlencoded");
    EXPECT_EQ(r.body, "grant_type=authorization_code&code=c0de%2F%2B&client_id=cid"
                      "&redirect_uri=https%3A%2F%2Fp.example%2F&code_verifier=v3r1f13r");
    EXPECT_EQ(r.header("sessionID"), nullptr);
    EXPECT_EQ(r.header("apiKey"), nullptr);
    const Request f = refresh_request(host, "r-1", "cid");
    EXPECT_EQ(f.url, r.url);
    EXPECT_EQ(f.body, "grant_type=refresh_token&refresh_token=r-1&client_id=cid");
}

TEST(OAuthToken, GoodAnswers) {
    auto t = parse_token_answer(answer(200, R"({"access_token":"A1","refresh_token":"R1","expires_in":3600,
                                               "token_type":"Bearer"})"));
    ASSERT_TRUE(t) << t.error().message;
    EXPECT_EQ(t->access_token, "A1");
    EXPECT_EQ(t->refresh_token, "R1");
    ASSERT_TRUE(t->expires_in_s);
    EXPECT_EQ(*t->expires_in_s, 3600);
    EXPECT_EQ(t->token_type, "Bearer");
    // Workfront's unconfirmed variants: no expires_in, no token_type, "sessionID", expires_in as a string.
    t = parse_token_answer(answer(200, R"({"access_token":"A2","refresh_token":"R2"})"));
    ASSERT_TRUE(t);
    EXPECT_FALSE(t->expires_in_s);
    EXPECT_EQ(t->token_type, "");
    t = parse_token_answer(answer(200, R"({"access_token":"A3","token_type":"sessionID","expires_in":"600"})"));
    ASSERT_TRUE(t);
    EXPECT_EQ(t->refresh_token, "");   // no refresh token: no silent refresh later
    EXPECT_EQ(*t->expires_in_s, 600);
    EXPECT_EQ(t->token_type, "sessionID");
}

TEST(OAuthToken, MalformedAnswers) {
    const char* bodies[] = {
        "", "not json", "[]", "{}", R"({"access_token":""})", R"({"access_token":42})",
        R"({"access_token":"has space"})", R"({"access_token":"line\nbreak"})", R"({"access_token":"caf\u00e9"})",
        R"({"access_token":"A","refresh_token":7})", R"({"access_token":"A","expires_in":-1})",
        R"({"access_token":"A","expires_in":"soon"})", R"({"access_token":"A","expires_in":1e300})",
        "<html><body>Welcome</body></html>",
    };
    for (const char* body : bodies) {
        auto t = parse_token_answer(answer(200, body));
        ASSERT_FALSE(t) << body;
        EXPECT_EQ(t.error().kind, ErrorKind::Malformed) << body;
    }
    EXPECT_FALSE(parse_token_answer(answer(200, "{\"access_token\":\"" + std::string(kMaxTokenBytes + 1, 'a') + "\"}")));
    EXPECT_TRUE(parse_token_answer(answer(200, "{\"access_token\":\"" + std::string(kMaxTokenBytes, 'a') + "\"}")));
}

TEST(OAuthToken, Rfc6749ErrorsKeepTheirCode) {
    auto t = parse_token_answer(answer(400, R"({"error":"invalid_grant","error_description":"The code expired."})"));
    ASSERT_FALSE(t);
    EXPECT_EQ(oauth_error_code(t.error()), "invalid_grant");
    EXPECT_EQ(t.error().message, "The code expired.");
    EXPECT_EQ(t.error().status, 400);
    t = parse_token_answer(answer(401, R"({"error":"invalid_client"})"));
    EXPECT_EQ(oauth_error_code(t.error()), "invalid_client");
    EXPECT_EQ(t.error().kind, ErrorKind::Authentication);
    EXPECT_EQ(t.error().message, "invalid_client");
    // Not RFC 6749: the proxy's own error, a gateway page, no answer.
    t = parse_token_answer(answer(502, R"({"error":{"class":"wfadmin.ProxyUnreachable","message":"not found"}})"));
    EXPECT_EQ(oauth_error_code(t.error()), "");
    EXPECT_EQ(t.error().wf_class, "wfadmin.ProxyUnreachable");
    t = parse_token_answer(answer(404, "<html>404 Not Found</html>"));
    EXPECT_EQ(t.error().kind, ErrorKind::Malformed);
    t = parse_token_answer(Response{0, "", ""});
    EXPECT_EQ(t.error().kind, ErrorKind::Network);
}
