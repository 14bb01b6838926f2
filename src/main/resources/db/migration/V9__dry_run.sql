-- Dry runs: a case that records what ThreatFlow would do and changes nothing (docs/connectors.md#dry-run).

-- Whether the threat is a dry run, asked for in its report or by threatflow.connectors.dry-run on the node that
-- registered it. Existing rows were real cases. The KPIs leave dry runs out.
alter table threat add column dry_run boolean not null default false;

-- For a DRY_RUN action: the request its connector would have sent (method, address, headers with every secret
-- masked, body). A webhook request with its headers is longer than detail's 1000 characters.
alter table action_log add column request varchar(4000);
