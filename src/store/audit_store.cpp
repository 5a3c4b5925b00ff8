// Reading the audit log: filtered by organisation, entity, actor and time, newest first, paged
// by id. Records are written by every change (rows::audit), never updated or deleted.
#include "store/rows.hpp"
#include "store/store.hpp"

namespace cdcwb::store {

using namespace domain;

Result<std::vector<AuditRecord>> AuditStore::query(const AuditQuery& query) {
    if (query.limit < 1 || query.limit > 1000) return invalid("limit must be 1 to 1000", "limit");
    if (query.before_id < 0) return invalid("before must be a record id", "before");
    return guarded([&]() -> Result<std::vector<AuditRecord>> {
        Unit unit(core_.db, Unit::Mode::read);
        auto& sql = unit.sql();
        std::string where = " where 1 = 1";
        // Bound values must outlive the statement; each filter adds one.
        std::vector<std::string> values;
        const auto filter = [&](const std::string& value, const std::string& clause) {
            if (value.empty()) return;
            values.push_back(value);
            where += " and " + clause + " :p" + std::to_string(values.size());
        };
        filter(query.org, "org_slug =");
        filter(query.entity, "entity =");
        filter(query.entity_id, "entity_id =");
        filter(query.actor, "actor =");
        filter(query.since, "at >=");
        filter(query.until, "at <");
        long long before_id = query.before_id;
        if (before_id > 0) where += " and id < :before";
        AuditRecord r;
        soci::indicator before_ind = soci::i_null, after_ind = soci::i_null;
        soci::details::prepare_temp_type p =
            (sql.prepare << "select id, at, actor, org_slug, entity, entity_id, operation, "
                            "before_value, after_value from audit_log" +
                                where + " order by id desc limit " + std::to_string(query.limit));
        for (auto& v : values) p, soci::use(v);
        if (before_id > 0) p, soci::use(before_id);
        p, soci::into(r.id), soci::into(r.at), soci::into(r.actor), soci::into(r.org),
            soci::into(r.entity), soci::into(r.entity_id), soci::into(r.operation),
            soci::into(r.before, before_ind), soci::into(r.after, after_ind);
        soci::statement st(p);
        st.execute();
        std::vector<AuditRecord> out;
        while (st.fetch()) {
            if (before_ind != soci::i_ok) r.before.clear();
            if (after_ind != soci::i_ok) r.after.clear();
            out.push_back(r);
        }
        return out;
    });
}

} // namespace cdcwb::store
