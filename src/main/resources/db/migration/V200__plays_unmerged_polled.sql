-- Polled plays that absorbed no export row yet: the only plays an import's rows may merge
-- into. Each batch of an import looked its candidates up among every play of the account
-- (a scan of all of them per batch, as the plays grow with the import); this index holds
-- just those polled plays, and a play leaves it when it merges (an update that sets
-- export_ts adds no entry here, so merging costs nothing more). Owned by plays.
create index plays_unmerged_polled on plays (account_id, track_id, played_at)
    where source = 'recently_played' and export_ts is null;
