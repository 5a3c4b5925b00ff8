// One organisation's assessment: its catalogue, profile and portfolio (the matrix), its own
// services, improvement actions, trigger events and evaluation history. This is what the
// `cdcwb/v1` file holds and what the store keeps per organisation.
#pragma once

#include "domain/action.hpp"
#include "domain/history.hpp"
#include "domain/service_entry.hpp"
#include "domain/trigger.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::domain {

inline constexpr int kDefaultEvaluationIntervalDays = 182;
inline constexpr int kMinEvaluationIntervalDays = 1;
inline constexpr int kMaxEvaluationIntervalDays = 3660;
/// An organisation's id as an ECMAScript pattern (validate_slug applies it; clients may too).
inline constexpr std::string_view kSlugPattern = "^[a-z0-9][a-z0-9_-]{0,63}$";
inline constexpr std::size_t kMaxSlugLength = 64;

struct Organisation {
    std::string id;
    std::string name;
    friend bool operator==(const Organisation&, const Organisation&) = default;
};

struct Assessment {
    Organisation organisation;
    std::string catalogue_id;
    std::string
        reference_template; ///< template the catalogue evaluation compares with; may be empty
    int evaluation_interval_days = kDefaultEvaluationIntervalDays;
    bool separate_approver =
        false; ///< evaluations approved by someone other than who recorded them
    std::vector<CustomService> custom_services;
    std::vector<ServiceEntry> services;
    std::vector<Action> actions;
    std::vector<TriggerEvent> events;
    std::vector<Evaluation> evaluations; ///< history, oldest first

    const ServiceEntry* entry(std::string_view service_id) const;
    /// The most recent recorded evaluation dated on or before `on`, or nullptr.
    const Evaluation* latest_evaluation(Date on) const;
};

/// Every rule an assessment must satisfy beyond its file syntax: known services, no duplicates,
/// scores that fit the assignments, valid actions and evaluations. The first problem is returned,
/// with the field path (e.g. "services.A-1.as_is").
Status validate(const Assessment& assessment, const ServiceDirectory& directory);

/// An organisation's id (its "slug" in URLs and the CLI): 1–64 of a–z, 0–9, "-" and "_",
/// starting with a letter or digit.
Status validate_slug(std::string_view slug, const std::string& field);

/// The schedule of the periodic portfolio evaluation: 1 to 3660 days.
Status validate_interval(long long days, const std::string& field);

/// An entry for every service of the directory, at the template's level (undecided where the
/// template gives none), unassigned and unscored: the starting point of a new assessment.
std::vector<ServiceEntry> entries_from_template(const ServiceDirectory& directory,
                                                const Template& tmpl);

} // namespace cdcwb::domain
