"""Issue 25: objects say what they hold, and a SiteIndex pickles (for worker processes)."""

import pickle
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import sitecover


def _index():
    return sitecover.SiteIndex(["1271", "190"], [0.592823, 0.442847], [43.635558, 43.616542],
                               names=["Auch - Garros", "Barran"], types=["Principal", "Antenne"],
                               labelled_on=["2020-01-01", ""], departments=["32", "32"])


def _nearest(index, lon, lat):
    return index.nearest(lon, lat)


def test_repr_tells_the_size():
    assert repr(_index()) == "<sitecover.SiteIndex: 2 sites, first 1271 'Auch - Garros'>"


def test_site_index_pickles_and_answers_identically():
    index = _index()
    copy = pickle.loads(pickle.dumps(index))
    assert copy.ids == index.ids and copy.names == index.names and copy.types == index.types
    assert copy.labelled_on == index.labelled_on and copy.departments == index.departments
    rng = np.random.default_rng(25)
    lon, lat = rng.uniform(0.0, 1.0, 1000), rng.uniform(43.3, 44.0, 1000)
    for a, b in zip(index.nearest(lon, lat), copy.nearest(lon, lat)):
        np.testing.assert_array_equal(a, b)
    # In worker processes (as Dask or Spark would send it).
    with ProcessPoolExecutor(2) as pool:
        parts = list(pool.map(_nearest, [index] * 2, np.split(lon, 2), np.split(lat, 2)))
    np.testing.assert_array_equal(np.concatenate([p[0] for p in parts]), index.nearest(lon, lat)[0])
