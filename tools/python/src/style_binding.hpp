#pragma once
// sitecover.layer_style and sitecover.write_layer_style: the one look of every GeoPackage
// layer (the documents library's layer_style), for the Python doors and the QGIS plugin.

#include <pybind11/pybind11.h>

namespace sitecover::python {

/// Adds layer_style and write_layer_style to `module`.
void bind_styles(pybind11::module_& module);

}  // namespace sitecover::python
