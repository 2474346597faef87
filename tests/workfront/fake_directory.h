// fake_directory.h: an in-memory Workfront user directory answering /user/count and /user/search as Workfront
// does (ID_Sort=asc, ID_Mod=between ranges, $$FIRST/$$LIMIT with the 2,000 limit and the 50,000 result cap),
// with knobs for how real servers misbehave: ignoring the sort (a new order for every request) and changing
// between requests (users added or removed while the loader pages). It reads requests with its own decoder,
// so it checks the builders' output rather than trusting it. Unknown parameters are refused (422).
#pragma once
#include <algorithm>
#include <functional>
#include <numeric>
#include <tuple>
#include <random>
#include <set>
#include <string>
#include <vector>
#include "support/form_decode.h"
#include "workfront/transport.h"

namespace wftest {

class FakeDirectory {
public:
    std::set<std::string> ids;          // the users that exist now
    bool ignore_sort = false;           // every search answers in a fresh random order
    std::function<void(FakeDirectory&)> before_search;   // runs before each search is answered
    std::string expected_key = "K";     // the apiKey header every request must carry
    int counts = 0, searches = 0;
    std::vector<std::string> search_queries;   // decoded "first,limit,low,high" of each search, for assertions
    std::mt19937_64 rng{7};

    static std::string hex_id(std::uint64_t high, std::uint64_t low) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(high),
                      static_cast<unsigned long long>(low));
        return buf;
    }
    void add_random_users(int n) {
        while (n > 0)
            if (ids.insert(hex_id(rng(), rng())).second) --n;
    }
    std::string random_existing() {
        auto it = ids.begin();
        std::advance(it, long(rng() % ids.size()));
        return *it;
    }

    // For ScriptedTransport::auto_responder, or to answer one recorded request by hand.
    bool answer(const wf::Request& request, wf::Response& out) {
        out = respond(request);
        return true;
    }

    wf::Response respond(const wf::Request& request) {
        const wf::Response refused{401, R"({"error":{"class":"com.attask.common.AuthenticationException","message":"no key"}})", ""};
        if (!request.header("apiKey") || *request.header("apiKey") != expected_key) return refused;
        if (request.method != "GET") return bad("method " + request.method);
        const std::string base = "https://acme.my.workfront.com/attask/api/v21.0/user/";
        if (request.url.rfind(base, 0) != 0) return bad("url " + request.url);
        std::string rest = request.url.substr(base.size());
        const size_t q = rest.find('?');
        const std::string op = rest.substr(0, q);
        Params params = decode_query(q == std::string::npos ? "" : rest.substr(q + 1));

        std::string low = "00000000000000000000000000000000", high = "ffffffffffffffffffffffffffffffff";
        int first = 0, limit = 100;
        bool sorted = false;
        bool has_id = false, has_mod = false, has_range = false;
        for (const auto& [k, v] : params) {
            if (k == "ID") { low = v; has_id = true; }
            else if (k == "ID_Mod" && v == "between") has_mod = true;
            else if (k == "ID_Range") { high = v; has_range = true; }
            else if (k == "$$FIRST" && op == "search") first = std::stoi(v);
            else if (k == "$$LIMIT" && op == "search") limit = std::stoi(v);
            else if (k == "ID_Sort" && v == "asc" && op == "search") sorted = true;
            else if (k == "fields" && op == "search") {}
            else return bad("parameter " + k + "=" + v);
        }
        if (has_id != has_mod || has_id != has_range) return bad("incomplete ID range");
        refresh_snapshot();
        auto in_range = [&] {
            return std::make_pair(size_t(std::lower_bound(sorted_.begin(), sorted_.end(), low) - sorted_.begin()),
                                  size_t(std::upper_bound(sorted_.begin(), sorted_.end(), high) - sorted_.begin()));
        };
        auto [from, to] = in_range();
        if (op == "count") {
            ++counts;
            return {200, "{\"data\":{\"count\":" + std::to_string(to - from) + "}}", ""};
        }
        if (op != "search") return bad("operation " + op);
        if (!sorted) return bad("a search without ID_Sort=asc");
        if (limit > 2000) return bad("$$LIMIT over 2000");
        if (before_search) {   // the directory changes just before this page is read
            before_search(*this);
            refresh_snapshot(true);
            std::tie(from, to) = in_range();
        }
        ++searches;
        search_queries.push_back(std::to_string(first) + "," + std::to_string(limit) + "," + low + "," + high);
        // Ignoring the sort: a fresh order per request, as (a*i + b) mod n with a coprime to n (like the demo).
        const size_t n = to - from;
        size_t a = 1, b = 0;
        if (ignore_sort && n > 1) {
            do a = 1 + rng() % (n - 1); while (std::gcd(a, n) != 1);
            b = rng() % n;
        }
        limit = std::max(0, std::min(limit, 50000 - first));   // Workfront's 50,000-object result cap
        std::string body = "{\"data\":[";
        for (size_t i = size_t(first); i < size_t(first) + size_t(limit) && i < n; ++i) {
            const std::string& id = sorted_[from + (ignore_sort ? (a * i + b) % n : i)];
            body += i > size_t(first) ? ",{\"ID\":\"" : "{\"ID\":\"";
            body += id;
            body += "\",\"name\":\"U\",\"isActive\":true}";
        }
        body += "]}";
        return {200, body, "application/json"};
    }

private:
    std::vector<std::string> sorted_;   // `ids` as a sorted vector, for O(log n) ranges and counts

    void refresh_snapshot(bool force = false) {
        if (force || sorted_.size() != ids.size()) sorted_.assign(ids.begin(), ids.end());
    }

    using Params = wftest::Params;

    static wf::Response bad(const std::string& what) {
        return {422, R"({"error":{"class":"java.lang.IllegalArgumentException","message":"fake: )" + what + "\"}}", ""};
    }
    static Params decode_query(const std::string& query) { return wftest::decode_form(query); }
};

}  // namespace wftest
