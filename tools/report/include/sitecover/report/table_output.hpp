#pragma once
// A table a job writes (coverage, nearest, plan): any GDAL vector format, complete or absent.

#include <string>

#include "sitecover/geodata/table_writer.hpp"
#include "sitecover/report/report_lang.hpp"

namespace sitecover::report {

/// Where and how a job writes its table.
struct TableOutput {
    std::string path;        ///< output: a file, "-" for CSV on standard output, "" for none
    std::string format;      ///< format: a GDAL driver name ("" : from the extension)
    std::string t_srs;       ///< t_srs: CRS of the geometries ("" : WGS84 lon/lat)
    bool overwrite = false;  ///< overwrite: replace an existing file (never an input)
    Lang lang = Lang::En;    ///< lang: the language of a GeoPackage layer's QGIS style
    bool written() const { return !path.empty(); }
};

/// The table writer's options for `output`, a layer named `layer` of `geometry`.
geodata::TableOptions table_options(const TableOutput& output, const std::string& layer,
                                    geodata::GeometryKind geometry);

}  // namespace sitecover::report
