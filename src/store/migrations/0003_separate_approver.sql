-- Separation of duties: when set (1), an organisation's evaluations must be approved by someone
-- other than the person who recorded them. Off (0) for existing organisations, as before.
alter table organisations add column separate_approver integer not null default 0;
