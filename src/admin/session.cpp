// admin/session.cpp: the sign-in state machine, the credential, and the commands that need it (see session.h).
#include "admin/session.h"

#include <algorithm>
#include <cctype>
#include "admin/text_fold.h"

namespace admin {
namespace {

const char* const kReadOnlyNotice =
    "You are signed in as a user who is not a Workfront system administrator: you can look at users, but "
    "wfadmin will not change anyone (Workfront would refuse). Sign in as an administrator to make changes.";

std::string state_word(bool active) { return active ? "active" : "inactive"; }
std::string action_word(bool active) { return active ? "reactivate" : "deactivate"; }

}  // namespace

const char* state_name(SessionState state) {
    switch (state) {
        case SessionState::SignedOut: return "signed_out";
        case SessionState::CheckingKey: return "checking_key";
        case SessionState::NeedsGenerateConfirmation: return "needs_generate_confirmation";
        case SessionState::GeneratingKey: return "generating_key";
        case SessionState::FetchingUser: return "fetching_user";
        case SessionState::SignedIn: return "signed_in";
        case SessionState::SigningOut: return "signing_out";
    }
    return "";
}

const char* screen_name(Screen screen) {
    switch (screen) {
        case Screen::SignIn: return "sign-in";
        case Screen::ConfirmGenerate: return "confirm-generate";
        case Screen::Users: return "users";
    }
    return "";
}

Session::Session(wf::Transport& transport, wf::Clock& clock, Directory& directory, AuditLog& log)
    : transport_(transport), clock_(clock), directory_(directory), log_(log) {}

Session::~Session() {
    loader_.reset();
    for (wf::RequestId id : in_flight_) transport_.cancel(id);
    forget_credential();
}

bool Session::set_api_version(const std::string& version) {
    std::string v(trim(version));
    if (!v.empty() && (v[0] == 'v' || v[0] == 'V')) v.erase(0, 1);
    if (v.find('.') == std::string::npos) v += ".0";
    const auto dot = v.find('.');
    auto digits = [](const std::string& s) {
        if (s.empty() || s.size() > 3) return false;
        for (char c : s)
            if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        return true;
    };
    if (!digits(v.substr(0, dot)) || !digits(v.substr(dot + 1))) {
        last_error_ = {"invalid_version", "The API version looks like \"21.0\" (or \"21\").", ""};
        return false;
    }
    api_version_ = v;
    return true;
}

void Session::set_allowed_tenants(std::vector<std::string> tenants) {
    // Each as the tenant it names ("ACME", "acme.my.workfront.com" -> "acme"); what names no tenant is dropped.
    allowed_tenants_.clear();
    for (const std::string& t : tenants) {
        wf::Result<wf::Host> host = wf::resolve_host(t);
        if (host && std::find(allowed_tenants_.begin(), allowed_tenants_.end(), host->tenant) == allowed_tenants_.end())
            allowed_tenants_.push_back(host->tenant);
    }
}

Screen Session::screen() const {
    switch (state_) {
        case SessionState::NeedsGenerateConfirmation: return Screen::ConfirmGenerate;
        case SessionState::SignedIn:
        case SessionState::SigningOut: return Screen::Users;
        default: return Screen::SignIn;
    }
}

bool Session::busy() const {
    const bool stepping = state_ == SessionState::CheckingKey || state_ == SessionState::GeneratingKey ||
                          state_ == SessionState::FetchingUser || state_ == SessionState::SigningOut;
    return stepping || !changing_.empty() || (loader_ && loader_->running());
}

std::string Session::actor() const {
    if (user_.name.empty()) return user_.email.empty() ? user_.id : user_.email;
    return user_.email.empty() ? user_.name : user_.name + " <" + user_.email + ">";
}

// ---- sign-in ----

bool Session::begin_sign_in(const std::string& domain, SignInMethod method) {
    if (state_ != SessionState::SignedOut) {
        last_error_ = {"busy", "A sign-in is already in progress.", ""};
        return false;
    }
    wf::Result<wf::Host> host = wf::resolve_host(domain);
    if (!host) {
        last_error_ = {"invalid_domain", host.error().message, ""};
        return false;
    }
    if (!allowed_tenants_.empty() &&
        std::find(allowed_tenants_.begin(), allowed_tenants_.end(), host->tenant) == allowed_tenants_.end()) {
        std::string list;
        for (const std::string& t : allowed_tenants_) list += (list.empty() ? "" : ", ") + t;
        last_error_ = {"tenant_not_allowed",
                       "This page is set up for the Workfront tenant" + std::string(allowed_tenants_.size() > 1 ? "s " : " ") +
                           list + " only; " + host->name + " is not one of them.",
                       ""};
        return false;
    }
    endpoint_ = wf::Endpoint{host.value(), api_version_};
    method_ = method;
    last_error_ = {};
    notice_.clear();
    ++generation_;
    return true;
}

bool Session::sign_in_with_password(const std::string& domain, const std::string& username, std::string password) {
    const std::string name(trim(username));
    if (name.empty() || password.empty()) {
        secure_wipe(password);
        last_error_ = {"missing_fields", "Enter the username (usually the email address) and the password.", ""};
        return false;
    }
    if (!begin_sign_in(domain, SignInMethod::Password)) {
        secure_wipe(password);
        return false;
    }
    username_ = name;
    password_ = std::move(password);
    secure_wipe(password);   // a moved-from short string may still hold the bytes
    request_get_api_key();
    return true;
}

void Session::request_get_api_key() {
    state_ = SessionState::CheckingKey;
    wf::Request request = wf::get_api_key_request(endpoint_, username_, password_);
    const unsigned generation = generation_;
    send(request, [this, generation](const wf::Response& response) {
        if (generation != generation_ || state_ != SessionState::CheckingKey) return;
        wf::Result<std::string> key = wf::parse_api_key(response);
        if (!key) return fail_sign_in(sign_in_problem(key.error(), true));
        if (key.value().empty()) {
            // No key yet. Generating one is a decision for the person: it would replace a key that other
            // integrations could be using (it cannot be seen from here whether any are).
            state_ = SessionState::NeedsGenerateConfirmation;
            return;
        }
        secure_wipe(password_);
        auth_ = wf::Auth{wf::Auth::Kind::ApiKey, key.value()};
        fetch_current_user();
    });
    secure_wipe(request.body);
}

void Session::confirm_generate_key() {
    if (state_ != SessionState::NeedsGenerateConfirmation) return;
    request_generate_key();
}

void Session::request_generate_key() {
    state_ = SessionState::GeneratingKey;
    wf::Request request = wf::generate_api_key_request(endpoint_, username_, password_);
    const unsigned generation = generation_;
    send(request, [this, generation](const wf::Response& response) {
        if (generation != generation_ || state_ != SessionState::GeneratingKey) return;
        wf::Result<std::string> key = wf::parse_api_key(response);
        if (!key) return fail_sign_in(sign_in_problem(key.error(), true));
        if (key.value().empty())
            return fail_sign_in({"malformed", "Workfront answered without a key. Try again, or paste an API key.", ""});
        secure_wipe(password_);
        auth_ = wf::Auth{wf::Auth::Kind::ApiKey, key.value()};
        fetch_current_user();
    });
    secure_wipe(request.body);
}

void Session::decline_generate_key() {
    if (state_ != SessionState::NeedsGenerateConfirmation) return;
    forget_credential();
    state_ = SessionState::SignedOut;
}

bool Session::sign_in_with_api_key(const std::string& domain, std::string api_key) {
    std::string key(trim(api_key));
    secure_wipe(api_key);
    if (key.empty()) {
        last_error_ = {"missing_fields", "Paste the API key.", ""};
        return false;
    }
    if (!begin_sign_in(domain, SignInMethod::ApiKey)) {
        secure_wipe(key);
        return false;
    }
    auth_ = wf::Auth{wf::Auth::Kind::ApiKey, std::move(key)};
    secure_wipe(key);
    fetch_current_user();
    return true;
}

bool Session::sign_in_with_session_token(const std::string& domain, std::string token) {
    std::string secret(trim(token));
    secure_wipe(token);
    if (secret.empty()) {
        last_error_ = {"missing_fields", "Paste the session ID or OAuth2 access token.", ""};
        return false;
    }
    if (!begin_sign_in(domain, SignInMethod::SessionToken)) {
        secure_wipe(secret);
        return false;
    }
    auth_ = wf::Auth{wf::Auth::Kind::Session, std::move(secret)};
    secure_wipe(secret);
    fetch_current_user();
    return true;
}

void Session::fetch_current_user() {
    state_ = SessionState::FetchingUser;
    const unsigned generation = generation_;
    send(wf::current_user_request(endpoint_, auth_), [this, generation](const wf::Response& response) {
        if (generation != generation_ || state_ != SessionState::FetchingUser) return;
        wf::Result<wf::User> me = wf::parse_user(response);
        if (!me) return fail_sign_in(sign_in_problem(me.error(), false));
        finish_sign_in(me.value());
    });
    // The directory loads with the same credential while Workfront says who it belongs to: one round trip
    // less before the users appear. A refused credential fails both; fail_sign_in drops the load.
    load_directory();
}

void Session::finish_sign_in(const wf::User& me) {
    user_ = SignedInUser{me.id, me.name, me.email, me.username, me.is_admin};
    username_.clear();
    state_ = SessionState::SignedIn;
    if (!me.is_admin) notice_ = kReadOnlyNotice;
    emit(Event::SignedIn);
    if (!loader_) load_directory();   // normally already under way (fetch_current_user)
}

void Session::fail_sign_in(Problem problem) {
    loader_.reset();   // it holds a copy of the credential, and its users are not for a signed-out page
    if (directory_.load_state() != Directory::LoadState::Empty) directory_.clear();
    forget_credential();
    state_ = SessionState::SignedOut;
    last_error_ = std::move(problem);
}

void Session::forget_credential() {
    secure_wipe(password_);
    secure_wipe(auth_.secret);
    auth_ = wf::Auth{};
    username_.clear();
}

// ---- sign-out ----

void Session::sign_out(bool revoke_key) {
    if (state_ == SessionState::SigningOut) return;
    if (state_ != SessionState::SignedIn) {   // a sign-in in progress is abandoned
        ++generation_;
        for (wf::RequestId id : in_flight_) transport_.cancel(id);
        in_flight_.clear();
        forget_credential();
        state_ = SessionState::SignedOut;
        return;
    }
    if (revoke_key && auth_.kind == wf::Auth::Kind::ApiKey) {
        state_ = SessionState::SigningOut;
        const unsigned generation = generation_;
        send(wf::clear_api_key_request(endpoint_, auth_), [this, generation](const wf::Response& response) {
            if (generation != generation_) return;
            Problem problem;
            if (response.status < 200 || response.status >= 300) {
                problem = request_problem(wf::classify_error(response));
                problem.code = "revoke_failed";
                problem.message = "Signed out, but the key could not be revoked: " + problem.message;
            }
            finish_sign_out();
            last_error_ = problem;
        });
        return;
    }
    finish_sign_out();
}

void Session::finish_sign_out() {
    ++generation_;
    loader_.reset();
    for (wf::RequestId id : in_flight_) transport_.cancel(id);
    in_flight_.clear();
    changing_.clear();
    forget_credential();
    user_ = {};
    notice_.clear();
    last_error_ = {};
    protected_.clear();
    directory_.clear();
    state_ = SessionState::SignedOut;
    emit(Event::SignedOut);
}

void Session::lose_auth() {
    // The key expired or the session ended. Requests still in flight finish on their own (a bulk job records
    // them); the person signs in again and carries on.
    ++generation_;
    loader_.reset();
    changing_.clear();
    forget_credential();
    user_ = {};
    notice_.clear();
    state_ = SessionState::SignedOut;
    last_error_ = {"key_expired",
                   "Workfront no longer accepts this sign-in: the API key or session expired or was revoked. "
                   "Sign in again to continue.",
                   ""};
    emit(Event::AuthLost);
}

// ---- requests ----

wf::RequestId Session::send(const wf::Request& request, wf::Transport::Completion done) {
    auto id_holder = std::make_shared<wf::RequestId>(0);
    const unsigned generation = generation_;
    const bool while_signed_in = state_ == SessionState::SignedIn;
    const wf::RequestId id = transport_.send(
        request, [this, id_holder, generation, while_signed_in, done = std::move(done)](const wf::Response& r) {
            in_flight_.erase(*id_holder);
            done(r);
            if (!while_signed_in || generation != generation_ || state_ != SessionState::SignedIn) return;
            if (r.status >= 200 && r.status < 300) return;
            if (is_auth_failure(wf::classify_error(r))) lose_auth();
        });
    *id_holder = id;
    in_flight_.insert(id);
    return id;
}

void Session::cancel(wf::RequestId id) {
    if (in_flight_.erase(id)) transport_.cancel(id);
}

int Session::subscribe(std::function<void(Event)> listener) {
    listeners_[next_listener_] = std::move(listener);
    return next_listener_++;
}

void Session::unsubscribe(int handle) { listeners_.erase(handle); }

void Session::emit(Event event) {
    auto copy = listeners_;   // a listener may unsubscribe
    for (auto& [handle, listener] : copy) listener(event);
}

// ---- the directory ----

void Session::load_directory() {
    if (state_ != SessionState::SignedIn && state_ != SessionState::FetchingUser) return;
    wf::DirectoryLoader::Options options;
    options.keep_users = false;   // every page goes straight into the directory, which merges by ID
    loader_ = std::make_unique<wf::DirectoryLoader>(transport_, clock_, endpoint_, auth_, options);
    directory_.begin_load();
    const unsigned generation = generation_;
    loader_->start([this](const wf::LoadProgress& p) { directory_.set_progress(p); },
                   [this](std::vector<wf::User>&& page) { directory_.add_users(std::move(page)); },
                   [this, generation](const wf::Result<std::vector<wf::User>>& all) {
                       if (generation != generation_) return;
                       if (all) return directory_.finish_load();
                       const Problem problem = request_problem(all.error());
                       directory_.fail_load(problem.message);
                       if (is_auth_failure(all.error())) {
                           clock_.call_after(0, [this, generation] {   // not inside the loader's callback
                               if (generation == generation_ && state_ == SessionState::SignedIn) lose_auth();
                           });
                       } else {
                           last_error_ = problem;
                       }
                   });
}

// ---- one user at a time ----

void Session::note_protected(const std::string& user_id, const std::string& message) { protected_[user_id] = message; }

bool Session::set_active(const std::string& user_id, bool active) {
    if (state_ != SessionState::SignedIn) {
        last_error_ = {"signed_out", "Sign in first.", ""};
        return false;
    }
    if (changing_.count(user_id)) {
        last_error_ = {"busy", "A change for this user is already waiting for Workfront's answer.", ""};
        return false;
    }
    const wf::User* target = directory_.user_by_id(user_id);
    AuditEntry entry;
    entry.time = clock_.now();
    entry.actor = actor();
    entry.user_id = user_id;
    entry.action = action_word(active);
    if (target) {
        entry.name = target->name;
        entry.email = target->email;
        entry.before = state_word(target->is_active);
    }
    auto refuse = [&](Problem problem, Outcome outcome) {
        entry.outcome = outcome;
        entry.after = entry.before;
        entry.message = problem.message;
        log_.add(entry);
        last_error_ = std::move(problem);
        return false;
    };
    if (!target) return refuse({"unknown_user", "This user is not in the loaded directory.", ""}, Outcome::Skipped);
    if (read_only()) return refuse({"read_only", kReadOnlyNotice, ""}, Outcome::Skipped);
    if (!active && user_id == user_.id)
        return refuse({"self", "You cannot deactivate yourself: you would lose access to Workfront.", ""},
                      Outcome::Skipped);
    if (target->is_active == active) {
        entry.outcome = Outcome::Already;
        entry.after = entry.before;
        entry.message = std::string("already ") + state_word(active);
        log_.add(entry);
        return true;
    }
    changing_.insert(user_id);
    const unsigned generation = generation_;
    send(wf::set_active_request(endpoint_, auth_, user_id, active),
         [this, generation, entry, active](const wf::Response& response) mutable {
             if (generation != generation_) return;
             changing_.erase(entry.user_id);
             entry.time = clock_.now();
             wf::Result<wf::User> answer = wf::parse_user(response);
             if (!answer) {
                 const wf::Error& e = answer.error();
                 entry.outcome = Outcome::Failed;
                 entry.after = entry.before;   // unchanged: only an answer changes a row
                 entry.message = e.message;
                 if (e.kind == wf::ErrorKind::Refused) note_protected(entry.user_id, e.message);
                 last_error_ = request_problem(e);
                 log_.add(entry);
                 return;
             }
             directory_.apply(answer.value());
             entry.after = state_word(answer.value().is_active);
             if (answer.value().is_active == active) {
                 entry.outcome = Outcome::Done;
             } else {
                 entry.outcome = Outcome::Failed;
                 entry.message = "Workfront answered, but the user is still " + entry.after + ".";
             }
             log_.add(entry);
         });
    return true;
}

}  // namespace admin
