copy geo_points (seq, x, y) from stdin (format binary)
