#!/usr/bin/python3
"""Peer for the segment benchmark: the same values in scikit-learn (Debian's python3-sklearn).

usage: sklearn_kmeans.py VALUES.csv K [RUNS]
VALUES.csv is what `Geo.Benchmarks segment --values` writes: one column per indicator, then our cluster for k = K.
Standardises each column (population standard deviation, as ours), then times KMeans(K, k-means++, 3 restarts, Lloyd)
and the same with k chosen from 2 to 8 by silhouette_score on a sample of 2,000 (one run per k, then 3 restarts
of the chosen k, as ours), medians of RUNS after a
warm-up. Prints the inertia beside ours (recomputed from our clusters) and the adjusted Rand index between the two.
"""
import statistics, sys, time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score

path, k = sys.argv[1], int(sys.argv[2])
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
data = np.genfromtxt(path, delimiter=",", skip_header=1)
values, ours = data[:, :-1], data[:, -1].astype(int)
z = (values - values.mean(axis=0)) / values.std(axis=0)


def fixed():
    return KMeans(n_clusters=k, init="k-means++", n_init=3, algorithm="lloyd", random_state=1).fit(z)


def auto():
    # as ours: each k scored on one run, the chosen k run again with 3 restarts
    best = None
    for c in range(2, 9):
        model = KMeans(n_clusters=c, init="k-means++", n_init=1, algorithm="lloyd", random_state=1).fit(z)
        score = silhouette_score(z, model.labels_, sample_size=min(2000, len(z)), random_state=1)
        if best is None or score > best[0]:
            best = (score, c)
    KMeans(n_clusters=best[1], init="k-means++", n_init=3, algorithm="lloyd", random_state=1).fit(z)
    return best


def timed(step):
    """Median wall-clock ms, the runs, the last result, and the median processor ms (all threads)."""
    step()
    times, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        result = step()
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return statistics.median(times), times, result, statistics.median(cpu)


median, times, model, cpu = timed(fixed)
our_inertia = sum(((z[ours == c] - z[ours == c].mean(axis=0)) ** 2).sum() for c in np.unique(ours))
print(f"scikit-learn {__import__('sklearn').__version__} KMeans k={k} on {len(z)} x {z.shape[1]}: median {median:.1f} ms "
      f"(runs {' '.join(f'{t:.1f}' for t in times)}), processor {cpu:.1f} ms; inertia {model.inertia_:.3f}, ours {our_inertia:.3f}; "
      f"adjusted Rand index with ours {adjusted_rand_score(ours, model.labels_):.4f}")
median, times, (score, chosen), cpu = timed(auto)
print(f"scikit-learn, k chosen by silhouette (2..8, sample 2,000): median {median:.1f} ms "
      f"(runs {' '.join(f'{t:.1f}' for t in times)}), processor {cpu:.1f} ms; k = {chosen}, silhouette {score:.4f}")
