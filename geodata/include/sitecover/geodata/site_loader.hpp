#pragma once
/// @file
/// Loading service sites from a point layer or a table with longitude / latitude columns.

#include <string>
#include <vector>

#include "sitecover/geodata/layer_source.hpp"
#include "sitecover/site.hpp"

namespace sitecover::geodata {

/// Attribute names of a site layer; the defaults fit the ANCT France Services list.
/// `kind`, `department` and `labelled_on` may be absent from the layer (left empty, with a
/// warning); `id` and, for layers without geometry, `lon` / `lat` are required.
struct SiteFields {
    std::string id = "id_fs";              ///< unique site id (required)
    std::string name = "lib_fs";           ///< site name
    std::string lon = "longitude";         ///< used when the layer has no point geometry (CSV)
    std::string lat = "latitude";          ///< used when the layer has no point geometry (CSV)
    std::string kind = "type_fs";          ///< optional: "Principal", "Antenne"...
    std::string department = "insee_dep";  ///< optional: department code
    std::string labelled_on = "labellisation_fs";  ///< "Espace labellisé DD/MM/YYYY" or ISO date
};

/// Sites and the warnings met while loading them (missing optional fields...).
struct LoadedSites {
    std::vector<Site> sites;            ///< in file order
    std::vector<std::string> warnings;  ///< human-readable, one per problem
};

/// Reads the (filtered) features of a point layer or of a table with lon/lat columns.
/// Throws InputError naming file, layer, feature and field for a missing file or field, a
/// non-numeric or out-of-range coordinate, a non-point geometry, an empty id or a duplicate id.
/// O(features).
/// Thread-safety: may be called concurrently (each call opens its own GDAL dataset).
LoadedSites load_sites(const LayerSource& source, const SiteFields& fields = {});

/// Parses the labelling date of a site: "Espace labellisé 01/09/2020", "01/09/2020" or
/// "2020-09-01" give "2020-09-01"; anything else, an impossible date such as 31/02/2020
/// included, gives "" (load_sites warns of such dates: the site counts as undated). Thread-safe;
/// does not throw except std::bad_alloc.
std::string parse_labelling_date(const std::string& text);

}  // namespace sitecover::geodata
