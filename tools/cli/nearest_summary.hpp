#pragma once
// The crow-fly summary lines of `sitecover nearest`, from the library's figures.

#include <ostream>

#include "sitecover/report/nearest_figures.hpp"

namespace sitecover::cli {

/// Prints the figures; `max_km_given`: --max-km was given (origins without a site then say so).
void print_nearest_summary(std::ostream& out, const report::NearestFigures& figures,
                           bool max_km_given);

}  // namespace sitecover::cli
