"""The error model from Python: sitecover's errors arrive as exception classes chosen by their
kind (never by their text), with `field`, the request field concerned (the keyword), and
`template`, the message with that field as "{name}", which the QGIS plugin spells as its
parameter name."""

import errno
import importlib.util
import pathlib
import warnings

import pytest

import sitecover

PLUGIN = pathlib.Path(__file__).resolve().parents[2] / "tools" / "qgis" / "sitecover_qgis"


def qgis_messages():
    """The plugin's messages module, which imports nothing of QGIS."""
    spec = importlib.util.spec_from_file_location("sitecover_qgis_messages",
                                                  PLUGIN / "messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def roads_file(tmp_path, road_class="trunk"):
    path = tmp_path / "roads.geojson"
    path.write_text(
        '{"type":"FeatureCollection","features":['
        '{"type":"Feature","properties":{"class":"trunk"},'
        '"geometry":{"type":"LineString","coordinates":[[0,43],[0.1,43]]}},'
        '{"type":"Feature","properties":{"class":"%s"},'
        '"geometry":{"type":"LineString","coordinates":[[0.1,43],[0.2,43]]}}]}' % road_class)
    return str(path)


def test_a_missing_file_is_an_input_error_and_a_file_not_found_error(tmp_path):
    missing = str(tmp_path / "nothing.geojson")
    with pytest.raises(FileNotFoundError) as caught:
        sitecover.RoadNetwork.from_file(missing)
    error = caught.value
    assert isinstance(error, sitecover.MissingFileError)
    assert isinstance(error, sitecover.InputError)
    assert error.errno == errno.ENOENT
    assert error.path == missing
    assert str(error) == f"file '{missing}' not found"
    assert error.field is None
    with pytest.raises(sitecover.MissingFileError):
        sitecover.SiteIndex.from_file(str(tmp_path / "no-sites.csv"))


def test_a_missing_road_class_field_names_the_keyword(tmp_path):
    with pytest.raises(sitecover.InputError) as caught:
        sitecover.RoadNetwork.from_file(roads_file(tmp_path), class_field="vocation")
    error = caught.value
    assert not isinstance(error, FileNotFoundError)
    assert error.field == "class_field"
    assert "no field 'vocation' for the road class (class_field) (fields: class)" in str(error)
    assert "(fields: class)" in error.template and "({class_field})" in error.template
    assert "(CLASS_FIELD) (fields: class)" in qgis_messages().qgis_text(error)
    with pytest.raises(sitecover.InputError) as caught:
        sitecover.RoadNetwork.from_file(roads_file(tmp_path), speed_field="vmax")
    assert caught.value.field == "speed_field"


def test_a_class_without_a_speed_is_a_data_warning_naming_speeds(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        network = sitecover.RoadNetwork.from_file(roads_file(tmp_path, "footpath"))
    assert network.edge_count == 2
    [warning] = [w.message for w in caught if isinstance(w.message, sitecover.DataWarning)]
    assert isinstance(warning, UserWarning)
    assert warning.field == "speeds"
    assert "(add them with speeds CLASS=KMH)" in str(warning)
    assert "(add them with SPEEDS CLASS=KMH)" in qgis_messages().qgis_text(warning)


def test_argument_errors_are_value_errors_with_their_field(france_services):
    with pytest.raises(ValueError) as caught:
        france_services.filter(site_types="Foo")
    assert caught.value.field == "site_types"
    assert qgis_messages().qgis_text(caught.value).startswith("SITE_TYPES: no site of type 'Foo'")


def test_the_qgis_helper_keeps_other_messages_and_literal_braces():
    messages = qgis_messages()
    assert messages.qgis_text(ValueError("plain {text}")) == "plain {text}"
    error = sitecover.InputError("file 'a{1}.csv' not found")
    error.template = "file 'a{{1}}.csv': use {overwrite}"  # as the module writes it
    assert messages.qgis_text(error) == "file 'a{1}.csv': use OVERWRITE"


def test_the_bindings_own_keywords_are_fields_too(tmp_path):
    network = sitecover.RoadNetwork.from_file(roads_file(tmp_path))
    sites = sitecover.SiteIndex(["x"], [0.1], [43.0])
    with pytest.raises(ValueError, match="^by: 'speed' is not 'time' or 'distance'$") as caught:
        network.nearest_sites(sites, [0.05], [43.0], by="speed")
    assert caught.value.field == "by"
    assert qgis_messages().qgis_text(caught.value).startswith("BY: 'speed'")
