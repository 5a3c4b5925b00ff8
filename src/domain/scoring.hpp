// Service scores and their aggregation. X.1060 leaves "Both" and aggregation open; the project's
// rules (docs/scoring-rules.md):
//  - a Both service has an insource and an outsource score; its service score is the lower of the
//    two (n/a sides are left out; both n/a makes the service n/a);
//  - an Unassigned service scores 1 as-is unless explicitly n/a;
//  - category, phase and overall scores are the mean over services in the catalogue (level set
//    and not Not required) that are not n/a; services not fully scored yet are counted apart.
#pragma once

#include "domain/service_entry.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cdcwb::domain {

struct ServiceScore {
    enum class State { scored, not_applicable, incomplete };
    State state = State::incomplete;
    int as_is = 0; ///< valid when scored
    int to_be = 0; ///< valid when scored
    int gap() const { return to_be - as_is; }
};

ServiceScore service_score(const ServiceEntry& entry);

/// Whether an entry has every score its assignment needs (n/a counts as an answer); an entry
/// that has not is what the portfolio evaluation reports as not scored.
bool fully_scored(const ServiceEntry& entry);

/// A pair's gap (to-be − as-is) when both sides are numbers; an Unassigned pair's missing as-is
/// counts as 1 (nobody runs the service).
std::optional<int> pair_gap(ScoreSlot slot, const ScorePair& pair);

struct Aggregate {
    int counted = 0;        ///< services in the mean
    int not_applicable = 0; ///< in the catalogue but n/a
    int incomplete = 0;     ///< in the catalogue but not fully scored
    double as_is = 0;       ///< mean as-is over counted services (0 when none)
    double to_be = 0;       ///< mean to-be over counted services (0 when none)
    double gap() const { return to_be - as_is; }
};

struct Scores {
    Aggregate overall;
    std::vector<std::pair<std::string, Aggregate>> categories; ///< catalogue order, custom included
    std::map<Phase, Aggregate> phases;

    const Aggregate* category(std::string_view id) const;
};

/// Whether an entry takes part in aggregation and evaluation: its level is set and not Not
/// required.
bool in_scope(const ServiceEntry& entry);

Scores aggregate(const ServiceDirectory& directory, const std::vector<ServiceEntry>& entries);

} // namespace cdcwb::domain
