#pragma once
// The coverage job: which sites lie in which areas, with the margin of the best-placed site to
// the boundary. `sitecover coverage` and sitecover.coverage() in Python fill a CoverageJob and
// call run_coverage(), so that they give the same answer and write the same table.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "sitecover/coverage.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/report/study_inputs.hpp"
#include "sitecover/report/study_request.hpp"
#include "sitecover/report/table_output.hpp"

namespace sitecover::report {

/// An audit of the areas' coverage by the sites.
struct CoverageJob {
    StudyRequest study;                      ///< areas, sites and their filters, fragile_m
    Boundary boundary = Boundary::Included;  ///< boundary: do sites on a boundary count
    TableOutput output;                      ///< the table (one row per area); none: not written
};

/// What run_coverage read and found.
struct CoverageOutcome {
    std::string areas_path;
    std::shared_ptr<CoverageIndex> areas;
    LoadedSiteSet site_set;              ///< the sites kept by the filters (site_set.sites)
    std::vector<AreaCoverage> coverage;  ///< one per area, in area order
    std::size_t covered = 0;             ///< areas holding a site
    std::size_t sites_inside = 0;        ///< sites inside at least one area
    std::vector<std::size_t> fragile;    ///< covered areas whose margin is below fragile_m
    std::vector<std::string> warnings;   ///< from the table writer
};

/// The columns of the coverage table: area_code, area_name, site_count, site_ids (";"-joined,
/// by id), covered, margin_m.
std::vector<geodata::Column> coverage_columns();

/// Reads the areas and sites (defaults resolved), computes the coverage, writes the table when
/// one is named (complete or absent). Throws as load_study and the table writer do.
CoverageOutcome run_coverage(CoverageJob job, const WarningSink& warn = {});

}  // namespace sitecover::report
