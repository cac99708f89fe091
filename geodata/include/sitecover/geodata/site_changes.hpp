#pragma once
/// @file
/// Reading back a plan's site table (the `--sites-output` of `sitecover plan`: site_id,
/// site_name, change, lon, lat) as a list of changes to apply with apply_site_changes.

#include <string>
#include <vector>

#include "sitecover/scenario.hpp"

namespace sitecover::geodata {

/// The rows of a plan's site table, in file order, with GDAL (any vector format it reads).
/// Throws InputError naming the file, row and field for an unreadable file, a missing field or
/// coordinate, or a `change` that is not added, suggested or removed. The sites' kind is the
/// change ("added"...), so that maps mark them.
/// Thread-safety: may be called concurrently.
std::vector<SiteChange> load_site_changes(const std::string& path);

}  // namespace sitecover::geodata
