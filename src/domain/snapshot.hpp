// Evaluation history: a snapshot is a dated, immutable copy of an organisation's matrix taken when
// an evaluation is run (and approved). Two snapshots can be compared; many give trends.
#pragma once

#include "domain/date.hpp"
#include "domain/scoring.hpp"
#include "domain/service_entry.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cdcwb::domain {

struct Snapshot {
    std::string id;
    Date date;
    std::vector<EvaluationKind> kinds; ///< which evaluations it covered (all three by default)
    std::string approved_by;
    std::optional<Date> approved_on;
    std::string note;
    std::vector<ServiceEntry> services; ///< the matrix only: no rationale or evidence

    bool covers(EvaluationKind kind) const;
};

/// An evaluation's id: 1–64 printable characters without spaces.
Status validate_snapshot_id(std::string_view id, const std::string& field);

/// A snapshot of the current matrix, stripped of rationale and evidence.
Snapshot take_snapshot(std::string id, Date date, const std::vector<ServiceEntry>& entries);

struct Change {
    std::string service_id;
    std::string field;  ///< level | assignment | owner | provider | as_is | to_be
    std::string before; ///< token ("basic", "3", "n/a"); empty when unset or absent
    std::string after;
};

/// What changed from `before` to `after`, service by service in directory order.
std::vector<Change> diff(const ServiceDirectory& directory, const Snapshot& before,
                         const Snapshot& after);

struct TrendPoint {
    std::string snapshot_id;
    Date date;
    Aggregate value;
};

struct Trend {
    std::string scope;              ///< "overall" or a category id
    std::vector<TrendPoint> points; ///< oldest first
};

/// Overall and per-category scores over the snapshots, ordered by date.
std::vector<Trend> trends(const ServiceDirectory& directory, std::vector<Snapshot> snapshots);

} // namespace cdcwb::domain
