#pragma once
// Finding the shared geodata directory and the default input files in it.

#include <filesystem>
#include <string>

namespace sitecover::cli {

/// The data directory: `explicit_dir` when given, else $SITECOVER_DATA, else the first of
/// ./shared/geodata, ../shared/geodata, ../../shared/geodata (from the working directory) and
/// the directory configured at build time that exists. Throws InputError saying how to point
/// at the data (--data DIR or SITECOVER_DATA) when none is found, or when the explicit or
/// SITECOVER_DATA directory does not exist (no fallback then). Thread-safe when the
/// environment is not modified meanwhile.
std::filesystem::path find_data_dir(const std::string& explicit_dir = "");

/// Default inputs, relative to the data directory.
namespace defaults {
/// The 17 cantons of the Gers (IGN GEOFLA 2016).
inline constexpr const char* kAreas = "gers/cantons-32-geofla2016.geojson";
/// The 462 communes of the Gers (IGN ADMIN EXPRESS 2018).
inline constexpr const char* kCommunes = "gers/communes-32-adminexpress2018.geojson";
/// The France Services structures (ANCT, 1 August 2024).
inline constexpr const char* kSites = "france/france-services-2024-08-01.csv";
/// Legal populations of the communes of France (INSEE).
inline constexpr const char* kPopulation = "france/population-communes-2024.csv";
/// The main roads of France (Travel Mapping).
inline constexpr const char* kRoads = "france/roads-major-travelmapping-2026-08.geojson";
}  // namespace defaults

}  // namespace sitecover::cli
