"""Runs the plugin in Debian's QGIS: qgis_process.bin (Debian's qgis_process wrapper passes an
option 3.22 rejects) with the plugin folder on QGIS_PLUGINPATH and the build tree's Python
module on PYTHONPATH. Skips with a message where QGIS is not installed."""

import json
import os
import pathlib
import sys
import shutil
import subprocess
import zipfile

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent.parent / "golden"))
from golden_rows import read_golden  # noqa: E402,F401  (shared with the other Python tests)

DATA = pathlib.Path(os.environ.get("SITECOVER_TEST_DATA_DIR", "../shared/geodata"))
PLUGIN_ZIP = pathlib.Path(os.environ.get("SITECOVER_QGIS_PLUGIN_ZIP", "build/sitecover_qgis.zip"))
PLUGIN_DIR = None  # set by qgis_env: where the zip was extracted, as "Install from ZIP" does
QGIS_PROCESS = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
SITES = (f"{DATA}/france/france-services-2024-08-01.csv"
         "|option:X_POSSIBLE_NAMES=longitude|option:Y_POSSIBLE_NAMES=latitude")


@pytest.fixture(scope="session")
def qgis_env(tmp_path_factory):
    if not os.path.exists(QGIS_PROCESS):
        pytest.skip("QGIS is not installed (SITECOVER_QGIS=1 tools/scripts/install-deps.sh installs it)")
    global PLUGIN_DIR
    home = tmp_path_factory.mktemp("qgis-home")
    PLUGIN_DIR = home / "plugins"
    with zipfile.ZipFile(PLUGIN_ZIP) as archive:
        names = archive.namelist()
        assert "sitecover_qgis/metadata.txt" in names and "sitecover_qgis/__init__.py" in names
        archive.extractall(PLUGIN_DIR)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    # No PYTHONPATH: the plugin must find the module it bundles.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(PLUGIN_DIR),
               HOME=str(home), XDG_RUNTIME_DIR=str(runtime))
    env.pop("PYTHONPATH", None)
    enable = subprocess.run([QGIS_PROCESS, "plugins", "enable", "sitecover_qgis"], env=env,
                            capture_output=True, text=True, timeout=300)
    assert enable.returncode == 0, enable.stderr
    return env


def run_algorithm(env, algorithm, **parameters):
    """Runs sitecover:<algorithm> and returns (results dict, stderr)."""
    args = [QGIS_PROCESS, "--json", "run", f"sitecover:{algorithm}", "--"]
    args += [f"{key}={value}" for key, value in parameters.items()]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr}"
    return json.loads(done.stdout)["results"], done.stderr
