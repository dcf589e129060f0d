copy geo.tile_feature (level, band, id, code, name, parent, partial, geom) from stdin (format binary)
