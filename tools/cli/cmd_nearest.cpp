// `sitecover nearest`: the nearest site(s) of every origin, with exact WGS84 distances.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <unordered_map>

#include "commands.hpp"
#include "data_dir.hpp"
#include "exit_codes.hpp"
#include "grouping.hpp"
#include "inputs.hpp"
#include "nearest_options.hpp"
#include "nearest_summary.hpp"
#include "origin_population.hpp"
#include "progress.hpp"
#include "road_report.hpp"
#include "run_files.hpp"
#include "sitecover/batch_query.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/point_csv.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/report/report_format.hpp"
#include "sitecover/site_index.hpp"
#include "sitecover/summary.hpp"
#include "table_style.hpp"

namespace sitecover::cli {
using namespace sitecover::report;  // the documents library: models, language, formats
namespace {

// Where the origins come from: a plain id,lon,lat CSV through the dedicated streaming reader,
// anything else through GDAL; both read chunk by chunk.
struct OriginInput {
    std::unique_ptr<geodata::OriginReader> reader;
    std::string path;
    bool plain_csv = false;
    // --origin-points: the position of each code, replacing the polygon's own point.
    std::unordered_map<std::string, LonLat> position_of_code;
    std::string points_path;  // "" unless --origin-points
};

OriginInput open_origin_input(const NearestOrigins& origins) {
    OriginInput input;
    input.path = origins.layer.source.path;
    if (!origins.gdal_only && geodata::is_plain_point_csv(input.path, origins.csv)) {
        input.plain_csv = true;
        input.reader = geodata::open_point_csv(input.path, origins.csv);
    } else {
        if (origins.csv.skip_bad) {
            throw UsageError(
                "option '--skip-bad' applies to a plain CSV of points (id,lon,lat) only");
        }
        input.reader =
            geodata::open_origins(origins.layer.source, origins.layer.fields, origins.layer.rule);
    }
    if (origins.use_points) {
        input.points_path = origins.points_path;
        for (const auto& p :
             geodata::load_origins({input.points_path, "", "", ""}, origins.points_fields)) {
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

// The extra columns of a plain CSV with --skip-bad, --k and --roads around the fixed ones.
std::vector<geodata::Column> nearest_columns(const NearestOptions& o) {
    std::vector<geodata::Column> columns = {{"origin_code", geodata::FieldType::String},
                                            {"origin_name", geodata::FieldType::String},
                                            {"origin_lon", geodata::FieldType::Real, 7},
                                            {"origin_lat", geodata::FieldType::Real, 7}};
    if (o.ranked) columns.push_back({"rank", geodata::FieldType::Integer});
    columns.insert(columns.end(), {{"site_id", geodata::FieldType::String},
                                   {"site_name", geodata::FieldType::String},
                                   {"site_dep", geodata::FieldType::String},
                                   {"distance_m", geodata::FieldType::Real, 3}});
    if (o.roads) {
        const auto road_columns = RoadReport::columns();
        columns.insert(columns.end(), road_columns.begin(), road_columns.end());
    }
    if (o.skip_bad) columns.push_back({"error", geodata::FieldType::String});
    return columns;
}

// Points read, queried and written at a time: 65,536, fewer with --k so that a chunk holds
// at most about 2^20 answers (16 MB): memory stays bounded for every k (issue 12).
std::size_t chunk_size(std::size_t k, std::size_t site_count) {
    return std::clamp<std::size_t>(
        (std::size_t{1} << 20) / std::max<std::size_t>(1, std::min(k, site_count)), 256,
        std::size_t{1} << 16);
}

// One chunk of origins after another: query, answer by road, write rows, summarise.
class NearestBatch {
public:
    NearestBatch(const NearestOptions& o, const SiteIndex& index, RoadReport* roads,
                 geodata::TableWriter& writer, NearestSummary& summary)
        : o_(o),
          index_(index),
          sites_(index.sites()),
          roads_(roads),
          writer_(writer),
          summary_(summary),
          value_count_(nearest_columns(o).size()) {}

    // The origins' positions (--origin-points replaces them), queried; then the rows.
    void process(std::vector<geodata::Origin>& chunk, const OriginInput& input) {
        positions_.clear();
        slot_of_.assign(chunk.size(), SIZE_MAX);
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            geodata::Origin& origin = chunk[i];
            if (!origin.error.empty()) continue;
            if (!input.position_of_code.empty()) origin.position = joined_position(origin, input);
            slot_of_[i] = positions_.size();
            positions_.push_back(origin.position);
        }
        const BatchResult result =
            k_nearest_batch(index_, positions_, o_.k, o_.max_km * 1000.0, o_.threads);
        // Road answers for the whole chunk on the query threads; recorded in order below.
        std::vector<RoadAnswer> road_answers;
        if (roads_ != nullptr) road_answers = answer_by_road(chunk, result);
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            if (slot_of_[i] == SIZE_MAX) {
                write_unreadable(chunk[i]);
            } else {
                write_origin(chunk[i], result, slot_of_[i],
                             roads_ != nullptr ? &road_answers[i] : nullptr);
            }
        }
    }

private:
    static LonLat joined_position(const geodata::Origin& origin, const OriginInput& input) {
        const auto it = input.position_of_code.find(origin.code);
        if (it == input.position_of_code.end()) {
            throw InputError("file '" + input.points_path + "': no point with code '" +
                             origin.code + "' (origin '" + origin.name + "' of " + input.path +
                             ")");
        }
        return it->second;
    }

    std::vector<RoadAnswer> answer_by_road(const std::vector<geodata::Origin>& chunk,
                                           const BatchResult& result) const {
        std::vector<const Site*> crow_fly(chunk.size(), nullptr);
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            if (slot_of_[i] == SIZE_MAX) continue;
            const std::size_t begin = result.offset[slot_of_[i]];
            if (begin != result.offset[slot_of_[i] + 1])
                crow_fly[i] = &sites_[result.hits[begin].site];
        }
        return roads_->answer_chunk(chunk, crow_fly, o_.threads);
    }

    // An unreadable line (--skip-bad): its id and the error, nothing else.
    void write_unreadable(const geodata::Origin& origin) {
        summary_.add_bad();
        geodata::Row row;
        row.values = {origin.code};
        row.values.resize(value_count_ - 1);
        row.values.emplace_back(origin.error);
        writer_.add_row(row);
    }

    // One row per site found (--k), or one row without site.
    void write_origin(const geodata::Origin& origin, const BatchResult& result, std::size_t slot,
                      const RoadAnswer* road_answer) {
        geodata::Row row;
        row.values = {origin.code, origin.name, origin.position.lon_deg, origin.position.lat_deg};
        row.line = {origin.position};
        const std::size_t begin = result.offset[slot];
        const std::size_t end = result.offset[slot + 1];
        road_values_.clear();
        if (road_answer != nullptr) roads_->record(origin, *road_answer, road_values_);
        summary_.add(origin.code, origin.name,
                     begin == end ? nullptr : &sites_[result.hits[begin].site],
                     begin == end ? 0.0 : result.hits[begin].distance_m);
        const std::size_t base_size = row.values.size();
        for (std::size_t h = begin; h < std::max(end, begin + 1); ++h) {
            row.values.resize(base_size);
            if (o_.ranked)
                row.values.emplace_back(
                    h < end ? geodata::Value(static_cast<std::int64_t>(h - begin + 1))
                            : geodata::Value());
            if (h < end) {
                const Site& site = sites_[result.hits[h].site];
                row.values.insert(row.values.end(),
                                  {site.id, site.name, site.department, result.hits[h].distance_m});
            } else {
                row.values.insert(row.values.end(), 4, geodata::Value());
            }
            row.values.insert(row.values.end(), road_values_.begin(), road_values_.end());
            if (o_.skip_bad) row.values.emplace_back();
            writer_.add_row(row);
        }
    }

    const NearestOptions& o_;
    const SiteIndex& index_;
    const std::vector<Site>& sites_;
    RoadReport* roads_;
    geodata::TableWriter& writer_;
    NearestSummary& summary_;
    std::size_t value_count_;
    std::vector<LonLat> positions_;
    std::vector<std::size_t> slot_of_;  // chunk index -> index in positions (bad rows have none)
    std::vector<geodata::Value> road_values_;
};

}  // namespace

int run_nearest(const std::vector<std::string>& args) {
    Options options("nearest",
                    "The nearest site of every origin (commune, point), with exact WGS84\n"
                    "ellipsoidal distances. One row per origin, or --k rows.");
    declare_nearest_options(options);
    if (!options.parse(args)) return kOk;
    const NearestOptions o = read_nearest_options(options);  // every check, before any read

    OriginInput input = open_origin_input(o.origins);
    LoadedSiteSet site_set = load_site_set(o.sites);
    if (site_set.sites.empty()) {
        throw InputError("no site to search in " + site_set.path +
                         (site_set.read > 0 ? " after the filters" : ""));
    }
    // The chord formula by default; its answers and printed distances are Karney's.
    const SiteIndex index(std::move(site_set.sites),
                          {o.karney ? DistanceMethod::Karney : DistanceMethod::Fast});
    const std::vector<Site>& sites = index.sites();
    std::unique_ptr<RoadReport> roads;
    if (o.roads) {
        roads = std::make_unique<RoadReport>(options, *o.roads, o.within_km * 1000.0, sites,
                                             !input.plain_csv);
    }

    // Population weights for the per-group lines: the named file, else the default one if any
    // (not for a plain CSV of points, whose ids are not commune codes).
    std::optional<geodata::PopulationTable> population;
    if (o.group_by) {
        std::string population_path;
        population = load_population_option(options, population_path, !input.plain_csv);
    }

    geodata::TableOptions table = table_options(o.output, "nearest", geodata::GeometryKind::Point);
    // A plain CSV of points in, CSV out: the batch path, with the streaming CSV writer.
    table.streaming_csv = input.plain_csv;
    geodata::TableWriter writer(table, nearest_columns(o));
    // By road: the travel time, the answer the road columns add.
    style_table(writer, o.roads ? LayerKind::TravelTime : LayerKind::Distance,
                geodata::GeometryKind::Point);
    for (const std::string& w : writer.warnings()) warn(w);

    NearestSummary summary(o.within_km * 1000.0, o.group_by, population ? &*population : nullptr,
                           !input.plain_csv);
    Progress progress("nearest", !o.output.quiet);
    NearestBatch batch(o, index, roads.get(), writer, summary);
    const std::size_t chunk_origins = chunk_size(o.k, sites.size());
    std::vector<geodata::Origin> chunk;
    for (;;) {
        chunk.clear();
        if (!input.reader->next_chunk(chunk, chunk_origins)) break;
        batch.process(chunk, input);
        const geodata::ReadProgress read = input.reader->progress();
        progress.update(summary.origins(), read.done, read.total);
    }
    report_origin_warnings(input.reader->warnings());
    progress.finish();
    writer.commit();

    std::ostream& out = summary_stream(o.output);
    out << "origins: " << summary.origins() << " from " << input.path << "\n";
    out << "sites: " << sites.size() << " searched (from " << site_set.path << ")\n";
    summary.print(out, o.max_km_given);
    if (roads) roads->print_summary(out);
    if (!o.output.to_stdout()) out << "wrote " << o.output.path << "\n";
    return kOk;
}

}  // namespace sitecover::cli
