insert into geo.dataset (name, synthetic, boundary_vintage, suppression_enabled, suppression_min, suppression_max, report, version)
values (@name, @synthetic, @vintage, @enabled, @min, @max, @report::jsonb, @version);
