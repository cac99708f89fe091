"""SiteIndex from Python: agreement with the C++ golden results on the Gers, against a brute
force, threads, dtypes and shapes, empty inputs and errors."""

import numpy as np
import pytest

import sitecover
from conftest import COMMUNES, read_golden

SEED = 20261129


def brute_force_nearest(index, lon, lat):
    """The nearest site of each point by computing every distance with the index itself (one
    within query of a huge radius per point, itself exact), ties by the documented order."""
    offset, site, distance_m = index.within(lon, lat, 2.1e7, threads=1)
    return site[offset[:-1]], distance_m[offset[:-1]]


def test_gers_communes_match_the_golden_file(france_services):
    golden = read_golden("gers_nearest.txt")
    codes, _, lon, lat = sitecover.load_points(str(COMMUNES))
    assert len(codes) == len(golden) == 462
    site, distance_m = france_services.nearest(lon, lat)
    ids = france_services.ids
    row = {code: i for i, code in enumerate(codes)}
    for code, g_lon, g_lat, g_site, g_distance in golden:
        i = row[code]
        assert lon[i] == pytest.approx(float(g_lon), abs=1e-6)
        assert lat[i] == pytest.approx(float(g_lat), abs=1e-6)
        assert ids[site[i]] == g_site, code
        assert distance_m[i] == pytest.approx(float(g_distance), abs=1e-3), code


def test_nearest_matches_brute_force_for_any_thread_count(france_services):
    rng = np.random.default_rng(SEED)
    print("seed", SEED)
    lon = rng.uniform(-5.0, 8.0, 1000)
    lat = rng.uniform(42.0, 51.0, 1000)
    site1, distance1 = france_services.nearest(lon, lat, threads=1)
    expected_site, expected_distance = brute_force_nearest(france_services, lon, lat)
    np.testing.assert_array_equal(site1, expected_site)
    np.testing.assert_array_equal(distance1, expected_distance)
    for threads in (2, 3, 0):
        site, distance_m = france_services.nearest(lon, lat, threads=threads)
        np.testing.assert_array_equal(site, site1)
        np.testing.assert_array_equal(distance_m, distance1)


def test_k_nearest_and_within_agree(france_services):
    rng = np.random.default_rng(SEED + 1)
    lon = rng.uniform(-0.5, 1.5, 300)
    lat = rng.uniform(43.2, 44.1, 300)
    site, distance_m = france_services.k_nearest(lon, lat, 5)
    assert site.shape == distance_m.shape == (300, 5)
    assert site.dtype == np.int64 and distance_m.dtype == np.float64
    assert np.all(np.diff(distance_m, axis=1) >= 0)
    nearest_site, nearest_distance = france_services.nearest(lon, lat)
    np.testing.assert_array_equal(site[:, 0], nearest_site)
    np.testing.assert_array_equal(distance_m[:, 0], nearest_distance)
    # The sites within the 5th distance are exactly the first five (no tie here).
    offset, within_site, within_distance = france_services.within(lon, lat, 19_000.0)
    assert offset.shape == (301,) and offset[0] == 0 and offset[-1] == within_site.size
    for i in range(300):
        hits = within_distance[offset[i] : offset[i + 1]]
        assert np.all(hits <= 19_000.0)
        expected = distance_m[i][distance_m[i] <= 19_000.0]
        np.testing.assert_array_equal(hits[: expected.size], expected)


def test_cap_and_padding():
    index = sitecover.SiteIndex(["b", "a"], [0.0, 0.001], [45.0, 45.0], names=["B", "A"])
    assert len(index) == 2 and index.ids == ["b", "a"] and index.names == ["B", "A"]
    site, distance_m = index.nearest([0.5, 0.0], [45.0, 45.0], max_distance_m=1000.0)
    assert site.tolist()[0] == -1 and np.isnan(distance_m[0])
    assert site[1] == 0 and distance_m[1] == 0.0
    site, distance_m = index.k_nearest([0.0], [45.0], 3)
    assert site.tolist() == [[0, 1, -1]] and np.isnan(distance_m[0, 2])


def test_ties_go_to_the_smaller_id():
    # Two sites at the same place: "9" < "10" numerically, whatever their order.
    index = sitecover.SiteIndex([10, 9], [1.0, 1.0], [45.0, 45.0])
    site, _ = index.nearest([1.2], [45.1])
    assert index.ids[site[0]] == "9"


def test_dtypes_shapes_and_empty_inputs(france_services):
    for dtype in (np.float32, np.int32, np.float64):
        site, _ = france_services.nearest(np.array([0], dtype=dtype), np.array([44], dtype=dtype))
        assert site.shape == (1,)
    site, distance_m = france_services.nearest(np.empty(0), np.empty(0))
    assert site.shape == (0,) and distance_m.shape == (0,)
    site, distance_m = france_services.k_nearest([], [], 3)
    assert site.shape == (0, 3)
    offset, hits, _ = france_services.within([], [], 100.0)
    assert offset.tolist() == [0] and hits.size == 0
    empty = sitecover.SiteIndex([], [], [])
    site, distance_m = empty.nearest([0.0], [45.0])
    assert site.tolist() == [-1] and np.isnan(distance_m[0])


def test_bad_arguments_are_value_errors(france_services):
    with pytest.raises(ValueError, match="differ in length"):
        france_services.nearest([0.0, 1.0], [45.0])
    with pytest.raises(ValueError, match="1-D"):
        france_services.nearest(np.zeros((2, 2)), np.zeros((2, 2)))
    with pytest.raises(ValueError, match="point 1 is not a valid lon/lat"):
        france_services.nearest([0.0, 0.0], [45.0, 95.0])
    with pytest.raises(ValueError):
        france_services.within([0.0], [45.0], -1.0)
    with pytest.raises(ValueError, match="ids has 1 items, expected 2"):
        sitecover.SiteIndex(["a"], [0.0, 1.0], [45.0, 45.0])
    with pytest.raises(ValueError, match="x"):
        sitecover.SiteIndex(["x"], [0.0], [123.0])


def test_file_errors_are_os_errors(tmp_path):
    with pytest.raises(OSError, match="missing.csv"):
        sitecover.SiteIndex.from_file(str(tmp_path / "missing.csv"))
    bad = tmp_path / "bad.csv"
    bad.write_text("id_fs,lib_fs,longitude,latitude\n1,A,abc,45\n", encoding="utf-8")
    with pytest.raises(sitecover.InputError, match="longitude"):
        sitecover.SiteIndex.from_file(str(bad))


def test_where_filter_and_fields(france_services):
    from conftest import SITES_CSV

    gers = sitecover.SiteIndex.from_file(str(SITES_CSV), where="insee_dep = '32'")
    assert len(gers) == 27 and len(france_services) == 2845


def test_the_readme_examples_run_as_printed(capsys, tmp_path, monkeypatch):
    """The README's Python examples, run on the test data, print what the README shows."""
    import importlib.util
    import pathlib
    import re

    from conftest import DATA

    data = DATA.resolve()
    readme = (pathlib.Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"```python\n(.*?)```\n\n```\n(.*?)```", readme, re.S)
    assert len(examples) >= 2, "README.md lacks its ```python examples followed by their output"
    monkeypatch.chdir(tmp_path)  # the examples may write files
    for code, output in examples:
        if "from distributed" in code and importlib.util.find_spec("distributed") is None:
            continue  # the Dask example: Debian's python3-distributed is not installed
        code = code.replace('data = "../shared/geodata"', f'data = "{data}"')
        exec(compile(code, "README.md", "exec"), {})
        assert capsys.readouterr().out == output
