insert into geo.schema_version (version, name) values (@version, @name);
