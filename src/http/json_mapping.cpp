#include "http/json_mapping.hpp"

#include "domain/evaluation.hpp"
#include "report/json.hpp"
#include "report/schema.hpp"
#include "store/codec.hpp"

namespace cdcwb::http {

using namespace domain;
using namespace report::schema;

namespace {

constexpr Role kRoles[] = {Role::admin, Role::assessor, Role::approver, Role::viewer};

/// A score pair as the API sends it: an unset score is null (the stored form leaves it out).
Json pair_json(const ScorePair& p) {
    Json out{{"as_is", nullptr}, {"to_be", nullptr}};
    out.update(store::codec::to_json(p));
    return out;
}

Json text_json(const LocalizedText& t) {
    return report::to_json(t);
}

/// What the API adds to a stored value: its revision and who changed it last, when.
template <class Record> const Shape<Record>& record_metadata() {
    static const Shape<Record> shape{{"revision", integer(), &Record::revision},
                                     {"updated_at", string(), &Record::updated_at},
                                     {"updated_by", string(), &Record::updated_by}};
    return shape;
}

Json sourcing_schema() {
    return object({{"information", ref("Information")}, {"specialist_skill", boolean()}});
}

Json score_pair_schema() {
    const auto score = nullable(ref("Score"));
    return object({{"as_is", score}, {"to_be", score}});
}

/// A score given as 1–5 (number or string) or "n/a".
std::optional<Score> read_score(const Json& object, std::string_view name, const std::string& field,
                                std::optional<Error>& error) {
    auto it = object.find(name);
    if (it == object.end() || it->is_null()) return std::nullopt;
    Result<Score> score = Error{};
    if (it->is_number_integer()) {
        // Read wide: a huge number must be refused, never wrapped into 1–5.
        const auto value = it->get<long long>();
        score = value < Score::kMin || value > Score::kMax
                    ? Result<Score>(invalid("score " + std::to_string(value) +
                                                " is out of range; use 1 to 5 or n/a",
                                            field))
                    : Score::points(static_cast<int>(value));
    } else if (it->is_string())
        score = Score::parse(it->get<std::string>());
    else
        score = invalid("a score is 1 to 5 or \"n/a\"", field);
    if (!score) {
        if (!error) error = invalid(score.error().message, field);
        return std::nullopt;
    }
    return *score;
}

std::optional<ScorePair> read_pair(Fields& fields, const Json& object, std::string_view name,
                                   const std::string& prefix, std::optional<Error>& error) {
    const Json* pair = fields.object(name);
    if (!pair) return std::nullopt;
    Fields inner(*pair, fields.schema_of(name), prefix + std::string(name) + ".");
    if (inner.error() && !error) error = inner.error();
    ScorePair out;
    out.as_is = read_score(*pair, "as_is", prefix + std::string(name) + ".as_is", error);
    out.to_be = read_score(*pair, "to_be", prefix + std::string(name) + ".to_be", error);
    (void)object;
    return out;
}

std::optional<SourcingAnswers> read_sourcing(Fields& fields, const std::string& prefix,
                                             std::optional<Error>& error) {
    const Json* s = fields.object("sourcing");
    if (!s) return std::nullopt;
    Fields inner(*s, fields.schema_of("sourcing"), prefix + "sourcing.");
    auto information = inner.text("information");
    auto skill = inner.boolean("specialist_skill");
    if (inner.error()) {
        if (!error) error = inner.error();
        return std::nullopt;
    }
    auto parsed = information ? parse_information(*information) : std::nullopt;
    if (!parsed || !skill) {
        if (!error)
            error = invalid("sourcing needs information (internal | external) and "
                            "specialist_skill (true | false)",
                            prefix + "sourcing");
        return std::nullopt;
    }
    return SourcingAnswers{*parsed, *skill};
}

} // namespace

template <> const Shape<store::OrganisationRecord>& json_shape() {
    using R = store::OrganisationRecord;
    static const Shape<R> shape{
        {"id", string(), &R::slug},
        {"name", string(), &R::name},
        {"catalog", string(), &R::catalogue_id},
        {"reference_template", string(), &R::reference_template},
        {"evaluation_interval_days", integer(), &R::evaluation_interval_days},
        {"separate_approver", boolean(), &R::separate_approver},
        {"custom_services", integer(), &R::custom_services},
        {"revision", integer(), &R::revision},
        {"created_at", string(), &R::created_at}};
    return shape;
}

template <> const Shape<store::ChangeSet>& json_shape() {
    using C = store::ChangeSet;
    static const Shape<C> shape{{"from", string(), &C::from},
                                {"to", string(), &C::to},
                                {"changes", array_of(ref("Change")), [](const C& c) {
                                     Json changes = Json::array();
                                     for (const auto& change : c.changes)
                                         changes.push_back(report::to_json(change));
                                     return changes;
                                 }}};
    return shape;
}

Json to_json(const store::VisibleOrganisation& v) {
    Json out = to_json(v.organisation);
    out["role"] = v.role ? Json(std::string(domain::to_string(*v.role))) : Json(nullptr);
    return out;
}

Json to_json(const store::ServiceEntryRecord& r, const ServiceDirectory* directory) {
    const auto& e = r.entry;
    Json out{{"service", e.service_id}};
    if (directory)
        if (const auto* info = directory->find(e.service_id)) {
            out["name"] = text_json(info->name);
            out["category"] = info->category;
            out["phase"] = std::string(to_string(info->phase));
            out["custom"] = info->custom;
            // The quadrant advisor's answer for this entry (X.1060 figure 5), from the domain,
            // so the UI never re-derives the rule.
            if (const auto answers = effective_sourcing(e, *info)) {
                const auto quadrant = quadrant_of(*answers);
                out["quadrant"] = std::string(to_string(quadrant));
                const auto mismatch = quadrant_mismatch(quadrant, e.assignment);
                out["quadrant_mismatch"] = mismatch ? text_json(*mismatch) : Json(nullptr);
            } else {
                out["quadrant"] = nullptr;
                out["quadrant_mismatch"] = nullptr;
            }
            // What the build screens show about the row, decided by the domain.
            const ServiceScore score = service_score(e);
            out["in_catalogue"] = in_scope(e);
            out["scored"] = fully_scored(e);
            out["score_pairs"] = report::slot_names(score_slots(e.assignment));
            Json gaps = Json::object();
            for (const auto slot :
                 {ScoreSlot::insource, ScoreSlot::outsource, ScoreSlot::unassigned}) {
                const auto gap = pair_gap(slot, pair_of(e, slot));
                gaps[std::string(to_string(slot))] = gap ? Json(*gap) : Json(nullptr);
            }
            out["gaps"] = gaps;
            out["gap"] =
                score.state == ServiceScore::State::scored ? Json(score.gap()) : Json(nullptr);
            Json issues = Json::array();
            for (const auto& f : profile_issues(e, *info)) issues.push_back(f.code);
            out["profile_issues"] = issues;
        }
    out.update(store::codec::to_json(e)); // "service" stays first
    for (const auto slot : {ScoreSlot::insource, ScoreSlot::outsource, ScoreSlot::unassigned})
        out[std::string(to_string(slot))] = pair_json(pair_of(e, slot));
    out.update(record_metadata<store::ServiceEntryRecord>().encode(r));
    return out;
}

namespace {
/// A service entry as stored in an evaluation: the values only.
Json service_entry_value_schema() {
    return object({{"service", string()},
                   {"level", nullable(ref("Level"))},
                   {"assignment", ref("Assignment")},
                   {"owner", string()},
                   {"provider", string()},
                   {"sourcing", nullable(ref("Sourcing"))},
                   {"insource", ref("ScorePair")},
                   {"outsource", ref("ScorePair")},
                   {"unassigned", ref("ScorePair")},
                   {"rationale", string()},
                   {"evidence", array_of(string())},
                   {"capacity", string()},
                   {"capability", string()}});
}

/// What the matrix's entry adds to the values: the service's name, the quadrant advice, what the
/// domain decided for the screens, and the record's metadata.
Json service_entry_extras() {
    Json properties{{"name", ref("LocalizedText")},
                    {"category", string()},
                    {"phase", ref("Phase")},
                    {"custom", boolean()},
                    {"quadrant", nullable(ref("Quadrant"))},
                    {"quadrant_mismatch", nullable(ref("LocalizedText"))},
                    // Decided by the domain for the screens (docs/api.md).
                    {"in_catalogue", boolean()},
                    {"scored", boolean()},
                    {"score_pairs", array_of(ref("ScoreSlot"))},
                    {"gaps", object({{"insource", nullable(number())},
                                     {"outsource", nullable(number())},
                                     {"unassigned", nullable(number())}})},
                    {"gap", nullable(number())},
                    {"profile_issues", array_of(ref("ProfileIssue"))}};
    properties.update(record_metadata<store::ServiceEntryRecord>().properties());
    return properties;
}

/// The matrix's entry: the values, the service's name and the quadrant advice, and the record's
/// metadata.
Json service_entry_schema() {
    return extended(ref("ServiceEntryValue"), service_entry_extras());
}

/// What entry_from_json reads: an entry as an answer has it, so that a client may send back what
/// it read (what only an answer has is accepted and ignored), every field optional. A score is
/// 1–5, as a number or a string, or "n/a".
const Json& service_entry_input_schema() {
    static const Json schema = [] {
        const auto score = nullable(
            Json{{"anyOf", Json::array({Json{{"type", "integer"}, {"minimum", 1}, {"maximum", 5}},
                                        ref("Score")})}});
        const auto pair = optional_object({{"as_is", score}, {"to_be", score}});
        Json properties = service_entry_value_schema()["properties"];
        properties.update(service_entry_extras());
        for (const char* name : {"insource", "outsource", "unassigned"}) properties[name] = pair;
        return optional_object(properties);
    }();
    return schema;
}

/// A PATCH of several entries: each names its service and the revision it edited.
Json service_entry_updates_schema() {
    return object(
        {{"services", array_of(extended(ref("ServiceEntryInput"),
                                        {{"service", string()}, {"revision", integer()}}))}});
}
} // namespace

Json to_json(const store::ActionRecord& r, const ServiceDirectory& directory, Date today) {
    Json out = report::to_json(r.action, directory, today);
    out.update(record_metadata<store::ActionRecord>().encode(r));
    return out;
}

namespace {
Json action_record_schema() {
    return extended(ref("ActionValue"), record_metadata<store::ActionRecord>().properties());
}
} // namespace

Json to_json(const store::EventRecord& e) {
    Json out{{"id", e.id}};
    out.update(report::to_json(e.event));
    out["created_at"] = e.created_at;
    out["created_by"] = e.created_by;
    return out;
}

namespace {
Json event_schema() {
    return extended(ref("TriggerEvent"),
                    {{"id", integer()}, {"created_at", string()}, {"created_by", string()}});
}
} // namespace

namespace {
const Shape<store::FindingCounts>& finding_counts_shape() {
    using C = store::FindingCounts;
    static const Shape<C> shape{{"error", integer(), &C::error},
                                {"warning", integer(), &C::warning},
                                {"info", integer(), &C::info}};
    return shape;
}

/// An evaluation as listed: what was recorded, and how many findings of each severity.
const Shape<store::EvaluationRecord>& evaluation_summary_shape() {
    using R = store::EvaluationRecord;
    static const Shape<R> shape{
        {"id", string(), [](const R& r) { return r.evaluation.id; }},
        {"date", string(), [](const R& r) { return r.evaluation.date; }},
        {"kinds", array_of(ref("EvaluationKind")), [](const R& r) { return r.evaluation.kinds; }},
        {"note", string(), [](const R& r) { return r.evaluation.note; }},
        {"reference_template", string(), &R::reference_template},
        {"approved_by", nullable(string()),
         [](const R& r) { return text_or_null(r.evaluation.approved_by); }},
        {"approved_on", nullable(string()), [](const R& r) { return r.evaluation.approved_on; }},
        {"findings_count", finding_counts_shape().schema(),
         [](const R& r) { return finding_counts_shape().encode(r.counts); }},
        {"created_at", string(), &R::created_at},
        {"created_by", string(), &R::created_by}};
    return shape;
}
} // namespace

Json to_json(const store::EvaluationRecord& r, bool full) {
    const auto& s = r.evaluation;
    Json out = evaluation_summary_shape().encode(r);
    if (full) {
        Json findings = Json::array();
        for (const auto& f : r.findings) findings.push_back(report::to_json(f));
        out["findings"] = findings;
        Json services = Json::array();
        for (const auto& e : s.services)
            services.push_back(to_json(store::ServiceEntryRecord{e, 0, {}, {}}, nullptr));
        // An evaluation keeps the values only, not the record's metadata.
        const Json metadata = record_metadata<store::ServiceEntryRecord>().properties();
        for (auto& e : services)
            for (const auto& field : metadata.items()) e.erase(field.key());
        out["services"] = services;
    }
    return out;
}

namespace {
Json evaluation_schema() {
    return extended(ref("EvaluationSummary"), {{"findings", array_of(ref("Finding"))},
                                               {"services", array_of(ref("ServiceEntryValue"))}});
}
} // namespace

template <> const Shape<store::UserRecord>& json_shape() {
    using R = store::UserRecord;
    static const Shape<R> shape{
        {"username", string(), &R::username},  {"display_name", string(), &R::display_name},
        {"is_admin", boolean(), &R::is_admin}, {"disabled", boolean(), &R::disabled},
        {"lang", ref("Lang"), &R::lang},       {"created_at", string(), &R::created_at}};
    return shape;
}

template <> const Shape<store::Membership>& json_shape() {
    using M = store::Membership;
    static const Shape<M> shape{{"org", string(), &M::org_slug},
                                {"org_name", string(), &M::org_name},
                                {"user", string(), &M::username},
                                {"role", ref("Role"), &M::role}};
    return shape;
}

template <> const Shape<store::TokenRecord>& json_shape() {
    using R = store::TokenRecord;
    static const Shape<R> shape{{"id", integer(), &R::id},
                                {"user", string(), &R::username},
                                {"name", string(), &R::name},
                                {"prefix", string(), &R::prefix},
                                {"scope", ref("TokenScope"), &R::scope},
                                {"created_at", string(), &R::created_at},
                                {"expires_at", nullable(string()), &R::expires_at},
                                {"last_used_at", nullable(string()), &R::last_used_at},
                                {"revoked_at", nullable(string()), &R::revoked_at}};
    return shape;
}

namespace {
/// A before or after value of an audit record: the JSON it holds (null when there was none).
Json audit_value(const std::string& text) {
    if (text.empty()) return Json(nullptr);
    auto parsed = Json::parse(text, nullptr, false);
    return parsed.is_discarded() ? Json(text) : parsed;
}
} // namespace

template <> const Shape<store::AuditRecord>& json_shape() {
    using R = store::AuditRecord;
    static const Shape<R> shape{
        {"id", integer(), &R::id},
        {"at", string(), &R::at},
        {"actor", string(), &R::actor},
        {"org", nullable(string()), [](const R& r) { return text_or_null(r.org); }},
        {"entity", string(), &R::entity},
        {"entity_id", string(), &R::entity_id},
        {"operation", string(), &R::operation},
        {"before", any(), [](const R& r) { return audit_value(r.before); }},
        {"after", any(), [](const R& r) { return audit_value(r.after); }},
        {"hash", nullable(string()), [](const R& r) { return text_or_null(r.hash); }}};
    return shape;
}

namespace {
const Shape<store::AuditChainBreak>& audit_chain_break_shape() {
    using B = store::AuditChainBreak;
    static const Shape<B> shape{
        {"record_id", integer(), &B::record_id},
        {"kind", tokens({"edited", "removed", "reordered", "truncated", "head"}), &B::kind},
        {"message", string(), &B::message}};
    return shape;
}
} // namespace

template <> const Shape<store::AuditChainReport>& json_shape() {
    using R = store::AuditChainReport;
    static const Shape<R> shape{
        {"chain", string(), &R::chain},
        {"org", nullable(string()), [](const R& r) { return text_or_null(r.org); }},
        {"records", integer(), &R::records},
        {"head_id", integer(), &R::head_id},
        {"head_hash", string(), &R::head_hash},
        {"verified", boolean(), &R::verified},
        {"broken", nullable(audit_chain_break_shape().schema()), [](const R& r) {
             return r.broken ? audit_chain_break_shape().encode(*r.broken) : Json(nullptr);
         }}};
    return shape;
}

Json to_json(const std::vector<store::AuditChainReport>& reports) {
    Json chains = Json::array();
    bool verified = true;
    for (const auto& r : reports) {
        chains.push_back(to_json(r));
        verified = verified && r.verified();
    }
    return Json{{"verified", verified}, {"chains", chains}};
}

template <> const Shape<store::EvidenceRecord>& json_shape() {
    using R = store::EvidenceRecord;
    static const Shape<R> shape{
        {"sha256", string(), &R::sha256},        {"reference", string(), &R::reference},
        {"filename", string(), &R::filename},    {"media_type", string(), &R::media_type},
        {"size", integer(), &R::size},           {"created_at", string(), &R::created_at},
        {"created_by", string(), &R::created_by}};
    return shape;
}

Json to_json(const CustomService& c) {
    return store::codec::to_json(c);
}

namespace {
Json custom_service_schema() {
    return object({{"id", string()},
                   {"category", string()},
                   {"name", ref("LocalizedText")},
                   {"description", ref("LocalizedText")},
                   {"sourcing", nullable(ref("Sourcing"))}});
}
} // namespace

Result<ServiceEntry> entry_from_json(const Json& json, const std::string& service_id,
                                     const std::string& prefix) {
    Fields f(json, service_entry_input_schema(), prefix);
    std::optional<Error> error = f.error();
    ServiceEntry e;
    e.service_id = service_id;
    if (auto service = f.text("service"); service && *service != service_id && !error)
        error =
            invalid("the body names service '" + *service + "' but the path '" + service_id + "'",
                    f.field("service"));
    if (auto level = f.text("level")) {
        e.level = parse_level(*level);
        if (!e.level && !error)
            error = invalid("unknown level '" + *level + "'; use " + allowed_levels(),
                            f.field("level"));
    }
    if (auto assignment = f.text("assignment")) {
        auto a = parse_assignment(*assignment);
        if (!a && !error)
            error =
                invalid("unknown assignment '" + *assignment + "'; use " + allowed_assignments(),
                        f.field("assignment"));
        if (a) e.assignment = *a;
    }
    e.owner = f.text("owner").value_or("");
    e.provider = f.text("provider").value_or("");
    e.sourcing = read_sourcing(f, prefix, error);
    if (auto p = read_pair(f, json, "insource", prefix, error)) e.insource = *p;
    if (auto p = read_pair(f, json, "outsource", prefix, error)) e.outsource = *p;
    if (auto p = read_pair(f, json, "unassigned", prefix, error)) e.unassigned = *p;
    e.rationale = f.text("rationale").value_or("");
    e.evidence = f.texts("evidence").value_or(std::vector<std::string>{});
    e.capacity = f.text("capacity").value_or("");
    e.capability = f.text("capability").value_or("");
    (void)f.integer("revision");
    if (!error) error = f.error();
    if (error) return *error;
    return e;
}

Result<Date> date_from(const std::optional<std::string>& text, const std::string& field,
                       Date fallback) {
    if (!text) return fallback;
    auto d = Date::parse(*text);
    if (!d) return invalid("'" + *text + "' is not a date; use YYYY-MM-DD", field);
    return *d;
}

namespace {
Json user_change_schema() {
    return optional_object({{"disabled", boolean()}, {"password", string()}});
}
Json preferences_schema() {
    return object({{"lang", ref("Lang")}});
}
} // namespace

Result<store::AccountChange> account_change_from_json(const Json& json, AccountChangeBy by) {
    static const Json by_admin = user_change_schema(), by_self = preferences_schema();
    const Json& schema = by == AccountChangeBy::site_admin ? by_admin : by_self;
    Fields f(json, schema);
    store::AccountChange change;
    if (f.declares("password")) change.password = f.text("password");
    if (f.declares("disabled")) change.disabled = f.boolean("disabled");
    if (f.declares("lang")) change.lang = f.text("lang");
    if (f.error()) return *f.error();
    if (!change.password && !change.disabled && !change.lang)
        return invalid(by == AccountChangeBy::site_admin ? "send disabled or password"
                                                         : "send lang",
                       by == AccountChangeBy::site_admin ? "disabled" : "lang");
    return change;
}

namespace {
Json new_organisation_schema() {
    return object(
        {{"id", string()}, {"name", string()}, {"catalog", string()}, {"template", string()}},
        {"catalog", "template"});
}
} // namespace

Result<store::NewOrganisation> new_organisation_from_json(const Json& json) {
    static const Json schema = new_organisation_schema();
    Fields f(json, schema);
    store::NewOrganisation org{f.text("id").value_or(""), f.text("name").value_or(""),
                               f.text("catalog").value_or("x1060-2021"),
                               f.text("template").value_or("")};
    if (f.error()) return *f.error();
    return org;
}

namespace {
Json new_user_schema() {
    return object({{"username", string()},
                   {"password", string()},
                   {"display_name", string()},
                   {"lang", ref("Lang")},
                   {"is_admin", boolean()}},
                  {"display_name", "lang", "is_admin"});
}
} // namespace

Result<store::NewUser> new_user_from_json(const Json& json) {
    static const Json schema = new_user_schema();
    Fields f(json, schema);
    store::NewUser user{f.text("username").value_or(""), f.text("display_name").value_or(""),
                        f.text("password").value_or(""), f.boolean("is_admin").value_or(false),
                        f.text("lang").value_or("en")};
    if (f.error()) return *f.error();
    return user;
}

namespace {
Json membership_input_schema() {
    return object({{"role", ref("Role")}});
}
} // namespace

Result<Role> role_from_json(const Json& json) {
    static const Json schema = membership_input_schema();
    Fields f(json, schema);
    auto text = f.text("role");
    if (f.error()) return *f.error();
    auto role = text ? parse_role(*text) : std::nullopt;
    if (!role) return invalid("role must be one of " + allowed_roles(), "role");
    return *role;
}

namespace {
Json new_token_schema() {
    return object({{"name", string()},
                   {"scope", ref("TokenScope")},
                   {"password", string()},
                   {"days", Json{{"type", "integer"},
                                 {"minimum", kMinTokenDays},
                                 {"maximum", kMaxTokenDays},
                                 {"default", kDefaultTokenDays}}}},
                  {"days"});
}
} // namespace

Result<NewToken> new_token_from_json(const Json& json) {
    static const Json schema = new_token_schema();
    Fields f(json, schema);
    NewToken token{f.text("name").value_or(""), f.integer("days"), {}, {}};
    const auto scope = f.text("scope");
    auto password = f.text("password");
    if (f.error()) return *f.error();
    const auto parsed = scope ? domain::parse_token_scope(*scope) : std::nullopt;
    if (!parsed)
        return invalid("scope must be read (reads only) or read_write (whatever you may do)",
                       "scope");
    if (!password || password->empty())
        return invalid("send your password again to make a token", "password");
    token.scope = *parsed;
    token.password = std::move(*password);
    return token;
}

Json to_json(const store::IssuedToken& issued) {
    Json out = to_json(issued.record);
    out["token"] = issued.token;
    return out;
}

namespace {
Json credentials_schema() {
    return object({{"username", string()}, {"password", string()}, {"code", string()}}, {"code"});
}
} // namespace

Result<Credentials> credentials_from_json(const Json& json) {
    static const Json schema = credentials_schema();
    Fields f(json, schema);
    auto username = f.text("username");
    auto password = f.text("password");
    auto code = f.text("code");
    if (f.error()) return *f.error();
    if (!username || !password) return invalid("send a username and a password", "username");
    if (code && code->size() > 64)
        return invalid("a code is 6 digits, or a recovery code like abcde-fghij-klmno-pqrst-uvwxy",
                       "code");
    return Credentials{std::move(*username), std::move(*password), std::move(code)};
}

namespace {
Json password_change_schema() {
    return object({{"current_password", string()}, {"new_password", string()}});
}
} // namespace

Result<PasswordChange> password_change_from_json(const Json& json) {
    static const Json schema = password_change_schema();
    Fields f(json, schema);
    auto current = f.text("current_password");
    auto next = f.text("new_password");
    if (f.error()) return *f.error();
    if (!current) return invalid("send your current password", "current_password");
    if (!next) return invalid("send the new password", "new_password");
    return PasswordChange{std::move(*current), std::move(*next)};
}

template <> const Shape<OwnSession>& json_shape() {
    using S = OwnSession;
    static const Shape<S> shape{
        {"id", string(), [](const S& s) { return s.session.public_id; }},
        {"created_at", string(), [](const S& s) { return s.session.created_at; }},
        {"last_seen_at", string(), [](const S& s) { return s.session.last_seen_at; }},
        {"expires_at", string(), [](const S& s) { return s.session.expires_at; }},
        {"address", string(), [](const S& s) { return s.session.address; }},
        {"current", boolean(), &S::current}};
    return shape;
}

namespace {
/// Only what is given changes; a null (or empty) reference template clears it.
Json settings_schema() {
    return optional_object({{"name", string()},
                            {"reference_template", nullable(string())},
                            {"evaluation_interval_days", integer()},
                            {"separate_approver", boolean()},
                            {"revision", integer()}});
}
} // namespace

Result<store::OrganisationSettings> settings_from_json(const Json& json) {
    static const Json schema = settings_schema();
    Fields f(json, schema);
    store::OrganisationSettings s;
    s.name = f.text("name");
    // null clears the reference template, like an empty text.
    if (f.has("reference_template"))
        s.reference_template = f.text("reference_template").value_or("");
    // Read wide: the domain refuses an interval out of range, never a wrapped one.
    s.evaluation_interval_days = f.integer("evaluation_interval_days");
    s.separate_approver = f.boolean("separate_approver");
    if (f.error()) return *f.error();
    return s;
}

Result<std::vector<store::ServiceEntryUpdate>> entry_updates_from_json(const Json& json) {
    static const Json schema = service_entry_updates_schema();
    Fields f(json, schema);
    if (f.error()) return *f.error();
    const auto it = json.find("services");
    if (it == json.end() || !it->is_array() || it->empty())
        return invalid("send a non-empty list of services", "services");
    std::vector<store::ServiceEntryUpdate> updates;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto& item = (*it)[i];
        const std::string at = "services[" + std::to_string(i) + "]";
        if (!item.is_object()) return invalid("must be an object", at);
        Fields one(item, service_entry_input_schema(), at + ".");
        auto service = one.text("service");
        auto revision = one.integer("revision");
        if (one.error()) return *one.error();
        if (!service || !revision)
            return invalid("each item needs \"service\" and \"revision\"", at + ".service");
        auto entry = entry_from_json(item, *service, at + ".");
        if (!entry) return entry.error();
        updates.push_back({*entry, *revision});
    }
    return updates;
}

namespace {
Json escalation_schema() {
    return optional_object({{"note", string()}, {"date", string()}, {"revision", integer()}});
}
} // namespace

Result<Escalation> escalation_from_json(const Json& json, Date today) {
    static const Json schema = escalation_schema();
    Fields f(json, schema);
    auto note = f.text("note").value_or("");
    auto date = f.text("date");
    if (f.error()) return *f.error();
    auto day = date_from(date, "date", today);
    if (!day) return day.error();
    return Escalation{*day, std::move(note)};
}

namespace {
Json new_evaluation_schema() {
    return optional_object({{"id", string()},
                            {"date", string()},
                            {"kinds", array_of(ref("EvaluationKind"))},
                            {"note", string()}});
}
} // namespace

Result<store::NewEvaluation> new_evaluation_from_json(const Json& json, Date today) {
    static const Json schema = new_evaluation_schema();
    Fields f(json, schema);
    store::NewEvaluation e;
    e.id = f.text("id").value_or("");
    e.note = f.text("note").value_or("");
    auto date = f.text("date");
    auto kinds = f.texts("kinds");
    if (f.error()) return *f.error();
    auto day = date_from(date, "date", today);
    if (!day) return day.error();
    e.date = *day;
    for (const auto& k : kinds.value_or(std::vector<std::string>{})) {
        auto kind = parse_evaluation_kind(k);
        if (!kind)
            return invalid("unknown kind '" + k + "'; use catalogue, profile or portfolio",
                           "kinds");
        e.kinds.push_back(*kind);
    }
    return e;
}

namespace {
Json approval_schema() {
    return optional_object({{"date", string()}});
}
} // namespace

Result<std::optional<Date>> approval_from_json(const Json& json) {
    static const Json schema = approval_schema();
    Fields f(json, schema);
    auto date = f.text("date");
    if (f.error()) return *f.error();
    if (!date) return std::optional<Date>();
    auto day = date_from(date, "date", Date{});
    if (!day) return day.error();
    return std::optional<Date>(*day);
}

namespace {
/// What action_from_json reads: an action as an answer has it (what only an answer has is
/// accepted and ignored), all optional; a null phase means "derived from the services".
const Json& action_input_schema() {
    static const Json schema = [] {
        const Json report_schemas = report::schemas();
        Json properties = report_schemas["ActionValue"]["properties"];
        properties.update(report_schemas["DraftAction"]["allOf"][1]["properties"]);
        properties.update(record_metadata<store::ActionRecord>().properties());
        properties["phase"] = nullable(ref("Phase"));
        return optional_object(properties);
    }();
    return schema;
}
} // namespace

Result<Action> action_from_json(const Json& json, const std::string& action_id) {
    Fields f(json, action_input_schema());
    std::optional<Error> error = f.error();
    Action a;
    a.id = action_id.empty() ? f.text("id").value_or("") : action_id;
    a.title = f.text("title").value_or("");
    a.services = f.texts("services").value_or(std::vector<std::string>{});
    if (auto phase = f.text("phase")) {
        a.phase = parse_phase(*phase);
        if (!a.phase && !error)
            error = invalid("unknown phase '" + *phase + "'; use " + allowed_phases(), "phase");
    }
    if (auto cycle = f.text("cycle")) {
        auto c = parse_cycle(*cycle);
        if (!c && !error)
            error = invalid("unknown cycle '" + *cycle + "'; use " + allowed_cycles(), "cycle");
        if (c) a.cycle = *c;
    }
    a.owner = f.text("owner").value_or("");
    if (auto due = f.text("due")) {
        a.due = Date::parse(*due);
        if (!a.due && !error)
            error = invalid("'" + *due + "' is not a date; use YYYY-MM-DD", "due");
    }
    if (auto status = f.text("status")) {
        auto s = parse_action_status(*status);
        if (!s && !error)
            error = invalid("unknown status '" + *status + "'; use " + allowed_action_statuses(),
                            "status");
        if (s) a.status = *s;
    }
    a.resources = f.text("resources").value_or("");
    a.finding = f.text("finding").value_or("");
    (void)f.integer("revision");
    if (!error) error = f.error();
    if (error) return *error;
    return a;
}

namespace {
const Json& custom_service_input_schema() {
    static const Json schema = [] {
        const auto text = optional_object({{"en", string()}, {"ja", string()}});
        return object({{"id", string()},
                       {"category", string()},
                       {"name", text},
                       {"description", text},
                       {"sourcing", nullable(ref("Sourcing"))}},
                      {"description", "sourcing"});
    }();
    return schema;
}
} // namespace

Result<CustomService> custom_service_from_json(const Json& json) {
    Fields f(json, custom_service_input_schema());
    std::optional<Error> error = f.error();
    CustomService c;
    c.id = f.text("id").value_or("");
    c.category = f.text("category").value_or("");
    for (const auto& [key, target] :
         {std::pair{"name", &c.name}, std::pair{"description", &c.description}}) {
        if (const Json* t = f.object(key)) {
            Fields inner(*t, f.schema_of(key), std::string(key) + ".");
            target->en = inner.text("en").value_or("");
            target->ja = inner.text("ja").value_or("");
            if (inner.error() && !error) error = inner.error();
        }
    }
    c.sourcing = read_sourcing(f, "", error);
    if (!error) error = f.error();
    if (error) return *error;
    return c;
}

namespace {
Json event_input_schema() {
    return object(report::schemas()["TriggerEvent"]["properties"], {"note"});
}
} // namespace

Result<TriggerEvent> event_from_json(const Json& json) {
    static const Json schema = event_input_schema();
    Fields f(json, schema);
    TriggerEvent e;
    auto date = f.text("date");
    auto kind = f.text("kind");
    e.note = f.text("note").value_or("");
    if (f.error()) return *f.error();
    if (!date) return invalid("an event needs a date (YYYY-MM-DD)", "date");
    auto d = Date::parse(*date);
    if (!d) return invalid("'" + *date + "' is not a date; use YYYY-MM-DD", "date");
    e.date = *d;
    if (!kind) return invalid("an event needs a kind: " + allowed_trigger_kinds(), "kind");
    auto k = parse_trigger_kind(*kind);
    if (!k) return invalid("unknown kind '" + *kind + "'; use " + allowed_trigger_kinds(), "kind");
    e.kind = *k;
    return e;
}

const Json& schema_components() {
    static const Json components = schemas();
    return components;
}

Json schemas() {
    Json out = report::schemas();
    out.update(Json{{"Lang", tokens({"en", "ja"})},
                    {"Role", one_of(kRoles)},
                    {"Score", tokens({"1", "2", "3", "4", "5", "n/a"})},
                    {"Sourcing", sourcing_schema()},
                    {"ScorePair", score_pair_schema()},
                    {"ServiceEntryValue", service_entry_value_schema()},
                    {"ServiceEntry", service_entry_schema()},
                    {"ServiceEntryInput", service_entry_input_schema()},
                    {"ServiceEntriesInput", service_entry_updates_schema()},
                    {"OrganisationInput", new_organisation_schema()},
                    {"OrganisationSettingsInput", settings_schema()},
                    {"MembershipInput", membership_input_schema()},
                    {"UserInput", new_user_schema()},
                    {"UserChangeInput", user_change_schema()},
                    {"PreferencesInput", preferences_schema()},
                    {"TokenInput", new_token_schema()},
                    {"Credentials", credentials_schema()},
                    {"PasswordChangeInput", password_change_schema()},
                    {"EscalationInput", escalation_schema()},
                    {"EvaluationInput", new_evaluation_schema()},
                    {"ApprovalInput", approval_schema()},
                    {"Organisation", json_shape<store::OrganisationRecord>().schema()},
                    {"Action", action_record_schema()},
                    {"ActionInput", action_input_schema()},
                    {"Event", event_schema()},
                    {"EventInput", event_input_schema()},
                    {"EvaluationSummary", evaluation_summary_shape().schema()},
                    {"Evaluation", evaluation_schema()},
                    {"User", json_shape<store::UserRecord>().schema()},
                    {"Membership", json_shape<store::Membership>().schema()},
                    {"Token", json_shape<store::TokenRecord>().schema()},
                    {"TokenScope", tokens({"read", "read_write"})},
                    {"SessionInfo", json_shape<OwnSession>().schema()},
                    {"AuditRecord", json_shape<store::AuditRecord>().schema()},
                    {"AuditChain", json_shape<store::AuditChainReport>().schema()},
                    {"AuditVerification",
                     object({{"verified", boolean()}, {"chains", array_of(ref("AuditChain"))}})},
                    {"Evidence", json_shape<store::EvidenceRecord>().schema()},
                    {"CustomService", custom_service_schema()},
                    {"CustomServiceInput", custom_service_input_schema()}});
    return out;
}

} // namespace cdcwb::http
