copy geo.age_band (ordinal, age_from, age_to) from stdin (format binary)
