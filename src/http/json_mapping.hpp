// The API's JSON: store records out, domain values in — the one encoder of each record, used by the
// API and by the CLI's --json. A record is its domain value as report/json.hpp writes it plus
// the record's metadata (revision, timestamps, ids). A record that is an object of its own fields
// declares them once (json_shape, report/schema.hpp's Shape), and its encoder and JSON Schema both
// come from that; the other encoders and decoders declare their schema beside them (schemas(),
// for the OpenAPI document). Input readers name the offending field
// and say what is allowed; the rules themselves stay in the domain (the store applies them). Domain
// values are encoded once, in store/codec.hpp (the persistence format); this adds what the API
// computes and the records' metadata.
#pragma once

#include "domain/service_entry.hpp"
#include "http/json_io.hpp"
#include "report/schema.hpp"
#include "store/store.hpp"

#include <tuple>

namespace cdcwb::http {

/// One of the caller's sessions as GET /api/v1/me/sessions lists it: whether it is the one asking.
struct OwnSession {
    store::SessionRecord session;
    bool current = false;
};

/// The records whose JSON is an object of their own fields. Each declares those fields once, in
/// json_mapping.cpp (json_shape), and both its encoder and its schema come from that declaration.
using ShapedRecords = std::tuple<store::OrganisationRecord, store::UserRecord, store::Membership,
                                 store::TokenRecord, store::AuditRecord, store::AuditChainReport,
                                 store::EvidenceRecord, store::ChangeSet, OwnSession>;
template <class Record, class Records = ShapedRecords> inline constexpr bool is_shaped = false;
template <class Record, class... Records>
inline constexpr bool
    is_shaped<Record, std::tuple<Records...>> = (std::is_same_v<Record, Records> || ...);

/// The declared fields of a shaped record.
template <class Record>
requires is_shaped<Record>
const report::schema::Shape<Record>& json_shape();
/// A shaped record as the API (and the CLI's --json) writes it. An audit chain's check is
/// `{"chain", "org", "records", "head_id", "head_hash", "verified", "broken": null |
/// {"record_id", "kind", "message"}}`; a change set (GET …/changes) `{"from", "to", "changes"}`.
template <class Record>
requires is_shaped<Record> Json to_json(const Record& record) {
    return json_shape<Record>().encode(record);
}

/// An organisation with the caller's "role" there (null when not a member).
Json to_json(const store::VisibleOrganisation& org);
Json to_json(const store::ServiceEntryRecord& entry, const domain::ServiceDirectory* directory);
Json to_json(const store::ActionRecord& action, const domain::ServiceDirectory& directory,
             domain::Date today);
Json to_json(const store::EventRecord& event);
Json to_json(const store::EvaluationRecord& evaluation, bool full);
/// Every chain's check: `{"verified": all verified, "chains": [...]}`.
Json to_json(const std::vector<store::AuditChainReport>& reports);
Json to_json(const domain::CustomService& service);

/// A service entry from a request body. `service_id` comes from the path.
domain::Result<domain::ServiceEntry>
entry_from_json(const Json& json, const std::string& service_id, const std::string& prefix = {});
/// Who changes an account: a site administrator (`{"disabled", "password"}`), or its user their own
/// preferences (`{"lang"}`). At least one field must be given.
enum class AccountChangeBy { site_admin, self };
domain::Result<store::AccountChange> account_change_from_json(const Json& json, AccountChangeBy by);
/// A new organisation: `{"id", "name", "catalog", "template"}` (catalog default x1060-2021).
domain::Result<store::NewOrganisation> new_organisation_from_json(const Json& json);
/// A new user: `{"username", "password", "display_name", "lang", "is_admin"}` (lang default en).
domain::Result<store::NewUser> new_user_from_json(const Json& json);
/// A membership's role: `{"role": "assessor"}`.
domain::Result<domain::Role> role_from_json(const Json& json);
/// A new API token: `{"name", "days", "scope", "password"}`; scope and password are required
/// (the store checks name and days; the password is checked against the caller's).
struct NewToken {
    std::string name;
    std::optional<long long> days;
    domain::TokenScope scope = domain::TokenScope::read;
    std::string password;
};
domain::Result<NewToken> new_token_from_json(const Json& json);
/// A token as created: its record and, shown this once, the token itself ("token").
Json to_json(const store::IssuedToken& issued);
/// Sign-in: `{"username", "password", "code"}`; the code (TOTP or recovery code) only for an
/// account with two-factor sign-in.
struct Credentials {
    std::string username;
    std::string password;
    std::optional<std::string> code;
};
domain::Result<Credentials> credentials_from_json(const Json& json);
/// One's own password change: `{"current_password", "new_password"}`, both required.
struct PasswordChange {
    std::string current_password;
    std::string new_password;
};
domain::Result<PasswordChange> password_change_from_json(const Json& json);
/// A session as its owner sees it (never the token nor the CSRF token); `current` marks the one
/// making the request.
/// The settings a PATCH of an organisation changes (only those given).
domain::Result<store::OrganisationSettings> settings_from_json(const Json& json);
/// The entries of a bulk PATCH: `{"services": [{"service", "revision", …entry}]}`, non-empty.
domain::Result<std::vector<store::ServiceEntryUpdate>> entry_updates_from_json(const Json& json);
/// An escalation of an action: `{"note", "date", "revision"}` (date default `today`).
struct Escalation {
    domain::Date date;
    std::string note;
};
domain::Result<Escalation> escalation_from_json(const Json& json, domain::Date today);
/// A request to run an evaluation: `{"id", "date", "kinds", "note"}`, all optional.
domain::Result<store::NewEvaluation> new_evaluation_from_json(const Json& json, domain::Date today);
/// A sign-off: `{}`, or `{"date"}`, the day it is asked to bear (domain::check_approval accepts
/// only today).
domain::Result<std::optional<domain::Date>> approval_from_json(const Json& json);
domain::Result<domain::Action> action_from_json(const Json& json, const std::string& action_id);
domain::Result<domain::CustomService> custom_service_from_json(const Json& json);
domain::Result<domain::TriggerEvent> event_from_json(const Json& json);
/// `{key: [each item encoded]}`: the shape of every list the API answers.
template <class Items, class Encode>
Json list_json(const std::string& key, const Items& items, Encode&& encode) {
    Json out = Json::array();
    for (const auto& item : items) out.push_back(encode(item));
    return Json{{key, out}};
}
/// The same, each item encoded by its to_json above.
template <class Items> Json list_json(const std::string& key, const Items& items) {
    return list_json(key, items, [](const auto& item) { return to_json(item); });
}

/// The JSON Schemas of what the functions above write and read, by name (with report::schemas()),
/// for the OpenAPI document; each is declared beside its encoder or decoder, and each decoder
/// reads its body through the same schema (json_io.hpp's Fields), so the two cannot differ.
Json schemas();

domain::Result<domain::Date> date_from(const std::optional<std::string>& text,
                                       const std::string& field, domain::Date fallback);

} // namespace cdcwb::http
