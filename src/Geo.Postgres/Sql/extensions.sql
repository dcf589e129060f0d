-- Run before the load's transaction (and committed), so the connection can learn the geometry type.
-- Creating them needs a role allowed to (a superuser, or the database owner for trusted extensions).
create extension if not exists postgis;
create extension if not exists btree_gist;
