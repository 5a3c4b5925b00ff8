// The store: everything CDC Workbench keeps, on SQLite or PostgreSQL, one part per resource over
// the shared database (organisations, the matrix's entries, evaluations, actions, users,
// credentials, evidence, the audit log). Every change is checked with the domain's rules first,
// then written together with its audit record in one transaction; invalid input writes nothing.
// Records that people edit carry a revision: an update names the revision it started from, and
// a stale one is a conflict.
#pragma once

#include "store/action_store.hpp"
#include "store/audit_store.hpp"
#include "store/credential_store.hpp"
#include "store/evaluation_store.hpp"
#include "store/evidence_store.hpp"
#include "store/organisation_store.hpp"
#include "store/service_entry_store.hpp"
#include "store/store_core.hpp"
#include "store/two_factor_store.hpp"
#include "store/user_store.hpp"

namespace cdcwb::store {

/// Every part of the store over one database: `store.entries.update_entry(…)`.
class Store {
  public:
    Store(Database& db, const catalogue::Library& library, Clock clock = {})
        : core_(db, library, std::move(clock)) {}
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    Database& database() { return core_.db; }
    const catalogue::Library& library() const { return core_.library; }

  private:
    StoreCore core_; // first: the parts below work through it

  public:
    OrganisationStore organisations{core_};
    ServiceEntryStore entries{core_};
    EvaluationStore evaluations{core_};
    ActionStore actions{core_};
    UserStore users{core_};
    CredentialStore credentials{core_};
    EvidenceStore evidence{core_};
    AuditStore audit{core_};
    TwoFactorStore two_factor{core_};
};

} // namespace cdcwb::store
