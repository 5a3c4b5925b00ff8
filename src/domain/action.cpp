#include "domain/action.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace cdcwb::domain {
namespace {

// Gaps above this many points need more than the resources already allocated.
constexpr int kShortCycleMaxGap = 2;

} // namespace

bool is_open(const Action& action) {
    return action.status == ActionStatus::open || action.status == ActionStatus::in_progress;
}

bool is_overdue(const Action& action, Date today) {
    return is_open(action) && action.due && *action.due < today;
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

Status may_escalate(const Action& action) {
    if (action.cycle == Cycle::long_cycle)
        return conflict("action '" + action.id + "' is already in the long cycle", "cycle");
    if (!is_open(action))
        return conflict("action '" + action.id + "' is " + std::string(to_string(action.status)) +
                            "; only open or in-progress actions can be escalated",
                        "status");
    return {};
}

Result<Action> escalate(Action action, Date on, std::string note) {
    if (auto s = may_escalate(action); !s) return s.error();
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

std::vector<DraftAction> draft_actions(const EvaluationResult& evaluation,
                                       const ServiceDirectory& directory,
                                       const std::vector<Action>& existing, Date today) {
    // A finding is answered when an action that is still open or in progress names the same
    // finding code and service.
    std::set<std::pair<std::string, std::string>> answered;
    for (const auto& a : existing) {
        if (!is_open(a)) continue;
        for (const auto& s : a.services) answered.emplace(a.finding, s);
    }

    std::vector<DraftAction> drafts;
    int n = 0;
    for (const Finding& f : evaluation.findings) {
        if (answered.count({f.code, f.service_id})) continue;
        const ServiceInfo* info = directory.find(f.service_id);
        if (!info) continue;
        // "A-1 Name" in each language, as the titles start or end with it.
        const LocalizedText service{f.service_id + " " + info->name.en,
                                    f.service_id + " " + info->name.ja};
        DraftAction d;
        Action& a = d.action;
        if (f.code == finding::unassigned) {
            d.title = {"Assign an owner or provider for " + service.en,
                       service.ja + "の担当（自組織のチームまたは委託先）を決める"};
            d.resources = {"people or an outside provider", "要員または外部の委託先"};
            a.cycle = Cycle::long_cycle;
        } else if (f.code == finding::quadrant_mismatch) {
            const std::string q(to_string(*f.quadrant));
            d.title = {"Review the sourcing of " + service.en + " (quadrant " + q + ")",
                       service.ja + "のソーシングを見直す（象限 " + q + "）"};
            d.resources = {"contract or staffing change", "契約または体制の変更"};
            d.quadrant = f.quadrant;
            a.cycle = Cycle::long_cycle;
        } else if (f.code == finding::missing_owner) {
            d.title = {"Name the accountable team for " + service.en,
                       service.ja + "の責任チームを明記する"};
            a.cycle = Cycle::short_cycle;
        } else if (f.code == finding::missing_provider) {
            d.title = {"Name the provider for " + service.en, service.ja + "の委託先を明記する"};
            a.cycle = Cycle::short_cycle;
        } else if (f.code == finding::gap) {
            const std::string from = std::to_string(*f.as_is), to = std::to_string(*f.to_be);
            d.title = {"Raise " + service.en + " from " + from + " to " + to,
                       service.ja + "を " + from + " から " + to + " に引き上げる"};
            d.from = f.as_is;
            d.to = f.to_be;
            a.cycle =
                *f.to_be - *f.as_is > kShortCycleMaxGap ? Cycle::long_cycle : Cycle::short_cycle;
        } else {
            continue; // catalogue findings and missing scores are decisions, not actions
        }
        a.title = d.title.en;
        a.resources = d.resources.en;
        // Draft ids never reuse an id the organisation already has.
        do {
            a.id = "DRAFT-" + std::to_string(++n);
        } while (std::any_of(existing.begin(), existing.end(),
                             [&](const Action& x) { return x.id == a.id; }));
        a.services = {f.service_id};
        a.finding = f.code;
        a.history.push_back({today, "created", "", "", "drafted from finding " + f.code});
        drafts.push_back(std::move(d));
    }
    return drafts;
}

} // namespace cdcwb::domain
