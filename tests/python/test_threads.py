"""Drawing from many threads at once (issue 23, defect 1): Cairo and fontconfig are not
thread-safe, so the report library draws one map at a time; the interpreter must survive 8
threads writing maps (SVG, PNG) and HTML pages together, every file complete, no staging left.
The threads run in a child interpreter so that a crash fails this test instead of pytest."""

import os
import subprocess
import sys

import pytest

from conftest import CANTONS, COMMUNES, DATA, SITES_CSV

CHILD = r"""
import os, sys, threading
import sitecover
cantons, communes, sites_csv, out = sys.argv[1:5]
report = sitecover.report_data(areas=sitecover.Areas.from_file(cantons),
                               sites=sitecover.SiteIndex.from_file(sites_csv),
                               origins=sitecover.load_points(communes))
errors = []
def draw(i):
    try:
        for round in range(2):
            ext = ("svg", "png")[(i + round) % 2]
            stem = os.path.join(out, f"t{i}-{round}")
            report.write(map=f"{stem}.{ext}", html=f"{stem}.html" if i % 4 == 0 else "")
    except BaseException as e:  # reported by the parent
        errors.append(repr(e))
threads = [threading.Thread(target=draw, args=(i,)) for i in range(8)]
for t in threads: t.start()
for t in threads: t.join()
if errors:
    sys.exit("errors: " + "; ".join(errors))
print("ok")
"""


def test_eight_threads_draw_maps_at_once(tmp_path):
    if not SITES_CSV.exists():
        pytest.skip(f"real data not found: {SITES_CSV}")
    for attempt in range(2):  # a race shows in most runs, not all: two runs
        out = tmp_path / f"run{attempt}"
        out.mkdir()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(CANTONS), str(COMMUNES), str(SITES_CSV), str(out)],
            capture_output=True, text=True, timeout=600, env=dict(os.environ))
        assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
        assert done.stdout.strip() == "ok"
        names = sorted(os.listdir(out))
        expected = sorted(
            [f"t{i}-{r}.{('svg', 'png')[(i + r) % 2]}" for i in range(8) for r in range(2)]
            + [f"t{i}-{r}.html" for i in (0, 4) for r in range(2)])
        assert names == expected  # every document, and no staging folder or temporary left
        for name in names:
            data = (out / name).read_bytes()
            if name.endswith(".png"):
                assert data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")
            elif name.endswith(".svg"):
                assert data.rstrip().endswith(b"</svg>") and b"<text" in data
            else:
                assert data.rstrip().endswith(b"</html>")


REPORT_CHILD = r"""
import os, sys, threading, warnings
import sitecover
warnings.simplefilter("ignore")
data, out = sys.argv[1:3]
errors = []
def run(i):
    try:
        stem = os.path.join(out, f"r{i}")
        ext = ("svg", "png")[i % 2]
        sitecover.report(data_dir=data, output=f"{stem}.gpkg", map=f"{stem}.{ext}")
    except BaseException as e:
        errors.append(repr(e))
threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
for t in threads: t.start()
for t in threads: t.join()
if errors:
    sys.exit("errors: " + "; ".join(errors))
print("ok")
"""


def test_eight_threads_run_the_report_job_at_once(tmp_path):
    if not SITES_CSV.exists():
        pytest.skip(f"real data not found: {SITES_CSV}")
    done = subprocess.run([sys.executable, "-c", REPORT_CHILD, str(DATA), str(tmp_path)],
                          capture_output=True, text=True, timeout=600, env=dict(os.environ))
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert sorted(os.listdir(tmp_path)) == sorted(
        [f"r{i}.gpkg" for i in range(8)] + [f"r{i}.{('svg', 'png')[i % 2]}" for i in range(8)])
