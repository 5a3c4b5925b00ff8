-- Two-factor sign-in (TOTP, RFC 6238). One row per user who started enrolment: the secret (base32,
-- as the authenticator app has it: the server needs it itself to compute codes, so it cannot be
-- stored hashed), whether enrolment was confirmed (enabled = 1), and the last time step a code
-- was accepted for (a code of that step or an earlier one is refused: no replay).
create table two_factor (
    user_id bigint primary key references users (id) on delete cascade,
    secret text not null,
    enabled integer not null default 0,
    last_step bigint not null default 0,
    created_at text not null,
    enabled_at text
);

-- One-time recovery codes, made when two-factor sign-in is turned on: only their SHA-256 is kept
-- (each is 50 random bits, shown once); used_at marks one spent.
create table recovery_codes (
    id {{id}},
    user_id bigint not null references users (id) on delete cascade,
    code_hash text not null,
    used_at text
);
create index recovery_codes_by_user on recovery_codes (user_id);

-- Settings of the whole site, one row each, absent until first set. two_factor_required: none
-- (when absent) | admins | everyone.
create table site_settings (
    name text primary key,
    value text not null
);
