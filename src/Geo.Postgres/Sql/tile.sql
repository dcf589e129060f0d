-- One vector tile of one level: the zoom band's stored features (simplified as the in-process tiles are),
-- clipped with the same 64-unit buffer on a 4096 extent; polygons whose outer ring covers less than 16 square
-- units (a quarter pixel) are left out, as the in-process encoder does. ST_AsMVT leaves null properties out.
select st_asmvt(t, @layer, 4096, 'geom', 'id')
from (
    select c.id, c.code, c.name, c.parent, c.partial, kept.geom
    from (
        select id, code, name, parent, partial,
               st_asmvtgeom(geom, st_tileenvelope(@z, @x, @y), 4096, 64, true) as clipped
        from geo.tile_feature
        where level = @level and band = @band
          and geom && st_tileenvelope(@z, @x, @y, margin => 64.0 / 4096)
    ) c
    cross join lateral (
        select st_collect(part.geom) as geom
        from st_dump(c.clipped) part
        where st_area(st_makepolygon(st_exteriorring(part.geom))) >= 16
    ) kept
    where kept.geom is not null
    order by c.id
) t;
