// admin/audit_log.h: every change this session attempted, in order, with what the server said.
// Exported as CSV for the change record: UTF-8 with BOM, CRLF, RFC 4180 quoting, and a leading ' on cells
// that start with = + - @ so that a spreadsheet never runs them as formulas.
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include "workfront/user.h"

namespace admin {

enum class Outcome { Done, Already, Failed, Skipped, Cancelled };
const char* outcome_name(Outcome outcome);   // "done", "already", "failed", "skipped", "cancelled"

struct AuditEntry {
    wf::TimeMs time = 0;
    std::string actor;      // who was signed in ("Ann Admin <ann@acme.com>")
    std::string user_id;
    std::string name;
    std::string email;
    std::string before;     // "active" | "inactive" | "" (unknown)
    std::string after;      // the state the server reported afterwards ("" when none)
    Outcome outcome = Outcome::Done;
    std::string action;     // "deactivate" | "reactivate"
    std::string message;    // the server's words, or ours for local refusals
};

class AuditLog {
public:
    void add(AuditEntry entry);
    const std::vector<AuditEntry>& entries() const { return entries_; }
    std::size_t size() const { return entries_.size(); }
    std::uint64_t revision() const { return revision_; }
    // Columns: time, actor, user ID, name, email, before, after, outcome, message. Time in ISO 8601 UTC.
    std::string to_csv() const;

private:
    std::vector<AuditEntry> entries_;
    std::uint64_t revision_ = 0;
};

// One CSV cell: RFC 4180 quoting when needed, with the formula guard. Exposed for tests and other exports.
std::string csv_cell(const std::string& value);
std::string iso_time(wf::TimeMs t);   // "2025-06-15T14:03:22Z"

}  // namespace admin
