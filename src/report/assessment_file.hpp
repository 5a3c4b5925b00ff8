// The `cdcwb/v1` assessment file: one organisation's catalogue, profile, portfolio, actions,
// trigger events and evaluation history as YAML, readable and diffable in git.
// Format reference: docs/file-format.md.
#pragma once

#include "catalogue/library.hpp"
#include "domain/assessment.hpp"
#include "domain/result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cdcwb::report {

inline constexpr std::string_view kAssessmentFormat = "cdcwb/v1";

struct AssessmentRead {
    std::optional<domain::Assessment> assessment; ///< set only when there are no problems
    domain::Errors problems;
};

/// Parses and validates an assessment file against the catalogue it names (looked up in
/// `library`). Every syntax and model problem is reported with the file, line and field.
AssessmentRead read_assessment(const std::string& file, std::string_view text,
                               const catalogue::Library& library);

/// Writes an assessment as `cdcwb/v1` YAML; reading the output gives back an equal assessment.
/// `directory` orders the services (catalogue order, custom services last).
std::string write_assessment(const domain::Assessment& assessment,
                             const domain::ServiceDirectory& directory);

} // namespace cdcwb::report
