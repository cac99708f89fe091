"""The parity tests run one study through the three doors: the `sitecover` command, the Python
module (sitecover.report) and the QGIS plugin under qgis_process. They reuse the plugin tests'
QGIS environment (tests/qgis/plugin/conftest.py)."""

import importlib.util
import pathlib

_plugin = pathlib.Path(__file__).resolve().parent.parent / "qgis" / "plugin" / "conftest.py"
_spec = importlib.util.spec_from_file_location("plugin_conftest", _plugin)
plugin_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(plugin_conftest)

qgis_env = plugin_conftest.qgis_env  # the session fixture: QGIS with the plugin installed
