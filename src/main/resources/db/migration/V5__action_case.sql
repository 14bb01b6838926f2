-- The case an action belongs to (a remediation process instance, or a mitigation started on its own), so that
-- "the actions of this case" is a query on a column instead of a search inside the idempotency key.
-- Null for an action logged before keys named their case.

alter table action_log add column case_id varchar(64);

-- Earlier rows carry their case in the key: <threat_id>/<purpose>/<action>/case-<case_id>/<occasion>.
-- The prefix up to "case-" is rebuilt from the row's own columns; the case id runs from there to the next '/'.
-- Plain substring/position, so the same statement runs on H2 and PostgreSQL.
update action_log
   set case_id = substring(idempotency_key
                           from length(threat_id) + length(purpose) + length(action) + 9
                           for position('/' in substring(idempotency_key
                                   from length(threat_id) + length(purpose) + length(action) + 9)) - 1)
 where idempotency_key like threat_id || '/' || purpose || '/' || action || '/case-%/%'
   and position('/' in substring(idempotency_key
           from length(threat_id) + length(purpose) + length(action) + 9)) > 1;
