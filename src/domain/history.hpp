// Evaluation history. An Evaluation is what running the evaluations records: a dated, immutable
// copy of an organisation's matrix (the findings the run produced are stored beside it; see
// domain/evaluation.hpp for the run itself, EvaluationResult). Two evaluations can be compared;
// many give trends.
#pragma once

#include "domain/date.hpp"
#include "domain/scoring.hpp"
#include "domain/service_entry.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cdcwb::domain {

struct Evaluation {
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
Status validate_evaluation_id(std::string_view id, const std::string& field);

/// Whether `approver` may sign off `evaluation`, recorded by `recorded_by`, on `today`: an
/// approval is dated the day it is given (a `requested` date, when one is asked for, must be
/// `today`), once only, not before the day the evaluation is dated, and — where the organisation
/// separates the duties (`separate_approver`) — not by the person who recorded it.
Status check_approval(const Evaluation& evaluation, std::string_view recorded_by,
                      std::string_view approver, Date today, bool separate_approver,
                      std::optional<Date> requested = std::nullopt);

/// An evaluation of the current matrix as of `date`: the entries stripped of rationale and
/// evidence.
Evaluation evaluation_of(std::string id, Date date, const std::vector<ServiceEntry>& entries);

struct Change {
    std::string service_id;
    std::string field;  ///< level | assignment | owner | provider | as_is | to_be
    std::string before; ///< token ("basic", "3", "n/a"); empty when unset or absent
    std::string after;
};

/// What changed from `before` to `after`, service by service in directory order.
std::vector<Change> diff(const ServiceDirectory& directory, const Evaluation& before,
                         const Evaluation& after);

struct TrendPoint {
    std::string evaluation_id;
    Date date;
    Aggregate value;
};

struct Trend {
    std::string scope;              ///< "overall" or a category id
    std::vector<TrendPoint> points; ///< oldest first
};

/// Overall and per-category scores over the evaluations, ordered by date.
std::vector<Trend> trends(const ServiceDirectory& directory, std::vector<Evaluation> history);

} // namespace cdcwb::domain
