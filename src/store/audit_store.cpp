// Reading the audit log: filtered by organisation, entity, actor and time, newest first, paged
// by id; and checking its hash chains. Records are written by every change (rows::audit), never
// updated or deleted.
#include "store/audit_chain.hpp"
#include "store/rows.hpp"
#include "store/store.hpp"

namespace cdcwb::store {

using namespace domain;

namespace {

Status check(const AuditQuery& query) {
    if (query.limit < 1 || query.limit > 1000) return invalid("limit must be 1 to 1000", "limit");
    if (query.before_id < 0) return invalid("before must be a record id", "before");
    return {};
}

/// The records matching `query`; with `org_id`, only those of that organisation (by its
/// internal id) instead of those written under the slug `query.org`.
std::vector<AuditRecord> select(Session& sql, const AuditQuery& query,
                                std::optional<long long> org_id) {
    std::string where = " where 1 = 1";
    // Bound values must outlive the statement; each filter adds one.
    std::vector<std::string> values;
    const auto filter = [&](const std::string& value, const std::string& clause) {
        if (value.empty()) return;
        values.push_back(value);
        where += " and " + clause + " :p" + std::to_string(values.size());
    };
    if (!org_id) filter(query.org, "org_slug =");
    filter(query.entity, "entity =");
    filter(query.entity_id, "entity_id =");
    filter(query.actor, "actor =");
    filter(query.since, "at >=");
    filter(query.until, "at <");
    long long org = org_id.value_or(0);
    if (org_id) where += " and org_id = :org";
    long long before_id = query.before_id;
    if (before_id > 0) where += " and id < :before";
    AuditRecord r;
    soci::indicator before_ind = soci::i_null, after_ind = soci::i_null, hash_ind = soci::i_null;
    soci::details::prepare_temp_type p =
        (sql.prepare << "select id, at, actor, org_slug, entity, entity_id, operation, "
                        "before_value, after_value, hash from audit_log" +
                            where + " order by id desc limit " + std::to_string(query.limit));
    for (auto& v : values) p, soci::use(v);
    if (org_id) p, soci::use(org);
    if (before_id > 0) p, soci::use(before_id);
    p, soci::into(r.id), soci::into(r.at), soci::into(r.actor), soci::into(r.org),
        soci::into(r.entity), soci::into(r.entity_id), soci::into(r.operation),
        soci::into(r.before, before_ind), soci::into(r.after, after_ind),
        soci::into(r.hash, hash_ind);
    soci::statement st(p);
    st.execute();
    std::vector<AuditRecord> out;
    while (st.fetch()) {
        if (before_ind != soci::i_ok) r.before.clear();
        if (after_ind != soci::i_ok) r.after.clear();
        if (hash_ind != soci::i_ok) r.hash.clear();
        out.push_back(r);
    }
    return out;
}

} // namespace

Result<std::vector<AuditRecord>> AuditStore::query(const AuditQuery& query) {
    if (auto ok = check(query); !ok) return ok.error();
    return guarded([&]() -> Result<std::vector<AuditRecord>> {
        Unit unit(core_.db, Unit::Mode::read);
        return select(unit.sql(), query, std::nullopt);
    });
}

Result<std::vector<AuditRecord>> AuditStore::organisation_records(std::string_view org,
                                                                  AuditQuery query) {
    if (auto ok = check(query); !ok) return ok.error();
    return guarded([&]() -> Result<std::vector<AuditRecord>> {
        Unit unit(core_.db, Unit::Mode::read);
        auto record = rows::organisation(unit.sql(), org);
        if (!record) return record.error();
        return select(unit.sql(), query, record->id);
    });
}

Result<AuditChainReport> AuditStore::verify_organisation(std::string_view org) {
    return guarded([&]() -> Result<AuditChainReport> {
        Unit unit(core_.db, Unit::Mode::read);
        auto record = rows::organisation(unit.sql(), org);
        if (!record) return record.error();
        auto report = audit_chain::verify(unit.sql(), record->id);
        report.org = record->slug;
        return report;
    });
}

Result<std::vector<AuditChainReport>> AuditStore::verify_all() {
    return guarded([&]() -> Result<std::vector<AuditChainReport>> {
        Unit unit(core_.db, Unit::Mode::read);
        std::vector<AuditChainReport> out;
        for (const auto& org_id : audit_chain::chains(unit.sql()))
            out.push_back(audit_chain::verify(unit.sql(), org_id));
        return out;
    });
}

} // namespace cdcwb::store
