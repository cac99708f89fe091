#include "report_job_binding.hpp"

#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "report_binding.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/speed_profile.hpp"
#include "sitecover/report/map_render.hpp"
#include "sitecover/report/report_job.hpp"
#include "sitecover/site_filter.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

// The keywords of sitecover.report(), read once each; an unknown keyword is a TypeError that
// names it (a misspelt keyword never passes silently).
class Keywords {
public:
    explicit Keywords(const py::kwargs& given) {
        for (const auto& [key, value] : given) {
            if (!value.is_none())
                values_.emplace_back(py::cast<std::string>(key),
                                     py::reinterpret_borrow<py::object>(value));
        }
    }
    std::optional<std::string> text(const char* key) { return get<std::string>(key); }
    void text(const char* key, std::string& into) {
        if (auto v = text(key)) into = *v;
    }
    void number(const char* key, double& into) {
        if (auto v = get<double>(key)) into = *v;
    }
    template <typename T>
    std::optional<T> get(const char* key) {
        for (auto& [name, value] : values_) {
            if (name != key) continue;
            used_.insert(name);
            try {
                return py::cast<T>(value);
            } catch (const py::cast_error&) {
                throw py::type_error(std::string(key) + ": " +
                                     py::str(py::type::of(value)).cast<std::string>() +
                                     " is not the expected type");
            }
        }
        return std::nullopt;
    }
    // Called last: every keyword given must have been read.
    void check_all_used() const {
        for (const auto& [name, value] : values_) {
            if (used_.count(name) == 0)
                throw py::type_error("report() got an unexpected keyword argument '" + name + "'");
        }
    }

private:
    std::vector<std::pair<std::string, py::object>> values_;
    std::set<std::string> used_;
};

// "a, b,c" -> {"a", "b", "c"}: the list syntax of the command line.
std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        std::string item = text.substr(start, end - start);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) items.push_back(item);
        start = end + 1;
    }
    return items;
}

// areas, sites and origins: the path and its companions (KEY_layer, KEY_where, KEY_crs).
void read_source(Keywords& k, const std::string& key, geodata::LayerSource& source) {
    k.text(key.c_str(), source.path);
    k.text((key + "_layer").c_str(), source.layer);
    k.text((key + "_where").c_str(), source.where);
    k.text((key + "_crs").c_str(), source.assumed_crs);
}

void read_sites(Keywords& k, report::SiteSetRequest& sites) {
    read_source(k, "sites", sites.source);
    geodata::SiteFields& f = sites.fields;
    k.text("site_id_field", f.id);
    k.text("site_name_field", f.name);
    k.text("site_lon_field", f.lon);
    k.text("site_lat_field", f.lat);
    k.text("site_type_field", f.kind);
    k.text("site_dep_field", f.department);
    k.text("site_date_field", f.labelled_on);
    if (auto types = k.get<py::object>("site_types")) {
        // "Principal,Antenne" as on the command line, or a list of types.
        if (py::isinstance<py::str>(*types)) {
            sites.filter.types = split_list(py::cast<std::string>(*types));
        } else {
            sites.filter.types = py::cast<std::vector<std::string>>(*types);
        }
        if (sites.filter.types.empty())
            throw ArgumentError("site_types: give at least one type, e.g. Principal,Antenne");
    }
    if (auto as_of = k.text("as_of")) {
        if (!is_iso_date(*as_of))
            throw ArgumentError("as_of: '" + *as_of + "' is not a date YYYY-MM-DD");
        sites.filter.as_of_iso = *as_of;
    }
}

void read_origins(Keywords& k, report::OriginRequest& origins) {
    read_source(k, "origins", origins.source);
    k.text("origin_code_field", origins.fields.code);
    k.text("origin_name_field", origins.fields.name);
    if (auto rule = k.text("origin")) {
        if (*rule != "point-on-surface" && *rule != "centroid")
            throw ArgumentError("origin: '" + *rule + "' is not 'point-on-surface' or 'centroid'");
        origins.rule = *rule == "centroid" ? geodata::OriginRule::Centroid
                                           : geodata::OriginRule::PointOnSurface;
    }
}

std::optional<report::RoadRequest> read_roads(Keywords& k) {
    report::RoadRequest roads;
    read_source(k, "roads", roads.source);
    k.text("class_field", roads.load.class_field);
    k.text("speed_field", roads.load.speed_field);
    k.text("profile", roads.profile_path);
    k.text("speeds", roads.speeds);
    const std::string by = k.text("by").value_or("time");
    if (by != "time" && by != "distance")
        throw ArgumentError("by: '" + by + "' is not 'time' or 'distance'");
    roads.query_options.metric = by == "time" ? RoadMetric::Time : RoadMetric::Distance;
    k.number("access_speed", roads.query_options.access_speed_kmh);
    k.number("max_snap_m", roads.max_snap_m);
    if (roads.source.path.empty()) return std::nullopt;
    if (!roads.profile_path.empty())
        geodata::apply_profile_file(roads.load.profile, roads.profile_path);
    if (!roads.speeds.empty()) geodata::apply_speeds(roads.load.profile, roads.speeds, "speeds");
    return roads;
}

void read_outputs(Keywords& k, report::ReportOutputs& outputs) {
    k.text("output", outputs.gpkg_path);
    k.text("map", outputs.map_path);
    k.text("html", outputs.html_path);
    if (auto overwrite = k.get<bool>("overwrite")) outputs.overwrite = *overwrite;
    k.text("t_srs", outputs.t_srs);
    if (auto w = k.get<int>("map_width")) outputs.map_width_px = *w;
    if (auto h = k.get<int>("map_height")) outputs.map_height_px = *h;
    if (auto page = k.text("page")) {
        outputs.render.page = report::parse_page(*page);
        if (!outputs.render.page)
            throw ArgumentError("page: '" + *page +
                                "' is not A4 or A3, optionally -landscape or -portrait");
    }
    report::default_report_outputs(outputs);
}

// The request of sitecover.report(**keywords), in the vocabulary of the CLI's flags.
report::ReportJob read_job(const py::kwargs& given) {
    Keywords k(given);
    report::ReportJob job;
    report::StudyRequest& study = job.study;
    k.text("data_dir", study.data_dir);
    read_source(k, "areas", study.areas.source);
    k.text("area_code_field", study.areas.fields.code);
    k.text("area_name_field", study.areas.fields.name);
    read_sites(k, study.sites);
    read_origins(k, study.origins);
    study.population = k.text("population");
    study.scenario = k.text("scenario");
    study.roads = read_roads(k);
    k.number("within_km", study.within_km);
    k.number("within_min", study.within_min);
    k.number("fragile_m", study.fragile_m);
    if (auto threads = k.get<unsigned>("threads")) study.threads = *threads;
    job.map.context = k.text("context");
    job.map.map_roads = k.text("map_roads");
    read_outputs(k, job.outputs);
    job.lang = report::lang_from_environment();
    if (auto lang = k.text("lang")) {
        const auto parsed = report::parse_lang(*lang);
        if (!parsed) throw ArgumentError("lang: '" + *lang + "' is not fr or en");
        job.lang = *parsed;
    }
    job.place = k.text("place");
    k.text("noun", job.noun);
    k.check_all_used();
    return job;
}

py::dict written_paths(const report::StagedReport& staged) {
    py::dict paths;
    paths["output"] = staged.gpkg ? py::cast(staged.gpkg->target()) : py::none();
    paths["map"] = staged.map ? py::cast(staged.map->target()) : py::none();
    paths["html"] = staged.html ? py::cast(staged.html->target()) : py::none();
    return paths;
}

// Runs the job; returns (ReportData, written paths, title, warnings).
py::tuple run(const py::kwargs& given) {
    const report::ReportJob job = read_job(given);
    std::vector<std::string> warnings;
    auto outcome = std::make_shared<report::ReportOutcome>([&] {
        const py::gil_scoped_release unlocked;
        return report::run_report(job, [&](const std::string& w) { warnings.push_back(w); });
    }());
    auto data = std::make_shared<Report>();
    data->areas = outcome->inputs.areas;
    data->sites = outcome->inputs.sites;
    data->data = outcome->model;
    data->keep_alive = outcome;  // the model points into the inputs (origin outlines, roads)
    return py::make_tuple(data, written_paths(outcome->staged), outcome->model.title(), warnings);
}

}  // namespace

void bind_report_job(py::module_& module) {
    module.def("_run_report", &run,
               "The report job (report::run_report), its request given as keywords: see "
               "sitecover.report().");
}

}  // namespace sitecover::python
