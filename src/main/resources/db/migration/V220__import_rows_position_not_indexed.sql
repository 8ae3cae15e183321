-- Imported rows are no longer indexed by their position in the export (import, file, row):
-- nothing reads them by it, an import resumes from import_members.rows_done, and a row is
-- stored once by its content key (import_rows_once). That index cost every stored row an
-- entry with a file name in it (241,000 in ImportBenchmark's first import). What reads an
-- import's rows gets a smaller index: its summary's merge offsets read its merged rows, and
-- its page the names of its unresolved ones. (Deleting an import finds its rows by a scan:
-- only a queued import, which has none, is deleted.) Owned by plays.
alter table import_rows drop constraint import_rows_import_id_member_row_index_key;
create index import_rows_summary on import_rows (import_id, outcome) where outcome in ('merged', 'unresolved');
