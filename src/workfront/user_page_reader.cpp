// user_page_reader.cpp: {"data":[users]} -> std::vector<User> in one pass (see the header for what it
// accepts and why anything else goes to the general reader).
#include "user_page_reader.h"

#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include "api.h"

namespace wf {
namespace {

// The fields of kUserFields, as bits: a field seen twice in one object is left to the general reader
// (nlohmann keeps the last of duplicate keys; rather than copy that rule, we do not guess).
enum Field : std::uint32_t {
    kId = 1u << 0, kName = 1u << 1, kFirstName = 1u << 2, kLastName = 1u << 3, kUsername = 1u << 4,
    kEmail = 1u << 5, kTitle = 1u << 6, kLicence = 1u << 7, kAccessLevel = 1u << 8, kIsActive = 1u << 9,
    kIsAdmin = 1u << 10, kSsoOnly = 1u << 11, kLastLogin = 1u << 12, kEntryDate = 1u << 13,
    kLoginCount = 1u << 14, kUnknown = 0
};

Field field_of(std::string_view key) {
    switch (key.size()) {
        case 2: return key == "ID" ? kId : kUnknown;
        case 4: return key == "name" ? kName : kUnknown;
        case 5: return key == "title" ? kTitle : kUnknown;
        case 8: return key == "isActive" ? kIsActive : key == "username" ? kUsername : key == "lastName" ? kLastName
                       : kUnknown;
        case 7: return key == "isAdmin" ? kIsAdmin : kUnknown;
        case 9: return key == "firstName" ? kFirstName : key == "emailAddr" ? kEmail : key == "entryDate" ? kEntryDate
                       : kUnknown;
        case 10: return key == "loginCount" ? kLoginCount : kUnknown;
        case 11: return key == "licenseType" ? kLicence : kUnknown;
        case 13: return key == "accessLevelID" ? kAccessLevel : key == "lastLoginDate" ? kLastLogin
                        : key == "ssoAccessOnly" ? kSsoOnly : kUnknown;
        default: return kUnknown;
    }
}

class Reader {
public:
    explicit Reader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

    bool page(std::vector<User>& out) {
        out.clear();
        if (!take('{') || !key_is("data") || !take(':') || !take('[')) return false;
        if (peek() == ']') {
            ++p_;
        } else {
            for (;;) {
                out.emplace_back();
                if (!user(out.back())) return false;
                if (peek() == ',') {
                    ++p_;
                    continue;
                }
                if (!take(']')) return false;
                break;
            }
        }
        if (!take('}')) return false;
        skip_space();
        return p_ == end_;
    }

private:
    const char* p_;
    const char* end_;
    std::string scratch_;

    void skip_space() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }
    char peek() {
        skip_space();
        return p_ < end_ ? *p_ : '\0';
    }
    bool take(char c) {
        if (peek() != c) return false;
        ++p_;
        return true;
    }
    bool literal(const char* word) {
        const std::size_t n = std::strlen(word);
        if (std::size_t(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
        p_ += n;
        return true;
    }
    bool key_is(const char* name) {
        if (!take('"')) return false;
        if (!string_body(scratch_)) return false;
        return scratch_ == name;
    }

    // One user object. Text fields take strings, flags true/false, dates strings, loginCount an integer;
    // null leaves the default. Unknown fields may hold any scalar.
    bool user(User& u) {
        if (!take('{')) return false;
        std::uint32_t seen = 0;
        if (peek() == '}') return false;   // no ID: the general reader says so
        for (;;) {
            if (!take('"') || !string_body(scratch_) || !take(':')) return false;
            const Field f = field_of(scratch_);
            if (f != kUnknown) {
                if (seen & f) return false;
                seen |= f;
            }
            if (!value(f, u)) return false;
            if (peek() == ',') {
                ++p_;
                continue;
            }
            if (!take('}')) return false;
            break;
        }
        return (seen & kId) && !u.id.empty();
    }

    bool value(Field f, User& u) {
        const char c = peek();
        if (c == 'n') return literal("null") && f != kId;
        if (c == '"') {
            ++p_;
            switch (f) {
                case kId: return string_body(u.id);
                case kName: return string_body(u.name);
                case kFirstName: return string_body(u.first_name);
                case kLastName: return string_body(u.last_name);
                case kUsername: return string_body(u.username);
                case kEmail: return string_body(u.email);
                case kTitle: return string_body(u.title);
                case kLicence: return string_body(u.license_type);
                case kAccessLevel: return string_body(u.access_level_id);
                case kLastLogin: return date(u.last_login);
                case kEntryDate: return date(u.entry_date);
                case kUnknown: return string_body(scratch_);
                default: return false;   // a flag or a count written as text
            }
        }
        if (c == 't' || c == 'f') {
            const bool v = c == 't';
            if (!literal(v ? "true" : "false")) return false;
            switch (f) {
                case kIsActive: u.is_active = v; return true;
                case kIsAdmin: u.is_admin = v; return true;
                case kSsoOnly: u.sso_only = v; return true;
                case kUnknown: return true;
                default: return false;
            }
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            if (f == kLoginCount) return integer(u.login_count);
            return f == kUnknown && number();
        }
        return false;   // an object or array, or not JSON
    }

    bool date(std::optional<TimeMs>& out) {
        if (!string_body(scratch_)) return false;
        if (scratch_.find_first_not_of(" \t\r\n") == std::string::npos) return true;   // blank: no date
        out = parse_wf_date(scratch_);
        return out.has_value();
    }

    // An integer literal that fits in 64 bits ("-0" included); a fraction or exponent is left to the
    // general reader.
    bool integer(std::int64_t& out) {
        const bool negative = *p_ == '-';
        if (negative) ++p_;
        if (p_ >= end_ || *p_ < '0' || *p_ > '9') return false;
        if (*p_ == '0' && p_ + 1 < end_ && p_[1] >= '0' && p_[1] <= '9') return false;   // leading zero
        const std::uint64_t limit = negative ? std::uint64_t(std::numeric_limits<std::int64_t>::max()) + 1
                                             : std::uint64_t(std::numeric_limits<std::int64_t>::max());
        std::uint64_t v = 0;
        for (; p_ < end_ && *p_ >= '0' && *p_ <= '9'; ++p_) {
            const unsigned d = unsigned(*p_ - '0');
            if (v > (limit - d) / 10) return false;
            v = v * 10 + d;
        }
        if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
        out = negative ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
        return true;
    }

    // A JSON number (RFC 8259 grammar) of ordinary size, skipped. Long literals and exponents of three or
    // more digits go to the general reader: nlohmann refuses a number that overflows a double.
    bool number() {
        const char* start = p_;
        if (!number_grammar()) return false;
        const char* exponent = start;
        while (exponent < p_ && *exponent != 'e' && *exponent != 'E') ++exponent;
        int exponent_digits = 0;
        for (const char* c = exponent; c < p_; ++c) exponent_digits += *c >= '0' && *c <= '9';
        return p_ - start <= 24 && exponent_digits <= 2;   // at most ~1e123: far from a double's limits
    }
    bool number_grammar() {
        if (*p_ == '-') ++p_;
        auto digits = [&] {
            const char* start = p_;
            while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
            return p_ > start;
        };
        if (p_ < end_ && *p_ == '0') ++p_;
        else if (!digits()) return false;
        if (p_ < end_ && *p_ == '.') {
            ++p_;
            if (!digits()) return false;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (!digits()) return false;
        }
        return true;
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    bool hex4(unsigned& out) {
        if (end_ - p_ < 4) return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hex(p_[i]);
            if (h < 0) return false;
            out = out * 16 + unsigned(h);
        }
        p_ += 4;
        return true;
    }
    static void append_utf8(std::string& s, unsigned cp) {
        if (cp < 0x80) {
            s += char(cp);
        } else if (cp < 0x800) {
            s += char(0xC0 | (cp >> 6));
            s += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += char(0xE0 | (cp >> 12));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        } else {
            s += char(0xF0 | (cp >> 18));
            s += char(0x80 | ((cp >> 12) & 0x3F));
            s += char(0x80 | ((cp >> 6) & 0x3F));
            s += char(0x80 | (cp & 0x3F));
        }
    }

    // Length of the well-formed UTF-8 sequence (RFC 3629) starting at p, or 0.
    std::size_t utf8_sequence(const char* p) const {
        const auto b = [&](std::size_t i) { return static_cast<unsigned char>(p[i]); };
        const std::size_t room = std::size_t(end_ - p);
        const unsigned char c = b(0);
        auto cont = [&](std::size_t i, unsigned lo = 0x80, unsigned hi = 0xBF) {
            return i < room && b(i) >= lo && b(i) <= hi;
        };
        if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
        if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
        if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
        if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
        if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
        if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
        if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
        return 0;
    }

    // After the opening quote: the decoded string into `out`, the closing quote consumed.
    bool string_body(std::string& out) {
        out.clear();
        for (;;) {
            const char* run = p_;   // copy plain stretches in one go
            while (p_ < end_) {
                const unsigned char c = static_cast<unsigned char>(*p_);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                ++p_;
            }
            out.append(run, std::size_t(p_ - run));
            if (p_ >= end_) return false;
            const unsigned char c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                return true;
            }
            if (c < 0x20) return false;   // raw control characters are not JSON
            if (c >= 0x80) {
                const std::size_t n = utf8_sequence(p_);
                if (n == 0) return false;
                out.append(p_, n);
                p_ += n;
                continue;
            }
            ++p_;   // backslash
            if (p_ >= end_) return false;
            switch (*p_++) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned cp;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;   // a low surrogate alone
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        unsigned low;
                        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
                        p_ += 2;
                        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default: return false;
            }
        }
    }
};

}  // namespace

bool read_user_page(std::string_view body, std::vector<User>& out) {
    Reader reader(body);
    return reader.page(out);
}

}  // namespace wf
