# One large polygon around Auch as GeoJSON, for the catalogue and bench/README.md:
#   awk -v n=100000 -v shape=star [-v touch=1] [-v nested=1] -f polygon.awk > out.geojson
# shape=star: vertices alternately at radius 0.5 and 0.05 degree (long spikes); shape=circle.
# touch=1 moves vertex n/2+1 onto vertex n/4+1 (the ring touches itself: invalid).
# nested=1 wraps the coordinates in 2000 extra levels of JSON arrays (not a polygon any more).
BEGIN {
  pi = atan2(0, -1); cx = 0.58; cy = 43.64;
  printf "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"S1\",\"nom\":\"%s\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[", shape;
  if (nested) for (i = 0; i < 2000; i++) printf "[";
  printf "[";
  for (i = 0; i < n; i++) {
    k = (touch && i == int(n / 2) + 1) ? int(n / 4) + 1 : i;
    a = 2 * pi * k / n; r = (shape == "star" && k % 2) ? 0.05 : 0.5;
    printf "%s[%.9f,%.9f]", (i ? "," : ""), cx + r * cos(a), cy + r * sin(a);
  }
  printf ",[%.9f,%.9f]]", cx + 0.5, cy;
  if (nested) for (i = 0; i < 2000; i++) printf "]";
  printf "]}}]}\n";
}
