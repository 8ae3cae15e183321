-- Owned by playlist: an account's own rule playlists (RULES.md), each the JSON document as
-- its author wrote it (text, not jsonb, so keys keep their order and a download gives back
-- what was uploaded). The slug is derived from the first name and never changes.
create table rule_playlists (
    account_id bigint      not null references accounts (id) on delete cascade,
    slug       text        not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60),
    name       text        not null,
    document   text        not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (account_id, slug)
);
comment on table rule_playlists is 'An account''s own rule playlists: the rule document as written, by slug';
