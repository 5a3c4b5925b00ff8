// A review of an assessment as of a date: everything the evaluation process produces at once —
// findings and scores, evaluations due, changes since the last recorded evaluation, trends over
// the history, and draft actions for findings no open action answers yet.
#pragma once

#include "domain/action.hpp"
#include "domain/assessment.hpp"
#include "domain/evaluation.hpp"
#include "domain/history.hpp"
#include "domain/trigger.hpp"

#include <vector>

namespace cdcwb::domain {

struct Review {
    const Assessment* assessment = nullptr;
    const ServiceDirectory* directory = nullptr;
    Date date;
    EvaluationResult evaluation;
    std::vector<DueEvaluation> due;
    const Evaluation* previous = nullptr; ///< the latest recorded evaluation, if any
    std::vector<Change> changes;          ///< from `previous` to now
    std::vector<Trend> trends;            ///< recorded evaluations, then now
    std::vector<DraftAction> drafts;
};

/// `assessment` and `directory` must outlive the review; `reference` may be null.
Review review(const Assessment& assessment, const ServiceDirectory& directory,
              const Template* reference, Date date);

} // namespace cdcwb::domain
