select neighbourhood, decile, score, line from geo.deprivation order by line;
