#include "domain/evaluation.hpp"

#include <algorithm>
#include <map>

namespace cdcwb::domain {
namespace {

std::string level_name(Level l, Lang lang) {
    return display_name(l).in(lang);
}

Finding make(EvaluationKind kind, Severity severity, std::string_view code, const ServiceEntry& e,
             LocalizedText message) {
    Finding f;
    f.kind = kind;
    f.severity = severity;
    f.code = std::string(code);
    f.service_id = e.service_id;
    f.level = e.level;
    f.assignment = e.assignment;
    f.message = std::move(message);
    return f;
}

void catalogue_findings(const ServiceDirectory& dir,
                        const std::map<std::string_view, const ServiceEntry*>& by_id,
                        const Template* reference, std::vector<Finding>& out) {
    for (const ServiceInfo& info : dir.services()) {
        auto it = by_id.find(info.id);
        const std::optional<Level> ref =
            reference && !info.custom ? reference->level_of(info.id) : std::nullopt;
        if (it == by_id.end() || !it->second->level) {
            ServiceEntry undecided;
            undecided.service_id = info.id;
            Finding f =
                make(EvaluationKind::catalogue, Severity::warning, finding::undecided, undecided,
                     {"no recommendation level decided; choose one (Not required is a "
                      "decision too)",
                      "推奨レベルが未決定。レベルを決めること（「不要」も一つの判断である）"});
            f.reference_level = ref;
            f.assignment.reset();
            out.push_back(std::move(f));
            continue;
        }
        const ServiceEntry& e = *it->second;
        const Level level = *e.level;
        if (level == Level::not_required) {
            const bool reference_wants_it = ref && in_catalogue(*ref);
            LocalizedText msg{"marked Not required; re-examine that it is really unnecessary",
                              "「不要」とされている。本当に不要か再検討すること"};
            if (reference_wants_it) {
                msg.en += " (the reference template has it as " + level_name(*ref, Lang::en) + ")";
                msg.ja += "（参照テンプレートでは" + level_name(*ref, Lang::ja) + "）";
            }
            Finding f = make(EvaluationKind::catalogue,
                             reference_wants_it ? Severity::warning : Severity::info,
                             finding::not_required_review, e, std::move(msg));
            f.reference_level = ref;
            out.push_back(std::move(f));
            continue;
        }
        if (!ref || *ref == level) continue;
        const bool below = priority(level) > priority(*ref);
        Finding f = make(EvaluationKind::catalogue, below ? Severity::warning : Severity::info,
                         below ? finding::below_reference : finding::above_reference, e,
                         {"level " + level_name(level, Lang::en) +
                              " where the reference template has " + level_name(*ref, Lang::en),
                          "レベルが" + level_name(level, Lang::ja) + "（参照テンプレートでは" +
                              level_name(*ref, Lang::ja) + "）"});
        f.reference_level = ref;
        out.push_back(std::move(f));
    }
}

void profile_findings(const ServiceDirectory& dir, const std::vector<const ServiceEntry*>& scope,
                      std::vector<Finding>& out) {
    // Spec order: clear every Unassigned first, then check assignments against the quadrants,
    // then the names that make an assignment accountable.
    std::vector<Finding> unassigned, mismatches, names;
    for (const ServiceEntry* e : scope)
        for (Finding& f : profile_findings(*e, *dir.find(e->service_id)))
            (f.code == finding::unassigned          ? unassigned
             : f.code == finding::quadrant_mismatch ? mismatches
                                                    : names)
                .push_back(std::move(f));
    for (auto* group : {&unassigned, &mismatches, &names})
        std::move(group->begin(), group->end(), std::back_inserter(out));
}

void portfolio_findings(const ServiceDirectory& dir, const std::vector<const ServiceEntry*>& scope,
                        std::vector<Finding>& out) {
    struct Ranked {
        int group; // 0 gaps, 1 not scored, 2 targets below current
        int level_priority;
        int gap;
        int order;
        Finding finding;
    };
    std::vector<Ranked> ranked;
    for (const ServiceEntry* e : scope) {
        const ServiceInfo& info = *dir.find(e->service_id);
        const int prio = priority(*e->level);
        ServiceScore s = service_score(*e);
        if (s.state == ServiceScore::State::not_applicable) continue;
        if (s.state == ServiceScore::State::incomplete) {
            ranked.push_back(
                {1, prio, 0, info.order,
                 make(EvaluationKind::portfolio, Severity::warning, finding::not_scored, *e,
                      {"as-is or to-be score missing; score it with the rubric for "
                       "its assignment",
                       "現状または目標のスコアがない。割り当てに合う評価基準で採点すること"})});
            continue;
        }
        if (s.gap() == 0) continue;
        Finding f;
        if (s.gap() > 0) {
            f = make(EvaluationKind::portfolio,
                     *e->level == Level::basic ? Severity::warning : Severity::info, finding::gap,
                     *e,
                     {"gap " + std::to_string(s.gap()) + " between as-is " +
                          std::to_string(s.as_is) + " and to-be " + std::to_string(s.to_be),
                      "現状" + std::to_string(s.as_is) + "と目標" + std::to_string(s.to_be) +
                          "の差は" + std::to_string(s.gap())});
        } else {
            f = make(EvaluationKind::portfolio, Severity::info, finding::target_below_current, *e,
                     {"to-be " + std::to_string(s.to_be) + " is below as-is " +
                          std::to_string(s.as_is) + "; confirm the target",
                      "目標" + std::to_string(s.to_be) + "が現状" + std::to_string(s.as_is) +
                          "を下回っている。目標を確認すること"});
        }
        f.as_is = s.as_is;
        f.to_be = s.to_be;
        ranked.push_back({s.gap() > 0 ? 0 : 2, prio, s.gap(), info.order, std::move(f)});
    }
    // Spec order: by level (Basic first), then by the largest gap.
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        if (a.group != b.group) return a.group < b.group;
        if (a.level_priority != b.level_priority) return a.level_priority < b.level_priority;
        if (a.gap != b.gap) return a.gap > b.gap;
        return a.order < b.order;
    });
    for (auto& r : ranked) out.push_back(std::move(r.finding));
}

} // namespace

std::vector<Finding> profile_findings(const ServiceEntry& e, const ServiceInfo& info) {
    std::vector<Finding> out;
    if (e.assignment == Assignment::unassigned) {
        out.push_back(make(EvaluationKind::profile, Severity::error, finding::unassigned, e,
                           {"in the catalogue but nobody delivers it; assign an owner "
                            "or a provider",
                            "カタログにあるが担い手がいない。担当部署か委託先を割り当てること"}));
        return out;
    }
    if (auto answers = effective_sourcing(e, info)) {
        const Quadrant q = quadrant_of(*answers);
        if (auto why = quadrant_mismatch(q, e.assignment)) {
            Finding f = make(EvaluationKind::profile, Severity::warning, finding::quadrant_mismatch,
                             e, *why);
            f.quadrant = q;
            out.push_back(std::move(f));
        }
    }
    const NamesNeeded needs = names_needed(e.assignment);
    if (needs.owner && e.owner.empty())
        out.push_back(make(
            EvaluationKind::profile, Severity::warning, finding::missing_owner, e,
            {"no accountable internal team named", "責任を持つ内部の担当部署が記載されていない"}));
    if (needs.provider && e.provider.empty())
        out.push_back(make(EvaluationKind::profile, Severity::warning, finding::missing_provider, e,
                           {"no outside provider named", "委託先が記載されていない"}));
    return out;
}

std::vector<Finding> profile_issues(const ServiceEntry& entry, const ServiceInfo& info) {
    return in_scope(entry) ? profile_findings(entry, info) : std::vector<Finding>{};
}

std::vector<const Finding*> EvaluationResult::of_kind(EvaluationKind kind) const {
    std::vector<const Finding*> out;
    for (const auto& f : findings)
        if (f.kind == kind) out.push_back(&f);
    return out;
}

int EvaluationResult::count(Severity severity) const {
    return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
        return f.severity == severity;
    }));
}

int EvaluationResult::count_at_least(Severity severity) const {
    return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
        return static_cast<int>(f.severity) >= static_cast<int>(severity);
    }));
}

EvaluationResult evaluate(const ServiceDirectory& directory,
                          const std::vector<ServiceEntry>& entries, const Template* reference) {
    std::map<std::string_view, const ServiceEntry*> by_id;
    for (const auto& e : entries) by_id.emplace(e.service_id, &e);

    // The services in scope, in catalogue order.
    std::vector<const ServiceEntry*> scope;
    for (const ServiceInfo& info : directory.services()) {
        auto it = by_id.find(info.id);
        if (it != by_id.end() && in_scope(*it->second)) scope.push_back(it->second);
    }

    EvaluationResult ev;
    ev.reference_template = reference ? reference->id : std::string();
    catalogue_findings(directory, by_id, reference, ev.findings);
    profile_findings(directory, scope, ev.findings);
    portfolio_findings(directory, scope, ev.findings);
    ev.scores = aggregate(directory, entries);
    return ev;
}

std::vector<Finding> findings_of(std::vector<Finding> findings,
                                 const std::vector<EvaluationKind>& kinds) {
    if (kinds.empty()) return findings;
    std::erase_if(findings, [&](const Finding& f) {
        return std::find(kinds.begin(), kinds.end(), f.kind) == kinds.end();
    });
    return findings;
}

} // namespace cdcwb::domain
