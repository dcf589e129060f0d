select providers, counts, file, import_notes from geo.flow_source;
