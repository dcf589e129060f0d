copy geo.deprivation (neighbourhood, decile, score, line) from stdin (format binary)
