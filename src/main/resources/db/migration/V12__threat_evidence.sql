-- What a report says about exploitability and exposure (SSVC's inputs), and the MITRE ATT&CK techniques it names.
-- Plain SQL that H2 (embedded default) and PostgreSQL (cluster) both run.

alter table threat add column cvss_score decimal(3, 1);
alter table threat add column epss_score decimal(6, 5);
alter table threat add column exploit_available boolean not null default false;
alter table threat add column internet_facing boolean not null default false;

-- One technique a report names, in the report's order; tactic as the report gave it or from the built-in table.
create table threat_attack (
    threat_id      varchar(36)  not null references threat (id),
    position       int          not null,
    technique_id   varchar(16)  not null,
    technique_name varchar(200),
    tactic_id      varchar(16),
    tactic_name    varchar(100),
    primary key (threat_id, position)
);
