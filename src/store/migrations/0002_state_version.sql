-- A counter per organisation, raised by every change to anything in it (in the same transaction
-- as the change's audit record). Readers compare it to know whether what they computed from the
-- organisation's state is still current, without reading that state again.
alter table organisations add column state_version bigint not null default 1;
