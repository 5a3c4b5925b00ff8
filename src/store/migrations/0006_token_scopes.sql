-- API tokens carry a scope: 'read' (reads only) or 'read_write' (whatever their user may do).
-- Tokens made before scopes existed had all their user's rights, so they keep 'read_write'.
-- Every new token expires (90 days unless asked, at most 365); a token made earlier without an
-- expiry keeps working until revoked, and the token list shows it without an expiry date so its
-- owner can replace it. Changing a password or disabling the account revokes all its tokens.
alter table api_tokens add column scope text not null default 'read_write';
