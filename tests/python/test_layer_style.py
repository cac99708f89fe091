"""sitecover.layer_style and sitecover.write_layer_style: the look the library defines once,
stored in a GeoPackage's layer_styles table as the layer's default (what the QGIS plugin does
with its outputs), identical to what `sitecover coverage -o x.gpkg` stores."""

import sqlite3
import subprocess

import pytest

import sitecover
from conftest import COMMUNES, DATA, sitecover_cli


def styles(gpkg):
    with sqlite3.connect(gpkg) as db:
        return db.execute("SELECT f_table_name, f_geometry_column, styleName, useAsDefault, "
                          "styleQML FROM layer_styles ORDER BY id").fetchall()


@pytest.fixture
def communes_gpkg(tmp_path):
    """The Gers communes as a GeoPackage without a style (ogr2ogr, as another tool wrote it)."""
    if not COMMUNES.exists():
        pytest.skip(f"real data not found: {COMMUNES}")
    path = tmp_path / "communes.gpkg"
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(path), str(COMMUNES), "-nln", "communes"],
                   check=True)
    return path


def test_the_style_is_stored_as_the_layers_default(communes_gpkg):
    assert sitecover.write_layer_style(str(communes_gpkg), "distance") == "communes"
    [(layer, column, name, default, qml)] = styles(communes_gpkg)
    assert (layer, column, name, default) == ("communes", "geom", "distance", 1)
    # Polygons are filled by class; the QML is the library's, in the language asked.
    assert qml == sitecover.layer_style("distance", "polygon")["qml"]
    assert 'type="fill"' in qml and 'attr="distance_m"' in qml


def test_storing_again_replaces_and_another_style_becomes_the_default(communes_gpkg):
    path = str(communes_gpkg)
    sitecover.write_layer_style(path, "distance", layer="communes")
    sitecover.write_layer_style(path, "distance", layer="communes", lang="fr")
    sitecover.write_layer_style(path, "coverage", layer="communes", label_field="nom")
    rows = styles(communes_gpkg)
    assert [(name, default) for _, _, name, default, _ in rows] == [("distance", 0),
                                                                    ("coverage", 1)]
    assert "sans France Services" not in rows[1][4] and '"nom"' in rows[1][4]


def test_the_same_style_as_the_cli(tmp_path):
    cli = sitecover_cli()
    if not (DATA / "gers").exists():
        pytest.skip("real data not found")
    out = tmp_path / "coverage.gpkg"
    subprocess.run([cli, "coverage", "--data", str(DATA), "-o", str(out), "--quiet"], check=True,
                   env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    [(_, _, name, _, qml)] = styles(out)
    look = sitecover.layer_style("coverage", "polygon")
    assert (name, qml) == (look["name"], look["qml"])


def test_the_stack_puts_fills_under_outlines_under_points():
    ranks = [sitecover.layer_style(kind, geometry)["stack"] for kind, geometry in (
        ("distance", "polygon"), ("coverage", "polygon"), ("links", "line"),
        ("travel-time", "point"), ("plan-sites", "point"))]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def test_errors(communes_gpkg, tmp_path):
    with pytest.raises(ValueError, match="kind: 'colour'"):
        sitecover.layer_style("colour")
    with pytest.raises(ValueError, match="lang: 'de'"):
        sitecover.write_layer_style(str(communes_gpkg), "distance", lang="de")
    with pytest.raises(sitecover.InputError, match="no layer 'nope'"):
        sitecover.write_layer_style(str(communes_gpkg), "distance", layer="nope")
    text = tmp_path / "not.gpkg"
    text.write_text("x")
    with pytest.raises(sitecover.InputError, match="not a GeoPackage"):
        sitecover.write_layer_style(str(text), "distance")
