-- Proposed changes of the playbook (the deployed BPMN, DMN and forms) and their four-eyes review
-- (docs/playbooks.md). A proposal holds only the files its author submitted; on approval they are laid over the
-- playbook that is current then and deployed as one complete deployment (deployment_id).
create table playbook_change (
    id             varchar(36)   not null primary key,
    proposed_by    varchar(255)  not null,
    proposed_at    timestamp with time zone not null,
    -- the deployment of the playbook the proposal was checked against and its summary compared with
    base_deployment_id varchar(64),
    comment        varchar(4000),
    -- PENDING, DEPLOYED, REFUSED
    status         varchar(16)   not null,
    summary        varchar(4000) not null,
    reviewed_by    varchar(255),
    decided_at     timestamp with time zone,
    reason         varchar(4000),
    deployment_id  varchar(64)
);
create index ix_playbook_change_deployment on playbook_change (deployment_id);

-- The files of a proposal, as submitted.
create table playbook_change_resource (
    change_id  varchar(36)  not null references playbook_change (id),
    name       varchar(255) not null,
    content    bytea        not null,
    primary key (change_id, name)
);
