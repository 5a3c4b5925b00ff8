// The store: everything CDC Workbench keeps, behind one interface, on SQLite or PostgreSQL.
// Every change is checked with the domain's rules first, then written together with its audit
// record in one transaction; invalid input writes nothing. Records that people edit carry a
// revision: an update names the revision it started from, and a stale one is a conflict.
#pragma once

#include "catalog/library.hpp"
#include "domain/assessment.hpp"
#include "domain/evaluation.hpp"
#include "domain/review.hpp"
#include "domain/role.hpp"
#include "store/database.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::store {

/// Who makes a change, as written to the audit log.
struct Actor {
    std::string name;                    ///< a username, or e.g. "cli:root"
    std::optional<std::int64_t> user_id; ///< set for signed-in users
};

struct OrganisationRecord {
    std::int64_t id = 0;
    std::string slug; ///< the organisation's id in files, URLs and the CLI
    std::string name;
    std::string catalog_id;
    std::string reference_template;
    int evaluation_interval_days = domain::kDefaultEvaluationIntervalDays;
    std::int64_t revision = 0;
    std::string created_at;
    int custom_services = 0; ///< how many organisation-specific services it has
    /// Raised by every change to anything in the organisation: equal versions, equal state.
    std::int64_t state_version = 0;
};

struct NewOrganisation {
    std::string slug;
    std::string name;
    std::string catalog_id = "x1060-2021";
    std::string template_id; ///< levels to start from; empty: every level undecided
};

/// A change to an organisation's settings: only the fields given change.
struct OrganisationSettings {
    std::optional<std::string> name;
    std::optional<std::string> reference_template; ///< empty: no reference
    std::optional<long long> evaluation_interval_days;
};

struct EntryRecord {
    domain::ServiceEntry entry;
    std::int64_t revision = 0;
    std::string updated_at;
    std::string updated_by;
};

struct EntryUpdate {
    domain::ServiceEntry entry;
    std::int64_t expected_revision = 0;
};

struct ActionRecord {
    domain::Action action;
    std::int64_t revision = 0;
    std::string updated_at;
    std::string updated_by;
};

struct EventRecord {
    std::int64_t id = 0;
    domain::TriggerEvent event;
    std::string created_at;
    std::string created_by;
};

struct FindingCounts {
    int error = 0;
    int warning = 0;
    int info = 0;
    friend bool operator==(const FindingCounts&, const FindingCounts&) = default;
};

struct EvaluationRecord {
    domain::Snapshot snapshot;             ///< services empty when loaded as a summary
    std::vector<domain::Finding> findings; ///< empty when loaded as a summary
    FindingCounts counts;
    std::string reference_template;
    std::string created_at;
    std::string created_by;
};

struct NewEvaluation {
    std::string id; ///< empty: derived from the date ("2026-11-22", then "2026-11-22-2" …)
    domain::Date date;
    std::vector<domain::EvaluationKind> kinds; ///< empty: all three
    std::string note;
};

struct EvidenceRecord {
    std::string sha256;
    std::string media_type;
    std::string filename;
    std::int64_t size = 0;
    std::string created_at;
    std::string created_by;
    /// How a service entry refers to this file: "evidence:sha256:<hex>".
    std::string reference() const { return "evidence:sha256:" + sha256; }
};

struct EvidenceLimits {
    std::size_t max_bytes = 10 * 1024 * 1024;
};

/// How much of the evaluation history load() reads: every snapshot's matrix and findings, or
/// only each evaluation's id, date, kinds, note, approval and finding counts (much faster).
enum class History { full, summaries };

/// One organisation's whole state, as loaded in one consistent read.
struct OrganisationState {
    OrganisationRecord organisation;
    std::vector<domain::CustomService> custom_services;
    std::vector<EntryRecord> entries;
    std::vector<ActionRecord> actions;
    std::vector<EventRecord> events;
    std::vector<EvaluationRecord> evaluations; ///< oldest first
    /// The same state as a `cdcwb/v1` assessment (what export writes).
    domain::Assessment assessment() const;
};

/// The live review of an organisation with what it refers to (domain::Review points into the
/// assessment and the directory, so the three live together).
struct LiveReview {
    domain::Assessment assessment;
    std::shared_ptr<const domain::ServiceDirectory> directory;
    domain::Review review;
};

/// What changed between two evaluations ("current" as `to`: the matrix as it is now).
struct ChangeSet {
    std::string from;
    std::string to;
    std::vector<domain::Change> changes;
};

struct UserRecord {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    bool is_admin = false; ///< site administrator: every organisation, every permission
    bool disabled = false;
    std::string lang = "en";
    std::string created_at;
};

struct NewUser {
    std::string username;
    std::string display_name;
    std::string password;
    bool is_admin = false;
    std::string lang = "en";
};

struct Membership {
    std::string org_slug;
    std::string org_name;
    std::string username;
    domain::Role role = domain::Role::viewer;
};

/// A change to an account: only the fields given change.
struct AccountChange {
    std::optional<std::string> password;
    std::optional<bool> disabled;
    std::optional<std::string> lang;
};

/// An organisation as one user sees it: with their role there (none for a site administrator who
/// is not a member).
struct VisibleOrganisation {
    OrganisationRecord organisation;
    std::optional<domain::Role> role;
};

struct TokenRecord {
    std::int64_t id = 0;
    std::string username;
    std::string name;
    std::string prefix; ///< the token's first characters, to recognise it in a list
    std::string created_at;
    std::optional<std::string> expires_at;
    std::optional<std::string> last_used_at;
    std::optional<std::string> revoked_at;
};

struct IssuedToken {
    std::string token; ///< shown once; only its hash is stored
    TokenRecord record;
};

struct SessionRecord {
    UserRecord user;
    std::string csrf_token;
    std::string created_at;
    std::string expires_at;
};

struct IssuedSession {
    std::string token; ///< the cookie value; only its hash is stored
    SessionRecord record;
};

struct AuditRecord {
    std::int64_t id = 0;
    std::string at;
    std::string actor;
    std::string org; ///< the organisation's slug at the time; empty for site-wide changes
    std::string entity;
    std::string entity_id;
    std::string operation; ///< create | update | delete | import | approve | …
    std::string before;    ///< JSON, empty when there was nothing
    std::string after;     ///< JSON, empty when nothing is left
};

struct AuditQuery {
    std::string org;    ///< slug; empty: every organisation and site-wide records
    std::string entity; ///< e.g. "service", "action"; empty: all
    std::string entity_id;
    std::string actor;
    std::string since;          ///< inclusive, ISO date or time
    std::string until;          ///< exclusive
    std::int64_t before_id = 0; ///< paging: only records older than this id; 0: from the newest
    int limit = 100;            ///< 1–1000
};

using Clock = std::function<std::chrono::system_clock::time_point()>;

class Store {
  public:
    Store(Database& db, const catalog::Library& library, Clock clock = {});

    Database& database() { return db_; }
    const catalog::Library& library() const { return library_; }

    // Organisations ------------------------------------------------------------------------
    Result<OrganisationRecord> create_organisation(const Actor& actor, const NewOrganisation& org);
    Result<std::vector<OrganisationRecord>> organisations();
    Result<OrganisationRecord> organisation(std::string_view slug);
    /// The organisation's state version alone (one indexed read): see OrganisationRecord.
    Result<std::int64_t> state_version(std::string_view slug);
    Result<OrganisationRecord> update_organisation(const Actor& actor, std::string_view slug,
                                                   const OrganisationSettings& settings,
                                                   std::int64_t expected_revision);
    Status delete_organisation(const Actor& actor, std::string_view slug);
    /// Everything about one organisation, read in one transaction.
    Result<OrganisationState> load(std::string_view slug, History history = History::full);
    /// The services an organisation can choose from (its catalogue's and its custom ones), for
    /// naming them; shared while its custom services stay the same.
    Result<std::shared_ptr<const domain::ServiceDirectory>> directory_of(std::string_view slug);
    /// Replaces an organisation's whole state with an assessment (creating the organisation
    /// when `slug` is new), in one transaction. The assessment must pass domain::validate.
    Result<OrganisationState> import_assessment(const Actor& actor, std::string_view slug,
                                                const domain::Assessment& assessment);

    // The matrix: catalogue, profile and portfolio -------------------------------------------
    Result<EntryRecord> entry(std::string_view slug, std::string_view service_id);
    Result<EntryRecord> update_entry(const Actor& actor, std::string_view slug,
                                     const domain::ServiceEntry& entry,
                                     std::int64_t expected_revision);
    /// All or nothing: any invalid entry or stale revision fails the whole batch.
    Result<std::vector<EntryRecord>> update_entries(const Actor& actor, std::string_view slug,
                                                    const std::vector<EntryUpdate>& updates);
    /// Adds an organisation-specific service and its (empty) entry.
    Result<EntryRecord> add_custom_service(const Actor& actor, std::string_view slug,
                                           const domain::CustomService& service);
    /// Refused while an action still refers to the service.
    Status remove_custom_service(const Actor& actor, std::string_view slug,
                                 std::string_view service_id);

    // Evidence -----------------------------------------------------------------------------
    /// Stores a file (deduplicated by content). The media type must be one we accept and match
    /// what the content is.
    Result<EvidenceRecord> add_evidence(const Actor& actor, std::string_view slug,
                                        std::string_view filename, std::string_view media_type,
                                        std::string_view content);
    Result<std::vector<EvidenceRecord>> evidence_files(std::string_view slug);
    /// The record and the file's bytes.
    Result<std::pair<EvidenceRecord, std::string>> evidence(std::string_view slug,
                                                            std::string_view sha256);
    void set_evidence_limits(EvidenceLimits limits) { evidence_limits_ = limits; }

    // Evaluations --------------------------------------------------------------------------
    /// Evaluates the current matrix and records it, with its findings, as an immutable snapshot.
    Result<EvaluationRecord> run_evaluation(const Actor& actor, std::string_view slug,
                                            const NewEvaluation& request);
    Result<EvaluationRecord> evaluation(std::string_view slug, std::string_view id);
    /// Signs off an evaluation, once.
    Result<EvaluationRecord> approve_evaluation(const Actor& actor, std::string_view slug,
                                                std::string_view id, domain::Date on);

    // Trigger events -----------------------------------------------------------------------
    Result<EventRecord> add_event(const Actor& actor, std::string_view slug,
                                  const domain::TriggerEvent& event);

    // Improvement actions ------------------------------------------------------------------
    Result<ActionRecord> action(std::string_view slug, std::string_view id);
    /// An empty id is given the next free "A-<n>".
    Result<ActionRecord> create_action(const Actor& actor, std::string_view slug,
                                       domain::Action action);
    Result<ActionRecord> update_action(const Actor& actor, std::string_view slug,
                                       const domain::Action& action,
                                       std::int64_t expected_revision);
    Result<ActionRecord> escalate_action(const Actor& actor, std::string_view slug,
                                         std::string_view action_id, domain::Date on,
                                         std::string note, std::int64_t expected_revision);
    Status delete_action(const Actor& actor, std::string_view slug, std::string_view action_id,
                         std::int64_t expected_revision);

    // People and roles ---------------------------------------------------------------------
    Result<UserRecord> create_user(const Actor& actor, const NewUser& user);
    Result<std::vector<UserRecord>> users();
    Result<UserRecord> user(std::string_view username);
    /// Changes an account in one write: the password (ending its sessions), disabled (ending
    /// its sessions and tokens) and the language, each when given. Returns the account after.
    Result<UserRecord> update_account(const Actor& actor, std::string_view username,
                                      const AccountChange& change);
    Status set_password(const Actor& actor, std::string_view username, std::string_view password);
    Status set_user_disabled(const Actor& actor, std::string_view username, bool disabled);
    /// The user's language for the web UI and messages: "en" or "ja".
    Status set_user_lang(const Actor& actor, std::string_view username, std::string_view lang);
    /// The user, when the password is right and the account enabled; otherwise unauthenticated,
    /// with the same message whether the name or the password was wrong.
    Result<UserRecord> check_password(std::string_view username, std::string_view password);
    Status set_role(const Actor& actor, std::string_view slug, std::string_view username,
                    domain::Role role);
    Status remove_member(const Actor& actor, std::string_view slug, std::string_view username);
    Result<std::vector<Membership>> members(std::string_view slug);
    /// The user's role in the organisation; nullopt when not a member (or no such organisation).
    Result<std::optional<domain::Role>> role_in(std::int64_t user_id, std::string_view slug);
    Result<std::vector<Membership>> memberships(std::string_view username);
    /// The organisations `username` belongs to, with the role there; every organisation when
    /// `site_admin` (the role where they have one). In id order.
    Result<std::vector<VisibleOrganisation>> organisations_of(std::string_view username,
                                                              bool site_admin);

    // API tokens and sessions --------------------------------------------------------------
    /// A new token for `username`, living `days` (1–3660) or until revoked (nullopt).
    Result<IssuedToken> create_token(const Actor& actor, std::string_view username,
                                     std::string_view name, std::optional<long long> days);
    Result<std::vector<TokenRecord>> tokens(std::string_view username);
    Status revoke_token(const Actor& actor, std::string_view username, std::int64_t token_id);
    /// The token's user, when the token is known, not revoked or expired, and the user enabled.
    /// A token found good is trusted for up to 2 seconds without asking the database again;
    /// revoking it or disabling its user through this store takes effect at once, through
    /// another server within those 2 seconds.
    Result<UserRecord> authenticate_token(std::string_view token);
    Result<IssuedSession> create_session(std::int64_t user_id, std::chrono::seconds lifetime,
                                         std::string_view address);
    Result<SessionRecord> session(std::string_view token);
    Status end_session(std::string_view token);

    // Audit log ----------------------------------------------------------------------------
    /// Newest first.
    Result<std::vector<AuditRecord>> audit(const AuditQuery& query);

    // Judging the state as it is (review_store.cpp) --------------------------------------------
    // Each reads the organisation once and compares its levels with its reference template.
    /// The live evaluation as of `date`: scores, findings, changes since the last evaluation,
    /// trends, what is due, draft actions.
    Result<std::unique_ptr<LiveReview>> review(std::string_view slug, domain::Date date);
    /// Draft actions for the current findings that no open action answers yet (not saved).
    Result<std::vector<domain::Action>> action_drafts(std::string_view slug, domain::Date today);
    /// What changed from evaluation `from` to evaluation `to`, or to the current matrix (as of
    /// `today`) when `to` is not given. An unknown id is not_found naming "from" or "to".
    Result<ChangeSet> changes(std::string_view slug, std::string_view from,
                              std::optional<std::string_view> to, domain::Date today);
    /// Overall and per-category scores over every recorded evaluation.
    Result<std::vector<domain::Trend>> trends(std::string_view slug);

  private:
    struct Judging {
        OrganisationState state;
        std::shared_ptr<const domain::ServiceDirectory> directory;
        const domain::Template* reference = nullptr; ///< the reference template, if any
    };
    Result<Judging> judging(std::string_view slug, History history);
    std::string now() const;
    /// The directory of a catalogue plus custom services; built once and shared while the
    /// custom services stay the same.
    Result<std::shared_ptr<const domain::ServiceDirectory>>
    directory(const std::string& catalog_id, const std::vector<domain::CustomService>& custom);
    struct DirectoryCache;
    struct TokenCache;
    Database& db_;
    const catalog::Library& library_;
    Clock clock_;
    std::shared_ptr<DirectoryCache> directories_;
    std::shared_ptr<TokenCache> tokens_;
    EvidenceLimits evidence_limits_;
};

} // namespace cdcwb::store
