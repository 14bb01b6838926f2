-- An accepted residual risk comes back at its review date (threat-mitigation): the acceptance is open until it
-- is reviewed again (renewed by a newer acceptance, or sent back to remediation) or the threat is found gone.
-- The risk register (GET /api/risks) and the overdue-review KPI read the open ones.
alter table risk_acceptance add column ended_at timestamp with time zone;
alter table risk_acceptance add column ended_as varchar(16);
create index ix_risk_acceptance_open on risk_acceptance (ended_at, review_date);
