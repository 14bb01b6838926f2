-- What routing and the asset import need to know of an asset besides what V1 holds.

-- Whether the asset answers from the internet (a web server in the DMZ, a VPN gateway). Existing rows: not known
-- to be, which is the safe reading for routing rules that treat internet-facing assets differently.
alter table asset add column internet_facing boolean not null default false;

-- Free labels from the inventory (linux, dmz, pci ...), lower-case, [a-z0-9._:-]{1,64}. A row per tag rather than
-- a text column: routing asks "does this asset carry tag X", which the primary key answers exactly, and the asset
-- list filters by tag through ix_asset_tag_tag, with no LIKE on a delimited string.
create table asset_tag (
    asset_id varchar(36) not null references asset (id),
    tag      varchar(64) not null,
    primary key (asset_id, tag)
);
create index ix_asset_tag_tag on asset_tag (tag);
