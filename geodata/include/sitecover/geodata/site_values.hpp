#pragma once
/// @file
/// A numeric attribute of a site layer, by site id: the capacity (supply) of each site for the
/// floating catchment figures.

#include <string>
#include <unordered_map>

#include "sitecover/geodata/layer_source.hpp"

namespace sitecover::geodata {

/// The value of `value_field` for every (filtered) feature of a site layer, keyed by the text
/// of `id_field` (the site id, as load_sites reads it). Throws InputError naming file, layer,
/// feature and field for a missing file or field (the message names `request_field`, e.g.
/// "capacity_field", when given), and for a value that is empty, not a number, not finite or
/// negative. O(features).
/// Thread-safety: may be called concurrently (each call opens its own GDAL dataset).
std::unordered_map<std::string, double> load_site_numbers(const LayerSource& source,
                                                          const std::string& id_field,
                                                          const std::string& value_field,
                                                          const std::string& request_field = "");

}  // namespace sitecover::geodata
