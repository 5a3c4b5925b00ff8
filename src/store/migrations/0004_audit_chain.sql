-- The tamper-evident audit log: every record carries the SHA-256 of its canonical bytes, which
-- include the hash of the record before it in its chain (one chain per organisation, keyed by the
-- organisation's internal id, and one site-wide chain for records without an organisation).
-- audit_chains holds each chain's head: how many records it has and the last one's id and hash,
-- so removing records from the end of a chain shows too. The canonical form is in
-- docs/storage.md. Records written before this migration are chained by it: SQL cannot compute
-- SHA-256 on both engines, so cdcwb runs that step itself, in this migration's transaction.
alter table audit_log add column chain text;
alter table audit_log add column chain_seq bigint;
alter table audit_log add column prev_hash text;
alter table audit_log add column hash text;
create index audit_log_by_chain on audit_log (chain, id);
create index audit_log_by_org_id on audit_log (org_id, id);

create table audit_chains (
    chain text primary key,
    records bigint not null,
    head_id bigint not null,
    head_hash text not null
);
