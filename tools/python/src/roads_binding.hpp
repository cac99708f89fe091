#pragma once
// sitecover.RoadNetwork: a road network loaded through GDAL, and nearest site by road.

#include <pybind11/pybind11.h>

namespace sitecover::python {

/// Adds the RoadNetwork class to `module`.
void bind_roads(pybind11::module_& module);

}  // namespace sitecover::python
