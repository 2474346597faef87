// admin/audit_log.cpp: the session's change log and its CSV export (see audit_log.h).
#include "admin/audit_log.h"

#include <ctime>

namespace admin {

const char* outcome_name(Outcome outcome) {
    switch (outcome) {
        case Outcome::Done: return "done";
        case Outcome::Already: return "already";
        case Outcome::Failed: return "failed";
        case Outcome::Skipped: return "skipped";
        case Outcome::Cancelled: return "cancelled";
    }
    return "";
}

void AuditLog::add(AuditEntry entry) {
    entries_.push_back(std::move(entry));
    ++revision_;
}

std::string csv_cell(const std::string& value) {
    std::string v = value;
    // A spreadsheet runs cells starting with these as formulas (CSV injection); a leading ' shows them as text.
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string iso_time(wf::TimeMs t) {
    std::time_t seconds = static_cast<std::time_t>(t / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::string AuditLog::to_csv() const {
    std::string out = "\xEF\xBB\xBF";   // BOM: Excel then reads UTF-8 (Chinese names) correctly
    out += "time,actor,user ID,name,email,before,after,outcome,message\r\n";
    for (const AuditEntry& e : entries_) {
        const std::string cells[] = {iso_time(e.time), e.actor,  e.user_id, e.name,
                                     e.email,          e.before, e.after,   outcome_name(e.outcome),
                                     e.message};
        for (std::size_t i = 0; i < 9; ++i) {
            if (i) out += ',';
            out += csv_cell(cells[i]);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace admin
