"""Coverage of areas from Python: the Gers cantons against the C++ golden file, both boundary
rules, records and DataFrame, errors."""

import pytest

import sitecover
from conftest import CANTONS, read_golden


@pytest.fixture(scope="module")
def cantons():
    return sitecover.Areas.from_file(str(CANTONS))


def test_gers_cantons_match_the_golden_file(cantons, france_services):
    records = sitecover.coverage(cantons, france_services, as_frame=False)
    golden = read_golden("gers_coverage.txt")
    assert len(records) == len(golden) == 17
    for record, (code, name, site_ids, margin_m) in zip(records, golden):
        assert record["area_code"] == code and record["area_name"] == name
        assert ";".join(record["site_ids"]) == site_ids
        assert record["covered"] is True and record["site_count"] == len(site_ids.split(";"))
        assert record["margin_m"] == pytest.approx(float(margin_m), abs=0.5)
    auch3 = next(r for r in records if r["area_name"] == "Auch-3")
    assert auch3["site_ids"] == ["1271"] and 150 < auch3["margin_m"] < 180


def test_data_frame(cantons, france_services):
    pandas = pytest.importorskip("pandas")
    frame = sitecover.coverage(cantons, france_services)
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == [
        "area_code", "area_name", "site_count", "site_ids", "covered", "margin_m"]
    assert frame["covered"].sum() == 17


def test_uncovered_areas_and_a_bad_boundary_rule(cantons):
    # The Auch-Garros site alone covers one canton (Auch-3) and leaves 16 uncovered.
    index = sitecover.SiteIndex(["only"], [0.5928], [43.6355])
    included = sitecover.coverage(cantons, index, as_frame=False)
    assert [r["area_name"] for r in included if r["covered"]] == ["Auch-3"]
    uncovered = [r for r in included if not r["covered"]]
    assert len(uncovered) == 16 and all(r["margin_m"] is None for r in uncovered)
    with pytest.raises(ValueError, match="not 'included' or 'excluded'"):
        sitecover.coverage(cantons, index, boundary="inside")


def test_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError, match="nothing.geojson"):
        sitecover.Areas.from_file(str(tmp_path / "nothing.geojson"))
