#include "jobs_binding.hpp"

#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "coverage_binding.hpp"
#include "request_keywords.hpp"
#include "sitecover/error.hpp"
#include "sitecover/report/coverage_job.hpp"

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
// summary, warnings).
py::tuple run_coverage(const py::kwargs& given) {
    Keywords k(given, "coverage");
    report::CoverageJob job;
    read_study(k, job.study);
    const std::string boundary = k.text("boundary").value_or("included");
    if (boundary != "included" && boundary != "excluded")
        throw ArgumentError("boundary: '" + boundary + "' is not 'included' or 'excluded'");
    job.boundary = boundary == "included" ? Boundary::Included : Boundary::Excluded;
    job.output = read_table_output(k);
    k.check_all_used();
    std::vector<std::string> warnings;
    report::CoverageOutcome out;
    {
        const py::gil_scoped_release unlocked;
        out = report::run_coverage(job, [&](const std::string& w) { warnings.push_back(w); });
    }
    warnings.insert(warnings.end(), out.warnings.begin(), out.warnings.end());
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
    return py::make_tuple(records, summary, warnings);
}

}  // namespace

void bind_jobs(py::module_& module) {
    module.def("_run_coverage", &run_coverage,
               "The coverage job (report::run_coverage), its request given as keywords: see "
               "sitecover.coverage().");
}

}  // namespace sitecover::python
