#pragma once
// sitecover.load_points: origins (communes, points) from any GDAL layer as numpy arrays.

#include <pybind11/pybind11.h>

namespace sitecover::python {

/// Adds load_points to `module`.
void bind_points(pybind11::module_& module);

}  // namespace sitecover::python
