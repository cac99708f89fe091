#include "report_binding.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "arrays.hpp"
#include "coverage_binding.hpp"
#include "request_keywords.hpp"
#include "roads_binding.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/population.hpp"
#include "sitecover/report/access_job.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

std::shared_ptr<Report> build(std::shared_ptr<CoverageIndex> areas,
                              std::shared_ptr<SiteIndex> sites, const py::object& codes,
                              const py::object& names, const DoubleArray& lon_deg,
                              const DoubleArray& lat_deg, const py::object& population,
                              std::shared_ptr<CoverageIndex> outlines,
                              std::shared_ptr<Network> roads, const std::string& by,
                              double access_speed_kmh, double max_snap_m, double within_m,
                              double within_s, double fragile_m, unsigned threads) {
    if (!areas || !sites) {
        throw ArgumentError("areas and sites are required");
    }
    auto report = std::make_shared<Report>();
    report->areas = std::move(areas);
    report->sites = std::move(sites);
    report->outlines = std::move(outlines);
    report->roads = std::move(roads);
    const std::vector<LonLat> where = positions(lon_deg, lat_deg);
    const std::vector<std::string> code = strings(codes, where.size(), "codes");
    const std::vector<std::string> name = names.is_none() ? std::vector<std::string>(where.size())
                                                          : strings(names, where.size(), "names");
    if (report->outlines && report->outlines->areas().size() != where.size()) {
        throw ArgumentError("outlines has " + std::to_string(report->outlines->areas().size()) +
                            " areas, expected one per origin (" + std::to_string(where.size()) +
                            ")");
    }
    std::vector<ReportOriginInput> inputs(where.size());
    for (std::size_t i = 0; i < where.size(); ++i) {
        inputs[i] = {code[i], name[i], where[i], nullptr, std::nullopt};
        if (report->outlines) inputs[i].polygon = &report->outlines->areas()[i];
    }
    if (!population.is_none()) {
        const auto values = py::cast<DoubleArray>(population);
        if (values.ndim() != 1 || static_cast<std::size_t>(values.shape(0)) != where.size()) {
            throw ArgumentError("population must be a 1-D array of one value per origin");
        }
        // NaN marks an unknown population, as population_shares returns it.
        for (std::size_t i = 0; i < where.size(); ++i) {
            if (values.at(i) == values.at(i)) inputs[i].population = values.at(i);
        }
    }
    const ReportRequest request{within_m, within_s, fragile_m, threads};
    const py::gil_scoped_release unlocked;
    if (report->roads) {
        report->nearest = std::make_unique<NearestByRoad>(
            *report->roads->graph, *report->roads->snapper, report->sites->sites(),
            road_options(by, access_speed_kmh, max_snap_m));
    }
    report->data =
        build_report_data(*report->areas, *report->sites, inputs, report->nearest.get(), request);
    // The access index as `sitecover report` adds it (its origins layer).
    report::AccessNetwork network;
    if (report->roads) {
        const NearestByRoadOptions options = road_options(by, access_speed_kmh, max_snap_m);
        network = {report->roads->graph.get(), report->roads->snapper.get(), RoadMetric::Time,
                   options.query.access_speed_kmh, options.max_snap_m};
    }
    report::add_access_index(report->data, network, threads);
    return report;
}

py::list area_records(const Report& r) {
    const ReportData& d = r.data;
    py::list records;
    for (const ReportArea& a : d.area_rows) {
        py::dict rec = coverage_record(r.areas->areas()[a.area], *d.sites, a.sites, a.margin_m);
        rec["fragile"] = d.fragile(a);
        rec["origins"] = a.origins;
        rec["label_lon"] = a.label_point.lon_deg;
        rec["label_lat"] = a.label_point.lat_deg;
        rec["worst_distance_origin"] = a.worst_distance_origin
                                           ? py::cast(d.origins[*a.worst_distance_origin].code)
                                           : py::none();
        rec["worst_time_origin"] =
            a.worst_time_origin ? py::cast(d.origins[*a.worst_time_origin].code) : py::none();
        records.append(rec);
    }
    return records;
}

py::object site_id_or_none(const ReportData& d, const std::optional<std::size_t>& s) {
    return s ? py::cast((*d.sites)[*s].id) : py::none();
}

py::list origin_records(const Report& r) {
    const ReportData& d = r.data;
    py::list records;
    for (const ReportOrigin& o : d.origins) {
        py::dict rec;
        rec["origin_code"] = o.code;
        rec["origin_name"] = o.name;
        rec["lon"] = o.position.lon_deg;
        rec["lat"] = o.position.lat_deg;
        rec["area_code"] =
            o.area ? py::cast(r.areas->areas()[d.area_rows[*o.area].area].code) : py::none();
        rec["site_id"] = site_id_or_none(d, o.site);
        rec["distance_m"] = o.site ? py::cast(o.distance_m) : py::none();
        if (d.with_roads) {
            rec["road_site_id"] = site_id_or_none(d, o.road_site);
            rec["road_distance_m"] = o.road_site ? py::cast(o.road_distance_m) : py::none();
            rec["travel_time_s"] = o.road_site ? py::cast(o.travel_time_s) : py::none();
            rec["snap_m"] = o.road.snapped ? py::cast(o.road.snap_m) : py::none();
        }
        rec["population"] = o.population ? py::cast(*o.population) : py::none();
        rec["access_index"] = o.access_index ? py::cast(*o.access_index) : py::none();
        records.append(rec);
    }
    return records;
}

py::list site_records(const Report& r) {
    const ReportData& d = r.data;
    py::list records;
    for (std::size_t i = 0; i < d.sites_inside.size(); ++i) {
        const Site& s = (*d.sites)[d.sites_inside[i]];
        py::dict rec;
        rec["site_id"] = s.id;
        rec["site_name"] = s.name;
        rec["type"] = s.kind;
        rec["labelled_on"] = s.labelled_on;
        rec["lon"] = s.position.lon_deg;
        rec["lat"] = s.position.lat_deg;
        rec["area_code"] = r.areas->areas()[d.area_rows[d.area_of_site_inside[i]].area].code;
        records.append(rec);
    }
    return records;
}

std::string report_repr(const Report& r) {
    const ReportData& d = r.data;
    return "<sitecover.ReportData: " + std::to_string(d.covered_count()) + "/" +
           std::to_string(d.area_rows.size()) + " areas covered, " +
           std::to_string(d.fragile_count()) + " fragile, " + std::to_string(d.origins.size()) +
           " origins, " + std::to_string(d.sites_inside.size()) + " sites inside, " +
           (d.with_roads ? "with roads" : "crow-fly") + ">";
}

py::dict summary(const Report& r) {
    const ReportData& d = r.data;
    const Summary crow = d.crow_fly_summary();
    py::dict s;
    s["areas"] = d.area_rows.size();
    s["covered"] = d.covered_count();
    s["fragile"] = d.fragile_count();
    s["origins"] = d.origins.size();
    s["sites_inside"] = d.sites_inside.size();
    s["with_roads"] = d.with_roads;
    s["max_m"] = crow.max;
    s["mean_m"] = crow.mean;
    s["median_m"] = crow.median;
    s["within_m"] = d.within_m;
    s["within_s"] = d.within_s;
    s["fragile_m"] = d.fragile_m;
    return s;
}

// Inhabitants per origin code (NaN: unknown), from a population table.
py::array_t<double> shares(const std::string& path, const py::handle& codes) {
    no_nul("path", path);
    const std::vector<std::string> code = strings(codes, py::len(codes), "codes");
    std::vector<std::optional<double>> values;
    {
        const py::gil_scoped_release unlocked;
        values = geodata::population_shares(geodata::load_population({path, "", "", ""}), code);
    }
    py::array_t<double> out(static_cast<py::ssize_t>(values.size()));
    auto v = out.mutable_unchecked<1>();
    for (std::size_t i = 0; i < values.size(); ++i) v(i) = values[i].value_or(std::nan(""));
    return out;
}

}  // namespace

void bind_report(py::module_& module) {
    py::class_<Report, std::shared_ptr<Report>>(module, "ReportData", R"doc(
The report's model (the library's build_report_data): what `sitecover report` writes to its
GeoPackage, map and page, as records. Build it with sitecover.report_data().
)doc")
        .def("__repr__", &report_repr)
        .def("area_records", &area_records,
             "One dict per area, in area order: area_code, area_name, site_count, site_ids, "
             "covered, fragile, margin_m, origins, label_lon/lat, worst_distance_origin and "
             "worst_time_origin (origin codes).")
        .def("origin_records", &origin_records,
             "One dict per origin, in input order: origin_code, origin_name, lon, lat, "
             "area_code, site_id, distance_m, population, access_index (2SFCA within the "
             "threshold, 1 per site); with roads road_site_id, road_distance_m, travel_time_s, "
             "snap_m.")
        .def("site_records", &site_records,
             "The sites inside the areas, by id: site_id, site_name, type, labelled_on, lon, "
             "lat, area_code (the first area holding it).")
        .def("summary", &summary,
             "areas, covered, fragile, origins, sites_inside, with_roads, crow-fly max_m / "
             "mean_m / median_m, and the thresholds.");
    module.def("_report_data", &build, py::arg("areas"), py::arg("sites"), py::arg("codes"),
               py::arg("names"), py::arg("lon"), py::arg("lat"), py::arg("population"),
               py::arg("outlines"), py::arg("roads"), py::arg("by"), py::arg("access_speed_kmh"),
               py::arg("max_snap_m"), py::arg("within_m"), py::arg("within_s"),
               py::arg("fragile_m"), py::arg("threads"));
    module.def("population_shares", &shares, py::arg("path"), py::arg("codes"),
               "Inhabitants of each origin code from a population table (the INSEE CSV of the "
               "data directory or any GDAL table: code, population, anciens_codes), through "
               "former codes of merged communes, shared between origins of one commune: a "
               "float64 array, NaN where unknown. OSError (sitecover.InputError) on bad data.");
}

}  // namespace sitecover::python
