// The closed vocabularies: recommendation levels, assignments, management phases, improvement
// cycles, evaluation kinds, trigger kinds, severities, action statuses, crosswalk relations and
// roles. Each has a stable token (used in files and JSON), a parser that rejects anything else,
// and a display name in both languages. vocabulary.cpp also holds the token tables of the
// vocabularies declared next to their rules (the quadrant's information and quadrants in
// domain/quadrant.hpp; token scopes and the two-factor requirement in domain/user.hpp).
#pragma once

#include "domain/text.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::domain {

/// Recommendation level of a service in an organisation's catalogue (X.1060 build phase 1).
enum class Level { not_required, basic, standard, advanced, optional };
/// Service assignment (X.1060 build phase 2).
enum class Assignment { insource, outsource, both, unassigned };
/// Management-process phase a category (and so an action) belongs to.
enum class Phase { strategic, operation, response };
/// Improvement cycle: short = within current resources, long = needs new resources.
enum class Cycle { short_cycle, long_cycle };
/// The three evaluations of the evaluation process, in the order they are reported.
enum class EvaluationKind { catalogue, profile, portfolio };
/// What happened that makes an evaluation due.
enum class TriggerKind {
    business_change,
    new_threat,
    organisation_change,
    provider_change,
    schedule
};
enum class Severity { info, warning, error };
/// An improvement action's status (domain/action.hpp).
enum class ActionStatus { open, in_progress, done, cancelled };
/// How an item of one catalogue relates to an item of another in a crosswalk.
enum class Relation { equivalent, part_of, related };
/// admin: everything in the organisation, including its members; assessor: edits the
/// catalogue, profile, portfolio, actions and runs evaluations; approver: signs off evaluations;
/// viewer: reads. Site administrators (a user flag, not a role) may do everything everywhere
/// (domain/role.hpp: what each may do).
enum class Role { admin, assessor, approver, viewer };

std::string_view to_string(Level v);
std::string_view to_string(Assignment v);
std::string_view to_string(Phase v);
std::string_view to_string(Cycle v);
std::string_view to_string(EvaluationKind v);
std::string_view to_string(TriggerKind v);
std::string_view to_string(Severity v);
std::string_view to_string(ActionStatus v);
std::string_view to_string(Relation v);
std::string_view to_string(Role v);

std::optional<Level> parse_level(std::string_view token);
std::optional<Assignment> parse_assignment(std::string_view token);
std::optional<Phase> parse_phase(std::string_view token);
std::optional<Cycle> parse_cycle(std::string_view token);
std::optional<EvaluationKind> parse_evaluation_kind(std::string_view token);
std::optional<TriggerKind> parse_trigger_kind(std::string_view token);
std::optional<Severity> parse_severity(std::string_view token);
std::optional<ActionStatus> parse_action_status(std::string_view token);
std::optional<Relation> parse_relation(std::string_view token);
std::optional<Role> parse_role(std::string_view token);

const LocalizedText& display_name(Level v);
const LocalizedText& display_name(Assignment v);
const LocalizedText& display_name(Phase v);
const LocalizedText& display_name(Cycle v);
const LocalizedText& display_name(EvaluationKind v);
const LocalizedText& display_name(TriggerKind v);
const LocalizedText& display_name(Severity v);
const LocalizedText& display_name(ActionStatus v);
const LocalizedText& display_name(Relation v);
const LocalizedText& display_name(Role v);

/// "a | b | c": the accepted tokens of a vocabulary, for error messages.
std::string allowed_levels();
std::string allowed_assignments();
std::string allowed_phases();
std::string allowed_cycles();
std::string allowed_trigger_kinds();
std::string allowed_severities();
std::string allowed_action_statuses();
std::string allowed_roles(); ///< "admin, assessor, approver, viewer"

/// Implementation priority: Basic before Standard before Advanced, then Optional; Not required
/// last.
int priority(Level level);
/// A service is in the organisation's catalogue unless its level is Not required.
inline bool in_catalogue(Level level) {
    return level != Level::not_required;
}

inline constexpr Level kAllLevels[] = {Level::not_required, Level::basic, Level::standard,
                                       Level::advanced, Level::optional};
inline constexpr Assignment kAllAssignments[] = {Assignment::insource, Assignment::outsource,
                                                 Assignment::both, Assignment::unassigned};
inline constexpr Phase kAllPhases[] = {Phase::strategic, Phase::operation, Phase::response};
inline constexpr EvaluationKind kAllEvaluationKinds[] = {
    EvaluationKind::catalogue, EvaluationKind::profile, EvaluationKind::portfolio};

} // namespace cdcwb::domain
