#include "domain/review.hpp"

namespace cdcwb::domain {

Review review(const Assessment& assessment, const ServiceDirectory& directory,
              const Template* reference, Date date) {
    Review r;
    r.assessment = &assessment;
    r.directory = &directory;
    r.date = date;
    r.evaluation = evaluate(directory, assessment.services, reference);
    r.due = due_evaluations(assessment.events, assessment.evaluations, date,
                            assessment.evaluation_interval_days);
    Snapshot now = take_snapshot("now", date, assessment.services);
    r.previous = assessment.latest_evaluation();
    if (r.previous)
        r.changes = diff(directory, *r.previous, now);
    std::vector<Snapshot> history = assessment.evaluations;
    history.push_back(std::move(now));
    r.trends = trends(directory, std::move(history));
    r.drafts = draft_actions(r.evaluation, directory, assessment.actions, date);
    return r;
}

} // namespace cdcwb::domain
