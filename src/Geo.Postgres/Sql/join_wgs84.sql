-- As join_bng.sql for WGS84 longitude and latitude, against the boundaries stored in WGS84 by the loader
-- (through its own OSGB36 datum shift), so the answers are those of the in-process join.
select p.seq, n.code
from geo_points p
cross join lateral (
    select a.code
    from geo.area a
    where a.level = 4 and st_intersects(a.boundary_wgs84, st_setsrid(st_makepoint(p.x, p.y), 4326))
    order by a.code collate "C"
    limit 1
) n;
