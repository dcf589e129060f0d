insert into geo.flow_source (providers, counts, file, import_notes) values (@providers, @counts, @file, @notes);
