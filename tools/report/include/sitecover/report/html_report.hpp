#pragma once
// The report's one-page HTML summary: self-contained (styles, histogram and map inline), so it
// opens anywhere without a network.

#include <string>

#include "sitecover/report/report_model.hpp"

namespace sitecover::report {

/// The page. `map_png`: the map's PNG bytes, embedded as a data: URI (omitted when empty).
std::string html_report(const ReportModel& model, const std::string& map_png);

/// RFC 4648 base64 of `bytes`.
std::string base64(const std::string& bytes);

}  // namespace sitecover::report
