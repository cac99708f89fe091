#pragma once
// Finding the shared geodata directory and the default input files in it.

#include <filesystem>
#include <string>

namespace sitecover::report {

/// How to point at the data, in the request's words (StudyRequest::data_dir and the input
/// fields); the CLI says it with its flags.
inline constexpr const char* kDataDirHint =
    ": point at the geodata directory with data_dir or the SITECOVER_DATA variable, or name "
    "each input file (areas, sites, origins)";

/// The data directory: `explicit_dir` when given, else $SITECOVER_DATA, else the first of
/// ./shared/geodata, ../shared/geodata, ../../shared/geodata (from the working directory) and
/// the directory configured at build time that exists. Throws InputError, ending with `hint`
/// (how to point at the data, in the words of the caller's door), when none is found, or when
/// the explicit or SITECOVER_DATA directory does not exist (no fallback then). Thread-safe when
/// the environment is not modified meanwhile.
std::filesystem::path find_data_dir(const std::string& explicit_dir = "",
                                    const std::string& hint = kDataDirHint);

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
/// All cantons of France (IGN GEOFLA 2016): dissolved by the first two characters of their
/// code, the départements drawn around a study (2A / 2B for Corsica).
inline constexpr const char* kNationalCantons = "france/cantons-geofla2016.geojson";
/// The main roads of France (Travel Mapping).
inline constexpr const char* kRoads = "france/roads-major-travelmapping-2026-08.geojson";
}  // namespace defaults

}  // namespace sitecover::report
