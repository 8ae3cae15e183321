-- Published by plays: per account and track, how many imported plays were skips (RULES.md,
-- "skips"). No play is known to be a skip until the history import stores the fields that
-- say so; it will redefine this view. Until then it answers no rows, so skips is 0.
create view track_skip_counts as
select account_id, track_id, 0::bigint as skips
from plays
where false;
comment on view track_skip_counts is 'Published by plays: per account and track, the plays that were skips';
