-- One vector tile of one level from the zoom band's stored features (simplified as the in-process tiles are),
-- encoded the way the in-process encoder does it, so both give the same features: to tile units
-- ((x - @minx) * @scale, (@maxy - y) * @scale), clipped to the tile plus a 64-unit buffer, rounded to whole
-- units (half to even). A polygon is left out when its outer ring, so clipped and rounded, covers less than
-- 16 square units (a quarter pixel) in all: the encoder clips a ring into one ring, so the pieces a ring is
-- cut into count together; pieces of no area, and holes under 16 square units, are dropped as the encoder drops
-- such rings. Outer rings are clockwise on screen. Tiles carry code and parent only, as the in-process ones (the
-- name and partial flag stay in the table, for the store); ST_AsMVT leaves null properties out.
select st_asmvt(t, @layer, 4096, 'geom', 'id')
from (
    select f.id, f.code, f.parent, kept.geom
    from geo.tile_feature f
    cross join lateral (
        select st_forcepolygonccw(st_collect(st_makepolygon(
                   st_exteriorring(piece.geom),
                   array(select st_interiorringn(piece.geom, i)
                         from generate_series(1, st_numinteriorrings(piece.geom)) i
                         where abs(st_area(st_makepolygon(st_interiorringn(piece.geom, i)))) >= 16)))) as geom
        from (
            select st_snaptogrid(st_clipbybox2d(part.tiled, clip.envelope), 1) as drawn,
                   st_area(st_snaptogrid(st_clipbybox2d(st_makepolygon(st_exteriorring(part.tiled)), clip.envelope), 1)) as outer_area
            from (select (st_dump(st_scale(st_translate(f.geom, -@minx, -@maxy), @scale, -@scale))).geom as tiled) part,
                 (select st_makeenvelope(-64, -64, 4160, 4160) as envelope) clip
        ) pieces
        cross join lateral st_dump(pieces.drawn) piece
        where abs(pieces.outer_area) >= 16 and st_dimension(piece.geom) = 2 and st_area(piece.geom) > 0
    ) kept
    where f.level = @level and f.band = @band
      and f.geom && st_makeenvelope(@minx - 64 / @scale, @maxy - (4096 + 64) / @scale,
                                    @minx + (4096 + 64) / @scale, @maxy + 64 / @scale, 3857)
      and kept.geom is not null
    order by f.id
) t;
