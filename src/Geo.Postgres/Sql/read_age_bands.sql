select age_from, age_to from geo.age_band order by ordinal;
