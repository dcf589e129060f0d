-- Flow tables (neighbourhood-by-provider counts, e.g. GP registrations), which catchments are built from.
-- Added after the first release of the schema: databases loaded before get these tables at their next load.
create table geo.flow_source (
    singleton boolean primary key default true check (singleton),
    providers text not null,
    counts text not null,
    file text not null,
    import_notes text[] not null
);

create table geo.flow_provider (
    ordinal integer primary key,
    code text not null unique,
    name text not null
);

-- seq keeps the import order.
create table geo.flow (
    seq integer primary key,
    provider text not null,
    neighbourhood text not null,
    count double precision not null,
    line bigint not null
);
create index flow_neighbourhood on geo.flow (neighbourhood);
