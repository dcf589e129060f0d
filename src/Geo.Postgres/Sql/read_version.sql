select version from geo.dataset;
