"""Reads the golden files of this folder from Python tests (the C++ tests use golden_file.hpp)."""

import pathlib

GOLDEN = pathlib.Path(__file__).resolve().parent


def read_golden(name):
    """Rows of a golden file: lists of fields split on ' | ', comment lines skipped."""
    rows = []
    for line in (GOLDEN / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append([field.strip() for field in line.split(" | ")])
    return rows
