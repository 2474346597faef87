// Decoding of form bodies and query strings for tests: written apart from src/workfront/url.cpp on purpose,
// so that tests read back what a builder sent with a decoder that does not share its bugs. One copy serves
// the request tests and both fake Workfronts. A stray '&' shows up as an empty ("", "") pair.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace wftest {

using Params = std::vector<std::pair<std::string, std::string>>;

inline std::string percent_decode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out += char(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

inline Params decode_form(const std::string& text) {
    Params out;
    size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const size_t amp = text.find('&', start);
        const std::string part = text.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
        const size_t eq = part.find('=');
        out.emplace_back(percent_decode(part.substr(0, eq)),
                         eq == std::string::npos ? "" : percent_decode(part.substr(eq + 1)));
        if (amp == std::string::npos) break;
        start = amp + 1;
    }
    return out;
}

}  // namespace wftest
