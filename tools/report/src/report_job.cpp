#include "sitecover/report/report_job.hpp"

#include <cstdint>
#include <filesystem>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sitecover/error.hpp"
#include "sitecover/geodata/staged_file.hpp"
#include "sitecover/report/report_format.hpp"
#include "sitecover/report/report_text.hpp"
#include "sitecover/report_data.hpp"

namespace sitecover::report {
namespace {

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ",") + item;
    return text;
}

// The library's data, then what the documents add (title, classes, language, parameters).
ReportModel build_model(const ReportJob& job, const StudyInputs& in) {
    std::unordered_map<std::string, const Area*> polygon_of_code;
    for (const Area& a : in.origin_polygons) polygon_of_code.emplace(a.code, &a);
    std::vector<ReportOriginInput> origins;
    origins.reserve(in.origins.size());
    for (std::size_t i = 0; i < in.origins.size(); ++i) {
        const geodata::Origin& o = in.origins[i];
        ReportOriginInput input;
        input.code = o.code;
        input.name = o.name;
        input.position = o.position;
        if (const auto it = polygon_of_code.find(o.code); it != polygon_of_code.end())
            input.polygon = it->second;
        if (!in.population.empty()) input.population = in.population[i];
        origins.push_back(std::move(input));
    }
    const StudyRequest& study = job.study;
    const sitecover::ReportRequest request{study.within_km * 1000.0, study.within_min * 60.0,
                                           study.fragile_m, study.threads};
    ReportModel model;
    static_cast<ReportData&>(model) = build_report_data(
        *in.areas, *in.sites, origins, in.roads ? in.roads->nearest.get() : nullptr, request);
    model.lang = job.lang;
    model.shade_classes = default_shade_classes(model.with_roads, model.lang);
    model.noun = job.noun;
    model.place = default_place(job.place, study.defaults_used.areas, in.areas->areas());
    model.parameters = stated_parameters(job, in);
    return model;
}

// The credits of the map and the page, in the documents' language.
std::vector<std::string> report_sources(const ReportJob& job, const ReportModel& model,
                                        std::size_t map_roads) {
    const ReportText& text = report_text(model.lang);
    const ReportParameters& p = model.parameters;
    const DefaultsUsed& defaults = job.study.defaults_used;
    // The files read are listed with the parameters; the credits name their producers.
    std::vector<std::string> sources;
    if (defaults.areas && defaults.origins && defaults.sites)
        sources.push_back(fill(text.source_default, {format_date(p.sites_date, model.lang)}));
    // Roads drawn or routed from the Travel Mapping file (the default one, or named).
    const std::string drawn = job.map.map_roads.value_or(p.with_roads ? p.roads_file : "");
    if ((map_roads > 0 && drawn.empty()) || drawn.find("travelmapping") != std::string::npos ||
        p.roads_file.find("travelmapping") != std::string::npos)
        sources.push_back(text.source_roads_default);
    return sources;
}

// Every file the job reads: an output may be none of them (nor the same file by another name).
void check_outputs_are_not_inputs(const ReportJob& job, const MapContextSources& context) {
    const StudyRequest& study = job.study;
    std::vector<std::string> inputs = {study.areas.source.path,     study.sites.source.path,
                                       study.origins.source.path,   study.population.value_or(""),
                                       study.scenario.value_or(""), context.neighbours_path};
    if (study.roads) inputs.push_back(study.roads->source.path);
    if (context.roads) inputs.push_back(context.roads->path);
    std::erase(inputs, std::string());
    for (const std::string& output :
         {job.outputs.gpkg_path, job.outputs.map_path, job.outputs.html_path}) {
        if (output.empty()) continue;
        // The same file under any name, or a file of a shapefile input ("areas.dbf").
        if (!geodata::output_over_input({output}, inputs).first.empty())
            throw OutputError(output +
                              " is an input of the report: choose another file for the output");
    }
}

// Whether `text` is valid UTF-8 (no overlong form, no surrogate, at most U+10FFFF).
bool is_utf8(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = c < 0x80           ? 1
                                   : (c >> 5) == 0x6  ? 2
                                   : (c >> 4) == 0xE  ? 3
                                   : (c >> 3) == 0x1E ? 4
                                                      : 0;
        if (length == 0 || i + length > text.size()) return false;
        std::uint32_t code = length == 1 ? c : c & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3F);
        }
        constexpr std::uint32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < kLeast[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

// The road figures of the model's origins (as `nearest --roads` counts them).
RoadFigures road_figures(const ReportJob& job, const StudyInputs& in, const ReportModel& model) {
    const std::vector<Site>& sites = in.sites->sites();
    const RoadAnswers answers(in.roads, sites);
    RoadFigures figures(sites, job.study.within_km * 1000.0, job.study.within_min * 60.0,
                        in.population_table, in.population_path);
    std::vector<geodata::Value> ignored;
    for (std::size_t i = 0; i < model.origins.size(); ++i) {
        const ReportOrigin& o = model.origins[i];
        const Site* crow_fly = o.site ? &sites[*o.site] : nullptr;
        ignored.clear();
        figures.record(in.origins[i], answers.answer_from(o.position, o.road, crow_fly), ignored);
    }
    return figures;
}

}  // namespace

void default_report_outputs(ReportOutputs& outputs) {
    if (!outputs.gpkg_path.empty() || !outputs.map_path.empty() || !outputs.html_path.empty())
        return;
    outputs.gpkg_path = "sitecover-report.gpkg";
    outputs.map_path = "sitecover-report.png";
    outputs.html_path = "sitecover-report.html";
}

void resolve_report_defaults(ReportJob& job, const std::string& hint) {
    resolve_defaults(job.study, hint);
}

std::string default_place(const std::optional<std::string>& place, bool default_areas,
                          const std::vector<Area>& areas) {
    if (place) return *place;
    if (default_areas || areas.empty()) return "Gers (32)";
    std::string prefix = areas.front().code.substr(0, 2);
    for (const Area& a : areas) {
        if (a.code.compare(0, 2, prefix) != 0) return "Study area";
    }
    return "Département " + prefix;
}

ReportParameters stated_parameters(const ReportJob& job, const StudyInputs& in) {
    const StudyRequest& study = job.study;
    ReportParameters p;
    p.sites_file = file_name(in.site_set.path);
    p.sites_date = file_date(in.site_set.path);
    p.as_of = study.sites.filter.as_of_iso.value_or("");
    p.site_types = joined(study.sites.filter.types);
    p.sites_where = study.sites.source.where;
    p.areas_file = file_name(in.areas_path);
    p.areas_where = study.areas.source.where;
    p.origins_file = file_name(in.origins_path);
    p.from_where = study.origins.source.where;
    p.population_file = in.population_path.empty() ? "" : file_name(in.population_path);
    p.scenario_file = study.scenario ? file_name(*study.scenario) : "";
    p.within_km = study.within_km;
    p.within_min = study.within_min;
    p.fragile_m = study.fragile_m;
    p.with_roads = study.roads.has_value();
    if (study.roads) {
        const RoadRequest& roads = *study.roads;
        p.roads_file = file_name(roads.source.path);
        p.roads_where = roads.source.where;
        if (!roads.profile_path.empty()) p.road_profile = file_name(roads.profile_path);
        if (!roads.speeds.empty())
            p.road_profile += (p.road_profile.empty() ? "" : "; ") + roads.speeds;
        p.road_by = roads.query_options.metric == RoadMetric::Time ? "time" : "distance";
    }
    p.run_date = run_date();
    p.version = SITECOVER_VERSION;
    return p;
}

ReportOutcome run_report(ReportJob job, const WarningSink& warn) {
    // Words of the documents: checked before any work (they would fail at the last write).
    if (job.place && !is_utf8(*job.place))
        throw ArgumentError(Message().field("place").text(": not valid UTF-8 text"), "place");
    resolve_report_defaults(job);
    // The map's surroundings are resolved before anything is written or read: a missing data
    // directory is said first.
    MapContextSources sources;
    if (!job.outputs.map_path.empty() || !job.outputs.html_path.empty())
        sources = resolve_map_context(job.map, job.study.roads, job.study.data_dir);
    check_outputs_are_not_inputs(job, sources);
    // Output errors before the long work.
    ReportOutcome out{.staged = stage_report_outputs(job.outputs)};
    out.context = std::move(sources);
    out.defaults = job.study.defaults_used;
    out.inputs = load_study(job.study, warn);
    out.model = build_model(job, out.inputs);
    MapContext context;
    if (out.staged.map || out.staged.html) context = load_map_context(out.context, out.model);
    out.context_roads = context.roads.size();
    out.model.sources = report_sources(job, out.model, out.context_roads);
    out.written = write_report(out.model, context, out.staged);
    if (out.inputs.roads) out.road_figures = road_figures(job, out.inputs, out.model);
    return out;
}

}  // namespace sitecover::report
