select provider, neighbourhood, count, line from geo.flow order by seq;
