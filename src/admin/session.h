// admin/session.h: who is signed in to which Workfront, and the commands that need a credential.
//
// Sign-in paths:
//   password  -> getApiKey -> (key)  -> GET /user/$$USER -> signed in
//                          -> (none) -> NeedsGenerateConfirmation: the view warns that generating a key replaces
//                                       a key other integrations may use -> confirm_generate_key() -> generateApiKey
//   API key   -> GET /user/$$USER (apiKey header)
//   session / OAuth2 token -> GET /user/$$USER (sessionID header)
// The password lives only until the key is obtained or generation is declined, then it is overwritten.
// Non-administrators may sign in read-only: they can look at the directory but every change is refused
// locally with a clear reason (Workfront would refuse it anyway; looking is still useful to them).
// Any request answered "authentication failed" once signed in (expired key, ended session) signs the session
// out, back to the sign-in screen with last_error().code == "key_expired"; a bulk run pauses and can go on
// after signing in again.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>
#include "admin/audit_log.h"
#include "admin/directory.h"
#include "admin/problem.h"
#include "workfront/api.h"
#include "workfront/clock.h"
#include "workfront/transport.h"

namespace admin {

enum class SignInMethod { Password, ApiKey, SessionToken };

enum class SessionState {
    SignedOut,
    CheckingKey,                  // getApiKey in flight
    NeedsGenerateConfirmation,    // the account has no key: generate one only if the person confirms
    GeneratingKey,                // generateApiKey in flight
    FetchingUser,                 // GET /user/$$USER in flight
    SignedIn,
    SigningOut,                   // clearApiKey in flight (sign out with revoke)
};
const char* state_name(SessionState state);   // "signed_out", "checking_key", "needs_generate_confirmation", ...

enum class Screen { SignIn, ConfirmGenerate, Users };
const char* screen_name(Screen screen);       // "sign-in", "confirm-generate", "users"

struct SignedInUser {
    std::string id;
    std::string name;
    std::string email;
    std::string username;
    bool is_admin = false;
};

class Session {
public:
    enum class Event { SignedIn, SignedOut, AuthLost };

    Session(wf::Transport& transport, wf::Clock& clock, Directory& directory, AuditLog& log);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // ---- settings ----
    // "21.0", "21" or "v21" (normalised to "21.0"). Applies to the next sign-in. False when not a version.
    bool set_api_version(const std::string& version);
    const std::string& api_version() const { return api_version_; }
    // The tenants this deployment works with ("acme" for acme.my.workfront.com and its other hosts); a sign-in
    // to any other is refused before anything is sent. Empty (the default): every Workfront tenant.
    void set_allowed_tenants(std::vector<std::string> tenants);
    const std::vector<std::string>& allowed_tenants() const { return allowed_tenants_; }

    // ---- sign-in (each returns false, with last_error(), when refused before sending) ----
    // `password` is taken by value and wiped when no longer needed; the caller wipes its own buffer.
    bool sign_in_with_password(const std::string& domain, const std::string& username, std::string password);
    void confirm_generate_key();   // in NeedsGenerateConfirmation
    void decline_generate_key();   // back to the sign-in screen; password wiped
    bool sign_in_with_api_key(const std::string& domain, std::string api_key);
    bool sign_in_with_session_token(const std::string& domain, std::string token);
    // Forgets the credential (and cancels requests in flight). With `revoke_key` (API-key sessions only) sends
    // clearApiKey first: other integrations that use the same key stop working.
    void sign_out(bool revoke_key = false);

    // ---- state ----
    SessionState state() const { return state_; }
    Screen screen() const;
    bool busy() const;                         // a sign-in/out step or a single change is in flight
    bool signed_in() const { return state_ == SessionState::SignedIn; }
    bool read_only() const { return signed_in() && !user_.is_admin; }
    const SignedInUser& user() const { return user_; }
    std::string actor() const;                 // "Name <email>" for the audit log
    SignInMethod method() const { return method_; }
    const std::string& pending_username() const { return username_; }   // for the confirmation dialog
    const Problem& last_error() const { return last_error_; }
    void clear_error() { last_error_ = {}; }
    const std::string& notice() const { return notice_; }   // e.g. the read-only explanation
    const wf::Endpoint& endpoint() const { return endpoint_; }

    // ---- the directory ----
    void load_directory();                     // (re)loads every user; started automatically after sign-in

    // ---- one user at a time ----
    // PUT /user/<id> {isActive}; the row changes only from the server's answer, and the attempt is logged.
    // Refused locally (false, last_error(), a "skipped" log entry) for: the signed-in user, read-only
    // sessions, unknown IDs, a change already in flight for that user.
    bool set_active(const std::string& user_id, bool active);
    bool change_pending(const std::string& user_id) const { return changing_.count(user_id) != 0; }

    // Users the server refused to change (e.g. the system's Admin Email user), with its message. Learned from
    // refusals only: Workfront does not say in advance who the Admin Email user is.
    const std::map<std::string, std::string>& protected_users() const { return protected_; }
    void note_protected(const std::string& user_id, const std::string& message);

    // ---- for the model parts that talk to Workfront (Preview, BulkRunner) ----
    const wf::Auth& auth() const { return auth_; }
    // Sends with bookkeeping: sign-out cancels it, and an authentication failure while signed in signs out.
    // `done` still runs for that failure (so a job can record it) before the session reacts.
    wf::RequestId send(const wf::Request& request, wf::Transport::Completion done);
    void cancel(wf::RequestId id);
    int subscribe(std::function<void(Event)> listener);   // returns a handle for unsubscribe
    void unsubscribe(int handle);
    wf::Clock& clock() { return clock_; }

private:
    bool begin_sign_in(const std::string& domain, SignInMethod method);
    void fetch_current_user();
    void finish_sign_in(const wf::User& me);
    void fail_sign_in(Problem problem);
    void finish_sign_out();
    void forget_credential();
    void lose_auth();
    void emit(Event event);
    void request_get_api_key();
    void request_generate_key();

    wf::Transport& transport_;
    wf::Clock& clock_;
    Directory& directory_;
    AuditLog& log_;

    std::string api_version_ = wf::kDefaultApiVersion;
    std::vector<std::string> allowed_tenants_;
    SessionState state_ = SessionState::SignedOut;
    SignInMethod method_ = SignInMethod::Password;
    wf::Endpoint endpoint_;
    wf::Auth auth_;
    std::string username_;
    std::string password_;
    SignedInUser user_;
    Problem last_error_;
    std::string notice_;
    std::map<std::string, std::string> protected_;
    std::set<std::string> changing_;
    std::set<wf::RequestId> in_flight_;
    unsigned generation_ = 0;                  // bumped at every sign-in and sign-out: stale answers are ignored
    std::unique_ptr<wf::DirectoryLoader> loader_;
    std::map<int, std::function<void(Event)>> listeners_;
    int next_listener_ = 1;
};

}  // namespace admin
