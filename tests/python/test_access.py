"""sitecover.access(): the accessibility job through Python gives the command's rows and
figures; bad keywords are ValueErrors naming the keyword; a bad capacity an InputError."""

import csv
import re
import subprocess

import pytest

import sitecover
from conftest import DATA, sitecover_cli

ROADS = DATA / "france" / "roads-major-travelmapping-2026-08.geojson"


def cli_access(tmp_path, *flags):
    out = tmp_path / "cli.csv"
    done = subprocess.run(
        [sitecover_cli(), "access", "--data", str(DATA), *flags, "-o", str(out)],
        capture_output=True, text=True, check=True)
    with open(out, newline="") as f:
        return list(csv.DictReader(f)), done.stdout


@pytest.mark.parametrize("flags, keywords", [
    (["--catchment-km", "19"], {"catchment_km": 19}),
    (["--catchment-km", "30", "--decay", "step:10=1,20=0.68,30=0.22", "--group-by", "dep"],
     {"catchment_km": 30, "decay": "step:10=1,20=0.68,30=0.22", "group_by": "dep"}),
])
def test_same_rows_and_figures_as_the_command(tmp_path, flags, keywords):
    if not DATA.exists():
        pytest.skip("real data not found")
    rows, printed = cli_access(tmp_path, *flags)
    records, summary = sitecover.access(data_dir=str(DATA), as_frame=False, **keywords)
    assert len(records) == len(rows) == 462
    for record, row in zip(records, rows):
        assert record["origin_code"] == row["origin_code"]
        assert record["access_index"] == pytest.approx(float(row["access_index"]), rel=1e-12)
        assert record["sites_reached"] == int(row["sites_reached"])
    gini = float(re.search(r"Gini ([0-9.]+)", printed).group(1))
    assert summary["gini"] == pytest.approx(gini, abs=0.0005)
    assert summary["by_road"] is False and summary["unit"] == "km"
    assert len(summary["sites"]) == summary["sites_kept"]
    if "group_by" in keywords:
        assert summary["groups"]["32"]["gini"] == pytest.approx(summary["gini"])


def test_data_frame_by_road(tmp_path):
    pandas = pytest.importorskip("pandas")
    if not ROADS.exists():
        pytest.skip("real data not found")
    frame = sitecover.access(data_dir=str(DATA), roads=str(ROADS), catchment_min=30,
                             decay="gaussian", sites_output=str(tmp_path / "sites.csv"))
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["origin_code", "origin_name", "origin_lon", "origin_lat",
                                   "population", "access_index", "sites_reached"]
    summary = frame.attrs["summary"]
    assert summary["by_road"] is True and summary["unit"] == "min"
    assert 0.0 <= summary["share_within_20_min"] <= summary["share_within_30_min"] <= 1.0
    assert list(frame.attrs["sites"].columns) == ["site_id", "site_name", "capacity", "demand",
                                                  "ratio"]
    assert (tmp_path / "sites.csv").exists()


def test_bad_keywords_name_the_keyword(tmp_path):
    with pytest.raises(ValueError, match="catchment_km: a catchment is required"):
        sitecover.access(data_dir=str(DATA))
    with pytest.raises(ValueError, match="decay: the last zone ends at 30, beyond the catchment"):
        sitecover.access(data_dir=str(DATA), catchment_km=19, decay="step:10=1,30=0.5")
    with pytest.raises(ValueError, match="catchment_min needs a road network"):
        sitecover.access(data_dir=str(DATA), catchment_min=30)
    with pytest.raises(TypeError, match="catchment_kms"):
        sitecover.access(data_dir=str(DATA), catchment_kms=19)
    sites = tmp_path / "s.csv"
    sites.write_text("id_fs,lib_fs,longitude,latitude,agents\n1,Auch,0.5857,43.6465,-2\n")
    with pytest.raises(sitecover.InputError, match="field 'agents': '-2' is negative"):
        sitecover.access(data_dir=str(DATA), sites=str(sites), catchment_km=19,
                         capacity_field="agents", output=str(tmp_path / "a.csv"))
    assert not (tmp_path / "a.csv").exists()
