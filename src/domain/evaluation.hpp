// The evaluation process (X.1060 clause 11): catalogue, profile and portfolio evaluations over an
// organisation's matrix, producing findings in the order the spec gives, and the scores.
#pragma once

#include "domain/catalogue.hpp"
#include "domain/scoring.hpp"
#include "domain/service_entry.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cdcwb::domain {

/// Finding codes: stable tokens, documented in docs/json-output.md.
namespace finding {
inline constexpr std::string_view undecided = "undecided";
inline constexpr std::string_view not_required_review = "not_required_review";
inline constexpr std::string_view below_reference = "below_reference";
inline constexpr std::string_view above_reference = "above_reference";
inline constexpr std::string_view unassigned = "unassigned";
inline constexpr std::string_view quadrant_mismatch = "quadrant_mismatch";
inline constexpr std::string_view missing_owner = "missing_owner";
inline constexpr std::string_view missing_provider = "missing_provider";
inline constexpr std::string_view gap = "gap";
inline constexpr std::string_view target_below_current = "target_below_current";
inline constexpr std::string_view not_scored = "not_scored";
} // namespace finding

struct Finding {
    EvaluationKind kind = EvaluationKind::catalogue;
    Severity severity = Severity::info;
    std::string code;
    std::string service_id;
    std::optional<Level> level;
    std::optional<Level> reference_level;
    std::optional<Assignment> assignment;
    std::optional<Quadrant> quadrant;
    std::optional<int> as_is;
    std::optional<int> to_be;
    LocalizedText message; ///< what is wrong and what to do, without the service name
};

struct EvaluationResult {
    std::vector<Finding> findings; ///< catalogue, then profile, then portfolio findings
    Scores scores;
    std::string reference_template; ///< empty when levels were not compared with a template

    std::vector<const Finding*> of_kind(EvaluationKind kind) const;
    int count(Severity severity) const;
    int count_at_least(Severity severity) const;
};

/// Runs the three evaluations. `reference` (may be null) is the template the catalogue
/// evaluation compares levels with. Entries must have passed validate_entry.
EvaluationResult evaluate(const ServiceDirectory& directory,
                          const std::vector<ServiceEntry>& entries, const Template* reference);

/// The profile evaluation's findings for one service, in the spec's order: Unassigned alone, else
/// a quadrant mismatch, then a missing owner and a missing provider.
std::vector<Finding> profile_findings(const ServiceEntry& entry, const ServiceInfo& info);

/// What the profile evaluation says about one row of the matrix: its profile findings when the
/// service is in the catalogue, nothing otherwise (the evaluation does not look at it).
std::vector<Finding> profile_issues(const ServiceEntry& entry, const ServiceInfo& info);

/// The findings of the given kinds only (all of them when `kinds` is empty): an evaluation that
/// ran some of the three records only their findings.
std::vector<Finding> findings_of(std::vector<Finding> findings,
                                 const std::vector<EvaluationKind>& kinds);

} // namespace cdcwb::domain
