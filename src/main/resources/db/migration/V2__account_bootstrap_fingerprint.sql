-- SPOTIFY_REFRESH_TOKEN is read at every start-up. Its HMAC (keyed by APP_SECRET) tells us,
-- without calling Spotify, that the token was already taken over.
alter table accounts add column bootstrap_token_fingerprint bytea;
comment on column accounts.bootstrap_token_fingerprint is 'HMAC-SHA256 of the SPOTIFY_REFRESH_TOKEN this account was created or updated from';
