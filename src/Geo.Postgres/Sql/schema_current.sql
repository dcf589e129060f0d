select coalesce(max(version), 0) from geo.schema_version;
