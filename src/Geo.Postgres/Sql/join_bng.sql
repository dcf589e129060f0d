-- The neighbourhood covering each point (edges count as covered), the lowest code when several do: the
-- in-process index's rule. Points are British National Grid eastings and northings.
select p.seq, n.code
from geo_points p
cross join lateral (
    select a.code
    from geo.area a
    where a.level = 4 and st_intersects(a.boundary, st_setsrid(st_makepoint(p.x, p.y), 27700))
    order by a.code collate "C"
    limit 1
) n;
