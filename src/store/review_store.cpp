// Judging an organisation as it is now: the live review, the draft actions for its findings,
// what changed between two evaluations (or since one), and the trends over its evaluations.
// Each reads the state in one consistent read and leaves the rules to the domain.
#include "store/evaluation_store.hpp"
#include "store/organisation_store.hpp"
#include "store/rows.hpp"

namespace cdcwb::store {

using namespace domain;

namespace {

const Evaluation* find_evaluation(const OrganisationState& state, std::string_view id) {
    for (const auto& e : state.evaluations)
        if (e.evaluation.id == id) return &e.evaluation;
    return nullptr;
}

/// An organisation read for judging: its state, its directory and its reference template.
struct Judging {
    OrganisationState state;
    std::shared_ptr<const ServiceDirectory> directory;
    const Template* reference = nullptr; ///< none when the organisation has no reference
};

Result<Judging> judging(StoreCore& core, std::string_view slug, History history) {
    auto state = guarded([&]() -> Result<OrganisationState> {
        Unit unit(core.db, Unit::Mode::read);
        auto org = rows::organisation(unit.sql(), slug);
        if (!org) return org.error();
        return rows::load_state(unit.sql(), *org, history);
    });
    if (!state) return state.error();
    auto dir = core.directory(state->organisation.catalogue_id, state->custom_services);
    if (!dir) return dir.error();
    auto reference =
        core.library.template_for(state->organisation.reference_template,
                                  state->organisation.catalogue_id, "reference_template");
    if (!reference) return reference.error();
    return Judging{std::move(*state), std::move(*dir), *reference};
}

} // namespace

Result<std::unique_ptr<LiveReview>> EvaluationStore::review(std::string_view slug, Date date) {
    auto judged = judging(core_, slug, History::full);
    if (!judged) return judged.error();
    auto live = std::make_unique<LiveReview>();
    live->assessment = judged->state.assessment();
    live->directory = judged->directory;
    live->review = domain::review(live->assessment, *live->directory, judged->reference, date);
    return live;
}

Result<std::vector<DraftAction>> EvaluationStore::action_drafts(std::string_view slug, Date today) {
    auto judged = judging(core_, slug, History::summaries);
    if (!judged) return judged.error();
    std::vector<ServiceEntry> entries;
    std::vector<Action> actions;
    for (const auto& e : judged->state.entries) entries.push_back(e.entry);
    for (const auto& a : judged->state.actions) actions.push_back(a.action);
    const auto evaluation = evaluate(*judged->directory, entries, judged->reference);
    return draft_actions(evaluation, *judged->directory, actions, today);
}

Result<ChangeSet> EvaluationStore::changes(std::string_view slug, std::string_view from,
                                           std::optional<std::string_view> to, Date today) {
    auto judged = judging(core_, slug, History::full);
    if (!judged) return judged.error();
    const auto& state = judged->state;
    const Evaluation* before = find_evaluation(state, from);
    if (!before) return not_found("no evaluation '" + std::string(from) + "'", "from");
    Evaluation now;
    const Evaluation* after = &now;
    if (to) {
        after = find_evaluation(state, *to);
        if (!after) return not_found("no evaluation '" + std::string(*to) + "'", "to");
    } else {
        std::vector<ServiceEntry> entries;
        for (const auto& e : state.entries) entries.push_back(e.entry);
        now = evaluation_of("current", today, entries);
    }
    return ChangeSet{before->id, after->id, diff(*judged->directory, *before, *after)};
}

Result<std::vector<Trend>> EvaluationStore::trends(std::string_view slug) {
    auto judged = judging(core_, slug, History::full);
    if (!judged) return judged.error();
    std::vector<Evaluation> history;
    for (const auto& e : judged->state.evaluations) history.push_back(e.evaluation);
    return domain::trends(*judged->directory, std::move(history));
}

} // namespace cdcwb::store
