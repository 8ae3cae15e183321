-- No index of plays by track alone. Every play an import adds or merges wrote an entry into
-- it (a merge updates the play, and such an update writes every index anew), and only two
-- rare questions read it: is a track played by anyone (the catalog's clean-up, and a
-- track's delete, V200). They ask per account instead, on plays_account_track (account,
-- track, time): an instance keeps one to five accounts, so a track is five look-ups.
-- Owned by plays.
drop index plays_track;

-- The accounts with plays, each found by one step along the plays' index (a loose index
-- scan: PostgreSQL 17 has no skip scan of its own).
create function plays_accounts() returns setof bigint
    language sql stable parallel safe rows 5 as $$
    with recursive a(account_id) as (
        (select account_id from plays order by account_id limit 1)
        union all
        select (select p.account_id from plays p where p.account_id > a.account_id order by p.account_id limit 1)
        from a where a.account_id is not null
    )
    select account_id from a where account_id is not null
$$;

create or replace function tracks_deleted_unplayed() returns trigger language plpgsql as $$
begin
    if exists (select 1 from old_rows o cross join plays_accounts() a(account_id)
               join plays p on p.account_id = a.account_id and p.track_id = o.id) then
        raise foreign_key_violation using message = 'a track that was played cannot be deleted';
    end if;
    return null;
end $$;
