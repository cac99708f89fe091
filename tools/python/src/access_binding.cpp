#include "access_binding.hpp"

#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "request_keywords.hpp"
#include "sitecover/report/access_job.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

// output / sites_output with format, t_srs, overwrite shared by both tables.
void read_outputs(Keywords& k, report::AccessJob& job) {
    k.text("output", job.output.path);
    k.text("format", job.output.format);
    k.text("t_srs", job.output.t_srs);
    if (auto overwrite = k.get<bool>("overwrite")) job.output.overwrite = *overwrite;
    if (auto sites = k.text("sites_output")) {
        job.sites_output = job.output;
        job.sites_output.path = *sites;
        job.sites_output.format.clear();  // from its own extension
    }
}

py::object optional_number(const std::optional<double>& value) {
    return value ? py::cast(*value) : py::none();
}

py::dict equity_dict(const report::AccessEquity& e) {
    py::dict d;
    d["origins"] = e.origins;
    d["population"] = e.population;
    d["without_site"] = e.without_site;
    d["population_without_site"] = e.population_without_site;
    d["mean_index"] = e.mean_index;
    d["gini"] = optional_number(e.gini);
    d["palma"] = optional_number(e.palma);
    d["share_within_20_min"] = optional_number(e.share_within_20_min);
    d["share_within_30_min"] = optional_number(e.share_within_30_min);
    return d;
}

py::dict access_summary(const report::AccessOutcome& out) {
    py::dict s = equity_dict(out.equity);
    s["catchment"] = out.catchment;
    s["unit"] = out.unit;
    s["by_road"] = out.by_road;
    s["sites_read"] = out.site_set.read;
    s["sites_kept"] = out.site_set.sites.size();
    s["sites_path"] = out.site_set.path;
    s["origins_path"] = out.origins_path;
    s["population_path"] = out.population_path;
    s["roads_path"] = out.roads_path;
    s["without_population"] = out.without_population;
    py::dict groups;
    for (const auto& [group, e] : out.groups) groups[py::str(group)] = equity_dict(e);
    s["groups"] = groups;
    return s;
}

py::list origin_rows(const report::AccessOutcome& out) {
    py::list rows;
    for (std::size_t i = 0; i < out.origins.size(); ++i) {
        const geodata::Origin& o = out.origins[i];
        rows.append(
            py::make_tuple(o.code, o.name, o.position.lon_deg, o.position.lat_deg,
                           out.population_known[i] ? py::cast(out.population[i]) : py::none(),
                           out.result.access[i] * kAccessIndexScale, out.result.sites_reached[i]));
    }
    return rows;
}

py::list site_rows(const report::AccessOutcome& out) {
    py::list rows;
    const std::vector<Site>& sites = out.site_set.sites;
    for (std::size_t j = 0; j < sites.size(); ++j) {
        rows.append(py::make_tuple(sites[j].id, sites[j].name, out.capacity[j],
                                   out.result.site_demand[j], out.result.ratio[j]));
    }
    return rows;
}

py::list column_names(const std::vector<geodata::Column>& columns) {
    py::list names;
    for (const geodata::Column& c : columns) names.append(c.name);
    return names;
}

// sitecover.access(**keywords): the accessibility job (report::run_access). Returns (columns,
// rows, site columns, site rows, summary); warnings come as DataWarning.
py::tuple run_access(const py::kwargs& given) {
    Keywords k(given, "access");
    report::AccessJob job;
    read_study(k, job.study);
    job.catchment_km = k.get<double>("catchment_km");
    job.catchment_min = k.get<double>("catchment_min");
    k.text("decay", job.decay);
    k.text("capacity_field", job.capacity_field);
    if (auto rule = k.text("group_by")) {
        job.group_by = report::GroupRule::parse(*rule);
        if (!job.group_by)
            throw keyword_error("group_by", ": '" + *rule + "' is not 'dep' or 'prefix:N'");
    }
    read_outputs(k, job);
    k.check_all_used();
    std::vector<Message> warnings;
    std::optional<report::AccessOutcome> out;
    {
        const py::gil_scoped_release unlocked;
        out.emplace(report::run_access(job, [&](const Message& w) { warnings.push_back(w); }));
    }
    warnings.insert(warnings.end(), out->warnings.begin(), out->warnings.end());
    for (const Message& w : warnings) warn(w);
    return py::make_tuple(column_names(report::access_columns()), origin_rows(*out),
                          column_names(report::access_site_columns()), site_rows(*out),
                          access_summary(*out));
}

}  // namespace

void bind_access(py::module_& module) {
    module.def("_run_access", &run_access,
               "The accessibility job (report::run_access), its request given as keywords: see "
               "sitecover.access().");
}

}  // namespace sitecover::python
