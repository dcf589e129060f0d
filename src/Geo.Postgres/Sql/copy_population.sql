copy geo.population (neighbourhood, band, count) from stdin (format binary)
