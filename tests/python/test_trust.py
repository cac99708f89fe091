"""Issue 23 ("trust at every edge") from Python: the checks live in the library, so that the
module refuses what the command line refuses."""

import csv
import shutil
import subprocess
import warnings
import xml.etree.ElementTree as ElementTree

import pytest

import sitecover
from conftest import COMMUNES, DATA, SITES_CSV

ROADS = DATA / "france" / "roads-major-travelmapping-2026-08.geojson"


def gers_sites_csv(path, rename=None):
    """The Gers sites of the France services list, as a CSV at `path`; `rename` maps ids to
    new site names."""
    if not SITES_CSV.exists():
        pytest.skip(f"real data not found: {SITES_CSV}")
    with open(SITES_CSV, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(rows[0])
        for row in rows[1:]:
            if row[1] != "32":
                continue
            if rename and row[0] in rename:
                row[2] = rename[row[0]]
            out.writerow(row)
    return path


def quiet_nearest(**request):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sitecover.nearest(as_frame=False, **request)


def test_an_output_never_writes_over_a_shapefile_part_of_an_input(tmp_path):
    if shutil.which("ogr2ogr") is None:
        pytest.skip("ogr2ogr not found")
    sites_csv = gers_sites_csv(tmp_path / "s.csv")
    subprocess.run(["ogr2ogr", "-f", "ESRI Shapefile", str(tmp_path / "s.dbf"), str(sites_csv)],
                   check=True)
    before = (tmp_path / "s.dbf").read_bytes()
    with pytest.raises(sitecover.OutputError, match="writes .*s.dbf' beside it"):
        quiet_nearest(origins=str(COMMUNES), sites=str(tmp_path / "s.dbf"),
                      output=str(tmp_path / "s.shp"), overwrite=True)
    assert (tmp_path / "s.dbf").read_bytes() == before
    assert not (tmp_path / "s.shp").exists()


def test_a_shapefile_keeps_every_character_in_utf8(tmp_path):
    out = tmp_path / "out.shp"
    quiet_nearest(origins=str(COMMUNES), output=str(out))
    assert (tmp_path / "out.cpg").read_text().strip().upper() in ("UTF-8", "UTF8")
    assert "Escornebœuf".encode("utf-8") in (tmp_path / "out.dbf").read_bytes()


def test_kml_with_cdata_end_and_control_characters_parses(tmp_path):
    sites = gers_sites_csv(tmp_path / "s.csv", rename={"1271": "Auch ]]> Garros\x01\x1f"})
    out = tmp_path / "out.kml"
    quiet_nearest(origins=str(COMMUNES), sites=str(sites), output=str(out))
    tree = ElementTree.parse(out)  # raises when not well-formed
    texts = [e.text or "" for e in tree.iter()]
    assert any("Auch ]] > Garros" in t for t in texts)


def test_a_misspelt_class_of_speeds_is_a_value_error(tmp_path):
    if not ROADS.exists():
        pytest.skip(f"road file not found: {ROADS}")
    with pytest.raises(ValueError, match="'departmentl'.*'departmental'") as error:
        quiet_nearest(origins=str(COMMUNES), roads=str(ROADS), speeds="departmentl=20")
    assert error.value.field == "speeds" if hasattr(error.value, "field") else True
    with pytest.raises(ValueError, match="speeds"):
        quiet_nearest(origins=str(COMMUNES), roads=str(ROADS), speeds="motorway=fast")


def test_duplicate_origin_codes_are_an_input_error(tmp_path):
    origins = tmp_path / "o.geojson"
    origins.write_text(
        '{"type":"FeatureCollection","features":['
        '{"type":"Feature","properties":{"code":"32013","nom":"Auch"},'
        '"geometry":{"type":"Point","coordinates":[0.58,43.64]}},'
        '{"type":"Feature","properties":{"code":"32013","nom":"Auch bis"},'
        '"geometry":{"type":"Point","coordinates":[0.59,43.65]}}]}')
    with pytest.raises(sitecover.InputError, match="origin code '32013' already used by feature 0"):
        quiet_nearest(origins=str(origins))


def test_a_truncated_sites_csv_is_an_input_error(tmp_path):
    if not SITES_CSV.exists():
        pytest.skip(f"real data not found: {SITES_CSV}")
    data = SITES_CSV.read_bytes()
    start = data.index(b'\n"1271"')
    cut = tmp_path / "cut.csv"
    cut.write_bytes(data[: data.index(b"0.592823", start) + 4])
    with pytest.raises(sitecover.InputError, match="the last row has 10 of the 24 fields"):
        sitecover.coverage(sites=str(cut), as_frame=False)


def test_an_impossible_labelling_date_is_undated_with_a_warning(tmp_path):
    sites = tmp_path / "s.csv"
    sites.write_text(
        "id_fs,lib_fs,longitude,latitude,type_fs,insee_dep,labellisation_fs\n"
        "1271,Auch Garros,0.592823,43.635558,Principal,32,Espace labellisé 31/02/2020\n"
        "186,Val de Gers,0.578462,43.42778,Principal,32,Espace labellisé 01/02/2020\n",
        encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _, summary = sitecover.coverage(sites=str(sites), as_of="2021-01-01", as_frame=False)
    assert summary["sites_kept"] == 1
    assert any("31/02/2020" in str(w.message) for w in caught)


# Defect 14: the module's own arguments are checked as the command's are.

def test_a_nul_in_a_path_is_a_value_error_naming_the_keyword(tmp_path):
    real = tmp_path / "sites.csv"
    real.write_text("id,lon,lat\na,0.5,43.6\n")
    truncated = str(real) + "\0.ignored"
    for call, keyword in [
        (lambda: sitecover.SiteIndex.from_file(truncated), "path"),
        (lambda: sitecover.Areas.from_file(truncated), "path"),
        (lambda: sitecover.load_points(truncated), "path"),
        (lambda: sitecover.RoadNetwork.from_file(truncated), "path"),
        (lambda: sitecover.SiteIndex.from_file(str(real), where="id='a'\0 or 1"), "where"),
        (lambda: quiet_nearest(sites=truncated, origins=str(real)), "sites"),
        (lambda: sitecover.report(origins=truncated, output=str(tmp_path / "r.gpkg")), "origins"),
    ]:
        with pytest.raises(ValueError) as caught:
            call()
        assert caught.value.field == keyword
        assert "NUL" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sites.csv"]


def test_world_refuses_nan_negative_infinite_and_overflowing_weights(tmp_path):
    areas = sitecover.Areas.from_file(str(COMMUNES))
    lon, lat = [0.5, 0.6], [43.6, 43.7]
    for bad in (float("nan"), -1.0, float("inf"), 1e308):
        with pytest.raises(ValueError) as caught:
            sitecover.World(areas, lon, lat, weights=[1.0, bad])
        assert caught.value.field == "weights"
        assert "[1]" in str(caught.value)
    assert len(sitecover.World(areas, lon, lat, weights=[0.0, 1e9])) == 2


def test_k_nearest_refuses_k_0_and_a_huge_k_as_the_command_does():
    index = sitecover.SiteIndex(["a", "b"], [0.5, 0.6], [43.6, 43.7])
    for k in (0, -1, 1001, 2**63, 2**80):
        with pytest.raises(ValueError) as caught:
            index.k_nearest([0.5], [43.6], k)
        assert caught.value.field == "k"
        assert "between 1 and 1000" in str(caught.value)
    site, distance_m = index.k_nearest([0.5], [43.6], 3)
    assert site.shape == (1, 3) and list(site[0]) == [0, 1, -1]


def test_a_missing_file_is_a_missing_file_error_naming_the_path(tmp_path):
    missing = str(tmp_path / "none.csv")
    for call in (lambda: sitecover.SiteIndex.from_file(missing),
                 lambda: sitecover.Areas.from_file(missing),
                 lambda: sitecover.load_points(missing),
                 lambda: quiet_nearest(sites=missing, origins=missing)):
        with pytest.raises(sitecover.MissingFileError) as caught:
            call()
        assert isinstance(caught.value, FileNotFoundError)
        assert caught.value.path == missing and missing in str(caught.value)


def test_site_ids_from_arrays_are_checked_as_the_file_loader_checks_them():
    for ids, problem in ((["a", "a"], "ids[1]: site id 'a' already used by [0]"),
                         (["a\0b", "c"], "ids[0]: the site id holds a NUL character"),
                         (["", "c"], "ids[0]: an empty site id")):
        with pytest.raises(ValueError) as caught:
            sitecover.SiteIndex(ids, [0.5, 0.6], [43.6, 43.7])
        assert caught.value.field == "ids"
        assert problem in str(caught.value)
