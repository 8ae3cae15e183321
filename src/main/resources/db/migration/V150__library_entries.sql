-- Owned by library: the library_tracks read model (V5) kept as a table. Every playlist,
-- rule preview and library count reads an account's whole library through it; as a view
-- each read joined liked tracks, saved albums, their tracks and the availability again
-- (150 ms and more for 50,000 tracks before any condition was asked).
--
-- Kept by statement triggers on the four tables it is drawn from, in the statement that
-- changes them, so it is exact whoever writes them (the sync's bulk statements, the
-- catalog's upserts, a test's fixture): each trigger names the (account, track) pairs its
-- statement may have changed and library_entries_refresh draws those pairs afresh.
create table library_entries (
    account_id  bigint      not null references accounts (id) on delete cascade,
    track_id    text        not null references tracks (id) on delete cascade,
    liked_at    timestamptz,
    saved_at    timestamptz,
    added_at    timestamptz not null,
    is_playable boolean,
    primary key (account_id, track_id)
);
comment on table library_entries is 'Per account, its library tracks (liked, or on a saved album) with liked_at, saved_at, added_at and is_playable, kept by triggers';

create type library_entry_key as (account_id bigint, track_id text);

-- The view's former body for the given pairs: liked, or on an album the account saved.
create function library_entries_refresh(keys library_entry_key[]) returns void
language plpgsql as $$
begin
  if cardinality(keys) = 0 then
    return;
  end if;
  delete from library_entries e
  using unnest(keys) k
  where e.account_id = k.account_id and e.track_id = k.track_id;
  insert into library_entries (account_id, track_id, liked_at, saved_at, added_at, is_playable)
  select k.account_id, k.track_id, lt.added_at, sa.added_at, least(lt.added_at, sa.added_at), av.is_playable
  from (select distinct account_id, track_id from unnest(keys)) k
  join tracks t on t.id = k.track_id
  left join liked_tracks lt on lt.account_id = k.account_id and lt.track_id = k.track_id
  left join saved_albums sa on sa.account_id = k.account_id and sa.album_id = t.album_id
  left join track_availability av on av.account_id = k.account_id and av.track_id = k.track_id
  where lt.track_id is not null or sa.album_id is not null;
end $$;

-- liked_tracks and track_availability: their own (account, track) pairs. The transition
-- tables are named alike on every trigger; a branch names only those its event has.
create function library_entries_after_track_rows() returns trigger
language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    perform library_entries_refresh(array(select (account_id, track_id)::library_entry_key from changed_new));
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    perform library_entries_refresh(array(select (account_id, track_id)::library_entry_key from changed_old));
  end if;
  return null;
end $$;

-- saved_albums: every track of the album, for the account that saved it.
create function library_entries_after_saved_albums() returns trigger
language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    perform library_entries_refresh(array(
      select (s.account_id, t.id)::library_entry_key from changed_new s join tracks t on t.album_id = s.album_id));
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    perform library_entries_refresh(array(
      select (s.account_id, t.id)::library_entry_key from changed_old s join tracks t on t.album_id = s.album_id));
  end if;
  return null;
end $$;

-- tracks: a new track on a saved album, or a track moved to another album (a stub of an
-- export meeting its real album), for every account that likes it or saved either album.
-- A deleted track takes its entries with it (the foreign key).
create function library_entries_after_tracks() returns trigger
language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform library_entries_refresh(array(
      select (s.account_id, n.id)::library_entry_key from changed_new n join saved_albums s on s.album_id = n.album_id
      union
      select (l.account_id, n.id)::library_entry_key from changed_new n join liked_tracks l on l.track_id = n.id));
  else
    perform library_entries_refresh(array(
      with moved as (
        select n.id, n.album_id, o.album_id as old_album_id
        from changed_new n join changed_old o on o.id = n.id
        where o.album_id is distinct from n.album_id
      )
      select (s.account_id, m.id)::library_entry_key
      from moved m join saved_albums s on s.album_id in (m.album_id, m.old_album_id)
      union
      select (l.account_id, m.id)::library_entry_key from moved m join liked_tracks l on l.track_id = m.id));
  end if;
  return null;
end $$;

create trigger library_entries_liked_inserted after insert on liked_tracks
  referencing new table as changed_new for each statement execute function library_entries_after_track_rows();
create trigger library_entries_liked_updated after update on liked_tracks
  referencing new table as changed_new old table as changed_old
  for each statement execute function library_entries_after_track_rows();
create trigger library_entries_liked_deleted after delete on liked_tracks
  referencing old table as changed_old for each statement execute function library_entries_after_track_rows();

create trigger library_entries_availability_inserted after insert on track_availability
  referencing new table as changed_new for each statement execute function library_entries_after_track_rows();
create trigger library_entries_availability_updated after update on track_availability
  referencing new table as changed_new old table as changed_old
  for each statement execute function library_entries_after_track_rows();
create trigger library_entries_availability_deleted after delete on track_availability
  referencing old table as changed_old for each statement execute function library_entries_after_track_rows();

create trigger library_entries_saved_inserted after insert on saved_albums
  referencing new table as changed_new for each statement execute function library_entries_after_saved_albums();
create trigger library_entries_saved_updated after update on saved_albums
  referencing new table as changed_new old table as changed_old
  for each statement execute function library_entries_after_saved_albums();
create trigger library_entries_saved_deleted after delete on saved_albums
  referencing old table as changed_old for each statement execute function library_entries_after_saved_albums();

create trigger library_entries_tracks_inserted after insert on tracks
  referencing new table as changed_new for each statement execute function library_entries_after_tracks();
create trigger library_entries_tracks_updated after update on tracks
  referencing new table as changed_new old table as changed_old
  for each statement execute function library_entries_after_tracks();

-- what the view said until now
insert into library_entries (account_id, track_id, liked_at, saved_at, added_at, is_playable)
select account_id, track_id, liked_at, saved_at, added_at, is_playable from library_tracks;

create or replace view library_tracks as
select account_id, track_id, liked_at, saved_at, added_at, is_playable from library_entries;
comment on view library_tracks is 'Published by library: per account, its library tracks with liked_at, saved_at, added_at and is_playable';
