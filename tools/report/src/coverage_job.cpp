#include "sitecover/report/coverage_job.hpp"

#include <utility>

#include "sitecover/report/layer_style.hpp"

namespace sitecover::report {
namespace {

void write_coverage_table(const TableOutput& output, const StudyRequest& study,
                          const CoverageOutcome& out, std::vector<std::string>& warnings) {
    geodata::TableOptions table =
        table_options(output, "coverage", geodata::GeometryKind::MultiPolygon);
    table.inputs = study_input_files(study);  // never over an input (a shapefile's .dbf too)
    geodata::TableWriter writer(table, coverage_columns());
    style_table(writer, LayerKind::Coverage, output.lang, geodata::GeometryKind::MultiPolygon);
    const std::vector<Site>& sites = out.site_set.sites;
    for (const AreaCoverage& cov : out.coverage) {
        const Area& area = out.areas->areas()[cov.area];
        std::string ids;
        for (const std::size_t s : cov.sites) ids += (ids.empty() ? "" : ";") + sites[s].id;
        geodata::Row row;
        row.values = {area.code,
                      area.name,
                      static_cast<std::int64_t>(cov.sites.size()),
                      ids,
                      cov.covered(),
                      cov.margin_m ? geodata::Value(*cov.margin_m) : geodata::Value()};
        row.area = &area;
        writer.add_row(row);
    }
    writer.commit();
    warnings = writer.warnings();
}

}  // namespace

geodata::TableOptions table_options(const TableOutput& output, const std::string& layer,
                                    geodata::GeometryKind geometry) {
    geodata::TableOptions table{output.path, output.format, layer, output.overwrite, geometry};
    table.target_srs = output.t_srs;
    return table;
}

std::vector<geodata::Column> coverage_columns() {
    return {{"area_code", geodata::FieldType::String},   {"area_name", geodata::FieldType::String},
            {"site_count", geodata::FieldType::Integer}, {"site_ids", geodata::FieldType::String},
            {"covered", geodata::FieldType::Boolean},    {"margin_m", geodata::FieldType::Real, 1}};
}

CoverageOutcome run_coverage(CoverageJob job, const WarningSink& warn) {
    resolve_defaults(job.study, "", {.areas = true, .sites = true});
    CoverageOutcome out;
    out.areas_path = job.study.areas.source.path;
    out.areas = std::make_shared<CoverageIndex>(load_area_set(job.study.areas));
    out.site_set = load_site_set(job.study.sites, warn);
    if (out.site_set.sites.empty() && warn) {
        // Not an error (a coverage of nothing is an answer), but never a silent one.
        const std::string where = "no site to count in " + out.site_set.path;
        if (out.site_set.read == 0) {
            warn(where + ": every area is uncovered");
        } else {
            warn(Message(where + " (" + std::to_string(out.site_set.read) + " read, none kept by ")
                     .field("site_types")
                     .text(" and ")
                     .field("as_of")
                     .text("): every area is uncovered"));
        }
    }
    out.coverage = compute_coverage(*out.areas, out.site_set.sites, job.boundary);
    std::vector<char> inside(out.site_set.sites.size(), 0);
    for (const AreaCoverage& cov : out.coverage) {
        for (const std::size_t s : cov.sites) inside[s] = 1;
        if (!cov.covered()) continue;
        ++out.covered;
        if (*cov.margin_m < job.study.fragile_m) out.fragile.push_back(cov.area);
    }
    for (const char flag : inside) out.sites_inside += flag;
    if (job.output.written()) write_coverage_table(job.output, job.study, out, out.warnings);
    return out;
}

}  // namespace sitecover::report
