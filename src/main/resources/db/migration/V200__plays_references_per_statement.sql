-- The references of plays, imported rows and the play rollups, held per statement instead
-- of per row. Owned by plays.
--
-- A foreign key checks each row it guards with a query of its own. A 250,000-row import
-- ran 1.4 million of them: each play against accounts, tracks and imports, each imported
-- row against imports and plays, each rollup row against accounts: a fifth of
-- ImportBenchmark's first import (29.9 s with them, 24.4 s without). The references hold,
-- through statement triggers: a statement that writes one of these tables checks the
-- distinct values it wrote, once, and locks the rows they name for key share, as a
-- foreign key does, so a concurrent delete of the account, import or track waits for the
-- writing transaction and then sees what it wrote. What the keys did on delete, triggers
-- on the referenced tables do: an account's plays, imported rows and rollups go with it;
-- an import's rows go with it and its plays forget it; a play's imported rows forget it;
-- a played track cannot be deleted. (Ids are never updated: Spotify's ids, identities.)

alter table plays
    drop constraint plays_account_id_fkey,
    drop constraint plays_track_id_fkey,
    drop constraint plays_import_id_fkey;
alter table import_rows
    drop constraint import_rows_import_account_fkey,
    drop constraint import_rows_play_id_fkey;
alter table play_days drop constraint play_days_account_id_fkey;
alter table play_hours drop constraint play_hours_account_id_fkey;
alter table play_sessions drop constraint play_sessions_account_id_fkey;
alter table play_tracks drop constraint play_tracks_account_id_fkey;

-- Fails unless every account, track and import named exists, and locks them for key share
-- (a null array names nothing).
create function plays_require_references(written text, account_ids bigint[], track_ids text[], import_ids bigint[])
    returns void language plpgsql as $$
begin
    if cardinality(account_ids) > (select count(*) from (select 1 from accounts
                                   where id = any(account_ids) for key share) a) then
        raise foreign_key_violation using message = format('%s names an account that does not exist', written);
    end if;
    if cardinality(track_ids) > (select count(*) from (select 1 from tracks
                                 where id = any(track_ids) for key share) t) then
        raise foreign_key_violation using message = format('%s names a track that does not exist', written);
    end if;
    if cardinality(import_ids) > (select count(*) from (select 1 from imports
                                  where id = any(import_ids) for key share) i) then
        raise foreign_key_violation using message = format('%s names an import that does not exist', written);
    end if;
end $$;

create function plays_inserted() returns trigger language plpgsql as $$
begin
    perform plays_require_references('a play', array_agg(distinct account_id), array_agg(distinct track_id),
                                     array_agg(distinct import_id) filter (where import_id is not null))
    from new_rows;
    return null;
end $$;

-- only what an update changed: a merge sets the import of a thousand plays, curation
-- touches none of the references
create function plays_updated() returns trigger language plpgsql as $$
begin
    perform plays_require_references('a play',
                array_agg(distinct n.account_id) filter (where n.account_id <> o.account_id),
                array_agg(distinct n.track_id) filter (where n.track_id <> o.track_id),
                array_agg(distinct n.import_id) filter (where n.import_id is distinct from o.import_id
                                                          and n.import_id is not null))
    from new_rows n join old_rows o on o.id = n.id;
    return null;
end $$;

create trigger plays_references_inserted after insert on plays
    referencing new table as new_rows for each statement execute function plays_inserted();
create trigger plays_references_updated after update on plays
    referencing old table as old_rows new table as new_rows for each statement execute function plays_updated();

-- An imported row's import must be of the row's account; its play must exist. The play is
-- not locked: plays are deleted only with their account, which first waits for the lock
-- of the import taken here (its delete reaches the imports).
create function import_rows_written() returns trigger language plpgsql as $$
begin
    if (select count(*) from (select distinct import_id, account_id from new_rows) w)
       > (select count(*) from (select 1 from imports i
                                where (i.id, i.account_id) in (select import_id, account_id from new_rows)
                                for key share) f) then
        raise foreign_key_violation using message = 'an imported row names an import that does not exist or is another account''s';
    end if;
    if (select count(distinct play_id) from new_rows)
       > (select count(*) from plays p where p.id in (select play_id from new_rows)) then
        raise foreign_key_violation using message = 'an imported row names a play that does not exist';
    end if;
    return null;
end $$;

create trigger import_rows_references_inserted after insert on import_rows
    referencing new table as new_rows for each statement execute function import_rows_written();
create trigger import_rows_references_updated after update on import_rows
    referencing new table as new_rows for each statement execute function import_rows_written();

create function play_rollups_written() returns trigger language plpgsql as $$
begin
    perform plays_require_references('a play rollup', array_agg(distinct account_id), null, null) from new_rows;
    return null;
end $$;

create trigger play_days_references_inserted after insert on play_days
    referencing new table as new_rows for each statement execute function play_rollups_written();
create trigger play_days_references_updated after update on play_days
    referencing new table as new_rows for each statement execute function play_rollups_written();
create trigger play_hours_references_inserted after insert on play_hours
    referencing new table as new_rows for each statement execute function play_rollups_written();
create trigger play_hours_references_updated after update on play_hours
    referencing new table as new_rows for each statement execute function play_rollups_written();
create trigger play_sessions_references_inserted after insert on play_sessions
    referencing new table as new_rows for each statement execute function play_rollups_written();
create trigger play_sessions_references_updated after update on play_sessions
    referencing new table as new_rows for each statement execute function play_rollups_written();
create trigger play_tracks_references_inserted after insert on play_tracks
    referencing new table as new_rows for each statement execute function play_rollups_written();
create trigger play_tracks_references_updated after update on play_tracks
    referencing new table as new_rows for each statement execute function play_rollups_written();

-- An account's plays and all that derives from them go before it: before its row, so its
-- imports' delete (still a foreign key's cascade) finds no play left to update. A row
-- trigger locks the account's row before it runs, so it waits for a transaction writing
-- the account's plays and then deletes them too.
create function accounts_delete_plays() returns trigger language plpgsql as $$
begin
    delete from import_rows where account_id = old.id;
    delete from play_days where account_id = old.id;
    delete from play_hours where account_id = old.id;
    delete from play_sessions where account_id = old.id;
    delete from play_tracks where account_id = old.id;
    delete from plays where account_id = old.id;
    return old;
end $$;

create trigger accounts_delete_plays before delete on accounts
    for each row execute function accounts_delete_plays();

create function imports_deleted() returns trigger language plpgsql as $$
begin
    delete from import_rows r using old_rows o where r.import_id = o.id;
    update plays p set import_id = null from old_rows o where p.import_id = o.id;
    return null;
end $$;

create trigger imports_deleted after delete on imports
    referencing old table as old_rows for each statement execute function imports_deleted();

create function plays_deleted() returns trigger language plpgsql as $$
begin
    update import_rows r set play_id = null from old_rows o where r.play_id = o.id;
    return null;
end $$;

create trigger plays_deleted after delete on plays
    referencing old table as old_rows for each statement execute function plays_deleted();

create function tracks_deleted_unplayed() returns trigger language plpgsql as $$
begin
    if exists (select 1 from old_rows o join plays p on p.track_id = o.id) then
        raise foreign_key_violation using message = 'a track that was played cannot be deleted';
    end if;
    return null;
end $$;

create trigger tracks_deleted_unplayed after delete on tracks
    referencing old table as old_rows for each statement execute function tracks_deleted_unplayed();
