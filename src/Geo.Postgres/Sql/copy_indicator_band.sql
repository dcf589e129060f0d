copy geo.indicator_band (indicator, ordinal, age_from, age_to) from stdin (format binary)
