#include "sitecover/geodata/output_format.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include "gdal_session.hpp"
#include "output_layer.hpp"
#include "output_srs.hpp"

namespace sitecover::geodata {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// The extensions a driver that can create vector files claims; empty for any other driver.
std::vector<std::string> extensions_of(GDALDriver& driver) {
    if (driver.GetMetadataItem(GDAL_DCAP_VECTOR) == nullptr ||
        driver.GetMetadataItem(GDAL_DCAP_CREATE) == nullptr) {
        return {};
    }
    const char* list = driver.GetMetadataItem(GDAL_DMD_EXTENSIONS);
    if (list == nullptr) list = driver.GetMetadataItem(GDAL_DMD_EXTENSION);
    std::vector<std::string> extensions;
    std::istringstream words(list == nullptr ? "" : list);
    for (std::string word; words >> word;) extensions.push_back(lower(word));
    return extensions;
}

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() &&
           text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::vector<std::string> drivers_for_path(const std::string& path) {
    if (path == "-") return {"CSV"};
    detail::ensure_gdal();
    const std::string name = lower(path);
    GDALDriverManager& manager = *GetGDALDriverManager();
    std::vector<std::string> vector_only, raster_too;
    for (int i = 0; i < manager.GetDriverCount(); ++i) {
        GDALDriver& driver = *manager.GetDriver(i);
        const auto extensions = extensions_of(driver);
        const bool claims =
            std::any_of(extensions.begin(), extensions.end(), [&](const std::string& e) {
                return name.size() > e.size() + 1 && ends_with(name, "." + e);
            });
        if (!claims) continue;
        const bool raster = driver.GetMetadataItem(GDAL_DCAP_RASTER) != nullptr;
        (raster ? raster_too : vector_only).push_back(driver.GetDescription());
    }
    std::vector<std::string> found = vector_only.empty() ? raster_too : vector_only;
    // GDAL has two KML writers; ogr2ogr takes LIBKML when it is there, and so do we.
    if (found.size() == 2 && std::find(found.begin(), found.end(), "LIBKML") != found.end() &&
        std::find(found.begin(), found.end(), "KML") != found.end()) {
        found = {"LIBKML"};
    }
    return found;
}

std::string driver_for_path(const std::string& path) {
    const std::vector<std::string> found = drivers_for_path(path);
    return found.size() == 1 ? found.front() : std::string();
}

std::vector<std::string> writable_extensions() {
    detail::ensure_gdal();
    GDALDriverManager& manager = *GetGDALDriverManager();
    std::set<std::string> all;
    for (int i = 0; i < manager.GetDriverCount(); ++i) {
        for (const std::string& e : extensions_of(*manager.GetDriver(i))) {
            if (!driver_for_path("x." + e).empty()) all.insert(e);
        }
    }
    return {all.begin(), all.end()};
}

std::optional<std::string> check_target_srs(const std::string& srs) {
    detail::ensure_gdal();
    try {
        detail::OutputSrs checked(srs);
    } catch (const std::exception& e) {
        return std::string(e.what());
    }
    return std::nullopt;
}

namespace detail {

bool writes_geometry(const std::string& driver, GeometryKind geometry, bool target_srs) {
    return geometry != GeometryKind::None && (driver != "CSV" || target_srs);
}

CPLStringList layer_creation_options(const std::string& driver, GeometryKind geometry,
                                     bool target_srs) {
    CPLStringList options;
    // RFC 7946 makes GDAL write WGS84 whatever the layer's CRS: only without a target CRS.
    if (driver == "GeoJSON" && !target_srs) options.SetNameValue("RFC7946", "YES");
    // UTF-8 with a .cpg that says so: GDAL's default (ISO-8859-1, no .cpg) turned the "œ" of
    // Escornebœuf into "?".
    if (driver == "ESRI Shapefile") options.SetNameValue("ENCODING", "UTF-8");
    if (driver == "CSV") {
        options.SetNameValue("LINEFORMAT", "LF");
        options.SetNameValue("STRING_QUOTING", "IF_NEEDED");
        if (writes_geometry(driver, geometry, target_srs)) {
            options.SetNameValue("GEOMETRY", geometry == GeometryKind::Point ? "AS_XY" : "AS_WKT");
        }
    }
    return options;
}

std::string temporary_suffix(GDALDriver& driver, const std::string& target_name) {
    const std::string name = lower(target_name);
    for (const std::string& e : extensions_of(driver)) {
        if (name.size() > e.size() + 1 && ends_with(name, "." + e)) return "";
    }
    const char* extension = driver.GetMetadataItem(GDAL_DMD_EXTENSION);
    std::string suffix;
    if (extension != nullptr && *extension != '\0') suffix.append(".").append(extension);
    return suffix;
}

bool has_integer64(GDALDriver& driver) {
    const char* types = driver.GetMetadataItem(GDAL_DMD_CREATIONFIELDDATATYPES);
    if (types == nullptr) return true;
    std::istringstream words(types);
    for (std::string word; words >> word;) {
        if (word == "Integer64") return true;
    }
    return false;
}

std::vector<std::string> renamed_fields(OGRLayer& layer, const std::vector<Column>& columns) {
    std::vector<std::string> renamed;
    OGRFeatureDefn& defn = *layer.GetLayerDefn();
    for (std::size_t i = 0; i < columns.size() && static_cast<int>(i) < defn.GetFieldCount(); ++i) {
        const std::string stored = defn.GetFieldDefn(static_cast<int>(i))->GetNameRef();
        if (stored != columns[i].name) renamed.push_back(columns[i].name + " -> " + stored);
    }
    return renamed;
}

}  // namespace detail
}  // namespace sitecover::geodata
