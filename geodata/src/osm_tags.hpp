#pragma once
// OpenStreetMap tag rules for driving (private to geodata).

#include <map>
#include <string>

namespace sitecover::geodata::detail {

/// Parses GDAL's `other_tags` HSTORE text: "key"=>"value","key2"=>"value2" (backslash escapes).
std::map<std::string, std::string> parse_hstore(const std::string& text);

/// True for highway values a car may use (see load_roads).
bool is_drivable_highway(const std::string& highway);

/// Direction allowed on a way: +1 along its vertices, -1 against them, 0 both ways.
int osm_oneway(const std::string& highway, const std::map<std::string, std::string>& tags);

/// True when access or motor_vehicle forbids cars (no / private).
bool osm_forbids_cars(const std::map<std::string, std::string>& tags);

}  // namespace sitecover::geodata::detail
