-- The first schema: organisations, people and roles, each organisation's matrix (catalogue,
-- profile, portfolio), evidence, evaluations, trigger events, improvement actions, credentials and
-- the audit log.
--
-- One file serves SQLite and PostgreSQL. Placeholders: {{id}} is an integer primary key that the
-- database numbers itself. Times are UTC text ("2026-11-22T05:30:25.123Z"), which sorts and
-- compares the same on both engines; booleans are 0/1 integers; scores are tokens ("1" … "5",
-- "n/a") or null when not set. Statements end with ";" at the end of a line.

create table organisations (
    id {{id}},
    slug text not null unique,
    name text not null,
    catalog_id text not null,
    reference_template text not null default '',
    evaluation_interval_days integer not null,
    revision bigint not null default 1,
    created_at text not null
);

create table users (
    id {{id}},
    username text not null unique,
    display_name text not null default '',
    password_hash text not null,
    is_admin integer not null default 0,
    lang text not null default 'en',
    disabled integer not null default 0,
    created_at text not null,
    password_changed_at text not null
);

create table memberships (
    org_id bigint not null references organisations (id) on delete cascade,
    user_id bigint not null references users (id) on delete cascade,
    role text not null check (role in ('admin', 'assessor', 'approver', 'viewer')),
    created_at text not null,
    primary key (org_id, user_id)
);

create table custom_services (
    org_id bigint not null references organisations (id) on delete cascade,
    service_id text not null,
    position integer not null,
    category text not null,
    name_en text not null,
    name_ja text not null,
    description_en text not null default '',
    description_ja text not null default '',
    sourcing_information text,
    sourcing_skill integer,
    primary key (org_id, service_id)
);

create table service_entries (
    org_id bigint not null references organisations (id) on delete cascade,
    service_id text not null,
    position integer not null,
    level text,
    assignment text not null,
    owner text not null default '',
    provider text not null default '',
    sourcing_information text,
    sourcing_skill integer,
    insource_as_is text,
    insource_to_be text,
    outsource_as_is text,
    outsource_to_be text,
    unassigned_as_is text,
    unassigned_to_be text,
    rationale text not null default '',
    evidence text not null default '[]',
    capacity text not null default '',
    capability text not null default '',
    revision bigint not null default 1,
    updated_at text not null,
    updated_by text not null,
    primary key (org_id, service_id)
);

create table evidence_files (
    org_id bigint not null references organisations (id) on delete cascade,
    sha256 text not null,
    media_type text not null,
    size_bytes bigint not null,
    filename text not null,
    content_base64 text not null,
    created_at text not null,
    created_by text not null,
    primary key (org_id, sha256)
);

create table trigger_events (
    id {{id}},
    org_id bigint not null references organisations (id) on delete cascade,
    event_date text not null,
    kind text not null,
    note text not null default '',
    created_at text not null,
    created_by text not null
);
create index trigger_events_by_org on trigger_events (org_id, id);

create table actions (
    org_id bigint not null references organisations (id) on delete cascade,
    action_id text not null,
    position integer not null,
    title text not null,
    phase text,
    cycle text not null,
    owner text not null default '',
    due text,
    status text not null,
    resources text not null default '',
    finding text not null default '',
    revision bigint not null default 1,
    updated_at text not null,
    updated_by text not null,
    primary key (org_id, action_id)
);

create table action_services (
    org_id bigint not null,
    action_id text not null,
    position integer not null,
    service_id text not null,
    primary key (org_id, action_id, position),
    foreign key (org_id, action_id) references actions (org_id, action_id) on delete cascade
);

create table action_history (
    org_id bigint not null,
    action_id text not null,
    position integer not null,
    event_date text not null,
    what text not null,
    from_value text not null default '',
    to_value text not null default '',
    note text not null default '',
    primary key (org_id, action_id, position),
    foreign key (org_id, action_id) references actions (org_id, action_id) on delete cascade
);

-- An evaluation is immutable once recorded: the matrix it judged and its findings are kept as
-- JSON documents, never rewritten. Only the approval (once) is set later.
create table evaluations (
    id {{id}},
    org_id bigint not null references organisations (id) on delete cascade,
    snapshot_id text not null,
    evaluation_date text not null,
    kinds text not null,
    note text not null default '',
    reference_template text not null default '',
    approved_by text not null default '',
    approved_on text,
    services_json text not null,
    findings_json text not null,
    error_count integer not null,
    warning_count integer not null,
    info_count integer not null,
    created_at text not null,
    created_by text not null,
    unique (org_id, snapshot_id)
);

create table api_tokens (
    id {{id}},
    user_id bigint not null references users (id) on delete cascade,
    name text not null,
    token_hash text not null unique,
    prefix text not null,
    created_at text not null,
    expires_at text,
    last_used_at text,
    revoked_at text
);

create table sessions (
    token_hash text primary key,
    user_id bigint not null references users (id) on delete cascade,
    csrf_token text not null,
    address text not null default '',
    created_at text not null,
    expires_at text not null,
    last_seen_at text not null
);
create index sessions_by_user on sessions (user_id);

-- The audit log outlives what it describes: no foreign keys, so deleting an organisation or a
-- user keeps their history.
create table audit_log (
    id {{id}},
    at text not null,
    actor text not null,
    org_id bigint,
    org_slug text not null default '',
    entity text not null,
    entity_id text not null,
    operation text not null,
    before_value text,
    after_value text
);
create index audit_log_by_org on audit_log (org_slug, id);
