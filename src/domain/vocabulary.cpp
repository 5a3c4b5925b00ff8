#include "domain/vocabulary.hpp"

#include <array>

namespace cdcwb::domain {
namespace {

template <class E> struct Term {
    E value;
    std::string_view token;
    LocalizedText name;
};

// Each table lists a vocabulary once; parsing, printing and display names all read from it.
const std::array<Term<Level>, 5> kLevels{{
    {Level::not_required, "not_required", {"Not required", "不要"}},
    {Level::basic, "basic", {"Basic", "ベーシック"}},
    {Level::standard, "standard", {"Standard", "スタンダード"}},
    {Level::advanced, "advanced", {"Advanced", "アドバンスド"}},
    {Level::optional, "optional", {"Optional", "オプション"}},
}};

const std::array<Term<Assignment>, 4> kAssignments{{
    {Assignment::insource, "insource", {"Insource", "インソース"}},
    {Assignment::outsource, "outsource", {"Outsource", "アウトソース"}},
    {Assignment::both, "both", {"Both", "併用"}},
    {Assignment::unassigned, "unassigned", {"Unassigned", "未割り当て"}},
}};

const std::array<Term<Phase>, 3> kPhases{{
    {Phase::strategic, "strategic", {"Strategic management", "戦略マネジメント"}},
    {Phase::operation, "operation", {"Operation", "運用"}},
    {Phase::response, "response", {"Response", "対応"}},
}};

const std::array<Term<Cycle>, 2> kCycles{{
    {Cycle::short_cycle, "short", {"Short cycle", "短期サイクル"}},
    {Cycle::long_cycle, "long", {"Long cycle", "長期サイクル"}},
}};

const std::array<Term<EvaluationKind>, 3> kEvaluationKinds{{
    {EvaluationKind::catalogue, "catalogue", {"Catalogue evaluation", "カタログ評価"}},
    {EvaluationKind::profile, "profile", {"Profile evaluation", "プロファイル評価"}},
    {EvaluationKind::portfolio, "portfolio", {"Portfolio evaluation", "ポートフォリオ評価"}},
}};

const std::array<Term<TriggerKind>, 5> kTriggerKinds{{
    {TriggerKind::business_change, "business_change", {"Business change", "事業の変化"}},
    {TriggerKind::new_threat, "new_threat", {"New risk or threat", "新たなリスク・脅威"}},
    {TriggerKind::organisation_change,
     "organisation_change",
     {"Organisation change", "組織の変化"}},
    {TriggerKind::provider_change, "provider_change", {"Provider change", "委託先の変化"}},
    {TriggerKind::schedule, "schedule", {"Scheduled review", "定期評価"}},
}};

const std::array<Term<Severity>, 3> kSeverities{{
    {Severity::info, "info", {"info", "情報"}},
    {Severity::warning, "warning", {"warning", "警告"}},
    {Severity::error, "error", {"error", "エラー"}},
}};

template <class E, std::size_t N> const Term<E>& find(const std::array<Term<E>, N>& table, E v) {
    for (const auto& t : table)
        if (t.value == v) return t;
    return table[0]; // unreachable: every enumerator is in its table (checked by unit tests)
}

template <class E, std::size_t N>
std::optional<E> parse(const std::array<Term<E>, N>& table, std::string_view token) {
    for (const auto& t : table)
        if (t.token == token) return t.value;
    return std::nullopt;
}

template <class E, std::size_t N> std::string allowed(const std::array<Term<E>, N>& table) {
    std::string out;
    for (const auto& t : table) {
        if (!out.empty()) out += " | ";
        out += t.token;
    }
    return out;
}

} // namespace

std::string_view to_string(Level v) {
    return find(kLevels, v).token;
}
std::string_view to_string(Assignment v) {
    return find(kAssignments, v).token;
}
std::string_view to_string(Phase v) {
    return find(kPhases, v).token;
}
std::string_view to_string(Cycle v) {
    return find(kCycles, v).token;
}
std::string_view to_string(EvaluationKind v) {
    return find(kEvaluationKinds, v).token;
}
std::string_view to_string(TriggerKind v) {
    return find(kTriggerKinds, v).token;
}
std::string_view to_string(Severity v) {
    return find(kSeverities, v).token;
}

std::optional<Level> parse_level(std::string_view t) {
    return parse(kLevels, t);
}
std::optional<Assignment> parse_assignment(std::string_view t) {
    return parse(kAssignments, t);
}
std::optional<Phase> parse_phase(std::string_view t) {
    return parse(kPhases, t);
}
std::optional<Cycle> parse_cycle(std::string_view t) {
    return parse(kCycles, t);
}
std::optional<EvaluationKind> parse_evaluation_kind(std::string_view t) {
    return parse(kEvaluationKinds, t);
}
std::optional<TriggerKind> parse_trigger_kind(std::string_view t) {
    return parse(kTriggerKinds, t);
}
std::optional<Severity> parse_severity(std::string_view t) {
    return parse(kSeverities, t);
}

const LocalizedText& display_name(Level v) {
    return find(kLevels, v).name;
}
const LocalizedText& display_name(Assignment v) {
    return find(kAssignments, v).name;
}
const LocalizedText& display_name(Phase v) {
    return find(kPhases, v).name;
}
const LocalizedText& display_name(Cycle v) {
    return find(kCycles, v).name;
}
const LocalizedText& display_name(EvaluationKind v) {
    return find(kEvaluationKinds, v).name;
}
const LocalizedText& display_name(TriggerKind v) {
    return find(kTriggerKinds, v).name;
}
const LocalizedText& display_name(Severity v) {
    return find(kSeverities, v).name;
}

std::string allowed_levels() {
    return allowed(kLevels);
}
std::string allowed_assignments() {
    return allowed(kAssignments);
}
std::string allowed_phases() {
    return allowed(kPhases);
}
std::string allowed_cycles() {
    return allowed(kCycles);
}
std::string allowed_trigger_kinds() {
    return allowed(kTriggerKinds);
}
std::string allowed_severities() {
    return allowed(kSeverities);
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
