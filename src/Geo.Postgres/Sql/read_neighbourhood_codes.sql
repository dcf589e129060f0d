select code from geo.area where level = 4 and boundary is not null order by code collate "C";
