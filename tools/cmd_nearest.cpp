// `sitecover nearest`: the nearest site(s) of every origin, with exact WGS84 distances.

#include <algorithm>
#include <iostream>
#include <memory>
#include <unordered_map>

#include "commands.hpp"
#include "grouping.hpp"
#include "exit_codes.hpp"
#include "inputs.hpp"
#include "report_format.hpp"
#include "road_report.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/data_dir.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/site_index.hpp"
#include "sitecover/summary.hpp"

namespace sitecover::cli {
namespace {

std::vector<geodata::Origin> load_origin_set(const Options& options, std::string& path) {
    path = input_path(options, "--from", geodata::defaults::kCommunes);
    geodata::LayerSource source{path, options.get("--from-layer"), options.get("--from-where"),
                                options.get("--from-crs")};
    geodata::OriginFields fields;
    fields.code = options.get("--from-code-field", fields.code);
    fields.name = options.get("--from-name-field", fields.name);
    fields.lon = options.get("--lon-field", fields.lon);
    fields.lat = options.get("--lat-field", fields.lat);
    const std::string rule_text = options.get("--origin", "point-on-surface");
    if (rule_text != "point-on-surface" && rule_text != "centroid") {
        throw UsageError("option '--origin': '" + rule_text +
                         "' is not 'point-on-surface' or 'centroid' (use --origin-points FILE for a point layer)");
    }
    const auto rule = rule_text == "centroid" ? geodata::OriginRule::Centroid
                                              : geodata::OriginRule::PointOnSurface;
    std::vector<std::string> warnings;
    std::vector<geodata::Origin> origins = geodata::load_origins(source, fields, rule, &warnings);
    if (warnings.size() <= 5) {
        for (const auto& w : warnings) warn(w);
    } else {
        warn(std::to_string(warnings.size()) + " origin polygons were invalid and made valid with GEOS; first: " +
             warnings.front());
    }

    if (options.has("--origin-points")) {
        // Replace each origin's position by the point of the same code in another layer.
        const std::string points_path = options.get("--origin-points");
        geodata::OriginFields point_fields;
        point_fields.code = options.get("--origin-points-code-field", point_fields.code);
        const auto points = geodata::load_origins({points_path, "", "", ""}, point_fields);
        std::unordered_map<std::string, LonLat> by_code;
        for (const auto& p : points) by_code.emplace(p.code, p.position);
        for (auto& origin : origins) {
            const auto it = by_code.find(origin.code);
            if (it == by_code.end()) {
                throw InputError("file '" + points_path + "': no point with code '" + origin.code +
                                 "' (origin '" + origin.name + "' of " + path + ")");
            }
            origin.position = it->second;
        }
    }
    return origins;
}

}  // namespace

int run_nearest(const std::vector<std::string>& args) {
    Options options("nearest",
                    "The nearest site of every origin (commune, point), with exact WGS84\n"
                    "ellipsoidal distances. One row per origin, or --k rows.");
    declare_data_options(options);
    options.group("Origins (default: the 462 communes of the Gers)");
    options.value("--from", "FILE", "polygon layer (one origin per polygon), point layer, or CSV id,lon,lat");
    options.value("--from-layer", "NAME", "layer to read when the file holds several");
    options.value("--from-where", "EXPR", "OGR SQL attribute filter on the origins");
    options.value("--from-code-field", "NAME", "origin code field (default: code, or id)");
    options.value("--from-name-field", "NAME", "origin name field (default: nom; optional)");
    options.value("--lon-field", "NAME", "longitude column of a table of points (default: lon)");
    options.value("--lat-field", "NAME", "latitude column of a table of points (default: lat)");
    options.value("--from-crs", "CRS", "CRS of an origins file that declares none (default: WGS84 lon/lat)");
    options.value("--origin", "RULE", "point of a polygon: point-on-surface (default, always inside) or centroid");
    options.value("--origin-points", "FILE", "take each polygon's origin from this point layer, joined by code");
    options.value("--origin-points-code-field", "NAME", "code field of --origin-points (default: code)");
    declare_site_options(options);
    options.group("Query");
    options.value("--k", "N", "the N nearest sites of each origin (adds a rank column)");
    options.value("--max-km", "KM", "ignore sites farther than this (origin left without site)");
    options.value("--within-km", "KM", "the summary counts origins within this distance (default 19)");
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
        "  sitecover nearest --roads ../shared/geodata/france/roads-major-travelmapping-2026-08.geojson\n");
    if (!options.parse(args)) return kOk;
    if (!options.has("--roads")) {
        for (const char* road_only : {"--roads-layer", "--roads-where", "--roads-crs", "--class-field", "--speed-field",
                                      "--speeds", "--profile", "--by", "--access-speed", "--max-snap-m",
                                      "--within-min", "--population"}) {
            if (options.has(road_only)) throw UsageError(std::string("option '") + road_only + "' needs --roads FILE");
        }
    }

    const bool ranked = options.has("--k");
    const auto k = static_cast<std::size_t>(options.integer("--k", 1, 1, 1000));
    const double max_m = options.number("--max-km", 1e6, 0.0, 1e6) * 1000.0;
    const double within_m = options.number("--within-km", 19.0, 0.0, 1e6) * 1000.0;

    std::string origins_path;
    const std::vector<geodata::Origin> origins = load_origin_set(options, origins_path);
    LoadedSiteSet site_set = load_site_set(options);
    if (site_set.sites.empty()) {
        throw InputError("no site to search in " + site_set.path +
                         (site_set.read > 0 ? " after the filters" : ""));
    }
    const SiteIndex index(std::move(site_set.sites));
    const std::vector<Site>& sites = index.sites();
    std::unique_ptr<RoadReport> roads;
    if (options.has("--roads")) roads = std::make_unique<RoadReport>(options, sites);

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
    const std::string output = options.get("--output", "-");
    geodata::TableWriter writer({output, options.get("--format"), "nearest",
                                 options.has("--overwrite"), geodata::GeometryKind::Point},
                                columns);

    std::vector<double> nearest_m;
    nearest_m.reserve(origins.size());
    std::size_t without_site = 0;
    std::size_t within_count = 0;
    std::size_t across_border = 0;  // communes whose nearest site lies in another département
    std::size_t with_department = 0;
    std::size_t farthest = origins.size();
    Neighbour farthest_hit;
    for (std::size_t o = 0; o < origins.size(); ++o) {
        const geodata::Origin& origin = origins[o];
        std::vector<Neighbour> hits = index.k_nearest(origin.position, k);
        while (!hits.empty() && hits.back().distance_m > max_m) hits.pop_back();
        std::vector<geodata::Value> road_values;
        if (roads) roads->add_origin(origin, hits.empty() ? nullptr : &sites[hits.front().site], road_values);
        const auto base_row = [&] {
            geodata::Row row;
            row.values = {origin.code, origin.name, origin.position.lon_deg, origin.position.lat_deg};
            row.line = {origin.position};
            return row;
        };
        if (hits.empty()) {
            ++without_site;
            geodata::Row row = base_row();
            if (ranked) row.values.emplace_back();
            row.values.insert(row.values.end(), 4, geodata::Value());
            row.values.insert(row.values.end(), road_values.begin(), road_values.end());
            writer.add_row(row);
            continue;
        }
        for (std::size_t r = 0; r < hits.size(); ++r) {
            const Site& site = sites[hits[r].site];
            geodata::Row row = base_row();
            if (ranked) row.values.emplace_back(static_cast<std::int64_t>(r + 1));
            row.values.insert(row.values.end(), {site.id, site.name, site.department, hits[r].distance_m});
            row.values.insert(row.values.end(), road_values.begin(), road_values.end());
            writer.add_row(row);
        }
        const Neighbour& best = hits.front();
        if (const std::string dep = insee_department(origin.code); !dep.empty()) {
            ++with_department;
            if (!sites[best.site].department.empty() && sites[best.site].department != dep) ++across_border;
        }
        nearest_m.push_back(best.distance_m);
        if (best.distance_m <= within_m) ++within_count;
        if (farthest == origins.size() || best.distance_m > farthest_hit.distance_m) {
            farthest = o;
            farthest_hit = best;
        }
    }
    writer.commit();

    std::ostream& out = output == "-" ? std::cerr : std::cout;
    const Summary s = summarize(nearest_m);
    out << "origins: " << origins.size() << " from " << origins_path << "\n";
    out << "sites: " << sites.size() << " searched (from " << site_set.path << ")\n";
    if (s.count > 0) {
        out << "nearest site distance: max " << format_km(s.max) << " (" << origins[farthest].name
            << " " << origins[farthest].code << " -> site " << sites[farthest_hit.site].id << " "
            << sites[farthest_hit.site].name << "), mean " << format_km(s.mean) << ", median "
            << format_km(s.median) << "\n";
        out << "within " << format_fixed(within_m / 1000.0, 1) << " km: " << within_count << "/"
            << origins.size() << " (" << format_share(within_count, origins.size()) << ")\n";
    }
    if (with_department > 0) {
        out << "nearest site in another département: " << across_border << "/" << with_department
            << " communes\n";
    }
    if (without_site > 0) {
        out << "without a site" << (options.has("--max-km") ? " within --max-km" : "") << ": "
            << without_site << "\n";
    }
    if (roads) roads->print_summary(out, within_m);
    if (output != "-") out << "wrote " << output << "\n";
    return kOk;
}

}  // namespace sitecover::cli
