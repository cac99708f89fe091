// `sitecover nearest`: the nearest site(s) of every origin, with exact WGS84 distances.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <unordered_map>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "grouping.hpp"
#include "inputs.hpp"
#include "nearest_summary.hpp"
#include "origin_population.hpp"
#include "progress.hpp"
#include "report_format.hpp"
#include "road_report.hpp"
#include "run_files.hpp"
#include "sitecover/batch_query.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/data_dir.hpp"
#include "sitecover/geodata/point_csv.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/site_index.hpp"
#include "sitecover/summary.hpp"

namespace sitecover::cli {
namespace {

// Where the origins come from: a plain id,lon,lat CSV through the dedicated streaming reader,
// anything else through GDAL; both read chunk by chunk.
struct OriginInput {
    std::unique_ptr<geodata::OriginReader> reader;
    std::string path;
    bool plain_csv = false;
    // --origin-points: the position of each code, replacing the polygon's own point.
    std::unordered_map<std::string, LonLat> position_of_code;
    std::string points_path;
};

OriginInput open_origin_input(const Options& options) {
    OriginInput input;
    input.path = input_path(options, "--from", geodata::defaults::kCommunes);
    const std::string rule_text = options.get("--origin", "point-on-surface");
    if (rule_text != "point-on-surface" && rule_text != "centroid") {
        throw UsageError("option '--origin': '" + rule_text +
                         "' is not 'point-on-surface' or 'centroid' (use --origin-points FILE for "
                         "a point layer)");
    }
    geodata::PointCsvOptions csv;
    csv.lon_column = options.get("--lon-field", csv.lon_column);
    csv.lat_column = options.get("--lat-field", csv.lat_column);
    if (options.has("--from-code-field")) csv.id_column = options.get("--from-code-field");
    csv.name_column = options.get("--from-name-field", csv.name_column);
    csv.skip_bad = options.has("--skip-bad");
    const bool gdal_only = options.has("--from-layer") || options.has("--from-where") ||
                           options.has("--from-crs") || options.has("--origin-points");
    if (!gdal_only && geodata::is_plain_point_csv(input.path, csv)) {
        input.plain_csv = true;
        input.reader = geodata::open_point_csv(input.path, csv);
    } else {
        if (options.has("--skip-bad")) {
            throw UsageError(
                "option '--skip-bad' applies to a plain CSV of points (id,lon,lat) only");
        }
        geodata::OriginFields fields;
        fields.code = options.get("--from-code-field", fields.code);
        fields.name = options.get("--from-name-field", fields.name);
        fields.lon = options.get("--lon-field", fields.lon);
        fields.lat = options.get("--lat-field", fields.lat);
        const auto rule = rule_text == "centroid" ? geodata::OriginRule::Centroid
                                                  : geodata::OriginRule::PointOnSurface;
        input.reader =
            geodata::open_origins({input.path, options.get("--from-layer"),
                                   options.get("--from-where"), options.get("--from-crs")},
                                  fields, rule);
    }
    if (options.has("--origin-points")) {
        input.points_path = options.get("--origin-points");
        geodata::OriginFields point_fields;
        point_fields.code = options.get("--origin-points-code-field", point_fields.code);
        for (const auto& p : geodata::load_origins({input.points_path, "", "", ""}, point_fields)) {
            input.position_of_code.emplace(p.code, p.position);
        }
    }
    return input;
}

void report_origin_warnings(const std::vector<std::string>& warnings) {
    if (warnings.size() <= 5) {
        for (const auto& w : warnings) warn(w);
    } else {
        warn(std::to_string(warnings.size()) +
             " origin polygons were invalid and made valid with GEOS; first: " + warnings.front());
    }
}

}  // namespace

int run_nearest(const std::vector<std::string>& args) {
    Options options("nearest",
                    "The nearest site of every origin (commune, point), with exact WGS84\n"
                    "ellipsoidal distances. One row per origin, or --k rows.");
    declare_data_options(options);
    options.group("Origins (default: the 462 communes of the Gers)");
    options.value("--from", "FILE",
                  "polygon layer (one origin per polygon), point layer, or CSV id,lon,lat");
    options.value("--from-layer", "NAME", "layer to read when the file holds several");
    options.value("--from-where", "EXPR", "OGR SQL attribute filter on the origins");
    options.value("--from-code-field", "NAME", "origin code field (default: code, or id)");
    options.value("--from-name-field", "NAME", "origin name field (default: nom; optional)");
    options.value("--lon-field", "NAME", "longitude column of a table of points (default: lon)");
    options.value("--lat-field", "NAME", "latitude column of a table of points (default: lat)");
    options.value("--from-crs", "CRS",
                  "CRS of an origins file that declares none (default: WGS84 lon/lat)");
    options.value("--origin", "RULE",
                  "point of a polygon: point-on-surface (default, always inside) or centroid");
    options.value("--origin-points", "FILE",
                  "take each polygon's origin from this point layer, joined by code");
    options.value("--origin-points-code-field", "NAME",
                  "code field of --origin-points (default: code)");
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
    if (!options.parse(args)) return kOk;
    check_run_files(options);  // outputs distinct and none of them an input, before any work
    check_road_options_need_roads(options);

    const bool ranked = options.has("--k");
    const auto k = static_cast<std::size_t>(options.integer("--k", 1, 1, 1000));
    const double max_m = options.number("--max-km", 1e6, 0.0, 1e6) * 1000.0;
    const double within_m = options.number("--within-km", 19.0, 0.0, 1e6) * 1000.0;

    const unsigned threads = static_cast<unsigned>(options.integer("--threads", 0, 0, 256));
    const std::string srs = target_srs(options);
    std::optional<GroupRule> group_rule;
    if (options.has("--group-by")) group_rule.emplace(options.get("--group-by"));

    OriginInput input = open_origin_input(options);
    LoadedSiteSet site_set = load_site_set(options);
    if (site_set.sites.empty()) {
        throw InputError("no site to search in " + site_set.path +
                         (site_set.read > 0 ? " after the filters" : ""));
    }
    // The chord formula by default; its answers and printed distances are Karney's.
    const SiteIndex index(
        std::move(site_set.sites),
        {options.has("--karney") ? DistanceMethod::Karney : DistanceMethod::Fast});
    const std::vector<Site>& sites = index.sites();
    std::unique_ptr<RoadReport> roads;
    if (options.has("--roads"))
        roads = std::make_unique<RoadReport>(options, sites, !input.plain_csv);

    // Population weights for the per-group lines: the named file, else the default one if any
    // (not for a plain CSV of points, whose ids are not commune codes).
    std::optional<geodata::PopulationTable> population;
    if (group_rule) {
        std::string population_path;
        population = load_population_option(options, population_path, !input.plain_csv);
    }

    std::vector<geodata::Column> columns = {{"origin_code", geodata::FieldType::String},
                                            {"origin_name", geodata::FieldType::String},
                                            {"origin_lon", geodata::FieldType::Real, 7},
                                            {"origin_lat", geodata::FieldType::Real, 7}};
    if (ranked) columns.push_back({"rank", geodata::FieldType::Integer});
    columns.insert(columns.end(), {{"site_id", geodata::FieldType::String},
                                   {"site_name", geodata::FieldType::String},
                                   {"site_dep", geodata::FieldType::String},
                                   {"distance_m", geodata::FieldType::Real, 3}});
    if (roads) {
        const auto road_columns = RoadReport::columns();
        columns.insert(columns.end(), road_columns.begin(), road_columns.end());
    }
    const bool skip_bad = options.has("--skip-bad");
    if (skip_bad) columns.push_back({"error", geodata::FieldType::String});
    const std::size_t value_count = columns.size();
    const std::string output = options.get("--output", "-");
    geodata::TableOptions table{output, options.get("--format"), "nearest",
                                options.has("--overwrite"), geodata::GeometryKind::Point};
    // A plain CSV of points in, CSV out: the batch path, with the streaming CSV writer.
    table.streaming_csv = input.plain_csv;
    table.target_srs = srs;
    geodata::TableWriter writer(table, columns);
    for (const std::string& w : writer.warnings()) warn(w);

    NearestSummary summary(within_m, group_rule, population ? &*population : nullptr,
                           !input.plain_csv);
    Progress progress("nearest", !options.has("--quiet"));
    // Points read, queried and written at a time: 65,536, fewer with --k so that a chunk holds
    // at most about 2^20 answers (16 MB): memory stays bounded for every k (issue 12).
    const std::size_t kChunk = std::clamp<std::size_t>(
        (std::size_t{1} << 20) / std::max<std::size_t>(1, std::min(k, sites.size())), 256,
        std::size_t{1} << 16);
    std::vector<geodata::Origin> chunk;
    std::vector<LonLat> positions;
    std::vector<std::size_t> slot_of;  // chunk index -> index in positions (bad rows have none)
    std::vector<geodata::Value> road_values;
    for (;;) {
        chunk.clear();
        if (!input.reader->next_chunk(chunk, kChunk)) break;
        positions.clear();
        slot_of.assign(chunk.size(), SIZE_MAX);
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            geodata::Origin& origin = chunk[i];
            if (!origin.error.empty()) continue;
            if (!input.position_of_code.empty()) {
                const auto it = input.position_of_code.find(origin.code);
                if (it == input.position_of_code.end()) {
                    throw InputError("file '" + input.points_path + "': no point with code '" +
                                     origin.code + "' (origin '" + origin.name + "' of " +
                                     input.path + ")");
                }
                origin.position = it->second;
            }
            slot_of[i] = positions.size();
            positions.push_back(origin.position);
        }
        const BatchResult result = k_nearest_batch(index, positions, k, max_m, threads);
        // Road answers for the whole chunk on the query threads; recorded in order below.
        std::vector<RoadAnswer> road_answers;
        if (roads) {
            std::vector<const Site*> crow_fly(chunk.size(), nullptr);
            for (std::size_t i = 0; i < chunk.size(); ++i) {
                if (slot_of[i] == SIZE_MAX) continue;
                const std::size_t begin = result.offset[slot_of[i]];
                if (begin != result.offset[slot_of[i] + 1])
                    crow_fly[i] = &sites[result.hits[begin].site];
            }
            road_answers = roads->answer_chunk(chunk, crow_fly, threads);
        }

        for (std::size_t i = 0; i < chunk.size(); ++i) {
            const geodata::Origin& origin = chunk[i];
            geodata::Row row;
            row.values = {origin.code, origin.name, origin.position.lon_deg,
                          origin.position.lat_deg};
            row.line = {origin.position};
            if (slot_of[i] == SIZE_MAX) {  // an unreadable line (--skip-bad)
                summary.add_bad();
                row.values = {origin.code};
                row.values.resize(value_count - 1);
                row.values.emplace_back(origin.error);
                row.line.clear();
                writer.add_row(row);
                continue;
            }
            const std::size_t begin = result.offset[slot_of[i]];
            const std::size_t end = result.offset[slot_of[i] + 1];
            road_values.clear();
            if (roads) roads->record(origin, road_answers[i], road_values);
            summary.add(origin.code, origin.name,
                        begin == end ? nullptr : &sites[result.hits[begin].site],
                        begin == end ? 0.0 : result.hits[begin].distance_m);
            const std::size_t base_size = row.values.size();
            for (std::size_t h = begin; h < std::max(end, begin + 1); ++h) {
                row.values.resize(base_size);
                if (ranked)
                    row.values.emplace_back(
                        h < end ? geodata::Value(static_cast<std::int64_t>(h - begin + 1))
                                : geodata::Value());
                if (h < end) {
                    const Site& site = sites[result.hits[h].site];
                    row.values.insert(row.values.end(), {site.id, site.name, site.department,
                                                         result.hits[h].distance_m});
                } else {
                    row.values.insert(row.values.end(), 4, geodata::Value());
                }
                row.values.insert(row.values.end(), road_values.begin(), road_values.end());
                if (skip_bad) row.values.emplace_back();
                writer.add_row(row);
            }
        }
        const geodata::ReadProgress read = input.reader->progress();
        progress.update(summary.origins(), read.done, read.total);
    }
    report_origin_warnings(input.reader->warnings());
    progress.finish();
    writer.commit();

    std::ostream& out = summary_stream(options, output == "-");
    out << "origins: " << summary.origins() << " from " << input.path << "\n";
    out << "sites: " << sites.size() << " searched (from " << site_set.path << ")\n";
    summary.print(out, options.has("--max-km"));
    if (roads) roads->print_summary(out);
    if (output != "-") out << "wrote " << output << "\n";
    return kOk;
}

}  // namespace sitecover::cli
