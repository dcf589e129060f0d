#!/usr/bin/python3
"""Peer for the England load benchmark: the same raw files in GeoPandas (Debian's python3-geopandas).

usage: geopandas_load.py ENGLAND_DIR
Reads the LSOA 2021 GeoPackage and the LSOA->LAD/ICB lookup, mends invalid polygons, then
dissolves places (district x system) and systems from the LSOAs, which is the geometric core of
`geo check`. Prints one line: seconds and peak resident memory.
"""
import os, resource, sys, time

t0 = time.perf_counter()
import geopandas as gpd
import pandas as pd

root = sys.argv[1]
lsoa = gpd.read_file(os.path.join(root, "boundaries/lsoa21_bsc_epsg27700.gpkg"), layer="lsoa21")
lookup = pd.read_csv(os.path.join(root, "lookups/lsoa21_sicbl24_icb24_lad24_rgn24_nhser_en.csv"),
                     usecols=["LSOA21CD", "LAD24CD", "ICB24CD"])
invalid = ~lsoa.geometry.is_valid
lsoa.loc[invalid, "geometry"] = lsoa.geometry[invalid].buffer(0)
lsoa = lsoa.merge(lookup, on="LSOA21CD", how="inner")
places = lsoa[["LAD24CD", "ICB24CD", "geometry"]].dissolve(by=["LAD24CD", "ICB24CD"]).reset_index()
systems = places[["ICB24CD", "geometry"]].dissolve(by="ICB24CD")
elapsed = time.perf_counter() - t0
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"geopandas load: {len(lsoa)} lsoas, {len(places)} places, {len(systems)} systems "
      f"in {elapsed:.2f} s, peak {peak_mb:.0f} MB")
