select name, synthetic, boundary_vintage, suppression_enabled, suppression_min, suppression_max, report::text, version
from geo.dataset;
