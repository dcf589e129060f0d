-- Empties the dataset tables inside the load's transaction: readers keep seeing the old rows until it commits.
delete from geo.indicator_record;
delete from geo.indicator_band;
delete from geo.indicator;
delete from geo.tile_feature;
delete from geo.deprivation;
delete from geo.population;
delete from geo.age_band;
delete from geo.area;
delete from geo.dataset;
delete from geo.flow;
delete from geo.flow_provider;
delete from geo.flow_source;
