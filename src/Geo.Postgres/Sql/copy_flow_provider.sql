copy geo.flow_provider (ordinal, code, name) from stdin (format binary)
