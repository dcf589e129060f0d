analyze geo.area;
analyze geo.population;
analyze geo.deprivation;
analyze geo.indicator_record;
analyze geo.tile_feature;
analyze geo.flow;
