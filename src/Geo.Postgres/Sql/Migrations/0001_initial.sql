-- The dataset as loaded by `geo load`: one current dataset per database, replaced whole by each load.
-- Geometry is stored in British National Grid (EPSG:27700) as the loader built it (repaired neighbourhoods,
-- dissolved upper levels); tile features are stored per level and zoom band, simplified, in Web Mercator.

create table geo.dataset (
    singleton boolean primary key default true check (singleton),
    name text not null,
    synthetic boolean not null,
    boundary_vintage text not null,
    suppression_enabled boolean not null,
    suppression_min integer not null,
    suppression_max integer not null,
    report jsonb not null,
    version text not null,
    loaded_at timestamptz not null default now()
);

-- level: 0 country, 1 system, 2 ICP, 3 place, 4 neighbourhood. ordinal: position among its parent's children.
create table geo.area (
    code text primary key,
    name text not null,
    level smallint not null,
    parent_code text,
    ordinal integer not null,
    partial boolean not null,
    district_code text,
    boundary geometry(Geometry, 27700),
    -- neighbourhoods only: the boundary in WGS84 through the loader's own OSGB36 datum shift, for lon/lat joins
    boundary_wgs84 geometry(Geometry, 4326)
);
create index area_boundary on geo.area using gist (boundary);
create index area_boundary_wgs84 on geo.area using gist (boundary_wgs84);
create index area_parent on geo.area (parent_code);

create table geo.age_band (
    ordinal smallint primary key,
    age_from integer not null,
    age_to integer
);

create table geo.population (
    neighbourhood text not null,
    band smallint not null,
    count double precision not null,
    primary key (neighbourhood, band)
);

create table geo.deprivation (
    neighbourhood text primary key,
    decile smallint not null,
    score double precision,
    line bigint not null
);

create table geo.indicator (
    id text primary key,
    ordinal integer not null,
    name text not null,
    value_type text not null,
    multiplier double precision not null,
    polarity text not null,
    unit text not null,
    source text not null,
    periods text[] not null,
    data_level smallint not null,
    file text not null,
    import_notes text[] not null
);

create table geo.indicator_band (
    indicator text not null references geo.indicator (id) on delete cascade,
    ordinal smallint not null,
    age_from integer not null,
    age_to integer,
    primary key (indicator, ordinal)
);

-- seq keeps the import order: the engine's sums are then added in the same order as in memory.
create table geo.indicator_record (
    indicator text not null references geo.indicator (id) on delete cascade,
    seq integer not null,
    area text not null,
    period text not null,
    band smallint not null,
    numerator double precision not null,
    denominator double precision,
    line bigint not null,
    primary key (indicator, seq)
);

create table geo.tile_feature (
    level smallint not null,
    band smallint not null,
    id bigint not null,
    code text not null,
    name text not null,
    parent text,
    partial boolean,
    geom geometry(Geometry, 3857) not null,
    primary key (level, band, id)
);
create index tile_feature_geom on geo.tile_feature using gist (level, band, geom);
