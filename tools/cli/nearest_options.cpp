#include "nearest_options.hpp"

#include "road_report.hpp"
#include "run_files.hpp"

namespace sitecover::cli {

void declare_nearest_options(Options& options) {
    declare_data_options(options);
    declare_origin_options(options, OriginKinds::LayersAndTables);
    declare_site_options(options);
    options.group("Query");
    options.value("--k", "N", "the N nearest sites of each origin (adds a rank column)");
    options.value("--max-km", "KM", "ignore sites farther than this (origin left without site)");
    options.value("--within-km", "KM",
                  "the summary counts origins within this distance (default 19)");
    options.value("--group-by", "RULE",
                  "per-group summary: 'dep' (département of INSEE codes) or 'prefix:N'");
    options.group("Batch");
    options.value("--threads", "N",
                  "query threads (default: all cores); the output is the same for any N");
    options.flag("--skip-bad",
                 "plain CSV input: write an error row for a malformed line and go on");
    declare_quiet_option(options);
    options.flag("--karney", "every distance by PROJ's Karney inverse (slower; the same output)");
    declare_road_options(options);
    declare_output_options(options);
    options.epilog(
        "Columns: origin_code, origin_name, origin_lon, origin_lat, [rank,] site_id, site_name,\n"
        "site_dep, distance_m. Ties at equal distance go to the smaller site id (numeric ids\n"
        "compare as numbers). With --roads: road_site_id, road_distance_m, travel_time_s,\n"
        "snap_m, reachable (the nearest site by road may differ from the crow-fly one).\n"
        "The summary goes to stdout, or to stderr when the table itself goes to stdout.\n\n"
        "Examples:\n"
        "  sitecover nearest -o nearest.csv\n"
        "  sitecover nearest --from points.csv --k 3 -o nearest3.gpkg\n"
        "  sitecover nearest --roads "
        "../shared/geodata/france/roads-major-travelmapping-2026-08.geojson\n");
}

namespace {

NearestOrigins read_origins(const Options& options) {
    NearestOrigins origins;
    origins.layer = origin_layer(options);  // checks --origin
    geodata::PointCsvOptions& csv = origins.csv;
    csv.lon_column = options.get("--lon-field", csv.lon_column);
    csv.lat_column = options.get("--lat-field", csv.lat_column);
    if (options.has("--from-code-field")) csv.id_column = options.get("--from-code-field");
    csv.name_column = options.get("--from-name-field", csv.name_column);
    csv.skip_bad = options.has("--skip-bad");
    origins.gdal_only = options.has("--from-layer") || options.has("--from-where") ||
                        options.has("--from-crs") || options.has("--origin-points");
    origins.use_points = options.has("--origin-points");
    origins.points_path = options.get("--origin-points");
    origins.points_fields.code =
        options.get("--origin-points-code-field", origins.points_fields.code);
    return origins;
}

}  // namespace

NearestOptions read_nearest_options(const Options& options) {
    check_run_files(options);  // outputs distinct and none of them an input, before any work
    check_road_options_need_roads(options);
    NearestOptions o;
    o.ranked = options.has("--k");
    o.k = static_cast<std::size_t>(options.integer("--k", 1, 1, kMaxK));
    o.max_km_given = options.has("--max-km");
    o.max_km = options.number("--max-km", kMaxKm, 0.0, kMaxKm);
    o.within_km = options.number("--within-km", 19.0, 0.0, kMaxWithinKm);
    o.threads = static_cast<unsigned>(options.integer("--threads", 0, 0, kMaxThreads));
    o.output = read_output_options(options);
    if (options.has("--group-by")) {
        o.group_by_text = options.get("--group-by");
        o.group_by = group_rule(o.group_by_text);
    }
    o.origins = read_origins(options);
    o.skip_bad = options.has("--skip-bad");
    o.karney = options.has("--karney");
    o.sites = site_set_options(options);
    if (options.has("--roads")) o.roads = road_options(options);
    o.within_min = options.number("--within-min", 30.0, 0.0, 1e6);
    if (options.has("--population")) o.population = options.get("--population");
    o.data_dir = options.get("--data");
    return o;
}

}  // namespace sitecover::cli
