copy geo.flow (seq, provider, neighbourhood, count, line) from stdin (format binary)
