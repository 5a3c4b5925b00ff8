#include "domain/trigger.hpp"

namespace cdcwb::domain {

Status validate_event(const TriggerEvent& event, const std::string& field) {
    return validate_text(event.note, field.empty() ? "note" : field + ".note", 4000);
}

EvaluationKind evaluation_for(TriggerKind kind) {
    switch (kind) {
    case TriggerKind::business_change:
    case TriggerKind::new_threat: return EvaluationKind::catalogue;
    case TriggerKind::organisation_change:
    case TriggerKind::provider_change: return EvaluationKind::profile;
    case TriggerKind::schedule: return EvaluationKind::portfolio;
    }
    return EvaluationKind::portfolio;
}

std::vector<DueEvaluation> due_evaluations(const std::vector<TriggerEvent>& events,
                                           const std::vector<Evaluation>& history, Date today,
                                           int interval_days) {
    std::vector<DueEvaluation> out;
    for (EvaluationKind kind : kAllEvaluationKinds) {
        DueEvaluation due{kind, std::nullopt, {}, std::nullopt};
        for (const Evaluation& s : history)
            if (s.covers(kind) && s.date <= today && (!due.last_done || s.date > *due.last_done))
                due.last_done = s.date;
        for (const TriggerEvent& e : events)
            if (evaluation_for(e.kind) == kind && e.date <= today &&
                (!due.last_done || e.date > *due.last_done))
                due.events.push_back(e);
        if (kind == EvaluationKind::portfolio) {
            if (!due.last_done)
                due.scheduled_date = today;
            else if (Date next = due.last_done->plus_days(interval_days); next <= today)
                due.scheduled_date = next;
        }
        if (!due.events.empty() || due.scheduled_date) out.push_back(std::move(due));
    }
    return out;
}

} // namespace cdcwb::domain
