"""Finds the sitecover Python module: an installed one first, else the copy bundled in the
plugin's ext/ folder (the zip built by the `qgis_plugin_zip` target carries it)."""

import os
import sys

try:
    import sitecover  # noqa: F401
except ImportError:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "ext"))
    import sitecover  # noqa: F401,E402
