// Organisations: create, list, settings, delete, load the whole state, import an assessment.
#include "domain/evaluation.hpp"
#include "store/rows.hpp"
#include "store/store.hpp"

namespace cdcwb::store {

using namespace domain;
using codec::Json;

namespace {

Json settings_json(const OrganisationRecord& o) {
    return Json{{"slug", o.slug},
                {"name", o.name},
                {"catalog", o.catalogue_id},
                {"reference_template", o.reference_template},
                {"evaluation_interval_days", o.evaluation_interval_days},
                {"separate_approver", o.separate_approver}};
}

/// Everything an import replaces, for the audit record's before and after values.
Json state_json(const OrganisationState& s) {
    Json out = settings_json(s.organisation);
    Json custom = Json::array();
    for (const auto& c : s.custom_services) custom.push_back(codec::to_json(c));
    Json entries = Json::array();
    for (const auto& e : s.entries) entries.push_back(codec::to_json(e.entry));
    Json actions = Json::array();
    for (const auto& a : s.actions) actions.push_back(codec::to_json(a.action));
    Json events = Json::array();
    for (const auto& e : s.events) events.push_back(codec::to_json(e.event));
    Json evaluations = Json::array();
    for (const auto& e : s.evaluations) evaluations.push_back(e.evaluation.id);
    out["custom_services"] = custom;
    out["services"] = entries;
    out["actions"] = actions;
    out["events"] = events;
    out["evaluations"] = evaluations;
    return out;
}

} // namespace

Result<OrganisationRecord> OrganisationStore::create_organisation(const Actor& actor,
                                                                  const NewOrganisation& request) {
    if (auto s = validate_slug(request.slug, "id"); !s) return s.error();
    if (request.name.empty()) return invalid("the organisation needs a name", "name");
    if (auto s = validate_text(request.name, "name", kShortText); !s) return s.error();
    auto dir = core_.directory(request.catalogue_id, {});
    if (!dir) return dir.error();
    auto tmpl = core_.library.template_for(request.template_id, request.catalogue_id, "template");
    if (!tmpl) return tmpl.error();
    std::vector<ServiceEntry> entries;
    if (*tmpl) {
        entries = entries_from_template(**dir, **tmpl);
    } else {
        for (const auto& info : (*dir)->services()) {
            ServiceEntry e;
            e.service_id = info.id;
            entries.push_back(std::move(e));
        }
    }
    return guarded([&]() -> Result<OrganisationRecord> {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        if (rows::organisation(sql, request.slug))
            return rows::conflict("an organisation '" + request.slug + "' already exists", "id");
        const std::string at = core_.now();
        long long id = 0;
        const int interval = kDefaultEvaluationIntervalDays;
        sql << "insert into organisations (slug, name, catalog_id, reference_template, "
               "evaluation_interval_days, revision, created_at) values (:slug, :name, :catalog, "
               ":ref, :interval, 1, :at) returning id",
            soci::use(request.slug), soci::use(request.name), soci::use(request.catalogue_id),
            soci::use(request.template_id), soci::use(interval), soci::use(at), soci::into(id);
        int position = 0;
        for (const auto& e : entries) rows::insert_entry(sql, id, position++, e, at, actor.name);
        auto record = rows::organisation(sql, request.slug);
        Json after = settings_json(*record);
        after["template"] = request.template_id;
        rows::audit(sql, at, actor, &*record, "organisation", request.slug, "create", nullptr,
                    after);
        unit.commit();
        return record;
    });
}

Result<std::vector<OrganisationRecord>> OrganisationStore::list() {
    return guarded([&]() -> Result<std::vector<OrganisationRecord>> {
        Unit unit(core_.db, Unit::Mode::read);
        return rows::organisations(unit.sql());
    });
}

Result<OrganisationRecord> OrganisationStore::organisation(std::string_view slug) {
    return guarded([&]() -> Result<OrganisationRecord> {
        Unit unit(core_.db, Unit::Mode::single);
        return rows::organisation(unit.sql(), slug);
    });
}

namespace {

/// Prepared once per connection: every cached read checks it.
struct StateVersionBySlug {
    std::string slug;
    long long id = 0;
    long long version = 0;
    soci::statement st;
    explicit StateVersionBySlug(Session& sql)
        : st((sql.prepare << "select id, state_version from organisations where slug = :slug",
              soci::use(slug), soci::into(id), soci::into(version))) {}
};

} // namespace

Result<StateStamp> OrganisationStore::state_version(std::string_view slug) {
    return guarded([&]() -> Result<StateStamp> {
        Unit unit(core_.db, Unit::Mode::single);
        auto& q = unit.sql().prepared<StateVersionBySlug>();
        q.slug = std::string(slug);
        const bool found = fetch_one(q.st);
        if (!found)
            return rows::not_found("no organisation '" + q.slug + "'; `cdcwb org list` shows them",
                                   "org");
        return StateStamp{static_cast<std::int64_t>(q.id), static_cast<std::int64_t>(q.version)};
    });
}

Result<OrganisationRecord>
OrganisationStore::update_organisation(const Actor& actor, std::string_view slug,
                                       const OrganisationSettings& settings,
                                       std::int64_t expected_revision) {
    if (settings.name && settings.name->empty())
        return invalid("the organisation needs a name", "name");
    if (settings.name)
        if (auto s = validate_text(*settings.name, "name", kShortText); !s) return s.error();
    if (settings.evaluation_interval_days)
        if (auto s =
                validate_interval(*settings.evaluation_interval_days, "evaluation_interval_days");
            !s)
            return s.error();
    return guarded([&]() -> Result<OrganisationRecord> {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        auto before = rows::organisation(sql, slug);
        if (!before) return before.error();
        const std::string name = settings.name.value_or(before->name);
        const std::string reference =
            settings.reference_template.value_or(before->reference_template);
        const int interval = static_cast<int>(
            settings.evaluation_interval_days.value_or(before->evaluation_interval_days));
        const int separate = settings.separate_approver.value_or(before->separate_approver) ? 1 : 0;
        if (auto t =
                core_.library.template_for(reference, before->catalogue_id, "reference_template");
            !t)
            return t.error();
        long long rev = expected_revision;
        long long id = before->id;
        soci::statement st =
            (sql.prepare << "update organisations set name = :name, reference_template = :ref, "
                            "evaluation_interval_days = :interval, separate_approver = :separate, "
                            "revision = revision + 1 where id = :id and revision = :rev",
             soci::use(name), soci::use(reference), soci::use(interval), soci::use(separate),
             soci::use(id), soci::use(rev));
        st.execute(true);
        if (st.get_affected_rows() != 1)
            return rows::conflict("the organisation was changed by someone else (revision " +
                                      std::to_string(before->revision) + ", you had " +
                                      std::to_string(expected_revision) + "); reload and retry",
                                  "revision");
        auto after = rows::organisation(sql, slug);
        rows::audit(sql, core_.now(), actor, &*after, "organisation", before->slug, "update",
                    settings_json(*before), settings_json(*after));
        unit.commit();
        return after;
    });
}

Status OrganisationStore::delete_organisation(const Actor& actor, std::string_view slug) {
    return rows::change_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Status {
            const auto before = state_json(rows::load_state(sql, org));
            long long id = org.id;
            sql << "delete from organisations where id = :id", soci::use(id);
            rows::audit(sql, core_.now(), actor, &org, "organisation", org.slug, "delete", before,
                        nullptr);
            return {};
        });
}

Result<OrganisationState> OrganisationStore::load(std::string_view slug, History history) {
    return rows::read_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Result<OrganisationState> {
            return rows::load_state(sql, org, history);
        });
}

Result<std::shared_ptr<const ServiceDirectory>>
OrganisationStore::directory_of(std::string_view slug) {
    return rows::read_organisation(
        core_, slug,
        [&](Session& sql,
            const OrganisationRecord& org) -> Result<std::shared_ptr<const ServiceDirectory>> {
            return core_.directory(org.catalogue_id, rows::custom_services(sql, org));
        });
}

Result<OrganisationState> OrganisationStore::import_assessment(const Actor& actor,
                                                               std::string_view slug,
                                                               const Assessment& assessment) {
    if (auto s = validate_slug(slug, "org"); !s) return s.error();
    auto dir = core_.directory(assessment.catalogue_id, assessment.custom_services);
    if (!dir) return dir.error();
    if (auto s = validate(assessment, **dir); !s) return s.error();
    auto tmpl = core_.library.template_for(assessment.reference_template, assessment.catalogue_id,
                                           "reference_template");
    if (!tmpl) return tmpl.error();
    const Template* reference = *tmpl;
    const std::string at = core_.now();
    // Findings of the recorded evaluations, judged as they are imported.
    std::vector<EvaluationRecord> evaluations;
    for (const auto& evaluation : assessment.evaluations) {
        EvaluationRecord r;
        r.evaluation = evaluation;
        r.findings =
            findings_of(evaluate(**dir, evaluation.services, reference).findings, evaluation.kinds);
        r.counts = rows::count_findings(r.findings);
        r.reference_template = assessment.reference_template;
        r.created_at = at;
        r.created_by = actor.name;
        evaluations.push_back(std::move(r));
    }
    return guarded([&]() -> Result<OrganisationState> {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        const std::string name = assessment.organisation.name;
        const std::string slug_text(slug);
        Json before = nullptr;
        long long id = 0;
        const int separate = assessment.separate_approver ? 1 : 0;
        if (auto existing = rows::organisation(sql, slug)) {
            before = state_json(rows::load_state(sql, *existing));
            id = existing->id;
            sql << "update organisations set name = :name, catalog_id = :catalog, "
                   "reference_template = :ref, evaluation_interval_days = :interval, "
                   "separate_approver = :separate, revision = revision + 1 where id = :id",
                soci::use(name), soci::use(assessment.catalogue_id),
                soci::use(assessment.reference_template),
                soci::use(assessment.evaluation_interval_days), soci::use(separate), soci::use(id);
            for (const char* table :
                 {"service_entries", "custom_services", "actions", "trigger_events", "evaluations"})
                sql << std::string("delete from ") + table + " where org_id = :id", soci::use(id);
        } else {
            sql << "insert into organisations (slug, name, catalog_id, reference_template, "
                   "evaluation_interval_days, separate_approver, revision, created_at) values "
                   "(:slug, :name, :catalog, :ref, :interval, :separate, 1, :at) returning id",
                soci::use(slug_text), soci::use(name), soci::use(assessment.catalogue_id),
                soci::use(assessment.reference_template),
                soci::use(assessment.evaluation_interval_days), soci::use(separate), soci::use(at),
                soci::into(id);
        }
        int position = 0;
        for (const auto& c : assessment.custom_services)
            rows::insert_custom_service(sql, id, position++, c);
        position = 0;
        for (const auto& e : assessment.services)
            rows::insert_entry(sql, id, position++, e, at, actor.name);
        position = 0;
        for (const auto& a : assessment.actions)
            rows::insert_action(sql, id, position++, a, at, actor.name);
        for (const auto& e : assessment.events) rows::insert_event(sql, id, e, at, actor.name);
        for (const auto& e : evaluations) rows::insert_evaluation(sql, id, e);
        auto org = rows::organisation(sql, slug);
        auto state = rows::load_state(sql, *org);
        rows::audit(sql, at, actor, &*org, "organisation", slug_text, "import", before,
                    state_json(state));
        unit.commit();
        return state;
    });
}

} // namespace cdcwb::store
