select indicator, area, period, band, numerator, denominator, line
from geo.indicator_record
order by indicator, seq;
