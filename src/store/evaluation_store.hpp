// Evaluations: run one over the current matrix and record it, immutable, with its
// findings, read one, sign one off; the trigger events that make them due; and judging the state
// as it is now (the live review, draft actions, changes between evaluations, trends).
#pragma once

#include "domain/review.hpp"
#include "domain/trigger.hpp"
#include "store/store_core.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::store {

struct EventRecord {
    std::int64_t id = 0;
    domain::TriggerEvent event;
    std::string created_at;
    std::string created_by;
};

struct FindingCounts {
    int error = 0;
    int warning = 0;
    int info = 0;
    friend bool operator==(const FindingCounts&, const FindingCounts&) = default;
};

struct EvaluationRecord {
    domain::Evaluation evaluation;         ///< services empty when loaded as a summary
    std::vector<domain::Finding> findings; ///< empty when loaded as a summary
    FindingCounts counts;
    std::string reference_template;
    std::string created_at;
    std::string created_by;
};

struct NewEvaluation {
    std::string id; ///< empty: derived from the date ("2026-11-22", then "2026-11-22-2" …)
    domain::Date date;
    std::vector<domain::EvaluationKind> kinds; ///< empty: all three
    std::string note;
};

/// The live review of an organisation with what it refers to (domain::Review points into the
/// assessment and the directory, so the three live together).
struct LiveReview {
    domain::Assessment assessment;
    std::shared_ptr<const domain::ServiceDirectory> directory;
    domain::Review review;
};

/// What changed between two evaluations ("current" as `to`: the matrix as it is now).
struct ChangeSet {
    std::string from;
    std::string to;
    std::vector<domain::Change> changes;
};

class EvaluationStore {
  public:
    explicit EvaluationStore(StoreCore& core) : core_(core) {}

    /// Evaluates the current matrix and records it, with its findings, immutable.
    Result<EvaluationRecord> run_evaluation(const Actor& actor, std::string_view slug,
                                            const NewEvaluation& request);
    Result<EvaluationRecord> evaluation(std::string_view slug, std::string_view id);
    /// Signs off an evaluation, once, dated the day it happens (the store's clock); a date
    /// asked for must be that day. See domain::check_approval for who may.
    Result<EvaluationRecord>
    approve_evaluation(const Actor& actor, std::string_view slug, std::string_view id,
                       std::optional<domain::Date> requested = std::nullopt);
    Result<EventRecord> add_event(const Actor& actor, std::string_view slug,
                                  const domain::TriggerEvent& event);
    /// The live evaluation as of `date`: scores, findings, changes since the last evaluation,
    /// trends, what is due, draft actions.
    Result<std::unique_ptr<LiveReview>> review(std::string_view slug, domain::Date date);
    /// Draft actions for the current findings that no open action answers yet (not saved).
    Result<std::vector<domain::DraftAction>> action_drafts(std::string_view slug,
                                                           domain::Date today);
    /// What changed from evaluation `from` to evaluation `to`, or to the current matrix (as of
    /// `today`) when `to` is not given. An unknown id is not_found naming "from" or "to".
    Result<ChangeSet> changes(std::string_view slug, std::string_view from,
                              std::optional<std::string_view> to, domain::Date today);
    /// Overall and per-category scores over every recorded evaluation.
    Result<std::vector<domain::Trend>> trends(std::string_view slug);

  private:
    StoreCore& core_;
};
} // namespace cdcwb::store
