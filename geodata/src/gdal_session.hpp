#pragma once
// GDAL process set-up and error capture (private to geodata).

#include <string>

namespace sitecover::geodata::detail {

/// Registers GDAL's drivers once and routes GDAL's error messages into a per-thread buffer
/// instead of stderr, so that our exceptions can carry them. Safe to call many times.
void ensure_gdal();

/// The last GDAL error message of this thread ("" when none), and clears it.
std::string take_gdal_error();

/// " (GDAL: <message>)" or "" — to append to an error message.
std::string gdal_reason();

}  // namespace sitecover::geodata::detail
