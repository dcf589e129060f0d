-- wrk reporter: latency percentiles (ms) and throughput on one line each, for bench/load/api-load.sh.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d errors %d non2xx %d seconds %.2f rps %.1f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, seconds, summary.requests / seconds))
  io.write(string.format("latency_ms p50 %.3f p95 %.3f p99 %.3f max %.3f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
