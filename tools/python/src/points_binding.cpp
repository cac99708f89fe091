#include "points_binding.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "request_keywords.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/point_loader.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

geodata::OriginRule origin_rule(const std::string& text) {
    if (text == "point-on-surface") return geodata::OriginRule::PointOnSurface;
    if (text == "centroid") return geodata::OriginRule::Centroid;
    throw ArgumentError(
        Message().field("rule").text(": '" + text + "' is not 'point-on-surface' or 'centroid'"));
}

// (codes, names, lon, lat): polygons become one point each by `rule`, as `sitecover nearest`.
py::tuple load_points(const std::string& path, const std::string& layer, const std::string& where,
                      const std::string& crs, const std::string& code_field,
                      const std::string& name_field, const std::string& lon_field,
                      const std::string& lat_field, const std::string& rule) {
    no_nul({{"path", &path}, {"layer", &layer}, {"where", &where}, {"crs", &crs}});
    const geodata::OriginRule how = origin_rule(rule);
    std::vector<geodata::Origin> origins;
    std::vector<std::string> warnings;
    {
        const py::gil_scoped_release unlocked;
        origins =
            geodata::load_origins({path, layer, where, crs},
                                  {code_field, name_field, lon_field, lat_field}, how, &warnings);
    }
    for (const std::string& warning : warnings) PyErr_WarnEx(PyExc_UserWarning, warning.c_str(), 1);
    std::vector<std::string> codes, names;
    py::array_t<double> lon(static_cast<py::ssize_t>(origins.size()));
    py::array_t<double> lat(static_cast<py::ssize_t>(origins.size()));
    auto lon_out = lon.mutable_unchecked<1>();
    auto lat_out = lat.mutable_unchecked<1>();
    for (std::size_t i = 0; i < origins.size(); ++i) {
        codes.push_back(origins[i].code);
        names.push_back(origins[i].name);
        lon_out(i) = origins[i].position.lon_deg;
        lat_out(i) = origins[i].position.lat_deg;
    }
    return py::make_tuple(codes, names, lon, lat);
}

}  // namespace

void bind_points(py::module_& module) {
    module.def("load_points", &load_points, py::arg("path"), py::arg("layer") = "",
               py::arg("where") = "", py::arg("crs") = "", py::arg("code_field") = "code",
               py::arg("name_field") = "nom", py::arg("lon_field") = "lon",
               py::arg("lat_field") = "lat", py::arg("rule") = "point-on-surface",
               "Points of any GDAL vector layer as (codes, names, lon, lat): a polygon gives "
               "one point inside it ('point-on-surface', as `sitecover nearest`) or its "
               "'centroid'; a CSV without geometry is read from its lon/lat columns. "
               "OSError (sitecover.InputError) naming the file, layer, feature and field on "
               "bad data.");
}

}  // namespace sitecover::python
