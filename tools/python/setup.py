"""Builds the Python module with CMake (the target sitecover_python only) for pyproject.toml's
setuptools backend (run from the checkout by tools/python/pip_backend.py): Debian 12 has no
scikit-build-core. See pyproject.toml."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parents[2]  # the checkout (this file: tools/python/setup.py)
(ROOT / "build").mkdir(exist_ok=True)  # egg_base


def project_version():
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(sitecover VERSION ([0-9.]+)", text).group(1)


class CMakeBuild(build_ext):
    """Configures the project (no tests, no benchmarks), builds sitecover_python and puts the
    extension it makes where setuptools packs the wheel."""

    def build_extension(self, ext):
        build_dir = Path(os.environ.get("SITECOVER_CMAKE_BUILD_DIR", ROOT / "build" / "pip"))
        build_dir.mkdir(parents=True, exist_ok=True)
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir), "-G", "Ninja",
            "-DCMAKE_BUILD_TYPE=Release", "-DSITECOVER_BUILD_TESTS=OFF",
            "-DSITECOVER_BUILD_BENCH=OFF", "-DSITECOVER_PYTHON=ON",
            f"-DPython_EXECUTABLE={sys.executable}",
        ]
        if shutil.which("ninja") is None:
            configure.remove("-G")
            configure.remove("Ninja")
        configure += os.environ.get("SITECOVER_CMAKE_ARGS", "").split()
        # A build directory already configured (a developer's build/, given as
        # SITECOVER_CMAKE_BUILD_DIR) keeps its options: only the target is built.
        if not (build_dir / "CMakeCache.txt").exists():
            subprocess.run(configure, check=True)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "sitecover_python"],
                       check=True)
        built = sorted((build_dir / "python" / "sitecover").glob("_sitecover*.so"))
        if not built:
            raise RuntimeError(f"no _sitecover module built in {build_dir}/python/sitecover")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[-1], target)


setup(
    version=project_version(),
    packages=["sitecover"],
    package_dir={"": "tools/python"},
    package_data={"sitecover": ["*.pyi", "py.typed"]},
    ext_modules=[Extension("sitecover._sitecover", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    options={"build": {"build_base": "build/setuptools"},
             "egg_info": {"egg_base": "build"}},
    zip_safe=False,
)
