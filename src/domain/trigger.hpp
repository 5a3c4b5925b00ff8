// Triggers of the evaluation process: events that make an evaluation due, and the schedule that
// makes the periodic portfolio evaluation due.
#pragma once

#include "domain/date.hpp"
#include "domain/history.hpp"
#include "domain/result.hpp"
#include "domain/vocabulary.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cdcwb::domain {

struct TriggerEvent {
    Date date;
    TriggerKind kind = TriggerKind::business_change;
    std::string note;
    friend bool operator==(const TriggerEvent&, const TriggerEvent&) = default;
};

/// An event's note is free text of at most 4000 bytes. `field` prefixes the field name ("" for
/// an event on its own).
Status validate_event(const TriggerEvent& event, const std::string& field);

/// The evaluation an event makes due: business change and new threats → catalogue; organisation
/// and provider changes → profile; schedule → portfolio.
EvaluationKind evaluation_for(TriggerKind kind);

struct DueEvaluation {
    EvaluationKind kind;
    std::optional<Date> last_done;      ///< the latest evaluation that covered this kind
    std::vector<TriggerEvent> events;   ///< events after last_done that call for it
    std::optional<Date> scheduled_date; ///< portfolio: when the schedule made it due
};

/// The evaluations due on `today`. An event makes its evaluation due when it is dated after the
/// latest recorded evaluation covering that kind (an evaluation on the event's day counts as done);
/// the portfolio evaluation is also due when none has been run, or the last is `interval_days`
/// or more before `today`. Events dated after `today` are ignored.
std::vector<DueEvaluation> due_evaluations(const std::vector<TriggerEvent>& events,
                                           const std::vector<Evaluation>& history, Date today,
                                           int interval_days);

} // namespace cdcwb::domain
