select code, name from geo.flow_provider order by ordinal;
