copy geo.indicator_record (indicator, seq, area, period, band, numerator, denominator, line) from stdin (format binary)
