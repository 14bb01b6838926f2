-- The threat KPIs (io.threatflow.kpi) read one time window of the register at a time. These indexes let
-- each of its range conditions, the join from a case to its engine history and the recurrence look-up
-- (a later report on the same asset and type) use an index instead of reading every case ever reported.

create index ix_threat_reported_at on threat (reported_at);
create index ix_threat_contained_at on threat (contained_at);
create index ix_threat_closed_at on threat (closed_at);
create index ix_threat_process_instance on threat (process_instance_id);
create index ix_threat_asset_type_reported on threat (asset_id, type, reported_at);
