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
    // Only the history up to the review's date: reviewing "as of" an earlier day ignores later
    // evaluations, as it ignores later events.
    std::vector<Evaluation> history;
    for (const Evaluation& s : assessment.evaluations)
        if (s.date <= date) history.push_back(s);
    r.previous = assessment.latest_evaluation(date);
    Evaluation now = evaluation_of("now", date, assessment.services);
    if (r.previous) r.changes = diff(directory, *r.previous, now);
    history.push_back(std::move(now));
    r.trends = trends(directory, std::move(history));
    r.drafts = draft_actions(r.evaluation, directory, assessment.actions, date);
    return r;
}

} // namespace cdcwb::domain
