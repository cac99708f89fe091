"""`pip install --no-build-isolation .` from the checkout installs an importable `sitecover` into
a virtual environment, offline, with Debian's packages only (pyproject.toml, tools/python/setup.py)."""

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _run(command, **options):
    return subprocess.run(command, capture_output=True, text=True, **options)


def test_pip_install_into_a_virtual_environment(tmp_path):
    for module in ("venv", "pip", "setuptools", "wheel"):
        if _run([sys.executable, "-c", f"import {module}"]).returncode != 0:
            pytest.skip(f"{module} is not available to {sys.executable} (Debian: python3-venv, "
                        "python3-pip, python3-setuptools, python3-wheel)")
    venv = tmp_path / "venv"
    made = _run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)])
    if made.returncode != 0 or not (venv / "bin" / "pip").exists():
        pytest.skip(f"cannot make a virtual environment with pip: {made.stderr.strip()}")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PIP_NO_INDEX"] = "1"  # offline: nothing is downloaded
    env.setdefault("SITECOVER_CMAKE_BUILD_DIR", str(tmp_path / "cmake-build"))
    installed = _run([str(venv / "bin" / "pip"), "install", "--no-build-isolation", str(ROOT)],
                     cwd=tmp_path, env=env)
    assert installed.returncode == 0, installed.stdout[-4000:] + installed.stderr[-4000:]
    probe = _run([str(venv / "bin" / "python"), "-c",
                  "import sitecover, numpy as np\n"
                  "i = sitecover.SiteIndex(['a'], np.array([0.5]), np.array([43.6]))\n"
                  "print(sitecover.__file__)\nprint(sitecover.__version__)\n"
                  "print(i.nearest(np.array([0.5]), np.array([43.6]))[0][0])"],
                 cwd=tmp_path, env=env)
    assert probe.returncode == 0, probe.stderr
    path, version, site = probe.stdout.split()
    assert path.startswith(str(venv)), path
    assert (pathlib.Path(path).parent / "__init__.pyi").exists()
    assert (pathlib.Path(path).parent / "py.typed").exists()
    assert version == sitecover_version()
    assert site == "0"


def sitecover_version():
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return text.split("project(sitecover VERSION ", 1)[1].split()[0]
