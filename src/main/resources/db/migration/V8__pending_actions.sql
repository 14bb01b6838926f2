-- The id an outside system knows an action by (a name-based UUID of its idempotency key), so that a result it
-- posts later for an action it accepted (202) finds the action. Null for actions logged before.
alter table action_log add column action_id varchar(36);
create unique index ux_action_log_action_id on action_log (action_id);
