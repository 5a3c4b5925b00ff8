#include "domain/action.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>

namespace cdcwb::domain {
namespace {

struct StatusTerm {
    ActionStatus value;
    std::string_view token;
    LocalizedText name;
};
const std::array<StatusTerm, 4> kStatuses{{
    {ActionStatus::open, "open", {"Open", "未着手"}},
    {ActionStatus::in_progress, "in_progress", {"In progress", "対応中"}},
    {ActionStatus::done, "done", {"Done", "完了"}},
    {ActionStatus::cancelled, "cancelled", {"Cancelled", "中止"}},
}};

// Gaps above this many points need more than the resources already allocated.
constexpr int kShortCycleMaxGap = 2;

} // namespace

std::string_view to_string(ActionStatus status) {
    for (const auto& t : kStatuses)
        if (t.value == status) return t.token;
    return "open";
}

std::optional<ActionStatus> parse_action_status(std::string_view token) {
    for (const auto& t : kStatuses)
        if (t.token == token) return t.value;
    return std::nullopt;
}

const LocalizedText& display_name(ActionStatus status) {
    for (const auto& t : kStatuses)
        if (t.value == status) return t.name;
    return kStatuses[0].name;
}

std::string allowed_action_statuses() {
    std::string out;
    for (const auto& t : kStatuses) out += (out.empty() ? "" : " | ") + std::string(t.token);
    return out;
}

Phase action_phase(const Action& action, const ServiceDirectory& directory) {
    if (action.phase) return *action.phase;
    for (const auto& id : action.services)
        if (const ServiceInfo* info = directory.find(id)) return info->phase;
    return Phase::strategic;
}

Status validate_action(const Action& action, const ServiceDirectory& directory,
                       const std::string& field) {
    if (action.id.empty()) return invalid("an action needs an id", field + ".id");
    if (action.title.empty())
        return invalid("action '" + action.id + "' needs a title", field + ".title");
    for (const auto& [text, name, max] : {std::tuple{&action.id, "id", std::size_t{64}},
                                          std::tuple{&action.title, "title", kShortText},
                                          std::tuple{&action.owner, "owner", kShortText},
                                          std::tuple{&action.resources, "resources", kLongText},
                                          std::tuple{&action.finding, "finding", std::size_t{64}}})
        if (auto s = validate_text(*text, field + "." + name, max); !s) return s;
    for (std::size_t i = 0; i < action.history.size(); ++i) {
        const auto& h = action.history[i];
        const std::string f = field + ".history[" + std::to_string(i) + "]";
        for (const auto& [text, name, max] :
             {std::tuple{&h.what, "what", std::size_t{64}}, std::tuple{&h.from, "from", kShortText},
              std::tuple{&h.to, "to", kShortText}, std::tuple{&h.note, "note", kLongText}})
            if (auto s = validate_text(*text, f + "." + name, max); !s) return s;
    }
    for (std::size_t i = 0; i < action.services.size(); ++i)
        if (!directory.find(action.services[i]))
            return invalid("action '" + action.id + "' links unknown service '" +
                               action.services[i] + "'",
                           field + ".services[" + std::to_string(i) + "]");
    return {};
}

Result<Action> escalate(Action action, Date on, std::string note) {
    if (action.cycle == Cycle::long_cycle)
        return conflict("action '" + action.id + "' is already in the long cycle", "cycle");
    if (action.status == ActionStatus::done || action.status == ActionStatus::cancelled)
        return conflict("action '" + action.id + "' is " + std::string(to_string(action.status)) +
                            "; only open or in-progress actions can be escalated",
                        "status");
    action.cycle = Cycle::long_cycle;
    action.history.push_back({on, "escalated", "short", "long", std::move(note)});
    return action;
}

Action record_creation(Action action, Date on) {
    if (action.history.empty()) action.history.push_back({on, "created", {}, {}, {}});
    return action;
}

Action record_edit(const Action& before, Action after, Date on) {
    after.history = before.history;
    if (after.status != before.status)
        after.history.push_back({on,
                                 "status",
                                 std::string(to_string(before.status)),
                                 std::string(to_string(after.status)),
                                 {}});
    if (after.cycle != before.cycle)
        after.history.push_back({on,
                                 "cycle",
                                 std::string(to_string(before.cycle)),
                                 std::string(to_string(after.cycle)),
                                 {}});
    return after;
}

std::vector<Action> draft_actions(const Evaluation& evaluation, const ServiceDirectory& directory,
                                  const std::vector<Action>& existing, Date today) {
    // A finding is answered when an action that is still open or in progress names the same
    // finding code and service.
    std::set<std::pair<std::string, std::string>> answered;
    for (const auto& a : existing) {
        if (a.status == ActionStatus::done || a.status == ActionStatus::cancelled) continue;
        for (const auto& s : a.services) answered.emplace(a.finding, s);
    }

    std::vector<Action> drafts;
    int n = 0;
    for (const Finding& f : evaluation.findings) {
        if (answered.count({f.code, f.service_id})) continue;
        const ServiceInfo* info = directory.find(f.service_id);
        if (!info) continue;
        const std::string& name = info->name.en;
        Action a;
        if (f.code == finding::unassigned) {
            a.title = "Assign an owner or provider for " + f.service_id + " " + name;
            a.cycle = Cycle::long_cycle;
            a.resources = "people or an outside provider";
        } else if (f.code == finding::quadrant_mismatch) {
            a.title = "Review the sourcing of " + f.service_id + " " + name + " (quadrant " +
                      std::string(to_string(*f.quadrant)) + ")";
            a.cycle = Cycle::long_cycle;
            a.resources = "contract or staffing change";
        } else if (f.code == finding::missing_owner || f.code == finding::missing_provider) {
            a.title =
                "Name the " +
                std::string(f.code == finding::missing_owner ? "accountable team" : "provider") +
                " for " + f.service_id + " " + name;
            a.cycle = Cycle::short_cycle;
        } else if (f.code == finding::gap) {
            const int gap = *f.to_be - *f.as_is;
            a.title = "Raise " + f.service_id + " " + name + " from " + std::to_string(*f.as_is) +
                      " to " + std::to_string(*f.to_be);
            a.cycle = gap > kShortCycleMaxGap ? Cycle::long_cycle : Cycle::short_cycle;
        } else {
            continue; // catalogue findings and missing scores are decisions, not actions
        }
        // Draft ids never reuse an id the organisation already has.
        do {
            a.id = "DRAFT-" + std::to_string(++n);
        } while (std::any_of(existing.begin(), existing.end(),
                             [&](const Action& x) { return x.id == a.id; }));
        a.services = {f.service_id};
        a.finding = f.code;
        a.history.push_back({today, "created", "", "", "drafted from finding " + f.code});
        drafts.push_back(std::move(a));
    }
    return drafts;
}

} // namespace cdcwb::domain
