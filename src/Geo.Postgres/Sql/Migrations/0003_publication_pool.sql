-- The one pool size each indicator is published in (1: single periods; 3 or 5: rolling pools). Added after 0002:
-- indicators stored before it are single-period, as they were served.
alter table geo.indicator add column publication_pool smallint not null default 1;
