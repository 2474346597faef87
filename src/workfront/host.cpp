// host.cpp: what an administrator types as "domain" -> a Workfront host, or one sentence saying why not.
// The rules mirror serve.py's proxy (contract.md): a tenant label in front of one of Workfront's own suffixes,
// nothing else. A typo must never send a password to some other server, so anything unusual is refused with
// a reason a person can act on, not guessed at.
#include <cstdint>
#include <cstdio>
#include <vector>
#include "host.h"

namespace wf {

static const char* const kWorkfrontSuffixes[] = {
    "my.workfront.com",      "my.workfront.adobe.com",      "preview.workfront.com", "preview.workfront.adobe.com",
    "sb01.workfront.com",    "sb02.workfront.com",          "sb01.workfront.adobe.com", "sb02.workfront.adobe.com",
};
static const char* const kExample = "for example acme or acme.my.workfront.com";

static Error invalid(std::string message) {
    Error e;
    e.kind = ErrorKind::InvalidParameter;
    e.message = std::move(message);
    return e;
}

// Decodes one UTF-8 code point at s[i]; returns its byte length, or 0 when the bytes are not valid UTF-8.
static size_t decode_utf8(const std::string& s, size_t i, std::uint32_t& cp) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n; ++k) {
        const unsigned char cc = static_cast<unsigned char>(s[i + k]);
        if ((cc >> 6) != 0x2) return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    return n;
}

// Spaces people paste around a domain without seeing them: ASCII white space, no-break space, the
// ideographic space of CJK input methods, zero-width space and the byte-order mark.
static bool is_trimmable(std::uint32_t cp) {
    return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 || cp == 0x3000 || cp == 0x200B || cp == 0xFEFF;
}

static std::string trim(const std::string& s) {
    size_t begin = 0, end = s.size();
    while (begin < end) {
        std::uint32_t cp;
        size_t n = decode_utf8(s, begin, cp);
        if (n == 0 || !is_trimmable(cp)) break;
        begin += n;
    }
    while (end > begin) {   // step back to the start of the last code point
        size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        std::uint32_t cp;
        if (decode_utf8(s, start, cp) != end - start || !is_trimmable(cp)) break;
        end = start;
    }
    return s.substr(begin, end - begin);
}

// Letters from other scripts that render like a-z/0-9: Greek, Cyrillic, Armenian, full-width forms,
// mathematical alphanumerics and letter-like symbols. These are how look-alike ("homograph") domains are made.
static bool looks_like_latin(std::uint32_t cp) {
    return (cp >= 0x0370 && cp <= 0x03FF) || (cp >= 0x0400 && cp <= 0x052F) || (cp >= 0x0530 && cp <= 0x058F) ||
           (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
           (cp >= 0x1D400 && cp <= 0x1D7FF) || (cp >= 0x2100 && cp <= 0x214F) || (cp >= 0x0250 && cp <= 0x02AF);
}

static std::string u_plus(std::uint32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

// "а (U+0430)": the character itself and its code, since look-alikes cannot be told apart by eye.
static std::string code_point_label(const std::string& s, size_t i, size_t n, std::uint32_t cp) {
    return s.substr(i, n) + " (" + u_plus(cp) + ")";
}

// Everything outside printable ASCII gets a specific reason; empty result means "all plain ASCII".
static std::string reject_unusual_characters(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        std::uint32_t cp;
        const size_t n = decode_utf8(s, i, cp);
        if (n == 0) return "The domain contains bytes that are not valid text: type it again.";
        if (cp == ' ' || cp == '\t' || is_trimmable(cp)) {
            if (cp == 0x200B || cp == 0xFEFF)
                return "The domain contains an invisible character (" + u_plus(cp) + "): type it again.";
            return "The domain contains a space: remove it.";
        }
        if (cp < 0x20 || cp == 0x7F) return "The domain contains an invisible control character: type it again.";
        if (cp >= 0x80) {
            if (cp == 0x3002 || cp == 0xFF0E || cp == 0xFF61)
                return "The domain contains the full-width dot " + code_point_label(s, i, n, cp) +
                       ": use a plain dot (.) instead.";
            if (looks_like_latin(cp))
                return "The domain contains a character that only looks like a Latin letter: " +
                       code_point_label(s, i, n, cp) + ". Type it again with a plain (English) keyboard layout.";
            return "The domain contains " + code_point_label(s, i, n, cp) +
                   ", which cannot be part of a Workfront domain. Use plain letters a-z, digits and hyphens.";
        }
        i += n;
    }
    return {};
}

static std::string lowercase(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

static bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

static std::string check_label(const std::string& label) {
    for (char c : label) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok)
            return std::string("The domain contains \"") + c +
                   "\", which a domain name cannot contain. Use letters a-z, digits and hyphens.";
    }
    if (label.size() > 63)
        return "\"" + label.substr(0, 20) + "...\" is longer than 63 characters, the limit for one part of a domain.";
    if (label.front() == '-' || label.back() == '-')
        return "\"" + label + "\" cannot start or end with a hyphen.";
    return {};
}

Result<Host> resolve_host(const std::string& input) {
    std::string s = trim(input);
    if (s.empty()) return invalid(std::string("Enter your Workfront domain, ") + kExample + ".");
    if (std::string why = reject_unusual_characters(s); !why.empty()) return invalid(why);
    s = lowercase(s);

    if (starts_with(s, "http://"))
        return invalid("Use https:// (Workfront only answers securely), or enter just the domain.");
    if (const size_t scheme_end = s.find("://"); scheme_end != std::string::npos) {
        if (s.compare(0, scheme_end, "https") != 0)
            return invalid("\"" + s.substr(0, scheme_end + 3) + "\" is not a web address: enter just the domain, " +
                           kExample + ".");
        s.erase(0, scheme_end + 3);
    }

    // Split "authority" from what follows. A "/" or an "/attask..." path (pasted from an API URL) is dropped.
    const size_t tail_at = s.find_first_of("/?#");
    const std::string authority = s.substr(0, tail_at);
    const std::string tail = tail_at == std::string::npos ? "" : s.substr(tail_at);
    if (authority.empty()) return invalid(std::string("Enter the domain after https://, ") + kExample + ".");
    if (authority.find('@') != std::string::npos)
        return invalid("Enter only the domain, without a user name or anything before \"@\".");
    if (authority.find('[') != std::string::npos || authority.find(']') != std::string::npos)
        return invalid("\"" + authority + "\" is an IP address: enter the Workfront domain name, " + kExample + ".");
    if (const size_t colon = authority.find(':'); colon != std::string::npos)
        return invalid("Remove the port \"" + authority.substr(colon) +
                       "\": Workfront always uses the standard HTTPS port.");
    if (authority.find_first_not_of("0123456789.") == std::string::npos && authority.find('.') != std::string::npos)
        return invalid("\"" + authority + "\" is an IP address: enter the Workfront domain name, " + kExample + ".");
    if (authority.size() > 253) return invalid("The domain is too long.");

    std::vector<std::string> labels;
    for (size_t start = 0;;) {
        const size_t dot = authority.find('.', start);
        labels.push_back(authority.substr(start, dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    for (const std::string& label : labels) {
        if (label.empty()) return invalid("The domain has an empty part (two dots in a row, or a dot at an end).");
        if (std::string why = check_label(label); !why.empty()) return invalid(why);
    }

    Host host;
    if (labels.size() == 1) {   // a bare tenant name: "acme" -> acme.my.workfront.com
        host.tenant = labels[0];
        host.name = host.tenant + ".my.workfront.com";
    } else {
        const std::string after_tenant = authority.substr(labels[0].size() + 1);
        for (const char* suffix : kWorkfrontSuffixes) {
            if (authority == suffix)
                return invalid("\"" + authority + "\" needs your company's name in front, for example acme." +
                               authority + ".");
            if (after_tenant == suffix) {
                host.tenant = labels[0];
                host.name = authority;
            }
        }
        if (host.name.empty())
            return invalid(authority +
                           " is not a Workfront address. Workfront domains end in .my.workfront.com (or "
                           ".my.workfront.adobe.com, .preview.workfront.com, .sb01.workfront.com, .sb02.workfront.com).");
    }
    // The host is good; what follows it may only be "/" or an API path pasted along with it (dropped).
    if (!tail.empty()) {
        const size_t extra = tail.find_first_of("?#");
        if (extra != std::string::npos)
            return invalid("Remove \"" + tail.substr(extra) + "\" after the domain: only the domain is needed.");
        const bool allowed_path = tail == "/" || tail == "/attask" || starts_with(tail, "/attask/");
        if (!allowed_path) return invalid("Remove \"" + tail + "\" after the domain: only the domain is needed.");
    }
    return host;
}

bool is_workfront_host(const std::string& name) {
    // Strict: a complete host name exactly as it goes on the wire (no scheme, spaces or bare tenant names).
    if (name.find('.') == std::string::npos || name.find_first_of(" /:@\t") != std::string::npos) return false;
    Result<Host> host = resolve_host(name);
    return host.ok() && host->name == lowercase(name);
}

}  // namespace wf
