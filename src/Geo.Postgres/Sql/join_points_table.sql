create temporary table if not exists geo_points (seq integer not null, x double precision, y double precision);
truncate geo_points;
