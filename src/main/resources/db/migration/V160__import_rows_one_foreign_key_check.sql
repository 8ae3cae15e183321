-- An imported row's import and account were two foreign keys, so storing a row ran two
-- look-ups (imports, accounts) besides the one of its play: at 250,000 rows an import spent
-- seconds in them. One composite key, (import_id, account_id) -> imports (id, account_id),
-- holds both with one look-up and holds more than they did: the row's account is its
-- import's account. That import's account exists (imports.account_id references accounts),
-- and deleting an account still deletes its imports and, through them, their rows.
-- import_rows.play_id keeps its own key. Owned by plays.
alter table imports add constraint imports_id_account unique (id, account_id);

alter table import_rows
    add constraint import_rows_import_account_fkey foreign key (import_id, account_id)
        references imports (id, account_id) on delete cascade,
    drop constraint import_rows_import_id_fkey,
    drop constraint import_rows_account_id_fkey;
