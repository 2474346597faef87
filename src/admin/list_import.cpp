// admin/list_import.cpp: CSV/line-list parsing, header and column detection, and matching (see list_import.h).
#include "admin/list_import.h"

#include <algorithm>
#include <set>
#include <unordered_set>
#include "admin/text_fold.h"

namespace admin {
namespace {

enum class ColumnKind { None, Other, Id, Username, Email };   // later kinds win ties

bool contains(const std::string& haystack, const char* needle) { return haystack.find(needle) != std::string::npos; }

// What a header cell names. Real values never get here (cells with '@' are not header words).
ColumnKind header_kind(const std::string& cell) {
    const std::string f = fold(trim(cell));
    if (f.empty() || contains(f, "@")) return ColumnKind::None;
    if (contains(f, "mail") || contains(f, "郵件") || contains(f, "邮件") || contains(f, "信箱") ||
        contains(f, "邮箱") || contains(f, "電郵"))
        return ColumnKind::Email;
    if (contains(f, "username") || contains(f, "user name") || contains(f, "user_name") || contains(f, "login") ||
        contains(f, "帳號") || contains(f, "账号") || contains(f, "帳戶") || contains(f, "使用者名稱") ||
        contains(f, "用戶名") || contains(f, "用户名") || f == "account")
        return ColumnKind::Username;
    std::string compact;   // "User ID", "user_id", "Workfront-ID" -> "userid", "workfrontid"
    for (char c : f)
        if (c != ' ' && c != '_' && c != '-' && c != '.') compact += c;
    if (compact == "id" || compact == "userid" || compact == "workfrontid" || compact == "guid" ||
        compact == "objid" || compact == "使用者id" || compact == "用户id" || compact == "用戶id")
        return ColumnKind::Id;
    static const char* const kOtherWords[] = {"name", "first", "last", "title", "department", "status",
                                              "manager", "姓名", "名稱", "名称", "部門", "部门", "職稱", "狀態"};
    for (const char* w : kOtherWords)
        if (contains(f, w)) return ColumnKind::Other;
    return ColumnKind::None;
}

// A value as people paste it: "Ann Lee <ann@acme.com>" and "mailto:ann@acme.com" name the address.
std::string clean_value(const std::string& raw) {
    std::string v(trim(raw));
    const auto lt = v.rfind('<');
    const auto gt = v.rfind('>');
    if (lt != std::string::npos && gt != std::string::npos && lt < gt && v.find('@', lt) < gt)
        v = std::string(trim(std::string_view(v).substr(lt + 1, gt - lt - 1)));
    if (v.size() > 7 && fold(v.substr(0, 7)) == "mailto:") v = std::string(trim(std::string_view(v).substr(7)));
    return v;
}

// Every row the value names, by ID, email or username (folded), without repeats.
std::vector<RowIndex> lookup(const Directory& directory, const std::string& value) {
    std::vector<RowIndex> found;
    if (auto row = directory.find_id(value)) found.push_back(*row);
    for (RowIndex r : directory.find_email(value)) found.push_back(r);
    for (RowIndex r : directory.find_username(value)) found.push_back(r);
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

bool is_blank_row(const std::vector<std::string>& row) {
    for (const std::string& cell : row)
        if (!trim(cell).empty()) return false;
    return true;
}

}  // namespace

std::vector<std::vector<std::string>> parse_csv(const std::string& input, char delimiter) {
    std::string_view text(input);
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;        // inside a quoted field
    bool field_started = false; // the field began with a quote (a quote later in a bare field is literal)
    auto end_field = [&] {
        row.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    auto end_row = [&] {
        end_field();
        if (!is_blank_row(row)) rows.push_back(std::move(row));
        row.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == '"' && !field_started && trim(field).empty()) {
            field.clear();   // whitespace before an opening quote is not part of the value
            quoted = true;
            field_started = true;
        } else if (c == delimiter) {
            end_field();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            end_row();
        } else {
            field += c;
        }
    }
    if (!field.empty() || !row.empty() || quoted) end_row();
    return rows;
}

char detect_delimiter(const std::string& text) {
    // The first non-blank line decides, counting only outside quotes.
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false, seen_content = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') {
            if (seen_content) break;
            continue;
        }
        if (c != ' ') seen_content = true;
        if (c == ',') ++commas;
        else if (c == ';') ++semicolons;
        else if (c == '\t') ++tabs;
    }
    if (tabs > commas && tabs >= semicolons) return '\t';
    if (semicolons > commas) return ';';
    return ',';
}

ImportReport import_list(const std::string& text, const Directory& directory) {
    ImportReport report;
    const auto rows = parse_csv(text, detect_delimiter(text));
    if (rows.empty()) return report;
    std::size_t columns = 0;
    for (const auto& row : rows) columns = std::max(columns, row.size());

    // A header: header words, no address, and nothing in it names a user.
    std::vector<ColumnKind> kinds(columns, ColumnKind::None);
    bool header_words = false, first_row_matches = false;
    for (std::size_t c = 0; c < rows[0].size(); ++c) {
        kinds[c] = header_kind(rows[0][c]);
        header_words = header_words || kinds[c] != ColumnKind::None;
        const std::string v = clean_value(rows[0][c]);
        first_row_matches = first_row_matches || (!v.empty() && !lookup(directory, v).empty());
    }
    report.header = header_words && !first_row_matches;
    if (!report.header) kinds.assign(columns, ColumnKind::None);
    const std::size_t first = report.header ? 1 : 0;

    // The column whose values name the most users; ties go to the header's best guess, then to the left.
    std::size_t best = 0;
    long long best_hits = -1;
    for (std::size_t c = 0; c < columns; ++c) {
        long long hits = 0;
        for (std::size_t r = first; r < rows.size(); ++r) {
            if (c >= rows[r].size()) continue;
            const std::string v = clean_value(rows[r][c]);
            if (!v.empty() && !lookup(directory, v).empty()) ++hits;
        }
        if (hits > best_hits || (hits == best_hits && kinds[c] > kinds[best])) {
            best = c;
            best_hits = hits;
        }
    }
    report.column = static_cast<int>(best);
    if (report.header && best < rows[0].size()) report.column_name = std::string(trim(rows[0][best]));

    std::unordered_set<std::string> seen_values;
    std::unordered_set<RowIndex> seen_users;
    for (std::size_t r = first; r < rows.size(); ++r) {
        if (best >= rows[r].size()) continue;
        const std::string value = clean_value(rows[r][best]);
        if (value.empty()) continue;
        ++report.values;
        if (!seen_values.insert(fold(value)).second) {
            ++report.duplicates;
            continue;
        }
        const std::vector<RowIndex> found = lookup(directory, value);
        if (found.empty()) {
            report.unmatched.push_back(value);
        } else if (found.size() > 1) {
            AmbiguousLine line{value, {}};
            for (RowIndex row : found) line.user_ids.push_back(directory.user(row).id);
            report.ambiguous.push_back(std::move(line));
        } else if (!seen_users.insert(found[0]).second) {
            ++report.duplicates;   // another value (e.g. the username) for a user already listed
        } else {
            const wf::User& u = directory.user(found[0]);
            report.matched_ids.push_back(u.id);
            if (!u.is_active) report.already_inactive.push_back(u.id);
        }
    }
    return report;
}

}  // namespace admin
