#include "store/rows.hpp"

#include "store/audit_chain.hpp"

#include <ctime>
#include <map>

namespace cdcwb::store::rows {

using namespace domain;
using codec::Json;

namespace {

std::string dump_or_null(const Json& json, soci::indicator& ind) {
    if (json.is_null()) {
        ind = soci::i_null;
        return {};
    }
    ind = soci::i_ok;
    // Values reaching the audit log were validated; replacing is a last defence, not a path.
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

/// The revision stamp every editable record carries.
struct StampColumns {
    long long revision = 0;
    std::string updated_at;
    std::string updated_by;

    template <class Record> void copy_to(Record& r) const {
        r.revision = revision;
        r.updated_at = updated_at;
        r.updated_by = updated_by;
    }
};

template <class E> NullableText token_or_null(const std::optional<E>& value) {
    return value ? NullableText(std::string(to_string(*value))) : NullableText();
}

struct SourcingColumns {
    NullableText information;
    int skill = 0;
    soci::indicator skill_ind = soci::i_null;

    void set(const std::optional<SourcingAnswers>& sourcing) {
        if (sourcing) {
            information = NullableText(std::string(to_string(sourcing->information)));
            skill = sourcing->specialist_skill ? 1 : 0;
            skill_ind = soci::i_ok;
        } else {
            information = NullableText();
            skill = 0;
            skill_ind = soci::i_null;
        }
    }
    std::optional<SourcingAnswers> get() const {
        if (information.ind != soci::i_ok) return std::nullopt;
        auto info = parse_information(information.value);
        if (!info) throw std::runtime_error("stored data is damaged: information");
        return SourcingAnswers{*info, skill != 0};
    }
};

/// The columns of service_entries, bound for select and for insert/update.
struct EntryColumns {
    std::string service_id;
    NullableText level;
    std::string assignment;
    std::string owner;
    std::string provider;
    SourcingColumns sourcing;
    NullableText in_as_is, in_to_be, out_as_is, out_to_be, un_as_is, un_to_be;
    std::string rationale;
    std::string evidence = "[]";
    std::string capacity;
    std::string capability;
    StampColumns stamp;

    void set(const ServiceEntry& e) {
        service_id = e.service_id;
        level = token_or_null(e.level);
        assignment = std::string(to_string(e.assignment));
        owner = e.owner;
        provider = e.provider;
        sourcing.set(e.sourcing);
        const auto score = [](const std::optional<Score>& s) {
            return s ? NullableText(s->to_string()) : NullableText();
        };
        in_as_is = score(e.insource.as_is);
        in_to_be = score(e.insource.to_be);
        out_as_is = score(e.outsource.as_is);
        out_to_be = score(e.outsource.to_be);
        un_as_is = score(e.unassigned.as_is);
        un_to_be = score(e.unassigned.to_be);
        rationale = e.rationale;
        evidence = Json(e.evidence).dump();
        capacity = e.capacity;
        capability = e.capability;
    }

    ServiceEntryRecord get() const {
        const auto score = [](const NullableText& t) {
            return t.ind == soci::i_ok ? codec::score_from_token(t.value) : std::nullopt;
        };
        ServiceEntryRecord r;
        auto& e = r.entry;
        e.service_id = service_id;
        if (level.ind == soci::i_ok) {
            e.level = parse_level(level.value);
            if (!e.level) throw std::runtime_error("stored data is damaged: level");
        }
        auto a = parse_assignment(assignment);
        if (!a) throw std::runtime_error("stored data is damaged: assignment");
        e.assignment = *a;
        e.owner = owner;
        e.provider = provider;
        e.sourcing = sourcing.get();
        e.insource = {score(in_as_is), score(in_to_be)};
        e.outsource = {score(out_as_is), score(out_to_be)};
        e.unassigned = {score(un_as_is), score(un_to_be)};
        e.rationale = rationale;
        const auto references = Json::parse(evidence, nullptr, false);
        if (!references.is_array()) throw std::runtime_error("stored data is damaged: evidence");
        for (const auto& reference : references) {
            if (!reference.is_string())
                throw std::runtime_error("stored data is damaged: evidence");
            e.evidence.push_back(reference.get<std::string>());
        }
        e.capacity = capacity;
        e.capability = capability;
        stamp.copy_to(r);
        return r;
    }
};

constexpr const char* kEntrySelect =
    "select service_id, level, assignment, owner, provider, sourcing_information, "
    "sourcing_skill, insource_as_is, insource_to_be, outsource_as_is, outsource_to_be, "
    "unassigned_as_is, unassigned_to_be, rationale, evidence, capacity, capability, revision, "
    "updated_at, "
    "updated_by from service_entries where org_id = :org";

void bind_into(soci::details::prepare_temp_type& p, EntryColumns& c) {
    p, soci::into(c.service_id), soci::into(c.level.value, c.level.ind), soci::into(c.assignment),
        soci::into(c.owner), soci::into(c.provider),
        soci::into(c.sourcing.information.value, c.sourcing.information.ind),
        soci::into(c.sourcing.skill, c.sourcing.skill_ind),
        soci::into(c.in_as_is.value, c.in_as_is.ind), soci::into(c.in_to_be.value, c.in_to_be.ind),
        soci::into(c.out_as_is.value, c.out_as_is.ind),
        soci::into(c.out_to_be.value, c.out_to_be.ind),
        soci::into(c.un_as_is.value, c.un_as_is.ind), soci::into(c.un_to_be.value, c.un_to_be.ind),
        soci::into(c.rationale), soci::into(c.evidence), soci::into(c.capacity),
        soci::into(c.capability), soci::into(c.stamp.revision), soci::into(c.stamp.updated_at),
        soci::into(c.stamp.updated_by);
}

struct ActionColumns {
    std::string id;
    std::string title;
    NullableText phase;
    std::string cycle;
    std::string owner;
    NullableText due;
    std::string status;
    std::string resources;
    std::string finding;
    StampColumns stamp;

    void set(const Action& a) {
        id = a.id;
        title = a.title;
        phase = token_or_null(a.phase);
        cycle = std::string(to_string(a.cycle));
        owner = a.owner;
        due = a.due ? NullableText(a.due->to_string()) : NullableText();
        status = std::string(to_string(a.status));
        resources = a.resources;
        finding = a.finding;
    }
};

constexpr const char* kActionSelect =
    "select action_id, title, phase, cycle, owner, due, status, resources, finding, revision, "
    "updated_at, updated_by from actions where org_id = :org";

void bind_into(soci::details::prepare_temp_type& p, ActionColumns& c) {
    p, soci::into(c.id), soci::into(c.title), soci::into(c.phase.value, c.phase.ind),
        soci::into(c.cycle), soci::into(c.owner), soci::into(c.due.value, c.due.ind),
        soci::into(c.status), soci::into(c.resources), soci::into(c.finding),
        soci::into(c.stamp.revision), soci::into(c.stamp.updated_at),
        soci::into(c.stamp.updated_by);
}

[[noreturn]] void damaged(const std::string& what) {
    throw std::runtime_error("stored data is damaged: " + what);
}

ActionRecord action_record(const ActionColumns& c) {
    ActionRecord r;
    auto& a = r.action;
    a.id = c.id;
    a.title = c.title;
    if (c.phase.ind == soci::i_ok) {
        a.phase = parse_phase(c.phase.value);
        if (!a.phase) damaged("phase");
    }
    auto cycle = parse_cycle(c.cycle);
    if (!cycle) damaged("cycle");
    a.cycle = *cycle;
    a.owner = c.owner;
    if (c.due.ind == soci::i_ok) {
        a.due = Date::parse(c.due.value);
        if (!a.due) damaged("due");
    }
    auto status = parse_action_status(c.status);
    if (!status) damaged("status");
    a.status = *status;
    a.resources = c.resources;
    a.finding = c.finding;
    c.stamp.copy_to(r);
    return r;
}

/// Fills in the services and history of the loaded actions.
void action_children(soci::session& sql, long long org_id, std::vector<ActionRecord>& records,
                     const std::string* only) {
    std::map<std::string, ActionRecord*> by_id;
    for (auto& r : records) by_id[r.action.id] = &r;
    std::string id = only ? *only : std::string();
    std::string action_id;
    // Runs `select <columns> from <table>` over the organisation's (or the one action's) rows in
    // order, binding the action id first and the rest with `bind`, and calls `row` for each.
    auto each_row = [&](const std::string& columns_from_table, auto bind, auto row) {
        soci::details::prepare_temp_type p =
            (sql.prepare << "select action_id, " + columns_from_table + " where org_id = :org" +
                                (only ? " and action_id = :id" : "") +
                                " order by action_id, position",
             soci::use(org_id));
        if (only) p, soci::use(id);
        p, soci::into(action_id);
        bind(p);
        soci::statement st(p);
        st.execute();
        while (st.fetch())
            if (auto it = by_id.find(action_id); it != by_id.end()) row(it->second->action);
    };
    std::string service;
    each_row(
        "service_id from action_services", [&](auto& p) { p, soci::into(service); },
        [&](Action& a) { a.services.push_back(service); });
    std::string date, what, from, to, note;
    each_row(
        "event_date, what, from_value, to_value, note from action_history",
        [&](auto& p) {
            p, soci::into(date), soci::into(what), soci::into(from), soci::into(to),
                soci::into(note);
        },
        [&](Action& a) {
            auto d = Date::parse(date);
            if (!d) damaged("action history date");
            a.history.push_back({*d, what, from, to, note});
        });
}

void write_action_children(soci::session& sql, long long org_id, const Action& a) {
    std::string id = a.id;
    sql << "delete from action_services where org_id = :org and action_id = :id", soci::use(org_id),
        soci::use(id);
    sql << "delete from action_history where org_id = :org and action_id = :id", soci::use(org_id),
        soci::use(id);
    int position = 0;
    for (const auto& service : a.services) {
        sql << "insert into action_services (org_id, action_id, position, service_id) values "
               "(:org, :id, :pos, :service)",
            soci::use(org_id), soci::use(id), soci::use(position), soci::use(service);
        ++position;
    }
    position = 0;
    for (const auto& h : a.history) {
        std::string date = h.date.to_string();
        sql << "insert into action_history (org_id, action_id, position, event_date, what, "
               "from_value, to_value, note) values (:org, :id, :pos, :date, :what, :from, :to, "
               ":note)",
            soci::use(org_id), soci::use(id), soci::use(position), soci::use(date),
            soci::use(h.what), soci::use(h.from), soci::use(h.to), soci::use(h.note);
        ++position;
    }
}

struct EvaluationColumns {
    std::string id, date, kinds, note, reference, approved_by, services, findings, created_at,
        created_by;
    NullableText approved_on;
    FindingCounts counts;
};

/// The evaluation columns; a summary reads empty documents instead of the matrix and findings.
std::string evaluation_select(bool full) {
    return std::string("select snapshot_id, evaluation_date, kinds, note, reference_template, "
                       "approved_by, approved_on, ") +
           (full ? "services_json, findings_json" : "'[]', '[]'") +
           ", error_count, warning_count, info_count, created_at, created_by from evaluations "
           "where org_id = :org";
}

void bind_into(soci::details::prepare_temp_type& p, EvaluationColumns& c) {
    p, soci::into(c.id), soci::into(c.date), soci::into(c.kinds), soci::into(c.note),
        soci::into(c.reference), soci::into(c.approved_by),
        soci::into(c.approved_on.value, c.approved_on.ind), soci::into(c.services),
        soci::into(c.findings), soci::into(c.counts.error), soci::into(c.counts.warning),
        soci::into(c.counts.info), soci::into(c.created_at), soci::into(c.created_by);
}

EvaluationRecord evaluation_record(const EvaluationColumns& c) {
    EvaluationRecord r;
    auto& s = r.evaluation;
    s.id = c.id;
    auto date = Date::parse(c.date);
    if (!date) damaged("evaluation date");
    s.date = *date;
    s.kinds = codec::kinds_from_text(c.kinds);
    s.note = c.note;
    s.approved_by = c.approved_by;
    if (c.approved_on.ind == soci::i_ok) {
        s.approved_on = Date::parse(c.approved_on.value);
        if (!s.approved_on) damaged("approval date");
    }
    for (const auto& e : Json::parse(c.services)) s.services.push_back(codec::entry_from_json(e));
    for (const auto& f : Json::parse(c.findings)) r.findings.push_back(codec::finding_from_json(f));
    r.reference_template = c.reference;
    r.counts = c.counts;
    r.created_at = c.created_at;
    r.created_by = c.created_by;
    return r;
}

} // namespace

std::string format_time(std::chrono::system_clock::time_point at) {
    return domain::to_iso_utc(at);
}

namespace {

constexpr const char* kOrganisationSelect =
    "select id, slug, name, catalog_id, reference_template, evaluation_interval_days, revision, "
    "created_at, (select count(*) from custom_services c where c.org_id = organisations.id), "
    "state_version, separate_approver from organisations";

struct OrganisationColumns {
    long long id = 0;
    std::string slug, name, catalogue_id, reference;
    int interval = 0;
    long long revision = 0;
    std::string created_at;
    int custom = 0;
    long long state_version = 0;
    int separate_approver = 0;
    OrganisationRecord get() const {
        return {
            id,       slug,       name,   catalogue_id, reference, interval, separate_approver != 0,
            revision, created_at, custom, state_version};
    }
};

void bind_into(soci::details::prepare_temp_type& p, OrganisationColumns& c) {
    p, soci::into(c.id), soci::into(c.slug), soci::into(c.name), soci::into(c.catalogue_id),
        soci::into(c.reference), soci::into(c.interval), soci::into(c.revision),
        soci::into(c.created_at), soci::into(c.custom), soci::into(c.state_version),
        soci::into(c.separate_approver);
}

/// Every row of a select, each made by `make` from the columns it was read into.
template <class Columns, class Make>
auto fetch_all(soci::details::prepare_temp_type p, Columns& columns, Make make)
    -> std::vector<decltype(make(columns))> {
    bind_into(p, columns);
    soci::statement st(p);
    st.execute();
    std::vector<decltype(make(columns))> out;
    while (st.fetch()) out.push_back(make(columns));
    return out;
}

} // namespace

/// Prepared once per connection: every request looks its organisation up.
struct OrganisationBySlug {
    std::string slug;
    OrganisationColumns c;
    soci::statement st;
    explicit OrganisationBySlug(Session& sql) : st(prepare(sql)) {}
    soci::details::prepare_temp_type prepare(Session& sql) {
        soci::details::prepare_temp_type p =
            (sql.prepare << std::string(kOrganisationSelect) + " where slug = :slug",
             soci::use(slug));
        bind_into(p, c);
        return p;
    }
};

Result<OrganisationRecord> organisation(Session& sql, std::string_view slug) {
    auto& q = sql.prepared<OrganisationBySlug>();
    q.slug = std::string(slug);
    q.st.execute();
    if (!q.st.fetch())
        return not_found("no organisation '" + q.slug + "'; `cdcwb org list` shows them", "org");
    auto record = q.c.get();
    while (q.st.fetch()) {
    }
    return record;
}

std::vector<OrganisationRecord> organisations(soci::session& sql) {
    OrganisationColumns c;
    return fetch_all(sql.prepare << std::string(kOrganisationSelect) + " order by slug", c,
                     [](OrganisationColumns& row) { return row.get(); });
}

/// Prepared once per connection: every change writes one.
struct AuditInsert {
    std::string at, actor, slug, entity, entity_id, operation, before, after, chain, prev_hash,
        hash;
    long long org_id = 0, position = 0, id = 0;
    soci::indicator org_ind = soci::i_null, before_ind = soci::i_null, after_ind = soci::i_null;
    soci::statement st;
    explicit AuditInsert(Session& sql)
        : st((sql.prepare << "insert into audit_log (at, actor, org_id, org_slug, entity, "
                             "entity_id, operation, before_value, after_value, chain, chain_seq, "
                             "prev_hash, hash) values (:at, :actor, :org, :slug, :entity, "
                             ":entity_id, :op, :before, :after, :chain, :seq, :prev, :hash) "
                             "returning id",
              soci::use(at), soci::use(actor), soci::use(org_id, org_ind), soci::use(slug),
              soci::use(entity), soci::use(entity_id), soci::use(operation),
              soci::use(before, before_ind), soci::use(after, after_ind), soci::use(chain),
              soci::use(position), soci::use(prev_hash), soci::use(hash), soci::into(id))) {}
};

/// Prepared once per connection: every change to an organisation raises its state version.
struct StateVersionBump {
    long long org_id = 0;
    soci::statement st;
    explicit StateVersionBump(Session& sql)
        : st((sql.prepare << "update organisations set state_version = state_version + 1 where "
                             "id = :id",
              soci::use(org_id))) {}
};

void audit(Session& sql, const std::string& at, const Actor& actor, const OrganisationRecord* org,
           const std::string& entity, const std::string& entity_id, const std::string& operation,
           const Json& before, const Json& after) {
    auto& q = sql.prepared<AuditInsert>();
    q.at = at;
    q.actor = actor.name;
    q.org_id = org ? org->id : 0;
    q.org_ind = org ? soci::i_ok : soci::i_null;
    q.slug = org ? org->slug : std::string();
    q.entity = entity;
    q.entity_id = entity_id;
    q.operation = operation;
    q.before = dump_or_null(before, q.before_ind);
    q.after = dump_or_null(after, q.after_ind);
    const auto optional = [](const std::string& text, soci::indicator ind) {
        return ind == soci::i_ok ? std::optional<std::string>(text) : std::nullopt;
    };
    // The chain's head is taken (and, on PostgreSQL, locked) before the record is written.
    const auto appended = audit_chain::append(
        sql, {q.at, q.actor, org ? std::optional<long long>(org->id) : std::nullopt, q.slug,
              q.entity, q.entity_id, q.operation, optional(q.before, q.before_ind),
              optional(q.after, q.after_ind)});
    q.chain = appended.link.chain;
    q.position = appended.link.position;
    q.prev_hash = appended.link.prev_hash;
    q.hash = appended.hash;
    q.st.execute(true);
    while (q.st.fetch()) {
    }
    audit_chain::advance_head(sql, appended, q.id);
    if (org) {
        auto& bump = sql.prepared<StateVersionBump>();
        bump.org_id = org->id;
        bump.st.execute(true);
    }
}

int next_position(Session& sql, std::string_view table, long long org_id) {
    int position = 0;
    sql << "select coalesce(max(position), -1) + 1 from " + std::string(table) +
               " where org_id = :org",
        soci::use(org_id), soci::into(position);
    return position;
}

std::vector<CustomService> custom_services(soci::session& sql, const OrganisationRecord& org) {
    if (org.custom_services == 0) return {};
    return custom_services(sql, org.id);
}

std::vector<CustomService> custom_services(soci::session& sql, long long org_id) {
    std::string id, category, name_en, name_ja, description_en, description_ja;
    SourcingColumns sourcing;
    soci::statement st =
        (sql.prepare << "select service_id, category, name_en, name_ja, description_en, "
                        "description_ja, sourcing_information, sourcing_skill from "
                        "custom_services where org_id = :org order by position",
         soci::use(org_id), soci::into(id), soci::into(category), soci::into(name_en),
         soci::into(name_ja), soci::into(description_en), soci::into(description_ja),
         soci::into(sourcing.information.value, sourcing.information.ind),
         soci::into(sourcing.skill, sourcing.skill_ind));
    st.execute();
    std::vector<CustomService> out;
    while (st.fetch())
        out.push_back(
            {id, category, {name_en, name_ja}, {description_en, description_ja}, sourcing.get()});
    return out;
}

void insert_custom_service(soci::session& sql, long long org_id, int position,
                           const CustomService& s) {
    SourcingColumns sourcing;
    sourcing.set(s.sourcing);
    sql << "insert into custom_services (org_id, service_id, position, category, name_en, "
           "name_ja, description_en, description_ja, sourcing_information, sourcing_skill) "
           "values (:org, :id, :pos, :category, :name_en, :name_ja, :description_en, "
           ":description_ja, :information, :skill)",
        soci::use(org_id), soci::use(s.id), soci::use(position), soci::use(s.category),
        soci::use(s.name.en), soci::use(s.name.ja), soci::use(s.description.en),
        soci::use(s.description.ja),
        soci::use(sourcing.information.value, sourcing.information.ind),
        soci::use(sourcing.skill, sourcing.skill_ind);
}

std::vector<ServiceEntryRecord> entries(soci::session& sql, long long org_id) {
    EntryColumns c;
    return fetch_all(
        (sql.prepare << std::string(kEntrySelect) + " order by position", soci::use(org_id)), c,
        [](EntryColumns& row) { return row.get(); });
}

/// Prepared once per connection: every edit of a service reads it first.
struct EntryById {
    long long org_id = 0;
    std::string id;
    EntryColumns c;
    soci::statement st;
    explicit EntryById(Session& sql) : st(prepare(sql)) {}
    soci::details::prepare_temp_type prepare(Session& sql) {
        soci::details::prepare_temp_type p =
            (sql.prepare << std::string(kEntrySelect) + " and service_id = :id", soci::use(org_id),
             soci::use(id));
        bind_into(p, c);
        return p;
    }
};

std::optional<ServiceEntryRecord> entry(Session& sql, long long org_id, const std::string& id) {
    auto& q = sql.prepared<EntryById>();
    q.org_id = org_id;
    q.id = id;
    q.st.execute();
    if (!q.st.fetch()) return std::nullopt;
    auto record = q.c.get();
    while (q.st.fetch()) {
    }
    return record;
}

void insert_entry(soci::session& sql, long long org_id, int position, const ServiceEntry& entry,
                  const std::string& at, const std::string& by) {
    EntryColumns c;
    c.set(entry);
    sql << "insert into service_entries (org_id, service_id, position, level, assignment, owner, "
           "provider, sourcing_information, sourcing_skill, insource_as_is, insource_to_be, "
           "outsource_as_is, outsource_to_be, unassigned_as_is, unassigned_to_be, rationale, "
           "evidence, capacity, capability, revision, updated_at, updated_by) values (:org, :id, "
           ":pos, :level, :assignment, :owner, :provider, :info, :skill, :ia, :it, :oa, :ot, :ua, "
           ":ut, :rationale, :evidence, :capacity, :capability, 1, :at, :by)",
        soci::use(org_id), soci::use(c.service_id), soci::use(position),
        soci::use(c.level.value, c.level.ind), soci::use(c.assignment), soci::use(c.owner),
        soci::use(c.provider), soci::use(c.sourcing.information.value, c.sourcing.information.ind),
        soci::use(c.sourcing.skill, c.sourcing.skill_ind),
        soci::use(c.in_as_is.value, c.in_as_is.ind), soci::use(c.in_to_be.value, c.in_to_be.ind),
        soci::use(c.out_as_is.value, c.out_as_is.ind),
        soci::use(c.out_to_be.value, c.out_to_be.ind), soci::use(c.un_as_is.value, c.un_as_is.ind),
        soci::use(c.un_to_be.value, c.un_to_be.ind), soci::use(c.rationale), soci::use(c.evidence),
        soci::use(c.capacity), soci::use(c.capability), soci::use(at), soci::use(by);
}

/// Prepared once per connection: the most frequent write.
struct ServiceEntryUpdate {
    EntryColumns c;
    long long org_id = 0;
    long long expected_revision = 0;
    std::string at, by;
    soci::statement st;
    explicit ServiceEntryUpdate(Session& sql)
        : st((sql.prepare << "update service_entries set level = :level, assignment = "
                             ":assignment, owner = :owner, provider = :provider, "
                             "sourcing_information = :info, sourcing_skill = :skill, "
                             "insource_as_is = :ia, insource_to_be = :it, outsource_as_is = :oa, "
                             "outsource_to_be = :ot, unassigned_as_is = :ua, unassigned_to_be = "
                             ":ut, rationale = :rationale, evidence = :evidence, capacity = "
                             ":capacity, capability = :capability, revision = revision + 1, "
                             "updated_at = :at, updated_by = :by where org_id = :org and "
                             "service_id = :id and revision = :rev",
              soci::use(c.level.value, c.level.ind), soci::use(c.assignment), soci::use(c.owner),
              soci::use(c.provider),
              soci::use(c.sourcing.information.value, c.sourcing.information.ind),
              soci::use(c.sourcing.skill, c.sourcing.skill_ind),
              soci::use(c.in_as_is.value, c.in_as_is.ind),
              soci::use(c.in_to_be.value, c.in_to_be.ind),
              soci::use(c.out_as_is.value, c.out_as_is.ind),
              soci::use(c.out_to_be.value, c.out_to_be.ind),
              soci::use(c.un_as_is.value, c.un_as_is.ind),
              soci::use(c.un_to_be.value, c.un_to_be.ind), soci::use(c.rationale),
              soci::use(c.evidence), soci::use(c.capacity), soci::use(c.capability), soci::use(at),
              soci::use(by), soci::use(org_id), soci::use(c.service_id),
              soci::use(expected_revision))) {}
};

bool update_entry(Session& sql, long long org_id, const ServiceEntry& entry,
                  long long expected_revision, const std::string& at, const std::string& by) {
    auto& q = sql.prepared<ServiceEntryUpdate>();
    q.c.set(entry);
    q.org_id = org_id;
    q.expected_revision = expected_revision;
    q.at = at;
    q.by = by;
    q.st.execute(true);
    return q.st.get_affected_rows() == 1;
}

std::vector<ActionRecord> actions(soci::session& sql, long long org_id) {
    ActionColumns c;
    auto out = fetch_all(
        (sql.prepare << std::string(kActionSelect) + " order by position", soci::use(org_id)), c,
        [](ActionColumns& row) { return action_record(row); });
    action_children(sql, org_id, out, nullptr);
    return out;
}

std::optional<ActionRecord> action(soci::session& sql, long long org_id, const std::string& id) {
    ActionColumns c;
    std::string action_id = id;
    soci::details::prepare_temp_type p =
        (sql.prepare << std::string(kActionSelect) + " and action_id = :id", soci::use(org_id),
         soci::use(action_id));
    bind_into(p, c);
    soci::statement st(p);
    st.execute();
    if (!st.fetch()) return std::nullopt;
    std::vector<ActionRecord> out{action_record(c)};
    action_children(sql, org_id, out, &action_id);
    return out.front();
}

void insert_action(soci::session& sql, long long org_id, int position, const Action& action,
                   const std::string& at, const std::string& by) {
    ActionColumns c;
    c.set(action);
    sql << "insert into actions (org_id, action_id, position, title, phase, cycle, owner, due, "
           "status, resources, finding, revision, updated_at, updated_by) values (:org, :id, "
           ":pos, :title, :phase, :cycle, :owner, :due, :status, :resources, :finding, 1, :at, "
           ":by)",
        soci::use(org_id), soci::use(c.id), soci::use(position), soci::use(c.title),
        soci::use(c.phase.value, c.phase.ind), soci::use(c.cycle), soci::use(c.owner),
        soci::use(c.due.value, c.due.ind), soci::use(c.status), soci::use(c.resources),
        soci::use(c.finding), soci::use(at), soci::use(by);
    write_action_children(sql, org_id, action);
}

bool update_action(soci::session& sql, long long org_id, const Action& action,
                   long long expected_revision, const std::string& at, const std::string& by) {
    ActionColumns c;
    c.set(action);
    soci::statement st =
        (sql.prepare << "update actions set title = :title, phase = :phase, cycle = :cycle, "
                        "owner = :owner, due = :due, status = :status, resources = :resources, "
                        "finding = :finding, revision = revision + 1, updated_at = :at, "
                        "updated_by = :by where org_id = :org and action_id = :id and revision "
                        "= :rev",
         soci::use(c.title), soci::use(c.phase.value, c.phase.ind), soci::use(c.cycle),
         soci::use(c.owner), soci::use(c.due.value, c.due.ind), soci::use(c.status),
         soci::use(c.resources), soci::use(c.finding), soci::use(at), soci::use(by),
         soci::use(org_id), soci::use(c.id), soci::use(expected_revision));
    st.execute(true);
    if (st.get_affected_rows() != 1) return false;
    write_action_children(sql, org_id, action);
    return true;
}

std::vector<EventRecord> events(soci::session& sql, long long org_id) {
    long long id = 0;
    std::string date, kind, note, created_at, created_by;
    soci::statement st =
        (sql.prepare << "select id, event_date, kind, note, created_at, created_by from "
                        "trigger_events where org_id = :org order by id",
         soci::use(org_id), soci::into(id), soci::into(date), soci::into(kind), soci::into(note),
         soci::into(created_at), soci::into(created_by));
    st.execute();
    std::vector<EventRecord> out;
    while (st.fetch()) {
        auto d = Date::parse(date);
        auto k = parse_trigger_kind(kind);
        if (!d || !k) damaged("trigger event");
        out.push_back({id, {*d, *k, note}, created_at, created_by});
    }
    return out;
}

long long insert_event(soci::session& sql, long long org_id, const TriggerEvent& event,
                       const std::string& at, const std::string& by) {
    std::string date = event.date.to_string();
    std::string kind(to_string(event.kind));
    long long id = 0;
    sql << "insert into trigger_events (org_id, event_date, kind, note, created_at, created_by) "
           "values (:org, :date, :kind, :note, :at, :by) returning id",
        soci::use(org_id), soci::use(date), soci::use(kind), soci::use(event.note), soci::use(at),
        soci::use(by), soci::into(id);
    return id;
}

std::vector<EvaluationRecord> evaluations(soci::session& sql, long long org_id, bool full) {
    EvaluationColumns c;
    return fetch_all((sql.prepare << evaluation_select(full) + " order by evaluation_date, id",
                      soci::use(org_id)),
                     c, [](EvaluationColumns& row) { return evaluation_record(row); });
}

std::optional<EvaluationRecord> evaluation(soci::session& sql, long long org_id,
                                           const std::string& id) {
    EvaluationColumns c;
    std::string evaluation_id = id;
    soci::details::prepare_temp_type p =
        (sql.prepare << evaluation_select(true) + " and snapshot_id = :id", soci::use(org_id),
         soci::use(evaluation_id));
    bind_into(p, c);
    soci::statement st(p);
    st.execute();
    if (!st.fetch()) return std::nullopt;
    return evaluation_record(c);
}

void insert_evaluation(soci::session& sql, long long org_id, const EvaluationRecord& r) {
    const auto& s = r.evaluation;
    Json services = Json::array();
    for (const auto& e : s.services) services.push_back(codec::to_json(e));
    Json findings = Json::array();
    for (const auto& f : r.findings) findings.push_back(codec::to_json(f));
    std::string date = s.date.to_string();
    std::string kinds = codec::kinds_to_text(s.kinds);
    NullableText approved_on(s.approved_on ? std::optional<std::string>(s.approved_on->to_string())
                                           : std::nullopt);
    std::string services_text = services.dump();
    std::string findings_text = findings.dump();
    FindingCounts counts = count_findings(r.findings);
    sql << "insert into evaluations (org_id, snapshot_id, evaluation_date, kinds, note, "
           "reference_template, approved_by, approved_on, services_json, findings_json, "
           "error_count, warning_count, info_count, created_at, created_by) values (:org, :id, "
           ":date, :kinds, :note, :ref, :by, :on, :services, :findings, :errors, :warnings, "
           ":infos, :at, :creator)",
        soci::use(org_id), soci::use(s.id), soci::use(date), soci::use(kinds), soci::use(s.note),
        soci::use(r.reference_template), soci::use(s.approved_by),
        soci::use(approved_on.value, approved_on.ind), soci::use(services_text),
        soci::use(findings_text), soci::use(counts.error), soci::use(counts.warning),
        soci::use(counts.info), soci::use(r.created_at), soci::use(r.created_by);
}

FindingCounts count_findings(const std::vector<Finding>& findings) {
    FindingCounts counts;
    for (const auto& f : findings) {
        if (f.severity == Severity::error)
            ++counts.error;
        else if (f.severity == Severity::warning)
            ++counts.warning;
        else
            ++counts.info;
    }
    return counts;
}

Result<ServiceDirectory> directory(const catalogue::Library& library,
                                   const std::string& catalogue_id,
                                   const std::vector<CustomService>& custom) {
    const auto* loaded = library.catalogue(catalogue_id);
    if (!loaded)
        return domain::invalid("the catalogue '" + catalogue_id +
                                   "' is not loaded; `cdcwb catalog list` shows those available",
                               "catalog");
    return ServiceDirectory::build(loaded->catalogue, custom);
}

OrganisationState load_state(Session& sql, const OrganisationRecord& org, History history) {
    OrganisationState state;
    state.organisation = org;
    state.custom_services = custom_services(sql, org);
    state.entries = entries(sql, org.id);
    state.actions = actions(sql, org.id);
    state.events = events(sql, org.id);
    state.evaluations = evaluations(sql, org.id, history == History::full);
    return state;
}

void lock_organisation(Session& sql, long long org_id) {
    if (sql.get_backend_name() != "postgresql") return;
    long long locked = 0;
    sql << "select id from organisations where id = :org for update", soci::use(org_id),
        soci::into(locked);
}

} // namespace cdcwb::store::rows
