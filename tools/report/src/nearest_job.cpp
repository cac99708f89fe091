#include "sitecover/report/nearest_job.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "sitecover/batch_query.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/point_loader.hpp"
#include "sitecover/report/layer_style.hpp"

namespace sitecover::report {
namespace {

// Where the origins come from: a plain id,lon,lat CSV through the dedicated streaming reader,
// anything else through GDAL; both read chunk by chunk.
struct OriginInput {
    std::unique_ptr<geodata::OriginReader> reader;
    std::string path;
    bool plain_csv = false;
    // origin_points: the position of each code, replacing the polygon's own point.
    std::unordered_map<std::string, LonLat> position_of_code;
    std::string points_path;  // "" unless origin_points
};

OriginInput open_origin_input(const NearestOrigins& origins) {
    OriginInput input;
    input.path = origins.layer.source.path;
    if (reads_plain_point_csv(origins)) {
        input.plain_csv = true;
        input.reader = geodata::open_point_csv(input.path, origins.csv);
    } else {
        if (origins.csv.skip_bad)
            throw ArgumentError("skip_bad applies to a plain CSV of points (id,lon,lat) only");
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

// Origin warnings (repaired polygons): a few one by one, many as one line.
void pass_on_origin_warnings(const std::vector<std::string>& warnings, const WarningSink& warn) {
    if (!warn) return;
    if (warnings.size() <= 5) {
        for (const auto& w : warnings) warn(w);
    } else {
        warn(std::to_string(warnings.size()) +
             " origin polygons were invalid and made valid with GEOS; first: " + warnings.front());
    }
}

// Points read, queried and written at a time: 65,536, fewer with k so that a chunk holds
// at most about 2^20 answers (16 MB): memory stays bounded for every k (issue 12).
std::size_t chunk_size(std::size_t k, std::size_t site_count) {
    return std::clamp<std::size_t>(
        (std::size_t{1} << 20) / std::max<std::size_t>(1, std::min(k, site_count)), 256,
        std::size_t{1} << 16);
}

// One chunk of origins after another: query, answer by road, write rows, add to the figures.
class NearestBatch {
public:
    NearestBatch(const NearestJob& job, const SiteIndex& index, const RoadAnswers* roads,
                 RoadFigures* road_figures, geodata::TableWriter* writer, NearestFigures& figures,
                 const NearestHooks& hooks)
        : job_(job),
          index_(index),
          sites_(index.sites()),
          roads_(roads),
          road_figures_(road_figures),
          writer_(writer),
          figures_(figures),
          hooks_(hooks),
          value_count_(nearest_columns(job).size()) {}

    // The origins' positions (origin_points replaces them), queried; then the rows.
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
            k_nearest_batch(index_, positions_, job_.k, job_.max_km * 1000.0, job_.study.threads);
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
        return roads_->answer_chunk(chunk, crow_fly, job_.study.threads);
    }

    void emit(const geodata::Row& row) {
        if (writer_ != nullptr) writer_->add_row(row);
        if (hooks_.row) hooks_.row(row);
    }

    // An unreadable line (skip_bad): its id and the error, nothing else.
    void write_unreadable(const geodata::Origin& origin) {
        figures_.add_bad();
        geodata::Row row;
        row.values = {origin.code};
        row.values.resize(value_count_ - 1);
        row.values.emplace_back(origin.error);
        emit(row);
    }

    // One row per site found (k), or one row without site.
    void write_origin(const geodata::Origin& origin, const BatchResult& result, std::size_t slot,
                      const RoadAnswer* road_answer) {
        geodata::Row row;
        row.values = {origin.code, origin.name, origin.position.lon_deg, origin.position.lat_deg};
        row.line = {origin.position};
        const std::size_t begin = result.offset[slot];
        const std::size_t end = result.offset[slot + 1];
        road_values_.clear();
        if (road_answer != nullptr) road_figures_->record(origin, *road_answer, road_values_);
        figures_.add(origin.code, origin.name,
                     begin == end ? nullptr : &sites_[result.hits[begin].site],
                     begin == end ? 0.0 : result.hits[begin].distance_m);
        const std::size_t base_size = row.values.size();
        for (std::size_t h = begin; h < std::max(end, begin + 1); ++h) {
            row.values.resize(base_size);
            if (job_.ranked)
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
            if (job_.origins.csv.skip_bad) row.values.emplace_back();
            emit(row);
        }
    }

    const NearestJob& job_;
    const SiteIndex& index_;
    const std::vector<Site>& sites_;
    const RoadAnswers* roads_;
    RoadFigures* road_figures_;
    geodata::TableWriter* writer_;
    NearestFigures& figures_;
    const NearestHooks& hooks_;
    std::size_t value_count_;
    std::vector<LonLat> positions_;
    std::vector<std::size_t> slot_of_;  // chunk index -> index in positions (bad rows have none)
    std::vector<geodata::Value> road_values_;
};

// The sites searched, filtered; InputError when none is left.
std::shared_ptr<const SiteIndex> load_sites(const NearestJob& job, NearestOutcome& out,
                                            const WarningSink& warn) {
    out.site_set = load_site_set(job.study.sites, warn);
    if (out.site_set.sites.empty()) {
        throw InputError("no site to search in " + out.site_set.path +
                         (out.site_set.read > 0 ? " after the filters" : ""));
    }
    // The chord formula by default; its answers and printed distances are Karney's.
    return std::make_shared<const SiteIndex>(
        std::move(out.site_set.sites),
        SiteIndexOptions{job.karney ? DistanceMethod::Karney : DistanceMethod::Fast});
}

}  // namespace

std::vector<geodata::Column> nearest_columns(const NearestJob& job) {
    std::vector<geodata::Column> columns = {{"origin_code", geodata::FieldType::String},
                                            {"origin_name", geodata::FieldType::String},
                                            {"origin_lon", geodata::FieldType::Real, 7},
                                            {"origin_lat", geodata::FieldType::Real, 7}};
    if (job.ranked) columns.push_back({"rank", geodata::FieldType::Integer});
    columns.insert(columns.end(), {{"site_id", geodata::FieldType::String},
                                   {"site_name", geodata::FieldType::String},
                                   {"site_dep", geodata::FieldType::String},
                                   {"distance_m", geodata::FieldType::Real, 3}});
    if (job.study.roads) {
        const auto road = road_columns();
        columns.insert(columns.end(), road.begin(), road.end());
    }
    if (job.origins.csv.skip_bad) columns.push_back({"error", geodata::FieldType::String});
    return columns;
}

bool reads_plain_point_csv(const NearestOrigins& origins) {
    return !origins.gdal_only &&
           geodata::is_plain_point_csv(origins.layer.source.path, origins.csv);
}

NearestOutcome run_nearest(NearestJob job, const NearestHooks& hooks) {
    if (job.origins.layer.source.path.empty()) {
        StudyRequest origins_only;
        origins_only.data_dir = job.study.data_dir;
        resolve_defaults(origins_only, "", {.origins = true});
        job.origins.layer.source.path = origins_only.origins.source.path;
    }
    resolve_defaults(job.study, "", {.sites = true});
    NearestOutcome out;
    OriginInput input = open_origin_input(job.origins);
    out.origins_path = input.path;
    out.plain_csv = input.plain_csv;
    out.sites = load_sites(job, out, hooks.warn);
    const std::vector<Site>& sites = out.sites->sites();
    std::optional<RoadAnswers> answers;
    if (job.study.roads) {
        out.roads = load_road_study(*job.study.roads, sites, hooks.warn);
        answers.emplace(out.roads, sites);
    }
    // Population (the road figures, the groups' weights): the named file, else the default one
    // if any; not for a plain CSV of points, whose ids are not commune codes.
    if (!input.plain_csv) resolve_defaults(job.study, "", {.population = true});
    if (job.study.roads || job.group_by) {
        if (auto table = load_population_table(job.study))
            out.population = std::make_shared<const geodata::PopulationTable>(std::move(*table));
    }
    if (job.study.roads) {
        out.road_figures.emplace(sites, job.study.within_km * 1000.0, job.study.within_min * 60.0,
                                 out.population ? std::optional(*out.population) : std::nullopt,
                                 out.population ? job.study.population.value_or("") : "");
    }
    std::optional<geodata::TableWriter> writer;
    if (job.output.written()) {
        geodata::TableOptions table =
            table_options(job.output, "nearest", geodata::GeometryKind::Point);
        // A plain CSV of points in, CSV out: the batch path, with the streaming CSV writer.
        table.streaming_csv = input.plain_csv;
        // Never over an input, a shapefile's .dbf beside the named file included.
        table.inputs = study_input_files(job.study);
        table.inputs.push_back(input.path);
        if (!input.points_path.empty()) table.inputs.push_back(input.points_path);
        writer.emplace(table, nearest_columns(job));
        // By road: the travel time, the answer the road columns add.
        style_table(*writer, job.study.roads ? LayerKind::TravelTime : LayerKind::Distance,
                    job.output.lang, geodata::GeometryKind::Point);
        if (hooks.warn) {
            for (const std::string& w : writer->warnings()) hooks.warn(w);
        }
    }
    out.figures.emplace(job.study.within_km * 1000.0, job.group_by,
                        job.group_by ? out.population.get() : nullptr, !input.plain_csv);
    NearestBatch batch(job, *out.sites, answers ? &*answers : nullptr,
                       out.road_figures ? &*out.road_figures : nullptr, writer ? &*writer : nullptr,
                       *out.figures, hooks);
    const std::size_t chunk_origins = chunk_size(job.k, sites.size());
    std::vector<geodata::Origin> chunk;
    for (;;) {
        chunk.clear();
        if (!input.reader->next_chunk(chunk, chunk_origins)) break;
        batch.process(chunk, input);
        const geodata::ReadProgress read = input.reader->progress();
        if (hooks.progress) hooks.progress(out.figures->origins(), read.done, read.total);
    }
    pass_on_origin_warnings(input.reader->warnings(), hooks.warn);
    if (writer) writer->commit();
    return out;
}

}  // namespace sitecover::report
