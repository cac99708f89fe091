#pragma once
// Finding the shared geodata directory and the default input files in it.

#include <filesystem>
#include <string>

namespace sitecover::geodata {

/// The data directory: `explicit_dir` when given, else $SITECOVER_DATA, else the first of
/// ./shared/geodata, ../shared/geodata, ../../shared/geodata (from the working directory) and
/// the directory configured at build time that exists. Throws InputError saying how to point
/// at the data (--data DIR or SITECOVER_DATA) when none is found.
std::filesystem::path find_data_dir(const std::string& explicit_dir = "");

/// Default inputs, relative to the data directory.
namespace defaults {
inline constexpr const char* kAreas = "gers/cantons-32-geofla2016.geojson";
inline constexpr const char* kCommunes = "gers/communes-32-adminexpress2018.geojson";
inline constexpr const char* kSites = "france/france-services-2024-08-01.csv";
inline constexpr const char* kPopulation = "france/population-communes-2024.csv";
inline constexpr const char* kRoads = "france/roads-major-travelmapping-2026-08.geojson";
}  // namespace defaults

}  // namespace sitecover::geodata
