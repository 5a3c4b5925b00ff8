// One row of an organisation's matrix (X.1060 figure 4): the catalogue column (level), the profile
// columns (assignment, owner, provider) and the portfolio columns (as-is and to-be), plus the
// rationale and evidence behind them. Also the directory of services an organisation can choose
// from: its catalogue's services and its own custom services.
#pragma once

#include "domain/catalogue.hpp"
#include "domain/quadrant.hpp"
#include "domain/result.hpp"
#include "domain/rubric.hpp"
#include "domain/vocabulary.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cdcwb::domain {

struct ServiceEntry {
    std::string service_id;
    std::optional<Level> level; ///< nullopt: not decided yet
    Assignment assignment = Assignment::unassigned;
    std::string owner;    ///< accountable internal team (Insource, Both)
    std::string provider; ///< outside provider (Outsource, Both)
    /// The organisation's own answers for the quadrant advisor, overriding the catalogue's.
    std::optional<SourcingAnswers> sourcing;
    // Scores: only the pairs that fit the assignment may be set (see validate_entry).
    ScorePair insource;   ///< insource rubric: Insource and Both
    ScorePair outsource;  ///< outsource rubric: Outsource and Both
    ScorePair unassigned; ///< Unassigned: as-is is 1 (or n/a), to-be is the target
    std::string rationale;
    std::vector<std::string> evidence; ///< file references or links
    std::string capacity;              ///< FIRST's capacity target, free text
    std::string capability;            ///< FIRST's capability (maturity) target, free text

    friend bool operator==(const ServiceEntry&, const ServiceEntry&) = default;
};

/// The score pairs of an entry: one per rubric, and the Unassigned pair.
enum class ScoreSlot { insource, outsource, unassigned };
std::string_view to_string(ScoreSlot slot);

/// The pairs an assignment is scored with, in rubric order: Both uses two, the others one.
/// Only these may hold scores (validate_entry).
std::vector<ScoreSlot> score_slots(Assignment assignment);
const ScorePair& pair_of(const ServiceEntry& entry, ScoreSlot slot);

/// The scores one side of a pair may take: 1–5 and n/a, except an Unassigned service's as-is,
/// which is 1 (nobody runs it) or n/a.
std::vector<Score> score_options(ScoreSlot slot, bool as_is);

/// Who must be named for an assignment to be accountable: the owner (an internal team) for
/// Insource and Both, the provider for Outsource and Both; Unassigned names nobody yet.
struct NamesNeeded {
    bool owner = false;
    bool provider = false;
};
NamesNeeded names_needed(Assignment assignment);

/// An organisation-specific service the catalogue lacks.
struct CustomService {
    std::string id;
    std::string category; ///< a category of the organisation's catalogue
    LocalizedText name;
    LocalizedText description;
    std::optional<SourcingAnswers> sourcing;
    friend bool operator==(const CustomService&, const CustomService&) = default;
};

/// What the rules need to know about a service, whether from the catalogue or custom.
struct ServiceInfo {
    std::string id;
    std::string category;
    Phase phase = Phase::strategic;
    std::optional<SourcingAnswers> sourcing;
    LocalizedText name;
    bool custom = false;
    int order = 0; ///< position in the catalogue, custom services after the catalogue's
};

/// The services an organisation can choose from: its catalogue's plus its custom ones.
class ServiceDirectory {
  public:
    /// Fails when a custom service clashes with a catalogue id, names an unknown category, or
    /// lacks a name in either language.
    static Result<ServiceDirectory> build(const Catalogue& catalogue,
                                          const std::vector<CustomService>& custom);

    const Catalogue& catalogue() const { return *catalogue_; }
    const std::vector<ServiceInfo>& services() const { return services_; }
    const ServiceInfo* find(std::string_view id) const;
    std::vector<const CatalogueNode*> categories() const {
        return catalogue_->of_kind(NodeKind::category);
    }

  private:
    const Catalogue* catalogue_ = nullptr;
    std::vector<ServiceInfo> services_;
    std::map<std::string, std::size_t, std::less<>> index_;
};

/// Checks one entry against the rules of the model; `field` prefixes the field names in errors.
Status validate_entry(const ServiceEntry& entry, const ServiceDirectory& directory,
                      const std::string& field);

/// The quadrant answers that apply: the organisation's own, else the catalogue's default.
std::optional<SourcingAnswers> effective_sourcing(const ServiceEntry& entry,
                                                  const ServiceInfo& info);

} // namespace cdcwb::domain
