#include "coverage_binding.hpp"

#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <vector>

#include "request_keywords.hpp"
#include "sitecover/coverage.hpp"
#include "sitecover/coverage_index.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/area_loader.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

std::shared_ptr<CoverageIndex> areas_from_file(const std::string& path, const std::string& layer,
                                               const std::string& where, const std::string& crs,
                                               const std::string& code_field,
                                               const std::string& name_field) {
    no_nul({{"path", &path}, {"layer", &layer}, {"where", &where}, {"crs", &crs}});
    const py::gil_scoped_release unlocked;
    return std::make_shared<CoverageIndex>(
        geodata::load_areas({path, layer, where, crs}, {code_field, name_field}));
}

Boundary boundary_rule(const std::string& text) {
    if (text == "included") return Boundary::Included;
    if (text == "excluded") return Boundary::Excluded;
    throw ArgumentError(
        Message().field("boundary").text(": '" + text + "' is not 'included' or 'excluded'"));
}

// One dict per area, in area order: the columns of `sitecover coverage`.
py::list coverage_records(const CoverageIndex& areas, const SiteIndex& sites,
                          const std::string& boundary) {
    const Boundary rule = boundary_rule(boundary);
    std::vector<AreaCoverage> result;
    {
        const py::gil_scoped_release unlocked;
        result = compute_coverage(areas, sites.sites(), rule);
    }
    py::list records;
    for (const AreaCoverage& c : result) {
        records.append(coverage_record(areas.areas()[c.area], sites.sites(), c.sites, c.margin_m));
    }
    return records;
}

std::vector<std::string> area_field(const CoverageIndex& areas, std::string Area::*field) {
    std::vector<std::string> out;
    out.reserve(areas.areas().size());
    for (const Area& area : areas.areas()) out.push_back(area.*field);
    return out;
}

}  // namespace

py::dict coverage_record(const Area& area, const std::vector<Site>& sites,
                         const std::vector<std::size_t>& inside,
                         const std::optional<double>& margin_m) {
    std::vector<std::string> ids;
    for (const std::size_t s : inside) ids.push_back(sites[s].id);
    py::dict record;
    record["area_code"] = area.code;
    record["area_name"] = area.name;
    record["site_count"] = inside.size();
    record["site_ids"] = ids;
    record["covered"] = margin_m.has_value();
    record["margin_m"] = margin_m ? py::cast(*margin_m) : py::none();
    return record;
}

void bind_coverage(py::module_& module) {
    py::class_<CoverageIndex, std::shared_ptr<CoverageIndex>>(module, "Areas", R"doc(
Areas (cantons, communes...) indexed for point-in-area tests, in WGS84 lon/lat.
)doc")
        .def("__repr__",
             [](const CoverageIndex& index) {
                 const auto& areas = index.areas();
                 std::string text = "<sitecover.Areas: " + std::to_string(areas.size()) +
                                    (areas.size() == 1 ? " area" : " areas");
                 if (!areas.empty())
                     text += ", first " + areas.front().code + " '" + areas.front().name + "'";
                 return text + ">";
             })
        .def_static("from_file", &areas_from_file, py::arg("path"), py::arg("layer") = "",
                    py::arg("where") = "", py::arg("crs") = "", py::arg("code_field") = "code",
                    py::arg("name_field") = "nom",
                    "Loads the polygons of any GDAL vector file, reprojected to WGS84 and "
                    "repaired; `where` is an OGR SQL filter, `crs` is assumed when the file "
                    "declares none. OSError (sitecover.InputError) naming the file, layer, "
                    "feature and field on bad data.")
        .def("__len__", [](const CoverageIndex& a) { return a.areas().size(); })
        .def_property_readonly(
            "codes", [](const CoverageIndex& a) { return area_field(a, &Area::code); },
            "The area codes, in file order.")
        .def_property_readonly(
            "names", [](const CoverageIndex& a) { return area_field(a, &Area::name); },
            "The area names, in file order.");
    module.def("_coverage_records", &coverage_records, py::arg("areas"), py::arg("sites"),
               py::arg("boundary") = "included");
}

}  // namespace sitecover::python
