#!/bin/sh
# The French HTML page in its real client: headless Chromium renders it to PNG and dumps the DOM
# it built; the DOM must hold the Paramètres section, French numbers and the embedded map.
# Usage: chromium_page.sh SITECOVER DATA_DIR WORK_DIR. Exit 77 (skipped) without Chromium.
set -eu
sitecover=$1 data=$2 work=$3
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium is not installed (tools/scripts/install-deps.sh installs it): skipped"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work" && cd "$work"
"$sitecover" report --data "$data" --as-of 2022-04-20 --site-types Principal --lang fr \
  --html page.html --roads "$data/france/roads-major-travelmapping-2026-08.geojson" >/dev/null
flags="--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir=$work/profile"
"$browser" $flags --window-size=1200,2400 --screenshot="$work/page.png" "file://$work/page.html" \
  >/dev/null 2>&1
"$browser" $flags --dump-dom "file://$work/page.html" >dom.html 2>/dev/null
# The sorting script: the address sorts the areas by margin (column 5), smallest first.
"$browser" $flags --dump-dom "file://$work/page.html#sort=areas:5" >sorted.html 2>/dev/null
# The print stylesheet: A4 pages (595 x 842 points).
"$browser" $flags --no-pdf-header-footer --print-to-pdf="$work/page.pdf" "file://$work/page.html" \
  >/dev/null 2>&1
fail=0
check() {
  if grep -q -- "$1" dom.html; then echo "ok: $2"; else echo "MISSING in the DOM: $2"; fail=1; fi
}
# The PNG: a real screenshot, not an error page (a blank page compresses to a few kB).
size=$(wc -c <page.png)
if [ "$size" -gt 100000 ]; then echo "ok: screenshot $size bytes"; else echo "screenshot too small: $size bytes"; fail=1; fi
check '<h2 id="parameters">Paramètres</h2>' "Paramètres section"
check 'Sites labellisés au</th><td>20 avril 2022' "as-of date in French"
check "des 192 649 habitants" "192 649 habitants (narrow no-break space U+202F)"
# Chromium writes U+00A0 back as &nbsp;
check "15,6&nbsp;km" "15,6 km (decimal comma, no-break space)"
check '<tr class="fragile"><td>32006</td>' "fragile canton Auch-3 flagged"
check 'src="data:image/png;base64,iVBOR' "map embedded"
check '<caption>' "table captions"
check '<thead>' "table heads"
check 'scope="col"' "column scopes"
check 'aria-sort="none"' "the sorting script ran (column heads marked sortable)"
check 'data-key="access_speed"' "access speed stated" 
if grep -q '<tbody>.<tr class="fragile"><td>32006</td>' sorted.html || \
   tr -d '\n' <sorted.html | grep -q '<tbody><tr class="fragile"><td>32006</td>'; then
  echo "ok: sorted by margin, Auch-3 (165 m) first"
else
  echo "NOT SORTED: Auch-3 is not the first row by margin"; fail=1
fi
if [ -s page.pdf ] && grep -aq 'MediaBox \[0 0 59[45]' page.pdf; then
  echo "ok: printed on A4 ($(grep -ac '/Type /Page\b' page.pdf) pages)"
else
  echo "the page does not print on A4"; fail=1
fi
exit $fail
