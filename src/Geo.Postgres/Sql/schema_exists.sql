select to_regclass('geo.schema_version') is not null;
