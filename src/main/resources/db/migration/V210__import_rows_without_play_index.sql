-- No index of imported rows by play. It served the foreign key of import_rows.play_id
-- (a play's delete looked its rows up); since V200 that key is a statement trigger, and
-- plays are deleted only with their account, whose rows go first. No query looks rows up
-- by play, and an import paid for it with an index entry per row that became a play
-- (189,000 in ImportBenchmark's first import). Owned by plays.
drop index import_rows_play;
