// The management process's improvement actions (X.1060 clause 10): each linked to services, in a
// phase (derived from the services' category unless set) and a cycle (short: within current
// resources; long: needs new ones). A short-cycle action can overflow into the long cycle; the
// history keeps how it got there. Draft actions are proposed from evaluation findings.
#pragma once

#include "domain/date.hpp"
#include "domain/evaluation.hpp"
#include "domain/result.hpp"
#include "domain/service_entry.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cdcwb::domain {

struct ActionEvent {
    Date date;
    std::string what; ///< created | escalated | status | …
    std::string from;
    std::string to;
    std::string note;
    friend bool operator==(const ActionEvent&, const ActionEvent&) = default;
};

struct Action {
    std::string id;
    std::string title;
    std::vector<std::string> services;
    std::optional<Phase> phase; ///< set when the organisation overrides the derived phase
    Cycle cycle = Cycle::short_cycle;
    std::string owner;
    std::optional<Date> due;
    ActionStatus status = ActionStatus::open;
    std::string resources; ///< what it needs: people, budget, systems
    std::string finding;   ///< the finding code it answers, when drafted from one
    std::vector<ActionEvent> history;
    friend bool operator==(const Action&, const Action&) = default;
};

/// Whether an action is still to be worked on: open or in progress (not done, not cancelled).
bool is_open(const Action& action);

/// Whether an action is still open and its due date is before `today`.
bool is_overdue(const Action& action, Date today);

/// The phase an action belongs to: its own when set, else the phase of its first service's
/// category; an action linked to no known service belongs to strategic management.
Phase action_phase(const Action& action, const ServiceDirectory& directory);

/// Checks the id, the title and the service references; `field` prefixes field names in errors.
Status validate_action(const Action& action, const ServiceDirectory& directory,
                       const std::string& field);

/// Whether an action may be escalated: it is in the short cycle and still open; otherwise the
/// reason, as a conflict naming the field.
Status may_escalate(const Action& action);

/// Moves a short-cycle action into the long cycle, recording why in its history.
/// Refused (may_escalate) for an action that is already long-cycle, done or cancelled.
Result<Action> escalate(Action action, Date on, std::string note);

/// A new action's history starts with a "created" event on `on` (unless it already has one).
Action record_creation(Action action, Date on);

/// An edit of `before` into `after`: the history is the stored one (an edit cannot rewrite it),
/// plus a "status" or "cycle" event for each of those that changed.
Action record_edit(const Action& before, Action after, Date on);

/// A proposed action, with what a client needs to word it in either language without reading the
/// English: its title and resources in both languages and the figures of the finding it answers
/// (the finding's code and service are the action's `finding` and first service).
struct DraftAction {
    Action action; ///< as it would be saved: English title and resources
    LocalizedText title;
    LocalizedText resources;          ///< empty in both languages when the draft names none
    std::optional<int> from;          ///< a gap's as-is score
    std::optional<int> to;            ///< a gap's to-be score
    std::optional<Quadrant> quadrant; ///< a quadrant mismatch's quadrant
};

/// Draft actions for the findings no open action already answers. Unassigned services and
/// quadrant mismatches need new people, providers or contracts (long cycle); missing names and
/// gaps of up to 2 points are short-cycle work; larger gaps are long-cycle.
std::vector<DraftAction> draft_actions(const EvaluationResult& evaluation,
                                       const ServiceDirectory& directory,
                                       const std::vector<Action>& existing, Date today);

} // namespace cdcwb::domain
