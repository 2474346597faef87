// admin/list_import.h: turning a pasted or loaded list (one value per line, or a CSV column) into users.
// Text: UTF-8 with or without BOM, CRLF/CR/LF, RFC 4180 quoting (commas, quotes, newlines inside quotes);
// delimiter ',' ';' or tab (whichever the first line uses). A header row is recognised by its words
// ("email", "Email Address", "username", "ID", "電子郵件", ...), and the column that matches the most users
// is used. Values are trimmed, "Name <a@b.com>" and "mailto:" forms reduced to the address, and matched
// case-insensitively against email, username or ID.
#pragma once
#include <string>
#include <vector>
#include "admin/directory.h"

namespace admin {

// RFC 4180 rows and fields (exposed for tests). Blank lines give no row.
std::vector<std::vector<std::string>> parse_csv(const std::string& text, char delimiter);
char detect_delimiter(const std::string& text);   // ',', ';' or '\t'

struct AmbiguousLine {
    std::string value;
    std::vector<std::string> user_ids;   // every user the value matched
};

struct ImportReport {
    std::vector<std::string> matched_ids;        // distinct users, in list order (includes already_inactive)
    std::vector<std::string> already_inactive;   // the matched users that are inactive now
    std::vector<std::string> unmatched;          // values that match nobody, as written (trimmed)
    std::vector<AmbiguousLine> ambiguous;        // values that match several users (not in matched_ids)
    int values = 0;                              // non-blank values read (header excluded)
    int duplicates = 0;                          // values repeating an earlier value, or naming a user again
    bool header = false;                         // the first row was a header
    int column = 0;                              // the column used (0-based)
    std::string column_name;                     // its header, when there was one
};

ImportReport import_list(const std::string& text, const Directory& directory);

}  // namespace admin
