#include "store/audit_chain.hpp"

#include "store/secrets.hpp"

#include <charconv>
#include <map>
#include <set>

namespace cdcwb::store::audit_chain {

namespace {

void field(std::string& out, std::string_view value) {
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}

void nullable_field(std::string& out, const std::optional<std::string>& value) {
    if (value)
        field(out, *value);
    else
        out += "-\n";
}

std::optional<long long> org_of(std::string_view key) {
    if (key.substr(0, 4) != "org:") return std::nullopt;
    long long id = 0;
    const auto* end = key.data() + key.size();
    auto [ptr, ec] = std::from_chars(key.data() + 4, end, id);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return id;
}

/// One stored record with its chain columns (any of which may have been cleared).
struct Stored {
    long long id = 0;
    Content content;
    std::optional<std::string> chain;
    std::optional<long long> position;
    std::optional<std::string> prev_hash;
    std::optional<std::string> hash;
};

constexpr int kPage = 500;

/// The records after id `after` in id order, at most kPage of them: all (no `key`), or those of
/// the chain `key` together with every record that claims its organisation (or none).
std::vector<Stored> page(Session& sql, const std::string* key, long long after) {
    std::string where = " where id > :after";
    long long org_id = 0;
    if (key) {
        const auto org = org_of(*key);
        org_id = org.value_or(0);
        where +=
            org ? " and (chain = :key or org_id = :org)" : " and (chain = :key or org_id is null)";
    }
    Stored r;
    long long org = 0, position = 0;
    std::string before, after_value, chain, prev, hash;
    soci::indicator org_ind = soci::i_null, before_ind = soci::i_null, after_ind = soci::i_null,
                    chain_ind = soci::i_null, position_ind = soci::i_null, prev_ind = soci::i_null,
                    hash_ind = soci::i_null;
    soci::details::prepare_temp_type p =
        (sql.prepare << "select id, at, actor, org_id, org_slug, entity, entity_id, operation, "
                        "before_value, after_value, chain, chain_seq, prev_hash, hash from "
                        "audit_log" +
                            where + " order by id limit " + std::to_string(kPage),
         soci::use(after));
    if (key) {
        p, soci::use(*key);
        if (org_of(*key)) p, soci::use(org_id);
    }
    p, soci::into(r.id), soci::into(r.content.at), soci::into(r.content.actor),
        soci::into(org, org_ind), soci::into(r.content.org_slug), soci::into(r.content.entity),
        soci::into(r.content.entity_id), soci::into(r.content.operation),
        soci::into(before, before_ind), soci::into(after_value, after_ind),
        soci::into(chain, chain_ind), soci::into(position, position_ind),
        soci::into(prev, prev_ind), soci::into(hash, hash_ind);
    soci::statement st(p);
    st.execute();
    std::vector<Stored> out;
    const auto optional = [](const std::string& v, soci::indicator ind) {
        return ind == soci::i_ok ? std::optional<std::string>(v) : std::nullopt;
    };
    while (st.fetch()) {
        r.content.org_id = org_ind == soci::i_ok ? std::optional<long long>(org) : std::nullopt;
        r.content.before = optional(before, before_ind);
        r.content.after = optional(after_value, after_ind);
        r.chain = optional(chain, chain_ind);
        r.position = position_ind == soci::i_ok ? std::optional<long long>(position) : std::nullopt;
        r.prev_hash = optional(prev, prev_ind);
        r.hash = optional(hash, hash_ind);
        out.push_back(r);
    }
    return out;
}

/// Prepared once per connection: every change takes its chain's head.
struct HeadTake {
    std::string chain;
    std::string genesis{kGenesis};
    long long records = 0;
    std::string head_hash;
    soci::statement st;
    explicit HeadTake(Session& sql)
        : st((sql.prepare << "insert into audit_chains (chain, records, head_id, head_hash) "
                             "values (:chain, 1, 0, :genesis) on conflict (chain) do update set "
                             "records = audit_chains.records + 1 returning records, head_hash",
              soci::use(chain), soci::use(genesis), soci::into(records), soci::into(head_hash))) {}
};

/// Prepared once per connection: the head moves to the record just written.
struct HeadAdvance {
    std::string chain, hash;
    long long id = 0;
    soci::statement st;
    explicit HeadAdvance(Session& sql)
        : st((sql.prepare << "update audit_chains set head_id = :id, head_hash = :hash where "
                             "chain = :chain",
              soci::use(id), soci::use(hash), soci::use(chain))) {}
};

std::string at_record(long long id) {
    return "record " + std::to_string(id);
}

/// The id of the record written at `position` of the chain, when there is one.
std::optional<long long> record_at(Session& sql, const std::string& chain, long long position) {
    long long id = 0;
    sql << "select id from audit_log where chain = :chain and chain_seq = :position order by id "
           "limit 1",
        soci::use(chain), soci::use(position), soci::into(id);
    return sql.got_data() ? std::optional<long long>(id) : std::nullopt;
}

} // namespace

std::string chain_key(std::optional<long long> org_id) {
    return org_id ? "org:" + std::to_string(*org_id) : "site";
}

std::string canonical(const Link& link, const Content& c) {
    std::string out = "cdcwb-audit-v1\n";
    field(out, link.chain);
    field(out, std::to_string(link.position));
    field(out, link.prev_hash);
    field(out, c.at);
    field(out, c.actor);
    nullable_field(out,
                   c.org_id ? std::optional<std::string>(std::to_string(*c.org_id)) : std::nullopt);
    field(out, c.org_slug);
    field(out, c.entity);
    field(out, c.entity_id);
    field(out, c.operation);
    nullable_field(out, c.before);
    nullable_field(out, c.after);
    return out;
}

std::string record_hash(const Link& link, const Content& content) {
    return secrets::sha256_hex(canonical(link, content));
}

Appended append(Session& sql, const Content& content) {
    auto& take = sql.prepared<HeadTake>();
    take.chain = chain_key(content.org_id);
    take.st.execute(true);
    while (take.st.fetch()) {
    }
    Appended out;
    out.link = {take.chain, take.records, take.head_hash};
    out.hash = record_hash(out.link, content);
    return out;
}

void advance_head(Session& sql, const Appended& appended, long long record_id) {
    auto& advance = sql.prepared<HeadAdvance>();
    advance.chain = appended.link.chain;
    advance.hash = appended.hash;
    advance.id = record_id;
    advance.st.execute(true);
}

void chain_unchained(Session& sql) {
    struct Head {
        long long records = 0;
        long long id = 0;
        std::string hash{kGenesis};
    };
    std::map<std::string, Head> heads;
    for (long long after = 0;;) {
        const auto records = page(sql, nullptr, after);
        for (const auto& r : records) {
            after = r.id;
            if (r.hash) continue;
            const auto key = chain_key(r.content.org_id);
            auto& head = heads[key];
            const Link link{key, head.records + 1, head.hash};
            std::string hash = record_hash(link, r.content);
            sql << "update audit_log set chain = :chain, chain_seq = :seq, prev_hash = :prev, "
                   "hash = :hash where id = :id",
                soci::use(link.chain), soci::use(link.position), soci::use(link.prev_hash),
                soci::use(hash), soci::use(r.id);
            head = {link.position, r.id, hash};
        }
        if (records.size() < static_cast<std::size_t>(kPage)) break;
    }
    for (const auto& [key, head] : heads) {
        sql << "insert into audit_chains (chain, records, head_id, head_hash) values (:chain, "
               ":records, :id, :hash)",
            soci::use(key), soci::use(head.records), soci::use(head.id), soci::use(head.hash);
    }
}

std::vector<std::optional<long long>> chains(Session& sql) {
    std::set<long long> orgs;
    std::string key;
    soci::statement heads = (sql.prepare << "select chain from audit_chains", soci::into(key));
    heads.execute();
    while (heads.fetch())
        if (auto org = org_of(key)) orgs.insert(*org);
    long long org = 0;
    soci::statement named =
        (sql.prepare << "select distinct org_id from audit_log where org_id is not null",
         soci::into(org));
    named.execute();
    while (named.fetch()) orgs.insert(org);
    std::vector<std::optional<long long>> out(orgs.begin(), orgs.end());
    out.push_back(std::nullopt);
    return out;
}

AuditChainReport verify(Session& sql, std::optional<long long> org_id) {
    AuditChainReport report;
    report.chain = chain_key(org_id);
    const auto broken = [&](long long id, const char* kind, const std::string& message) {
        report.broken = AuditChainBreak{id, kind, message};
    };
    long long head_records = 0, head_id = 0;
    std::string head_hash;
    soci::indicator head_ind = soci::i_null;
    sql << "select records, head_id, head_hash from audit_chains where chain = :chain",
        soci::use(report.chain), soci::into(head_records, head_ind), soci::into(head_id),
        soci::into(head_hash);
    const bool has_head = sql.got_data();
    long long position = 0, last_id = 0;
    std::string last_hash{kGenesis};
    for (long long after = 0; !report.broken;) {
        const auto records = page(sql, &report.chain, after);
        for (const auto& r : records) {
            after = r.id;
            ++report.records;
            if (org_id) report.org = r.content.org_slug;
            if (!r.hash || !r.position || !r.prev_hash || r.chain != report.chain) {
                broken(r.id, "edited",
                       at_record(r.id) + " was edited: it is not linked into the chain " +
                           report.chain + " it belongs to");
                break;
            }
            const Link link{*r.chain, *r.position, *r.prev_hash};
            if (record_hash(link, r.content) != *r.hash) {
                broken(r.id, "edited",
                       at_record(r.id) + " was edited: its content no longer matches its hash");
                break;
            }
            const auto skipped = *r.position > position + 1
                                     ? record_at(sql, report.chain, position + 1)
                                     : std::nullopt;
            if (skipped) {
                broken(r.id, "reordered",
                       at_record(r.id) + " is out of order: it was written at position " +
                           std::to_string(*r.position) + " but comes before position " +
                           std::to_string(position + 1) + " (" + at_record(*skipped) + ")");
                break;
            }
            if (*r.position > position + 1) {
                broken(r.id, "removed",
                       "records were removed before " + at_record(r.id) + ": positions " +
                           std::to_string(position + 1) + " to " + std::to_string(*r.position - 1) +
                           " of the chain are missing");
                break;
            }
            if (*r.position <= position) {
                broken(r.id, "reordered",
                       at_record(r.id) + " is out of order: it was written at position " +
                           std::to_string(*r.position) + " but comes after position " +
                           std::to_string(position));
                break;
            }
            if (*r.prev_hash != last_hash) {
                broken(r.id, "edited",
                       at_record(r.id) + " does not follow the record before it" +
                           (last_id ? " (" + at_record(last_id) + ")" : std::string()) +
                           ": one of them was replaced");
                break;
            }
            position = *r.position;
            last_id = r.id;
            last_hash = *r.hash;
        }
        if (records.size() < static_cast<std::size_t>(kPage)) break;
    }
    report.head_id = has_head ? head_id : 0;
    report.head_hash = has_head ? head_hash : std::string();
    if (report.broken || (!has_head && position == 0)) return report;
    if (has_head && head_records > position) {
        broken(head_id, "truncated",
               "the last " + std::to_string(head_records - position) +
                   " record(s) of the chain were removed: it ends at position " +
                   std::to_string(position) + " but its head says position " +
                   std::to_string(head_records) + " (" + at_record(head_id) + ")");
    } else if (!has_head || head_records != position || head_id != last_id ||
               head_hash != last_hash) {
        broken(last_id, "head",
               "the chain's head does not match its last record (" + at_record(last_id) +
                   ", position " + std::to_string(position) + "): the head was edited");
    }
    return report;
}

} // namespace cdcwb::store::audit_chain
