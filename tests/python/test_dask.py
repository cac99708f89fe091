"""A pickled SiteIndex answers identically in the worker processes of a local Dask cluster
(Debian's python3-distributed): the batch of the README's Dask example."""

import numpy as np
import pytest


def test_a_site_index_answers_identically_on_dask_workers(france_services):
    distributed = pytest.importorskip(
        "distributed", reason="Debian's python3-distributed is not installed")
    rng = np.random.default_rng(25)
    lon = rng.uniform(-4.5, 8.0, 20_000)
    lat = rng.uniform(42.5, 51.0, 20_000)
    site, distance_m = france_services.nearest(lon, lat)

    def nearest(index, lon, lat):  # sent by value (cloudpickle): the workers need no test module
        return index.nearest(lon, lat, threads=1)

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        index = client.scatter(france_services, broadcast=True)
        parts = np.array_split(np.arange(lon.size), 8)
        futures = [client.submit(nearest, index, lon[p], lat[p]) for p in parts]
        answers = client.gather(futures)
        pids = client.run(lambda: __import__("os").getpid())
    assert len(set(pids.values())) == 2
    assert np.array_equal(np.concatenate([a[0] for a in answers]), site)
    assert np.array_equal(np.concatenate([a[1] for a in answers]), distance_m)
