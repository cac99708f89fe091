"""The "Accessibility (2SFCA)" algorithm through qgis_process: the same table as
`sitecover access` for the same request on the Gers (written by the same library call), its
figures as outputs, and a bad decay as a clear error naming the parameter."""

import csv
import re
import subprocess

import pytest

from conftest import DATA, QGIS_PROCESS, SITES, run_algorithm

COMMUNES = DATA / "gers" / "communes-32-adminexpress2018.geojson"


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def sitecover_cli():
    import os

    return os.environ.get("SITECOVER_CLI", "build/tools/sitecover")


def test_same_table_and_gini_as_the_command(qgis_env, tmp_path):
    out = tmp_path / "access.csv"
    results, _ = run_algorithm(qgis_env, "access", ORIGINS=COMMUNES, SITES=SITES,
                               CATCHMENT_KM=30, DECAY="step:10=1,20=0.68,30=0.22",
                               OUTPUT=out, SITES_OUTPUT=tmp_path / "sites.csv")
    cli_out = tmp_path / "cli.csv"
    done = subprocess.run(
        [sitecover_cli(), "access", "--data", str(DATA), "--from", str(COMMUNES), "--sites",
         str(DATA / "france" / "france-services-2024-08-01.csv"), "--catchment-km", "30", "--decay", "step:10=1,20=0.68,30=0.22", "-o",
         str(cli_out)], capture_output=True, text=True, check=True)
    assert read_csv(out) == read_csv(cli_out)
    gini = float(re.search(r"Gini ([0-9.]+)", done.stdout).group(1))
    assert results["GINI"] == pytest.approx(gini, abs=0.0005)
    assert len(read_csv(tmp_path / "sites.csv")) > 0


def test_bad_decay_is_a_clear_error(qgis_env, tmp_path):
    done = subprocess.run(
        [QGIS_PROCESS, "run", "sitecover:access", "--", f"ORIGINS={COMMUNES}", f"SITES={SITES}",
         "CATCHMENT_KM=19", "DECAY=step:10=1,30=0.5", f"OUTPUT={tmp_path / 'x.csv'}"],
        env=qgis_env, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "DECAY: the last zone ends at 30, beyond the catchment (19)" in done.stdout + done.stderr
    assert not (tmp_path / "x.csv").exists()
