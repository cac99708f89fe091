"""pyproject.toml's build backend: setuptools' own, running tools/python/setup.py from the
checkout (the top level holds no setup.py), so that `pip install --no-build-isolation .`
builds the module with CMake. Every hook is setuptools.build_meta's."""

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F401,F403  (the PEP 517 hooks)

SETUP_SCRIPT = "tools/python/setup.py"


class _Backend(_setuptools._BuildMetaBackend):
    def run_setup(self, setup_script="setup.py"):
        super().run_setup(SETUP_SCRIPT)


_backend = _Backend()
get_requires_for_build_wheel = _backend.get_requires_for_build_wheel
get_requires_for_build_sdist = _backend.get_requires_for_build_sdist
prepare_metadata_for_build_wheel = _backend.prepare_metadata_for_build_wheel
build_wheel = _backend.build_wheel
build_sdist = _backend.build_sdist
