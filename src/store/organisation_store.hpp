// Organisations: create, settings, delete, import; and reading one organisation's whole state in
// one consistent read.
#pragma once

#include "domain/assessment.hpp"
#include "store/action_store.hpp"
#include "store/evaluation_store.hpp"
#include "store/service_entry_store.hpp"
#include "store/store_core.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::store {

struct OrganisationRecord {
    std::int64_t id = 0;
    std::string slug; ///< the organisation's id in files, URLs and the CLI
    std::string name;
    std::string catalogue_id;
    std::string reference_template;
    int evaluation_interval_days = domain::kDefaultEvaluationIntervalDays;
    bool separate_approver = false; ///< see domain::check_approval
    std::int64_t revision = 0;
    std::string created_at;
    int custom_services = 0; ///< how many organisation-specific services it has
    /// Raised by every change to anything in the organisation: equal versions, equal state.
    std::int64_t state_version = 0;
};

/// Which organisation, in which state: the internal id is never given to another organisation (a
/// new one under a deleted one's slug gets a new id), the version is its state version.
struct StateStamp {
    std::int64_t organisation_id = 0;
    std::int64_t version = 0;
};

struct NewOrganisation {
    std::string slug;
    std::string name;
    std::string catalogue_id = "x1060-2021";
    std::string template_id; ///< levels to start from; empty: every level undecided
};

/// A change to an organisation's settings: only the fields given change.
struct OrganisationSettings {
    std::optional<std::string> name;
    std::optional<std::string> reference_template; ///< empty: no reference
    std::optional<long long> evaluation_interval_days;
    std::optional<bool> separate_approver;
};

/// How much of the evaluation history load() reads: every evaluation's matrix and findings, or
/// only each evaluation's id, date, kinds, note, approval and finding counts (much faster).
enum class History { full, summaries };

/// One organisation's whole state, as loaded in one consistent read.
struct OrganisationState {
    OrganisationRecord organisation;
    std::vector<domain::CustomService> custom_services;
    std::vector<ServiceEntryRecord> entries;
    std::vector<ActionRecord> actions;
    std::vector<EventRecord> events;
    std::vector<EvaluationRecord> evaluations; ///< oldest first
    /// The same state as a `cdcwb/v1` assessment (what export writes).
    domain::Assessment assessment() const;
};

class OrganisationStore {
  public:
    explicit OrganisationStore(StoreCore& core) : core_(core) {}

    Result<OrganisationRecord> create_organisation(const Actor& actor, const NewOrganisation& org);
    Result<std::vector<OrganisationRecord>> list();
    Result<OrganisationRecord> organisation(std::string_view slug);
    /// The organisation's internal id and state version alone (one indexed read): see
    /// OrganisationRecord.
    Result<StateStamp> state_version(std::string_view slug);
    Result<OrganisationRecord> update_organisation(const Actor& actor, std::string_view slug,
                                                   const OrganisationSettings& settings,
                                                   std::int64_t expected_revision);
    Status delete_organisation(const Actor& actor, std::string_view slug);
    /// Everything about one organisation, read in one transaction.
    Result<OrganisationState> load(std::string_view slug, History history = History::full);
    /// The services an organisation can choose from (its catalogue's and its custom ones), for
    /// naming them; shared while its custom services stay the same.
    Result<std::shared_ptr<const domain::ServiceDirectory>> directory_of(std::string_view slug);
    /// Replaces an organisation's whole state with an assessment (creating the organisation
    /// when `slug` is new), in one transaction. The assessment must pass domain::validate.
    Result<OrganisationState> import_assessment(const Actor& actor, std::string_view slug,
                                                const domain::Assessment& assessment);

  private:
    StoreCore& core_;
};
} // namespace cdcwb::store
