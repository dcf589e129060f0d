copy geo.indicator (id, ordinal, name, value_type, multiplier, polarity, unit, source, periods, data_level, file, import_notes, publication_pool, input_origins) from stdin (format binary)
