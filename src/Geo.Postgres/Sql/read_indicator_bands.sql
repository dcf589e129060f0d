select indicator, age_from, age_to from geo.indicator_band order by indicator, ordinal;
