#include "sitecover/report/report_job.hpp"

#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sitecover/error.hpp"
#include "sitecover/geodata/staged_file.hpp"
#include "sitecover/message.hpp"
#include "sitecover/report/access_job.hpp"
#include "sitecover/report/report_format.hpp"
#include "sitecover/report/report_text.hpp"
#include "sitecover/report_data.hpp"

namespace sitecover::report {
namespace {

// The length of the UTF-8 sequence led by `c` and the range of its second byte (no overlong
// form, no surrogate, nothing above U+10FFFF); 0 for a byte that cannot lead.
std::size_t utf8_length(unsigned char c, unsigned char& lo, unsigned char& hi) {
    lo = 0x80;
    hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) return 2;
    if (c >= 0xe0 && c <= 0xef) {
        if (c == 0xe0) lo = 0xa0;
        if (c == 0xed) hi = 0x9f;
        return 3;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        if (c == 0xf0) lo = 0x90;
        if (c == 0xf4) hi = 0x8f;
        return 4;
    }
    return 0;
}

bool valid_utf8(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        unsigned char lo = 0, hi = 0;
        const std::size_t n = utf8_length(c, lo, hi);
        if (n == 0 || i + n > text.size()) return false;
        for (std::size_t k = 1; k < n; ++k) {
            const auto b = static_cast<unsigned char>(text[i + k]);
            if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xbf)) return false;
        }
        i += n;
    }
    return true;
}

[[noreturn]] void usage_error(const char* field, const std::string& problem) {
    throw Error(Message("option '").field(field).text("': " + problem), ErrorKind::Usage, field);
}

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
    add_access_index(
        model,
        in.roads ? AccessNetwork::by_road(in.roads->setup, RoadMetric::Time) : AccessNetwork{},
        study.threads);
    model.lang = job.lang;
    model.shade_classes = default_shade_classes(model.with_roads, model.lang);
    model.noun = job.noun;
    model.place = default_place(job.place, study.defaults_used.areas, in.areas->areas(), job.lang);
    model.block.footer = job.footer;
    if (!job.logo.empty()) model.block.logo = read_logo(job.logo);
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

// The road figures of the model's origins (as the nearest job counts them by road).
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
                          const std::vector<Area>& areas, Lang lang) {
    if (place) return *place;
    if (default_areas || areas.empty()) return "Gers (32)";
    const ReportText& t = report_text(lang);
    std::string prefix = areas.front().code.substr(0, 2);
    for (const Area& a : areas) {
        if (a.code.compare(0, 2, prefix) != 0) return t.default_area_name;
    }
    return fill(t.department, {prefix});
}

void check_report_job(const ReportJob& job) {
    const std::pair<const char*, const std::string*> texts[] = {
        {"place", job.place ? &*job.place : nullptr}, {"noun", &job.noun}, {"footer", &job.footer}};
    for (const auto& [field, text] : texts) {
        if (text != nullptr && !valid_utf8(*text))
            usage_error(field, "the text is not UTF-8 (the documents are UTF-8)");
    }
    const std::string& map = job.outputs.map_path;
    const auto format = map.empty() ? std::nullopt : map_format_for_path(map);
    if (!map.empty() && !format)
        usage_error("map", "'" + map + "' is not a .png, .svg or .pdf file");
    const std::string& logo = job.logo;
    if (logo.empty()) return;
    std::string ext = std::filesystem::path(logo).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".png" && ext != ".svg")
        usage_error("logo", "'" + logo + "' is not a .png or .svg file");
    if (ext == ".svg" && format && *format != MapFormat::Svg)
        usage_error("logo",
                    "an SVG logo is drawn on an .svg map and the page only; give a .png "
                    "logo for a .png or .pdf map");
}

std::string read_logo(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw MissingFileError(path);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const bool png = bytes.rfind("\x89PNG\r\n\x1a\n", 0) == 0;
    const bool svg = bytes.find("<svg") != std::string::npos;
    if (!png && !svg)
        throw InputError(Message("logo file '" + path + "' is neither a PNG nor an SVG image"),
                         "logo");
    return bytes;
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
    p.origin_centroid = study.origins.rule == geodata::OriginRule::Centroid;
    p.boundary_included = true;  // build_report_data counts coverage with Boundary::Included
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
        for (const auto& [road_class, kmh] : roads.load.profile.speed_kmh)
            p.speeds_kmh.emplace_back(road_class, kmh);
        p.speed_field = roads.load.speed_field;
        p.access_speed_kmh = roads.query_options.access_speed_kmh;
        p.max_snap_m = roads.max_snap_m;
    }
    p.run_date = run_date();
    p.version = SITECOVER_VERSION;
    return p;
}

ReportOutcome run_report(ReportJob job, const WarningSink& warn) {
    check_report_job(job);
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
