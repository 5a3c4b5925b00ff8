#include "domain/scoring.hpp"

#include <algorithm>

namespace cdcwb::domain {
namespace {

ServiceScore from_pair(const ScorePair& pair) {
    if ((pair.as_is && !pair.as_is->applicable()) || (pair.to_be && !pair.to_be->applicable()))
        return {ServiceScore::State::not_applicable};
    if (!pair.as_is || !pair.to_be) return {ServiceScore::State::incomplete};
    return {ServiceScore::State::scored, pair.as_is->value(), pair.to_be->value()};
}

// Nobody runs an Unassigned service, so it is "not done" (1) unless the organisation said n/a.
ScorePair with_default(ScoreSlot slot, ScorePair pair) {
    if (slot == ScoreSlot::unassigned && !pair.as_is) pair.as_is = Score::points(1).value();
    return pair;
}

struct Sum {
    Aggregate agg;
    long as_is = 0;
    long to_be = 0;

    void add(const ServiceScore& s) {
        switch (s.state) {
        case ServiceScore::State::scored:
            ++agg.counted;
            as_is += s.as_is;
            to_be += s.to_be;
            break;
        case ServiceScore::State::not_applicable: ++agg.not_applicable; break;
        case ServiceScore::State::incomplete: ++agg.incomplete; break;
        }
    }
    Aggregate done() const {
        Aggregate out = agg;
        if (out.counted > 0) {
            out.as_is = static_cast<double>(as_is) / out.counted;
            out.to_be = static_cast<double>(to_be) / out.counted;
        }
        return out;
    }
};

} // namespace

ServiceScore service_score(const ServiceEntry& e) {
    switch (e.assignment) {
    case Assignment::insource: return from_pair(e.insource);
    case Assignment::outsource: return from_pair(e.outsource);
    case Assignment::unassigned:
        return from_pair(with_default(ScoreSlot::unassigned, e.unassigned));
    case Assignment::both: {
        ServiceScore in = from_pair(e.insource);
        ServiceScore out = from_pair(e.outsource);
        using S = ServiceScore::State;
        if (in.state == S::incomplete || out.state == S::incomplete) return {S::incomplete};
        if (in.state == S::not_applicable) return out;
        if (out.state == S::not_applicable) return in;
        return {S::scored, std::min(in.as_is, out.as_is), std::min(in.to_be, out.to_be)};
    }
    }
    return {};
}

bool fully_scored(const ServiceEntry& entry) {
    return service_score(entry).state != ServiceScore::State::incomplete;
}

std::optional<int> pair_gap(ScoreSlot slot, const ScorePair& pair) {
    const ServiceScore s = from_pair(with_default(slot, pair));
    if (s.state != ServiceScore::State::scored) return std::nullopt;
    return s.gap();
}

bool in_scope(const ServiceEntry& entry) {
    return entry.level && in_catalogue(*entry.level);
}

const Aggregate* Scores::category(std::string_view id) const {
    for (const auto& [cid, agg] : categories)
        if (cid == id) return &agg;
    return nullptr;
}

Scores aggregate(const ServiceDirectory& directory, const std::vector<ServiceEntry>& entries) {
    Sum overall;
    std::map<std::string, Sum, std::less<>> by_category;
    std::map<Phase, Sum> by_phase;
    for (const auto& e : entries) {
        const ServiceInfo* info = directory.find(e.service_id);
        if (!info || !in_scope(e)) continue;
        ServiceScore s = service_score(e);
        overall.add(s);
        by_category[info->category].add(s);
        by_phase[info->phase].add(s);
    }
    Scores out;
    out.overall = overall.done();
    for (const CatalogueNode* category : directory.categories()) {
        auto it = by_category.find(category->id);
        out.categories.emplace_back(category->id,
                                    it == by_category.end() ? Aggregate{} : it->second.done());
    }
    for (Phase p : kAllPhases) {
        auto it = by_phase.find(p);
        out.phases[p] = it == by_phase.end() ? Aggregate{} : it->second.done();
    }
    return out;
}

} // namespace cdcwb::domain
