#include "jobs_binding.hpp"

#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

#include "coverage_binding.hpp"
#include "errors.hpp"
#include "request_keywords.hpp"
#include "scenario_binding.hpp"
#include "sitecover/error.hpp"
#include "sitecover/report/coverage_job.hpp"
#include "sitecover/report/nearest_job.hpp"
#include "sitecover/report/plan_job.hpp"
#include "suggestion_binding.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

// output, format, t_srs, overwrite: the table a job writes (none when output is not given).
report::TableOutput read_table_output(Keywords& k) {
    report::TableOutput output;
    k.text("output", output.path);
    k.text("format", output.format);
    k.text("t_srs", output.t_srs);
    if (auto overwrite = k.get<bool>("overwrite")) output.overwrite = *overwrite;
    return output;
}

// sitecover.coverage(**keywords): the coverage job (report::run_coverage). Returns (records,
// summary); warnings come as DataWarning.
py::tuple run_coverage(const py::kwargs& given) {
    Keywords k(given, "coverage");
    report::CoverageJob job;
    read_study(k, job.study);
    const std::string boundary = k.text("boundary").value_or("included");
    if (boundary != "included" && boundary != "excluded")
        throw keyword_error("boundary", ": '" + boundary + "' is not 'included' or 'excluded'");
    job.boundary = boundary == "included" ? Boundary::Included : Boundary::Excluded;
    job.output = read_table_output(k);
    k.check_all_used();
    std::vector<Message> warnings;
    report::CoverageOutcome out;
    {
        const py::gil_scoped_release unlocked;
        out = report::run_coverage(job, [&](const Message& w) { warnings.push_back(w); });
    }
    warnings.insert(warnings.end(), out.warnings.begin(), out.warnings.end());
    for (const Message& w : warnings) warn(w);
    py::list records;
    for (const AreaCoverage& c : out.coverage) {
        records.append(
            coverage_record(out.areas->areas()[c.area], out.site_set.sites, c.sites, c.margin_m));
    }
    py::dict summary;
    summary["areas"] = out.coverage.size();
    summary["covered"] = out.covered;
    summary["sites_read"] = out.site_set.read;
    summary["sites_kept"] = out.site_set.sites.size();
    summary["sites_inside"] = out.sites_inside;
    summary["undated"] = out.site_set.undated;
    py::list fragile;
    for (const std::size_t a : out.fragile) fragile.append(out.areas->areas()[a].code);
    summary["fragile"] = fragile;
    summary["areas_path"] = out.areas_path;
    summary["sites_path"] = out.site_set.path;
    return py::make_tuple(records, summary);
}

py::object value_object(const geodata::Value& v) {
    return std::visit(
        [](const auto& x) -> py::object {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return py::none();
            } else {
                return py::cast(x);
            }
        },
        v);
}

py::dict nearest_summary(const report::NearestOutcome& out) {
    const report::NearestFigures& f = *out.figures;
    py::dict s;
    s["origins"] = f.origins();
    s["with_site"] = f.with_site();
    s["without_site"] = f.without_site();
    s["skipped"] = f.bad();
    s["within_m"] = f.within_m();
    s["within"] = f.within();
    s["max_m"] = f.with_site() ? py::cast(f.max_m()) : py::none();
    s["mean_m"] = f.with_site() ? py::cast(f.mean_m()) : py::none();
    s["median_m"] = f.with_site() ? py::cast(f.median_m()) : py::none();
    s["sites_searched"] = out.sites->sites().size();
    s["origins_path"] = out.origins_path;
    s["sites_path"] = out.site_set.path;
    if (!out.road_figures) return s;
    const report::RoadFigures& r = *out.road_figures;
    s["reached"] = r.reached();
    s["within_s"] = r.within_s();
    s["within_time"] = r.within_time();
    s["within_road_distance"] = r.within_distance();
    s["max_time_s"] = r.reached() ? py::cast(r.max_time_s()) : py::none();
    s["mean_time_s"] = r.reached() ? py::cast(r.mean_time_s()) : py::none();
    s["median_time_s"] = r.reached() ? py::cast(r.median_time_s()) : py::none();
    s["differs_from_crow_fly"] = r.differs();
    if (const auto population = r.population_within_time()) {
        s["population"] = population->first;
        s["population_within_time"] = population->second;
    }
    return s;
}

// sitecover.nearest(**keywords): the nearest job (report::run_nearest). Returns (columns, rows,
// summary); warnings come as DataWarning.
py::tuple run_nearest(const py::kwargs& given) {
    Keywords k(given, "nearest");
    report::NearestJob job;
    read_study(k, job.study);
    report::NearestOrigins& origins = job.origins;
    origins.layer = job.study.origins;
    if (auto code = k.text("origin_code_field")) origins.csv.id_column = *code;
    origins.csv.name_column = job.study.origins.fields.name;
    k.text("lon_field", origins.layer.fields.lon);
    k.text("lat_field", origins.layer.fields.lat);
    origins.csv.lon_column = origins.layer.fields.lon;
    origins.csv.lat_column = origins.layer.fields.lat;
    if (auto skip = k.get<bool>("skip_bad")) origins.csv.skip_bad = *skip;
    if (auto points = k.text("origin_points")) {
        origins.use_points = true;
        origins.points_path = *points;
    }
    k.text("origin_points_code_field", origins.points_fields.code);
    const auto& source = origins.layer.source;
    origins.gdal_only = !source.layer.empty() || !source.where.empty() ||
                        !source.assumed_crs.empty() || origins.use_points;
    if (auto count = k.get<long long>("k")) {
        if (*count < 1 || *count > 1000) throw keyword_error("k", ": must be between 1 and 1000");
        job.k = static_cast<std::size_t>(*count);
        job.ranked = true;
    }
    k.distance("max_km", job.max_km);
    if (auto rule = k.text("group_by")) {
        job.group_by = report::GroupRule::parse(*rule);
        if (!job.group_by)
            throw keyword_error("group_by", ": '" + *rule + "' is not 'dep' or 'prefix:N'");
    }
    if (auto karney = k.get<bool>("karney")) job.karney = *karney;
    job.output = read_table_output(k);
    k.check_all_used();
    std::vector<Message> warnings;
    std::vector<geodata::Row> rows;
    std::optional<report::NearestOutcome> out;
    {
        const py::gil_scoped_release unlocked;
        report::NearestHooks hooks;
        hooks.warn = [&](const Message& w) { warnings.push_back(w); };
        hooks.row = [&](const geodata::Row& row) { rows.push_back(row); };
        out.emplace(report::run_nearest(job, hooks));
    }
    py::list columns;
    for (const geodata::Column& c : report::nearest_columns(job)) columns.append(c.name);
    py::list records;
    for (const geodata::Row& row : rows) {
        py::list values;
        for (const geodata::Value& v : row.values) values.append(value_object(v));
        records.append(values);
    }
    for (const Message& w : warnings) warn(w);
    return py::make_tuple(columns, records, nearest_summary(*out));
}

// A keyword that is one text or a list of texts ("1271" or ["1271", "249"]).
std::vector<std::string> texts(Keywords& k, const char* key) {
    const auto given = k.get<py::object>(key);
    if (!given) return {};
    if (py::isinstance<py::str>(*given)) return {py::cast<std::string>(*given)};
    return py::cast<std::vector<std::string>>(*given);
}

// add: (name, lon, lat) tuples, or "NAME@LON,LAT" texts as on the command line.
std::vector<Site> added_sites(Keywords& k) {
    std::vector<Site> sites;
    const auto given = k.get<py::object>("add");
    if (!given) return sites;
    const py::object items =
        py::isinstance<py::str>(*given) ? py::object(py::make_tuple(*given)) : *given;
    for (const py::handle item : items) {
        Site site;
        if (py::isinstance<py::str>(item)) {
            const auto text = py::cast<std::string>(item);
            const auto at = text.rfind('@');
            const auto comma = text.find(',', at == std::string::npos ? 0 : at);
            if (at == std::string::npos || comma == std::string::npos)
                throw keyword_error("add", ": '" + text + "' is not NAME@LON,LAT");
            site.name = text.substr(0, at);
            try {
                site.position = {std::stod(text.substr(at + 1, comma - at - 1)),
                                 std::stod(text.substr(comma + 1))};
            } catch (const std::exception&) {
                throw keyword_error("add", ": '" + text + "' is not NAME@LON,LAT");
            }
        } else {
            const auto [name, lon, lat] = py::cast<std::tuple<std::string, double, double>>(item);
            site.name = name;
            site.position = {lon, lat};
        }
        if (!is_valid(site.position))
            throw keyword_error("add", ": " + to_string(site.position) + " is out of range");
        sites.push_back(site);
    }
    return sites;
}

Objective objective_of(Keywords& k) {
    const std::string text = k.text("objective").value_or("p-median");
    if (text == "p-median") return Objective::PMedian;
    if (text == "p-center") return Objective::PCenter;
    if (text == "max-coverage") return Objective::MaxCoverage;
    if (text == "cover") return Objective::Cover;
    throw keyword_error("objective",
                        ": '" + text + "' is not p-center, p-median, max-coverage or cover");
}

report::PlanJob read_plan_job(Keywords& k) {
    report::PlanJob job;
    read_study(k, job.study);
    job.remove = texts(k, "remove");
    job.add = added_sites(k);
    job.add_commune = texts(k, "add_commune");
    if (auto suggest = k.get<long long>("suggest")) {
        if (*suggest < 0 || *suggest > 1000)
            throw keyword_error("suggest", ": must be between 0 and 1000");
        job.suggest = static_cast<std::size_t>(*suggest);
    }
    job.objective = objective_of(k);
    job.candidates = k.text("candidates");
    k.text("candidates_code_field", job.candidate_fields.code);
    k.text("candidates_name_field", job.candidate_fields.name);
    if (auto limit = k.get<std::uint64_t>("exhaustive_limit")) job.exhaustive_limit = *limit;
    if (auto cover = k.get<bool>("cover_areas")) job.cover_areas = *cover;
    k.distance("time_limit", job.time_limit_s);
    job.output = read_table_output(k);
    k.text("sites_output", job.sites_output.path);
    job.sites_output.t_srs = job.output.t_srs;
    job.sites_output.overwrite = job.output.overwrite;
    job.sites_output.lang = job.output.lang;
    if (job.remove.empty() && job.add.empty() && job.add_commune.empty() && job.suggest == 0 &&
        job.objective != Objective::Cover)
        throw keyword_error("suggest",
                            ": nothing to plan: give add, add_commune, remove or suggest");
    return job;
}

// sitecover.plan(**keywords): the plan job (report::run_plan). Returns a dict: changes (records),
// before / after (figures), origins (columns, rows), suggestion (dict or None), weighted.
py::dict run_plan(const py::kwargs& given) {
    Keywords k(given, "plan");
    const report::PlanJob job = read_plan_job(k);
    k.check_all_used();
    std::vector<Message> warnings;
    std::optional<report::PlanOutcome> out;
    {
        const py::gil_scoped_release unlocked;
        out.emplace(report::run_plan(job, [&](const Message& w) { warnings.push_back(w); }));
    }
    for (const Message& w : warnings) warn(w);
    const report::PlanInputs& in = out->inputs;
    const report::PlanRun& run = out->run;
    py::dict result;
    result["changes"] = change_records(run.changes);
    result["before"] = figures_dict(run.figures_before, *in.areas);
    result["after"] = figures_dict(run.figures_after, *in.areas);
    py::list columns;
    for (const geodata::Column& c : report::plan_origin_columns(in.roads != nullptr))
        columns.append(c.name);
    py::list rows;
    for (std::size_t i = 0; i < in.codes.size(); ++i) {
        py::list values;
        for (const geodata::Value& v : report::plan_origin_row(in, run, i).values)
            values.append(value_object(v));
        rows.append(values);
    }
    result["origins"] = py::make_tuple(columns, rows);
    result["suggestion"] =
        run.suggestion ? py::object(suggestion_dict(*run.suggestion)) : py::none();
    result["weighted"] = in.weighted;
    return result;
}

}  // namespace

void bind_jobs(py::module_& module) {
    module.def("_run_plan", &run_plan,
               "The plan job (report::run_plan), its request given as keywords: see "
               "sitecover.plan().");
    module.def("_run_nearest", &run_nearest,
               "The nearest job (report::run_nearest), its request given as keywords: see "
               "sitecover.nearest().");
    module.def("_run_coverage", &run_coverage,
               "The coverage job (report::run_coverage), its request given as keywords: see "
               "sitecover.coverage().");
}

}  // namespace sitecover::python
