-- How each neighbourhood's inputs came to be keyed by its 2021 code when not read as they are (mapped from 2011
-- neighbourhoods, or attributed from providers), as 'code=Origin' pairs; the data quality answer counts them. Indicators
-- stored before it have none, as if read directly: reload them to have their origins.
alter table geo.indicator add column input_origins text[] not null default '{}';
