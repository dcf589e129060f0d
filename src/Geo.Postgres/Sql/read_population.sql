select neighbourhood, band, count from geo.population order by neighbourhood collate "C", band;
