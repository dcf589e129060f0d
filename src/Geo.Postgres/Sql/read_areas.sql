select code, name, level, parent_code, ordinal, partial, district_code, boundary
from geo.area
order by level, parent_code collate "C", ordinal;
