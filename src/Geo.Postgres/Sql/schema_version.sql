create schema if not exists geo;
create table if not exists geo.schema_version (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
);
