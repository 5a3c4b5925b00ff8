#include "report/json.hpp"

#include "domain/quadrant.hpp"
#include "domain/rubric.hpp"

#include <cmath>

namespace cdcwb::report {
using namespace domain;

double round2(double value) {
    return std::round(value * 100.0) / 100.0;
}

namespace {

Json opt_token(const auto& optional) {
    return optional ? Json(std::string(to_string(*optional))) : Json(nullptr);
}

Json opt_int(const std::optional<int>& v) {
    return v ? Json(*v) : Json(nullptr);
}

Json header_json(const CatalogHeader& h) {
    return {{"id", h.id},
            {"title", to_json(h.title)},
            {"version", h.version},
            {"edition_date", h.edition_date},
            {"publisher", to_json(h.publisher)},
            {"licence_note", to_json(h.licence_note)},
            {"languages", h.languages}};
}

Json sourcing_json(const SourcingAnswers& a) {
    return {{"information", std::string(to_string(a.information))},
            {"specialist_skill", a.specialist_skill},
            {"quadrant", std::string(to_string(quadrant_of(a)))}};
}

} // namespace

Json slot_names(const std::vector<ScoreSlot>& slots) {
    Json out = Json::array();
    for (const auto slot : slots) out.push_back(std::string(to_string(slot)));
    return out;
}

Json to_json(const LocalizedText& text) {
    return {{"en", text.en}, {"ja", text.ja}};
}

Json to_json(const CatalogNode& n) {
    Json j{{"id", n.id}, {"kind", std::string(to_string(n.kind))}};
    j["parent"] = n.parent.empty() ? Json(nullptr) : Json(n.parent);
    j["name"] = to_json(n.name);
    j["description"] = to_json(n.description);
    Json aliases = Json::array();
    for (const auto& a : n.aliases)
        aliases.push_back({{"lang", a.lang.empty() ? Json(nullptr) : Json(a.lang)},
                           {"name", a.name},
                           {"source", a.source}});
    j["aliases"] = aliases;
    if (n.kind == NodeKind::category) j["phase"] = opt_token(n.phase);
    if (n.sourcing) {
        Json s = sourcing_json(n.sourcing->answers);
        s["reason"] = to_json(n.sourcing->reason);
        j["sourcing"] = s;
    }
    return j;
}

Json to_json(const Finding& f) {
    return {{"evaluation", std::string(to_string(f.kind))},
            {"severity", std::string(to_string(f.severity))},
            {"code", f.code},
            {"service", f.service_id},
            {"level", opt_token(f.level)},
            {"reference_level", opt_token(f.reference_level)},
            {"assignment", opt_token(f.assignment)},
            {"quadrant", opt_token(f.quadrant)},
            {"as_is", opt_int(f.as_is)},
            {"to_be", opt_int(f.to_be)},
            {"message", to_json(f.message)}};
}

Json to_json(const Aggregate& a) {
    return {{"counted", a.counted},
            {"not_applicable", a.not_applicable},
            {"incomplete", a.incomplete},
            {"as_is", a.counted ? Json(round2(a.as_is)) : Json(nullptr)},
            {"to_be", a.counted ? Json(round2(a.to_be)) : Json(nullptr)},
            {"gap", a.counted ? Json(round2(a.gap())) : Json(nullptr)}};
}

Json to_json(const Action& a, const ServiceDirectory& directory, Date today) {
    Json history = Json::array();
    for (const auto& h : a.history)
        history.push_back({{"date", h.date.to_string()},
                           {"what", h.what},
                           {"from", h.from},
                           {"to", h.to},
                           {"note", h.note}});
    return {{"id", a.id},
            {"title", a.title},
            {"services", a.services},
            {"phase", std::string(to_string(action_phase(a, directory)))},
            {"phase_overridden", a.phase.has_value()},
            {"cycle", std::string(to_string(a.cycle))},
            {"owner", a.owner},
            {"due", a.due ? Json(a.due->to_string()) : Json(nullptr)},
            {"status", std::string(to_string(a.status))},
            {"resources", a.resources},
            {"finding", a.finding.empty() ? Json(nullptr) : Json(a.finding)},
            {"history", history},
            {"open", is_open(a)},
            {"overdue", is_overdue(a, today)}};
}

Json to_json(const DraftAction& d, const ServiceDirectory& directory, Date today) {
    Json out = to_json(d.action, directory, today);
    out["texts"] = {{"title", to_json(d.title)}, {"resources", to_json(d.resources)}};
    out["parameters"] = {{"code", d.action.finding},
                         {"service", d.action.services.front()},
                         {"from", opt_int(d.from)},
                         {"to", opt_int(d.to)},
                         {"quadrant", opt_token(d.quadrant)}};
    return out;
}

Json to_json(const DueEvaluation& d) {
    Json events = Json::array();
    for (const auto& e : d.events)
        events.push_back({{"date", e.date.to_string()},
                          {"kind", std::string(to_string(e.kind))},
                          {"note", e.note}});
    return {
        {"evaluation", std::string(to_string(d.kind))},
        {"last_done", d.last_done ? Json(d.last_done->to_string()) : Json(nullptr)},
        {"events", events},
        {"scheduled_date", d.scheduled_date ? Json(d.scheduled_date->to_string()) : Json(nullptr)}};
}

Json to_json(const Change& c) {
    auto v = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
    return {{"service", c.service_id},
            {"field", c.field},
            {"before", v(c.before)},
            {"after", v(c.after)}};
}

namespace {

template <class Enum, std::size_t N> Json vocabulary(const Enum (&values)[N]) {
    Json out = Json::array();
    for (const auto v : values)
        out.push_back(Json{{"id", std::string(to_string(v))}, {"name", to_json(display_name(v))}});
    return out;
}

Json rubric_document(Rubric rubric) {
    Json levels = Json::object();
    for (int points = Score::kMin; points <= Score::kMax; ++points) {
        const auto score = *Score::points(points);
        levels[score.to_string()] = to_json(level_text(rubric, score));
    }
    levels["n/a"] = to_json(level_text(rubric, Score::not_applicable()));
    return Json{{"name", to_json(display_name(rubric))}, {"levels", levels}};
}

} // namespace

Json vocabulary_document() {
    static constexpr Cycle kCycles[] = {Cycle::short_cycle, Cycle::long_cycle};
    static constexpr TriggerKind kTriggers[] = {
        TriggerKind::business_change, TriggerKind::new_threat, TriggerKind::organisation_change,
        TriggerKind::provider_change, TriggerKind::schedule};
    static constexpr Severity kSeverities[] = {Severity::error, Severity::warning, Severity::info};
    static constexpr Quadrant kQuadrants[] = {Quadrant::I, Quadrant::II, Quadrant::III,
                                              Quadrant::IV};
    Json quadrants = Json::array();
    for (const auto q : kQuadrants) {
        const auto advice = advise(q);
        Json mismatch = Json::object();
        for (const auto a : kAllAssignments) {
            const auto why = quadrant_mismatch(q, a);
            mismatch[std::string(to_string(a))] = why ? to_json(*why) : Json(nullptr);
        }
        quadrants.push_back(Json{{"id", std::string(to_string(q))},
                                 {"balance", std::string(advice.balance)},
                                 {"guidance", to_json(advice.guidance)},
                                 {"mismatch", mismatch}});
    }
    Json answers = Json::array();
    for (const auto information : {Information::internal, Information::external})
        for (const bool skill : {false, true})
            answers.push_back(
                Json{{"information", std::string(to_string(information))},
                     {"specialist_skill", skill},
                     {"quadrant",
                      std::string(to_string(quadrant_of(SourcingAnswers{information, skill})))}});
    Json assignments = vocabulary(kAllAssignments);
    for (std::size_t i = 0; i < std::size(kAllAssignments); ++i) {
        assignments[i]["score_pairs"] = slot_names(score_slots(kAllAssignments[i]));
        const NamesNeeded needs = names_needed(kAllAssignments[i]);
        assignments[i]["needs_owner"] = needs.owner;
        assignments[i]["needs_provider"] = needs.provider;
    }
    return Json{{"levels", vocabulary(kAllLevels)},
                {"assignments", assignments},
                {"phases", vocabulary(kAllPhases)},
                {"cycles", vocabulary(kCycles)},
                {"evaluation_kinds", vocabulary(kAllEvaluationKinds)},
                {"trigger_kinds", vocabulary(kTriggers)},
                {"severities", vocabulary(kSeverities)},
                {"rubrics",
                 {{"insource", rubric_document(Rubric::insource)},
                  {"outsource", rubric_document(Rubric::outsource)}}},
                {"quadrants", quadrants},
                {"quadrant_of", answers},
                {"limits",
                 {{"organisation_id",
                   {{"pattern", std::string(kSlugPattern)}, {"max_length", kMaxSlugLength}}},
                  {"evaluation_interval_days",
                   {{"min", kMinEvaluationIntervalDays},
                    {"max", kMaxEvaluationIntervalDays},
                    {"default", kDefaultEvaluationIntervalDays}}}}}};
}

Json library_summary(const catalog::Library& library) {
    Json catalogs = Json::array();
    for (const auto& lc : library.catalogs()) {
        Json j = header_json(lc.catalog.header());
        Json counts = Json::object();
        for (auto kind : {NodeKind::category, NodeKind::service, NodeKind::area, NodeKind::function,
                          NodeKind::internal}) {
            auto n = lc.catalog.of_kind(kind).size();
            if (n) counts[std::string(to_string(kind))] = n;
        }
        j["counts"] = counts;
        j["source"] = lc.source;
        catalogs.push_back(j);
    }
    Json crosswalks = Json::array();
    for (const auto& lc : library.crosswalks())
        crosswalks.push_back({{"id", lc.crosswalk.id},
                              {"from", lc.crosswalk.from_catalog},
                              {"to", lc.crosswalk.to_catalog},
                              {"version", lc.crosswalk.version},
                              {"links", lc.crosswalk.links.size()},
                              {"source", lc.source}});
    Json templates = Json::array();
    for (const auto& lt : library.templates())
        templates.push_back({{"id", lt.tmpl.id},
                             {"catalog", lt.tmpl.catalog_id},
                             {"name", to_json(lt.tmpl.name)},
                             {"source", lt.source}});
    return {{"catalogs", catalogs}, {"crosswalks", crosswalks}, {"templates", templates}};
}

Json catalog_document(const catalog::LoadedCatalog& lc) {
    Json nodes = Json::array();
    for (const auto& n : lc.catalog.nodes()) nodes.push_back(to_json(n));
    Json header = header_json(lc.catalog.header());
    header["source"] = lc.source;
    return {{"catalog", header}, {"nodes", nodes}};
}

Json template_document(const catalog::LoadedTemplate& lt, const Catalog& catalog) {
    Json levels = Json::array();
    for (const auto* s : catalog.services())
        if (auto level = lt.tmpl.level_of(s->id))
            levels.push_back({{"service", s->id},
                              {"name", to_json(s->name)},
                              {"level", std::string(to_string(*level))}});
    return {{"template",
             {{"id", lt.tmpl.id},
              {"catalog", lt.tmpl.catalog_id},
              {"name", to_json(lt.tmpl.name)},
              {"audience", to_json(lt.tmpl.audience)},
              {"source", lt.source}}},
            {"levels", levels}};
}

Json review_document(const Review& r) {
    const Assessment& a = *r.assessment;
    const ServiceDirectory& dir = *r.directory;

    Json categories = Json::array();
    for (const auto& [id, agg] : r.evaluation.scores.categories) {
        const CatalogNode* node = dir.catalog().find(id);
        Json j{{"id", id}, {"name", to_json(node->name)}, {"phase", opt_token(node->phase)}};
        j.update(to_json(agg));
        categories.push_back(j);
    }
    Json phases = Json::object();
    for (const auto& [phase, agg] : r.evaluation.scores.phases)
        phases[std::string(to_string(phase))] = to_json(agg);

    Json services = Json::array();
    for (const auto& info : dir.services()) {
        const ServiceEntry* e = a.entry(info.id);
        Json j{{"id", info.id},
               {"name", to_json(info.name)},
               {"category", info.category},
               {"custom", info.custom}};
        j["level"] = e ? opt_token(e->level) : Json(nullptr);
        j["in_catalogue"] = e && in_scope(*e);
        j["assignment"] = std::string(to_string(e ? e->assignment : Assignment::unassigned));
        j["owner"] = e ? e->owner : "";
        j["provider"] = e ? e->provider : "";
        auto answers = e ? effective_sourcing(*e, info) : info.sourcing;
        j["quadrant"] =
            answers ? Json(std::string(to_string(quadrant_of(*answers)))) : Json(nullptr);
        ServiceScore s = e ? service_score(*e) : ServiceScore{};
        static constexpr const char* kStates[] = {"scored", "not_applicable", "incomplete"};
        j["score_state"] = kStates[static_cast<int>(s.state)];
        const bool scored = s.state == ServiceScore::State::scored;
        j["as_is"] = scored ? Json(s.as_is) : Json(nullptr);
        j["to_be"] = scored ? Json(s.to_be) : Json(nullptr);
        j["gap"] = scored ? Json(s.gap()) : Json(nullptr);
        services.push_back(j);
    }

    Json findings = Json::array();
    for (const auto& f : r.evaluation.findings) findings.push_back(to_json(f));
    Json summary = Json::object();
    for (auto sev : {Severity::error, Severity::warning, Severity::info}) {
        summary[std::string(to_string(sev))] = r.evaluation.count(sev);
    }
    Json due = Json::array();
    for (const auto& d : r.due) due.push_back(to_json(d));
    Json changes = nullptr;
    if (r.previous) {
        Json list = Json::array();
        for (const auto& c : r.changes) list.push_back(to_json(c));
        changes = {{"evaluation", r.previous->id},
                   {"date", r.previous->date.to_string()},
                   {"changes", list}};
    }
    Json trends = Json::array();
    for (const auto& t : r.trends) {
        Json points = Json::array();
        for (const auto& p : t.points) {
            Json pj{{"evaluation", p.snapshot_id}, {"date", p.date.to_string()}};
            pj.update(to_json(p.value));
            points.push_back(pj);
        }
        trends.push_back({{"scope", t.scope}, {"points", points}});
    }
    Json actions = Json::array();
    for (const auto& ac : a.actions) actions.push_back(to_json(ac, dir, r.date));
    Json drafts = Json::array();
    for (const auto& ac : r.drafts) drafts.push_back(to_json(ac, dir, r.date));

    return {{"format", "cdcwb/v1"},
            {"organisation", {{"id", a.organisation.id}, {"name", a.organisation.name}}},
            {"catalog", a.catalog_id},
            {"reference_template", r.evaluation.reference_template.empty()
                                       ? Json(nullptr)
                                       : Json(r.evaluation.reference_template)},
            {"date", r.date.to_string()},
            {"summary", summary},
            {"scores",
             {{"overall", to_json(r.evaluation.scores.overall)},
              {"phases", phases},
              {"categories", categories}}},
            {"services", services},
            {"findings", findings},
            {"due", due},
            {"changes_since", changes},
            {"trends", trends},
            {"actions", actions},
            {"draft_actions", drafts}};
}

} // namespace cdcwb::report
