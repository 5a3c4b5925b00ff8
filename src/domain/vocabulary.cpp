#include "domain/vocabulary.hpp"

#include "domain/quadrant.hpp"
#include "domain/user.hpp"

#include <array>

namespace cdcwb::domain {
namespace {

// Each table lists a vocabulary once: printing, parsing, the list of allowed tokens and (where
// the product shows them) display names all read from it.
/// A value and its token.
template <class E> struct Token {
    E value;
    std::string_view token;
};
/// A value, its token and its display name.
template <class E> struct Term {
    E value;
    std::string_view token;
    LocalizedText name;
};
template <class E, std::size_t N> using TokenTable = std::array<Term<E>, N>;

/// The row of `value`; every enumerator is in its table (each vocabulary's unit test checks).
template <class Table, class E> const auto& term_of(const Table& table, E value) {
    for (const auto& t : table)
        if (t.value == value) return t;
    return table[0];
}

template <class Table> auto parse_token(const Table& table, std::string_view token) {
    using E = decltype(table[0].value);
    for (const auto& t : table)
        if (t.token == token) return std::optional<E>{t.value};
    return std::optional<E>{};
}

/// The accepted tokens, in table order, joined by `separator` (for error messages).
template <class Table>
std::string allowed_tokens(const Table& table, std::string_view separator = " | ") {
    std::string out;
    for (const auto& t : table) {
        if (!out.empty()) out += separator;
        out += t.token;
    }
    return out;
}

const TokenTable<Level, 5> kLevels{{
    {Level::not_required, "not_required", {"Not required", "不要"}},
    {Level::basic, "basic", {"Basic", "ベーシック"}},
    {Level::standard, "standard", {"Standard", "スタンダード"}},
    {Level::advanced, "advanced", {"Advanced", "アドバンスド"}},
    {Level::optional, "optional", {"Optional", "オプション"}},
}};

const TokenTable<Assignment, 4> kAssignments{{
    {Assignment::insource, "insource", {"Insource", "インソース"}},
    {Assignment::outsource, "outsource", {"Outsource", "アウトソース"}},
    {Assignment::both, "both", {"Both", "併用"}},
    {Assignment::unassigned, "unassigned", {"Unassigned", "未割り当て"}},
}};

const TokenTable<Phase, 3> kPhases{{
    {Phase::strategic, "strategic", {"Strategic management", "戦略マネジメント"}},
    {Phase::operation, "operation", {"Operation", "運用"}},
    {Phase::response, "response", {"Response", "対応"}},
}};

const TokenTable<Cycle, 2> kCycles{{
    {Cycle::short_cycle, "short", {"Short cycle", "短期サイクル"}},
    {Cycle::long_cycle, "long", {"Long cycle", "長期サイクル"}},
}};

const TokenTable<EvaluationKind, 3> kEvaluationKinds{{
    {EvaluationKind::catalogue, "catalogue", {"Catalogue evaluation", "カタログ評価"}},
    {EvaluationKind::profile, "profile", {"Profile evaluation", "プロファイル評価"}},
    {EvaluationKind::portfolio, "portfolio", {"Portfolio evaluation", "ポートフォリオ評価"}},
}};

const TokenTable<TriggerKind, 5> kTriggerKinds{{
    {TriggerKind::business_change, "business_change", {"Business change", "事業の変化"}},
    {TriggerKind::new_threat, "new_threat", {"New risk or threat", "新たなリスク・脅威"}},
    {TriggerKind::organisation_change,
     "organisation_change",
     {"Organisation change", "組織の変化"}},
    {TriggerKind::provider_change, "provider_change", {"Provider change", "委託先の変化"}},
    {TriggerKind::schedule, "schedule", {"Scheduled review", "定期評価"}},
}};

const TokenTable<Severity, 3> kSeverities{{
    {Severity::info, "info", {"info", "情報"}},
    {Severity::warning, "warning", {"warning", "警告"}},
    {Severity::error, "error", {"error", "エラー"}},
}};

const TokenTable<ActionStatus, 4> kActionStatuses{{
    {ActionStatus::open, "open", {"Open", "未着手"}},
    {ActionStatus::in_progress, "in_progress", {"In progress", "対応中"}},
    {ActionStatus::done, "done", {"Done", "完了"}},
    {ActionStatus::cancelled, "cancelled", {"Cancelled", "中止"}},
}};

const TokenTable<Relation, 3> kRelations{{
    {Relation::equivalent, "equivalent", {"equivalent", "同等"}},
    {Relation::part_of, "part-of", {"part of", "一部"}},
    {Relation::related, "related", {"related", "関連"}},
}};

const TokenTable<Role, 4> kRoles{{
    {Role::admin, "admin", {"Administrator", "管理者"}},
    {Role::assessor, "assessor", {"Assessor", "評価者"}},
    {Role::approver, "approver", {"Approver", "承認者"}},
    {Role::viewer, "viewer", {"Viewer", "閲覧者"}},
}};

const std::array<Token<Information>, 2> kInformation{{
    {Information::internal, "internal"},
    {Information::external, "external"},
}};
const std::array<Token<Quadrant>, 4> kQuadrants{{
    {Quadrant::I, "I"},
    {Quadrant::II, "II"},
    {Quadrant::III, "III"},
    {Quadrant::IV, "IV"},
}};

const std::array<Token<TokenScope>, 2> kTokenScopes{{
    {TokenScope::read, "read"},
    {TokenScope::read_write, "read_write"},
}};
const std::array<Token<TwoFactorRequirement>, 3> kTwoFactorRequirements{{
    {TwoFactorRequirement::none, "none"},
    {TwoFactorRequirement::admins, "admins"},
    {TwoFactorRequirement::everyone, "everyone"},
}};

} // namespace

std::string_view to_string(Level v) {
    return term_of(kLevels, v).token;
}
std::string_view to_string(Assignment v) {
    return term_of(kAssignments, v).token;
}
std::string_view to_string(Phase v) {
    return term_of(kPhases, v).token;
}
std::string_view to_string(Cycle v) {
    return term_of(kCycles, v).token;
}
std::string_view to_string(EvaluationKind v) {
    return term_of(kEvaluationKinds, v).token;
}
std::string_view to_string(TriggerKind v) {
    return term_of(kTriggerKinds, v).token;
}
std::string_view to_string(Severity v) {
    return term_of(kSeverities, v).token;
}
std::string_view to_string(ActionStatus v) {
    return term_of(kActionStatuses, v).token;
}
std::string_view to_string(Relation v) {
    return term_of(kRelations, v).token;
}
std::string_view to_string(Role v) {
    return term_of(kRoles, v).token;
}

std::optional<Level> parse_level(std::string_view t) {
    return parse_token(kLevels, t);
}
std::optional<Assignment> parse_assignment(std::string_view t) {
    return parse_token(kAssignments, t);
}
std::optional<Phase> parse_phase(std::string_view t) {
    return parse_token(kPhases, t);
}
std::optional<Cycle> parse_cycle(std::string_view t) {
    return parse_token(kCycles, t);
}
std::optional<EvaluationKind> parse_evaluation_kind(std::string_view t) {
    return parse_token(kEvaluationKinds, t);
}
std::optional<TriggerKind> parse_trigger_kind(std::string_view t) {
    return parse_token(kTriggerKinds, t);
}
std::optional<Severity> parse_severity(std::string_view t) {
    return parse_token(kSeverities, t);
}
std::optional<ActionStatus> parse_action_status(std::string_view t) {
    return parse_token(kActionStatuses, t);
}
std::optional<Relation> parse_relation(std::string_view t) {
    return parse_token(kRelations, t);
}
std::optional<Role> parse_role(std::string_view t) {
    return parse_token(kRoles, t);
}

const LocalizedText& display_name(Level v) {
    return term_of(kLevels, v).name;
}
const LocalizedText& display_name(Assignment v) {
    return term_of(kAssignments, v).name;
}
const LocalizedText& display_name(Phase v) {
    return term_of(kPhases, v).name;
}
const LocalizedText& display_name(Cycle v) {
    return term_of(kCycles, v).name;
}
const LocalizedText& display_name(EvaluationKind v) {
    return term_of(kEvaluationKinds, v).name;
}
const LocalizedText& display_name(TriggerKind v) {
    return term_of(kTriggerKinds, v).name;
}
const LocalizedText& display_name(Severity v) {
    return term_of(kSeverities, v).name;
}
const LocalizedText& display_name(ActionStatus v) {
    return term_of(kActionStatuses, v).name;
}
const LocalizedText& display_name(Relation v) {
    return term_of(kRelations, v).name;
}
const LocalizedText& display_name(Role v) {
    return term_of(kRoles, v).name;
}

std::string allowed_levels() {
    return allowed_tokens(kLevels);
}
std::string allowed_assignments() {
    return allowed_tokens(kAssignments);
}
std::string allowed_phases() {
    return allowed_tokens(kPhases);
}
std::string allowed_cycles() {
    return allowed_tokens(kCycles);
}
std::string allowed_trigger_kinds() {
    return allowed_tokens(kTriggerKinds);
}
std::string allowed_severities() {
    return allowed_tokens(kSeverities);
}
std::string allowed_action_statuses() {
    return allowed_tokens(kActionStatuses);
}
std::string allowed_roles() {
    return allowed_tokens(kRoles, ", ");
}

std::string_view to_string(Information information) {
    return term_of(kInformation, information).token;
}

std::optional<Information> parse_information(std::string_view token) {
    return parse_token(kInformation, token);
}

std::string_view to_string(Quadrant quadrant) {
    return term_of(kQuadrants, quadrant).token;
}

std::string_view to_string(TokenScope scope) {
    return term_of(kTokenScopes, scope).token;
}

std::optional<TokenScope> parse_token_scope(std::string_view text) {
    return parse_token(kTokenScopes, text);
}

std::string_view to_string(TwoFactorRequirement requirement) {
    return term_of(kTwoFactorRequirements, requirement).token;
}

std::optional<TwoFactorRequirement> parse_two_factor_requirement(std::string_view text) {
    return parse_token(kTwoFactorRequirements, text);
}

int priority(Level level) {
    switch (level) {
    case Level::basic: return 0;
    case Level::standard: return 1;
    case Level::advanced: return 2;
    case Level::optional: return 3;
    case Level::not_required: return 4;
    }
    return 4;
}

} // namespace cdcwb::domain
