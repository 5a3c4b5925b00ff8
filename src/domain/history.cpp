#include "domain/history.hpp"

#include <algorithm>
#include <map>

namespace cdcwb::domain {

Status validate_evaluation_id(std::string_view id, const std::string& field) {
    if (id.empty() || id.size() > 64)
        return invalid("an evaluation id has 1 to 64 characters", field);
    if (!valid_utf8(id)) return invalid("the evaluation id is not valid UTF-8", field);
    for (char ch : id)
        if (const auto c = static_cast<unsigned char>(ch); c < 0x21 || c == 0x7f)
            return invalid("an evaluation id has no spaces or control characters", field);
    return {};
}

bool Evaluation::covers(EvaluationKind kind) const {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

Status check_approval(const Evaluation& evaluation, std::string_view recorded_by,
                      std::string_view approver, Date today, bool separate_approver,
                      std::optional<Date> requested) {
    if (approver.empty()) return invalid("an approval needs the approver's name", "actor");
    if (requested && *requested != today)
        return invalid("an approval is dated the day it is given (today, " + today.to_string() +
                           "); leave out date",
                       "date");
    if (!evaluation.approved_by.empty())
        return conflict("evaluation '" + evaluation.id + "' was already approved by " +
                            evaluation.approved_by + " on " +
                            (evaluation.approved_on ? evaluation.approved_on->to_string()
                                                    : std::string("an unknown date")),
                        "approved_by");
    if (today < evaluation.date)
        return invalid("an evaluation cannot be approved before the day it is dated (" +
                           evaluation.date.to_string() + "; today is " + today.to_string() + ")",
                       "approved_on");
    if (separate_approver && approver == recorded_by)
        return forbidden("this organisation requires someone other than the person who recorded "
                         "an evaluation (" +
                             std::string(recorded_by) + ") to approve it",
                         "approved_by");
    return {};
}

Evaluation evaluation_of(std::string id, Date date, const std::vector<ServiceEntry>& entries) {
    Evaluation s;
    s.id = std::move(id);
    s.date = date;
    s.kinds.assign(std::begin(kAllEvaluationKinds), std::end(kAllEvaluationKinds));
    s.services = entries;
    for (auto& e : s.services) {
        e.rationale.clear();
        e.evidence.clear();
    }
    return s;
}

namespace {

struct Columns {
    std::string level, assignment, owner, provider, as_is, to_be;
};

/// One score column as the matrix shows it: the value set for the assignment's rubric (for Both,
/// the lower of the sides set), "n/a", or empty when nothing is set. An Unassigned service's
/// as-is is 1 unless set.
std::string score_column(const ServiceEntry& e, std::optional<Score> ScorePair::*side) {
    std::vector<const ScorePair*> pairs;
    switch (e.assignment) {
    case Assignment::insource: pairs = {&e.insource}; break;
    case Assignment::outsource: pairs = {&e.outsource}; break;
    case Assignment::both: pairs = {&e.insource, &e.outsource}; break;
    case Assignment::unassigned:
        if (side == &ScorePair::as_is && !e.unassigned.as_is) return "1";
        pairs = {&e.unassigned};
        break;
    }
    std::optional<int> lowest;
    bool not_applicable = false;
    for (const ScorePair* p : pairs) {
        const std::optional<Score>& s = p->*side;
        if (!s) continue;
        if (!s->applicable()) {
            not_applicable = true;
            continue;
        }
        lowest = lowest ? std::min(*lowest, s->value()) : s->value();
    }
    if (lowest) return std::to_string(*lowest);
    return not_applicable ? "n/a" : "";
}

Columns columns_of(const ServiceEntry* e) {
    if (!e) return {};
    Columns c;
    c.level = e->level ? std::string(to_string(*e->level)) : std::string();
    c.assignment = std::string(to_string(e->assignment));
    c.owner = e->owner;
    c.provider = e->provider;
    c.as_is = score_column(*e, &ScorePair::as_is);
    c.to_be = score_column(*e, &ScorePair::to_be);
    return c;
}

std::map<std::string_view, const ServiceEntry*> index(const Evaluation& s) {
    std::map<std::string_view, const ServiceEntry*> out;
    for (const auto& e : s.services) out.emplace(e.service_id, &e);
    return out;
}

} // namespace

std::vector<Change> diff(const ServiceDirectory& directory, const Evaluation& before,
                         const Evaluation& after) {
    auto a = index(before);
    auto b = index(after);
    // Directory order first, then any ids the directory no longer knows (e.g. a removed custom
    // service).
    std::vector<std::string> ids;
    for (const auto& info : directory.services())
        if (a.count(info.id) || b.count(info.id)) ids.push_back(info.id);
    for (const auto* m : {&a, &b})
        for (const auto& [id, _] : *m)
            if (!directory.find(id) && std::find(ids.begin(), ids.end(), id) == ids.end())
                ids.emplace_back(id);

    std::vector<Change> out;
    for (const auto& id : ids) {
        auto ia = a.find(id);
        auto ib = b.find(id);
        Columns x = columns_of(ia == a.end() ? nullptr : ia->second);
        Columns y = columns_of(ib == b.end() ? nullptr : ib->second);
        const std::pair<const char*, std::string Columns::*> fields[] = {
            {"level", &Columns::level}, {"assignment", &Columns::assignment},
            {"owner", &Columns::owner}, {"provider", &Columns::provider},
            {"as_is", &Columns::as_is}, {"to_be", &Columns::to_be}};
        for (const auto& [name, member] : fields)
            if (x.*member != y.*member) out.push_back({id, name, x.*member, y.*member});
    }
    return out;
}

std::vector<Trend> trends(const ServiceDirectory& directory, std::vector<Evaluation> history) {
    std::stable_sort(history.begin(), history.end(),
                     [](const Evaluation& x, const Evaluation& y) { return x.date < y.date; });
    std::vector<Trend> out;
    out.push_back({"overall", {}});
    for (const CatalogueNode* c : directory.categories()) out.push_back({c->id, {}});
    for (const Evaluation& s : history) {
        Scores scores = aggregate(directory, s.services);
        out[0].points.push_back({s.id, s.date, scores.overall});
        for (std::size_t i = 1; i < out.size(); ++i) {
            const Aggregate* agg = scores.category(out[i].scope);
            out[i].points.push_back({s.id, s.date, agg ? *agg : Aggregate{}});
        }
    }
    return out;
}

} // namespace cdcwb::domain
