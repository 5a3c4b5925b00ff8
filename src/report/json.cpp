#include "report/json.hpp"

#include "domain/quadrant.hpp"
#include "domain/rubric.hpp"
#include "domain/user.hpp"
#include "report/schema.hpp"
#include "store/codec.hpp"

#include <cmath>

namespace cdcwb::report {
using namespace domain;
using namespace schema;

namespace {
constexpr Severity kSeverities[] = {Severity::error, Severity::warning, Severity::info};
constexpr Quadrant kQuadrants[] = {Quadrant::I, Quadrant::II, Quadrant::III, Quadrant::IV};
constexpr Information kInformation[] = {Information::internal, Information::external};
constexpr Cycle kCycles[] = {Cycle::short_cycle, Cycle::long_cycle};
constexpr TriggerKind kTriggers[] = {TriggerKind::business_change, TriggerKind::new_threat,
                                     TriggerKind::organisation_change, TriggerKind::provider_change,
                                     TriggerKind::schedule};
constexpr ActionStatus kActionStatuses[] = {ActionStatus::open, ActionStatus::in_progress,
                                            ActionStatus::done, ActionStatus::cancelled};
constexpr NodeKind kNodeKinds[] = {NodeKind::category, NodeKind::service, NodeKind::area,
                                   NodeKind::function, NodeKind::internal};
} // namespace

double round2(double value) {
    return std::round(value * 100.0) / 100.0;
}

namespace {

/// A field holding a text in both languages, read from `member`.
template <class T> auto text_of(LocalizedText T::*member) {
    return [member](const T& value) { return store::codec::to_json(value.*member); };
}

const Shape<CatalogueHeader>& header_shape() {
    using H = CatalogueHeader;
    static const Shape<H> shape{{"id", string(), &H::id},
                                {"title", ref("LocalizedText"), text_of(&H::title)},
                                {"version", string(), &H::version},
                                {"edition_date", string(), &H::edition_date},
                                {"publisher", ref("LocalizedText"), text_of(&H::publisher)},
                                {"licence_note", ref("LocalizedText"), text_of(&H::licence_note)},
                                {"languages", array_of(string()), &H::languages}};
    return shape;
}

} // namespace

Json slot_names(const std::vector<ScoreSlot>& slots) {
    Json out = Json::array();
    for (const auto slot : slots) out.push_back(std::string(to_string(slot)));
    return out;
}

Json to_json(const LocalizedText& text) {
    return store::codec::to_json(text);
}

namespace {
Json localized_text_schema() {
    return object({{"en", string()}, {"ja", string()}});
}
} // namespace

namespace {
const Shape<Alias>& alias_shape() {
    static const Shape<Alias> shape{
        {"lang", nullable(string()), [](const Alias& a) { return text_or_null(a.lang); }},
        {"name", string(), &Alias::name},
        {"source", string(), &Alias::source}};
    return shape;
}

/// A catalogue's sourcing default: the answers, the quadrant they give and why.
const Shape<Sourcing>& sourcing_default_shape() {
    static const Shape<Sourcing> shape{
        {"information", ref("Information"),
         [](const Sourcing& s) { return s.answers.information; }},
        {"specialist_skill", boolean(),
         [](const Sourcing& s) { return s.answers.specialist_skill; }},
        {"quadrant", ref("Quadrant"), [](const Sourcing& s) { return quadrant_of(s.answers); }},
        {"reason", ref("LocalizedText"), text_of(&Sourcing::reason)}};
    return shape;
}

const Shape<CatalogueNode>& catalogue_node_shape() {
    using N = CatalogueNode;
    static const Shape<N> shape{
        {"id", string(), &N::id},
        {"kind", ref("NodeKind"), &N::kind},
        {"parent", nullable(string()), [](const N& n) { return text_or_null(n.parent); }},
        {"name", ref("LocalizedText"), text_of(&N::name)},
        {"description", ref("LocalizedText"), text_of(&N::description)},
        {"aliases", array_of(alias_shape().schema()),
         [](const N& n) { return alias_shape().encode_each(n.aliases); }},
        // Only a category has a phase.
        {"phase", nullable(ref("Phase")),
         [](const N& n) { return n.kind == NodeKind::category ? json_of(n.phase) : absent(); },
         Presence::when_given},
        {"sourcing", sourcing_default_shape().schema(),
         [](const N& n) {
             return n.sourcing ? sourcing_default_shape().encode(*n.sourcing) : absent();
         },
         Presence::when_given}};
    return shape;
}
} // namespace

Json to_json(const CatalogueNode& n) {
    return catalogue_node_shape().encode(n);
}

namespace {
const Shape<Finding>& finding_shape() {
    using F = Finding;
    static const Shape<F> shape{{"evaluation", ref("EvaluationKind"), &F::kind},
                                {"severity", ref("Severity"), &F::severity},
                                {"code", string(), &F::code},
                                {"service", string(), &F::service_id},
                                {"level", nullable(ref("Level")), &F::level},
                                {"reference_level", nullable(ref("Level")), &F::reference_level},
                                {"assignment", nullable(ref("Assignment")), &F::assignment},
                                {"quadrant", nullable(ref("Quadrant")), &F::quadrant},
                                {"as_is", nullable(integer()), &F::as_is},
                                {"to_be", nullable(integer()), &F::to_be},
                                {"message", ref("LocalizedText"), text_of(&F::message)}};
    return shape;
}

/// A mean rounded for display, or null when no service counted.
auto mean_of(double (*mean)(const Aggregate&)) {
    return [mean](const Aggregate& a) { return a.counted ? Json(round2(mean(a))) : Json(nullptr); };
}

const Shape<Aggregate>& aggregate_shape() {
    using A = Aggregate;
    static const Shape<A> shape{
        {"counted", integer(), &A::counted},
        {"not_applicable", integer(), &A::not_applicable},
        {"incomplete", integer(), &A::incomplete},
        {"as_is", nullable(number()), mean_of([](const A& a) { return a.as_is; })},
        {"to_be", nullable(number()), mean_of([](const A& a) { return a.to_be; })},
        {"gap", nullable(number()), mean_of([](const A& a) { return a.gap(); })}};
    return shape;
}
} // namespace

Json to_json(const Finding& f) {
    return finding_shape().encode(f);
}

Json to_json(const Aggregate& a) {
    return aggregate_shape().encode(a);
}

Json to_json(const Action& a, const ServiceDirectory& directory, Date today) {
    Json out = store::codec::to_json(a);
    // What the stored action leaves to be derived: its phase (from its services unless set), and
    // whether it is open or overdue, and whether it may be escalated.
    out["phase"] = std::string(to_string(action_phase(a, directory)));
    out["phase_overridden"] = a.phase.has_value();
    if (a.finding.empty()) out["finding"] = nullptr;
    out["open"] = is_open(a);
    out["overdue"] = is_overdue(a, today);
    out["can_escalate"] = may_escalate(a).ok();
    return out;
}

namespace {
/// What a draft adds to its action: its texts in both languages and its finding's figures.
const Shape<DraftAction>& draft_shape() {
    using D = DraftAction;
    static const Shape<D> texts{{"title", ref("LocalizedText"), text_of(&D::title)},
                                {"resources", ref("LocalizedText"), text_of(&D::resources)}};
    static const Shape<D> parameters{
        {"code", string(), [](const D& d) { return d.action.finding; }},
        {"service", string(), [](const D& d) { return d.action.services.front(); }},
        {"from", nullable(integer()), &D::from},
        {"to", nullable(integer()), &D::to},
        {"quadrant", nullable(ref("Quadrant")), &D::quadrant}};
    static const Shape<D> shape{
        {"texts", texts.schema(), [](const D& d) { return texts.encode(d); }},
        {"parameters", parameters.schema(), [](const D& d) { return parameters.encode(d); }}};
    return shape;
}
} // namespace

Json to_json(const DraftAction& d, const ServiceDirectory& directory, Date today) {
    Json out = to_json(d.action, directory, today);
    out.update(draft_shape().encode(d));
    return out;
}

namespace {
Json action_schema() {
    return object({{"id", string()},
                   {"title", string()},
                   {"services", array_of(string())},
                   {"phase", ref("Phase")},
                   {"phase_overridden", boolean()},
                   {"cycle", ref("Cycle")},
                   {"owner", string()},
                   {"due", nullable(string())},
                   {"status", ref("ActionStatus")},
                   {"resources", string()},
                   {"finding", nullable(string())},
                   {"history", array_of(object({{"date", string()},
                                                {"what", string()},
                                                {"from", string()},
                                                {"to", string()},
                                                {"note", string()}}))},
                   {"open", boolean()},
                   {"overdue", boolean()},
                   {"can_escalate", boolean()}});
}

Json draft_action_schema() {
    return extended(ref("ActionValue"), draft_shape().properties());
}
} // namespace

Json to_json(const TriggerEvent& e) {
    return store::codec::to_json(e);
}

namespace {
Json trigger_event_schema() {
    return object({{"date", string()}, {"kind", ref("TriggerKind")}, {"note", string()}});
}
} // namespace

namespace {
const Shape<DueEvaluation>& due_shape() {
    using D = DueEvaluation;
    static const Shape<D> shape{{"evaluation", ref("EvaluationKind"), &D::kind},
                                {"last_done", nullable(string()), &D::last_done},
                                {"events", array_of(ref("TriggerEvent")),
                                 [](const D& d) {
                                     Json events = Json::array();
                                     for (const auto& e : d.events) events.push_back(to_json(e));
                                     return events;
                                 }},
                                {"scheduled_date", nullable(string()), &D::scheduled_date}};
    return shape;
}
} // namespace

Json to_json(const DueEvaluation& d) {
    return due_shape().encode(d);
}

namespace {
const Shape<Trend>& trend_shape() {
    static const Shape<TrendPoint> point{
        {"evaluation", string(), &TrendPoint::evaluation_id},
        {"date", string(), &TrendPoint::date},
        {"value", ref("Aggregate"), [](const TrendPoint& p) { return to_json(p.value); }}};
    static const Shape<Trend> shape{{"scope", string(), &Trend::scope},
                                    {"points", array_of(point.schema()),
                                     [](const Trend& t) { return point.encode_each(t.points); }}};
    return shape;
}
} // namespace

Json to_json(const Trend& t) {
    return trend_shape().encode(t);
}

Json trend_schema() {
    return trend_shape().schema();
}

namespace {
const Shape<Change>& change_shape() {
    using C = Change;
    static const Shape<C> shape{
        {"service", string(), &C::service_id},
        {"field", string(), &C::field},
        {"before", nullable(string()), [](const C& c) { return text_or_null(c.before); }},
        {"after", nullable(string()), [](const C& c) { return text_or_null(c.after); }}};
    return shape;
}
} // namespace

Json to_json(const Change& c) {
    return change_shape().encode(c);
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
    // The values each side of each pair may take (domain::score_options).
    Json options = Json::object();
    for (const auto slot : {ScoreSlot::insource, ScoreSlot::outsource, ScoreSlot::unassigned}) {
        Json sides = Json::object();
        for (const bool as_is : {true, false}) {
            Json values = Json::array();
            for (const auto& score : score_options(slot, as_is))
                values.push_back(score.to_string());
            sides[as_is ? "as_is" : "to_be"] = values;
        }
        options[std::string(to_string(slot))] = sides;
    }
    // The scores that, chosen on one side of a pair, apply to both (domain::applies_to_whole_pair).
    Json whole_pair = Json::array();
    for (const auto& score : score_options(ScoreSlot::insource, true))
        if (applies_to_whole_pair(score)) whole_pair.push_back(score.to_string());
    return Json{
        {"levels", vocabulary(kAllLevels)},
        {"assignments", assignments},
        {"phases", vocabulary(kAllPhases)},
        {"cycles", vocabulary(kCycles)},
        {"evaluation_kinds", vocabulary(kAllEvaluationKinds)},
        {"trigger_kinds", vocabulary(kTriggers)},
        {"severities", vocabulary(kSeverities)},
        {"action_statuses", vocabulary(kActionStatuses)},
        {"score_options", options},
        {"whole_pair_scores", whole_pair},
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
            {"default", kDefaultEvaluationIntervalDays}}},
          {"username",
           {{"pattern", std::string(kUsernamePattern)}, {"max_length", kMaxUsernameLength}}},
          {"password", {{"min_length", kMinPasswordLength}, {"max_bytes", kMaxPasswordBytes}}},
          {"token_lifetime_days",
           {{"min", kMinTokenDays}, {"max", kMaxTokenDays}, {"default", kDefaultTokenDays}}}}}};
}

namespace {
Json vocabulary_schema() {
    const auto names = array_of(object({{"id", string()}, {"name", ref("LocalizedText")}}));
    const auto score_sides =
        object({{"as_is", array_of(ref("Score"))}, {"to_be", array_of(ref("Score"))}});
    Json levels = Json::object(); // "1" … "5" and "n/a", as rubric_document writes them
    for (int points = Score::kMin; points <= Score::kMax; ++points)
        levels[Score::points(points)->to_string()] = ref("LocalizedText");
    levels["n/a"] = ref("LocalizedText");
    const auto rubric = object({{"name", ref("LocalizedText")}, {"levels", object(levels)}});
    Json mismatch = Json::object(); // every assignment, as vocabulary_document writes it
    for (const auto a : kAllAssignments)
        mismatch[std::string(to_string(a))] = nullable(ref("LocalizedText"));
    const auto assignments = array_of(object({{"id", string()},
                                              {"name", ref("LocalizedText")},
                                              {"score_pairs", array_of(ref("ScoreSlot"))},
                                              {"needs_owner", boolean()},
                                              {"needs_provider", boolean()}}));
    const auto limits =
        object({{"organisation_id", object({{"pattern", string()}, {"max_length", integer()}})},
                {"evaluation_interval_days",
                 object({{"min", integer()}, {"max", integer()}, {"default", integer()}})},
                {"username", object({{"pattern", string()}, {"max_length", integer()}})},
                {"password", object({{"min_length", integer()}, {"max_bytes", integer()}})},
                {"token_lifetime_days",
                 object({{"min", integer()}, {"max", integer()}, {"default", integer()}})}});
    return object({{"levels", names},
                   {"assignments", assignments},
                   {"phases", names},
                   {"cycles", names},
                   {"evaluation_kinds", names},
                   {"trigger_kinds", names},
                   {"severities", names},
                   {"action_statuses", names},
                   {"score_options", object({{"insource", score_sides},
                                             {"outsource", score_sides},
                                             {"unassigned", score_sides}})},
                   {"whole_pair_scores", array_of(ref("Score"))},
                   {"rubrics", object({{"insource", rubric}, {"outsource", rubric}})},
                   {"quadrants", array_of(object({{"id", ref("Quadrant")},
                                                  {"balance", string()},
                                                  {"guidance", ref("LocalizedText")},
                                                  {"mismatch", object(mismatch)}}))},
                   {"quadrant_of", array_of(object({{"information", ref("Information")},
                                                    {"specialist_skill", boolean()},
                                                    {"quadrant", ref("Quadrant")}}))},
                   {"limits", limits}});
}
} // namespace

Json library_summary(const catalogue::Library& library) {
    Json catalogues = Json::array();
    for (const auto& lc : library.catalogues()) {
        Json j = header_shape().encode(lc.catalogue.header());
        Json counts = Json::object();
        for (auto kind : {NodeKind::category, NodeKind::service, NodeKind::area, NodeKind::function,
                          NodeKind::internal}) {
            auto n = lc.catalogue.of_kind(kind).size();
            if (n) counts[std::string(to_string(kind))] = n;
        }
        j["counts"] = counts;
        j["source"] = lc.source;
        catalogues.push_back(j);
    }
    Json crosswalks = Json::array();
    for (const auto& lc : library.crosswalks())
        crosswalks.push_back({{"id", lc.crosswalk.id},
                              {"from", lc.crosswalk.from_catalogue},
                              {"to", lc.crosswalk.to_catalogue},
                              {"version", lc.crosswalk.version},
                              {"links", lc.crosswalk.links.size()},
                              {"source", lc.source}});
    Json templates = Json::array();
    for (const auto& lt : library.templates())
        templates.push_back({{"id", lt.tmpl.id},
                             {"catalog", lt.tmpl.catalogue_id},
                             {"name", to_json(lt.tmpl.name)},
                             {"source", lt.source}});
    return {{"catalogs", catalogues}, {"crosswalks", crosswalks}, {"templates", templates}};
}

namespace {
Json library_schema() {
    return object(
        {{"catalogs", array_of(extended(header_shape().schema(),
                                        {{"counts", map_of(integer())}, {"source", string()}}))},
         {"crosswalks", array_of(object({{"id", string()},
                                         {"from", string()},
                                         {"to", string()},
                                         {"version", string()},
                                         {"links", integer()},
                                         {"source", string()}}))},
         {"templates", array_of(object({{"id", string()},
                                        {"catalog", string()},
                                        {"name", ref("LocalizedText")},
                                        {"source", string()}}))}});
}
} // namespace

Json catalogue_document(const catalogue::LoadedCatalog& lc) {
    Json nodes = Json::array();
    for (const auto& n : lc.catalogue.nodes()) nodes.push_back(to_json(n));
    Json header = header_shape().encode(lc.catalogue.header());
    header["source"] = lc.source;
    return {{"catalog", header}, {"nodes", nodes}};
}

Json crosswalk_document(const Crosswalk& x) {
    Json links = Json::array();
    for (const auto& l : x.links)
        links.push_back(
            {{"from", l.from}, {"to", l.to}, {"relation", std::string(to_string(l.relation))}});
    const auto unmatched = [](const std::vector<Unmatched>& items) {
        Json out = Json::array();
        for (const auto& u : items) out.push_back({{"id", u.id}, {"note", to_json(u.note)}});
        return out;
    };
    return Json{{"id", x.id},
                {"from_catalog", x.from_catalogue},
                {"to_catalog", x.to_catalogue},
                {"version", x.version},
                {"note", to_json(x.note)},
                {"links", links},
                {"unmatched_from", unmatched(x.unmatched_from)},
                {"unmatched_to", unmatched(x.unmatched_to)}};
}

namespace {
Json catalogue_document_schema() {
    return object({{"catalog", extended(header_shape().schema(), {{"source", string()}})},
                   {"nodes", array_of(catalogue_node_shape().schema())}});
}
} // namespace

Json template_document(const catalogue::LoadedTemplate& lt, const Catalogue& catalogue) {
    Json levels = Json::array();
    for (const auto* s : catalogue.services())
        if (auto level = lt.tmpl.level_of(s->id))
            levels.push_back({{"service", s->id},
                              {"name", to_json(s->name)},
                              {"level", std::string(to_string(*level))}});
    return {{"template",
             {{"id", lt.tmpl.id},
              {"catalog", lt.tmpl.catalogue_id},
              {"name", to_json(lt.tmpl.name)},
              {"audience", to_json(lt.tmpl.audience)},
              {"source", lt.source}}},
            {"levels", levels}};
}

namespace {
Json template_document_schema() {
    return object({{"template", object({{"id", string()},
                                        {"catalog", string()},
                                        {"name", ref("LocalizedText")},
                                        {"audience", ref("LocalizedText")},
                                        {"source", string()}})},
                   {"levels", array_of(object({{"service", string()},
                                               {"name", ref("LocalizedText")},
                                               {"level", ref("Level")}}))}});
}
} // namespace

Json review_document(const Review& r) {
    const Assessment& a = *r.assessment;
    const ServiceDirectory& dir = *r.directory;

    Json categories = Json::array();
    for (const auto& [id, agg] : r.evaluation.scores.categories) {
        const CatalogueNode* node = dir.catalogue().find(id);
        Json j{{"id", id}, {"name", to_json(node->name)}, {"phase", json_of(node->phase)}};
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
        j["level"] = e ? json_of(e->level) : Json(nullptr);
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
            Json pj{{"evaluation", p.evaluation_id}, {"date", p.date.to_string()}};
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
            {"catalog", a.catalogue_id},
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

namespace {
Json review_schema() {
    const auto aggregate = aggregate_shape().schema();
    Json category = aggregate_shape().properties();
    category.update(
        Json{{"id", string()}, {"name", ref("LocalizedText")}, {"phase", nullable(ref("Phase"))}});
    Json phases = Json::object(); // every phase (domain::score_portfolio)
    for (const auto p : kAllPhases) phases[std::string(to_string(p))] = aggregate;
    Json point = aggregate_shape().properties();
    point.update(Json{{"evaluation", string()}, {"date", string()}});
    return object(
        {{"format", tokens({"cdcwb/v1"})},
         {"organisation", object({{"id", string()}, {"name", string()}})},
         {"catalog", string()},
         {"reference_template", nullable(string())},
         {"date", string()},
         {"summary", object({{"error", integer()}, {"warning", integer()}, {"info", integer()}})},
         {"scores", object({{"overall", aggregate},
                            {"phases", object(phases)},
                            {"categories", array_of(object(category))}})},
         {"services",
          array_of(object({{"id", string()},
                           {"name", ref("LocalizedText")},
                           {"category", string()},
                           {"custom", boolean()},
                           {"level", nullable(ref("Level"))},
                           {"assignment", ref("Assignment")},
                           {"owner", string()},
                           {"provider", string()},
                           {"quadrant", nullable(ref("Quadrant"))},
                           {"score_state", tokens({"scored", "not_applicable", "incomplete"})},
                           {"as_is", nullable(number())},
                           {"to_be", nullable(number())},
                           {"gap", nullable(number())},
                           {"in_catalogue", boolean()}}))},
         {"findings", array_of(ref("Finding"))},
         {"due", array_of(ref("DueEvaluation"))},
         {"changes_since", nullable(object({{"evaluation", string()},
                                            {"date", string()},
                                            {"changes", array_of(ref("Change"))}}))},
         {"trends", array_of(object({{"scope", string()}, {"points", array_of(object(point))}}))},
         {"actions", array_of(ref("ActionValue"))},
         {"draft_actions", array_of(ref("DraftAction"))}});
}
} // namespace

Json schemas() {
    return Json{
        {"LocalizedText", localized_text_schema()},
        {"Finding", finding_shape().schema()},
        {"Aggregate", aggregate_shape().schema()},
        {"ActionValue", action_schema()},
        {"DraftAction", draft_action_schema()},
        {"ScoreSlot", tokens({"insource", "outsource", "unassigned"})},
        // The finding codes the profile evaluation gives a row (domain::profile_issues).
        {"ProfileIssue",
         tokens({std::string(finding::unassigned), std::string(finding::quadrant_mismatch),
                 std::string(finding::missing_owner), std::string(finding::missing_provider)})},
        {"TriggerEvent", trigger_event_schema()},
        {"DueEvaluation", due_shape().schema()},
        {"Level", one_of(kAllLevels)},
        {"Assignment", one_of(kAllAssignments)},
        {"Phase", one_of(kAllPhases)},
        {"Severity", one_of(kSeverities)},
        {"NodeKind", one_of(kNodeKinds)},
        {"TriggerKind", one_of(kTriggers)},
        {"EvaluationKind", one_of(kAllEvaluationKinds)},
        {"Cycle", one_of(kCycles)},
        {"ActionStatus", one_of(kActionStatuses)},
        {"Quadrant", one_of(kQuadrants)},
        {"Information", one_of(kInformation)},
        {"Change", change_shape().schema()},
        {"Vocabulary", vocabulary_schema()},
        {"Library", library_schema()},
        {"CatalogueDocument", catalogue_document_schema()},
        {"TemplateDocument", template_document_schema()},
        {"Review", review_schema()}};
}

} // namespace cdcwb::report
