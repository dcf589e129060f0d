copy geo.area (code, name, level, parent_code, ordinal, partial, district_code, boundary, boundary_wgs84) from stdin (format binary)
