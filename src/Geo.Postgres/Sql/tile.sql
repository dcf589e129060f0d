-- One vector tile of one level: the zoom band's stored features (simplified as the in-process tiles are),
-- clipped with the same 64-unit buffer on a 4096 extent. ST_AsMVT leaves null properties out.
select st_asmvt(t, @layer, 4096, 'geom', 'id')
from (
    select id, code, name, parent, partial,
           st_asmvtgeom(geom, st_tileenvelope(@z, @x, @y), 4096, 64, true) as geom
    from geo.tile_feature
    where level = @level and band = @band
      and geom && st_tileenvelope(@z, @x, @y, margin => 64.0 / 4096)
    order by id
) t
where geom is not null;
