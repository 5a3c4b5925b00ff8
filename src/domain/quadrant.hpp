// The sourcing quadrant advisor (X.1060 figure 5): two questions about a service give a quadrant,
// the quadrant gives guidance on insourcing vs outsourcing, and a chosen assignment that goes
// against the guidance is a mismatch.
#pragma once

#include "domain/text.hpp"
#include "domain/vocabulary.hpp"

#include <optional>

namespace cdcwb::domain {

enum class Information { internal, external };

std::string_view to_string(Information information);
std::optional<Information> parse_information(std::string_view token);

struct SourcingAnswers {
    Information information = Information::internal;
    bool specialist_skill = false;
    friend bool operator==(const SourcingAnswers&, const SourcingAnswers&) = default;
};

enum class Quadrant { I, II, III, IV };

std::string_view to_string(Quadrant quadrant); ///< "I" … "IV"

Quadrant quadrant_of(SourcingAnswers answers);

struct QuadrantAdvice {
    Quadrant quadrant;
    std::string_view balance; ///< the standard's shorthand, e.g. "insource ≫ outsource"
    LocalizedText guidance;
};

QuadrantAdvice advise(Quadrant quadrant);

/// Why an assignment goes against a quadrant's guidance, or nullopt when it does not.
/// Unassigned is never a quadrant mismatch: the profile evaluation reports it on its own.
std::optional<LocalizedText> quadrant_mismatch(Quadrant quadrant, Assignment assignment);

} // namespace cdcwb::domain
