#include "site_index_binding.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "arrays.hpp"
#include "request_keywords.hpp"
#include "sitecover/batch_query.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/site_loader.hpp"
#include "sitecover/site_filter.hpp"
#include "sitecover/site_index.hpp"

namespace sitecover::python {
namespace py = pybind11;

namespace {

constexpr double kNoDistance = std::numeric_limits<double>::quiet_NaN();

// Optional text per site: empty strings when not given.
std::vector<std::string> optional_strings(const py::object& items, std::size_t n,
                                          const char* what) {
    return items.is_none() ? std::vector<std::string>(n) : strings(items, n, what);
}

// As the file loader refuses them: an empty id, a NUL in an id, an id given twice.
void check_ids(const std::vector<std::string>& ids) {
    std::unordered_map<std::string_view, std::size_t> first;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::string at = "[" + std::to_string(i) + "]: ";
        if (ids[i].empty()) throw keyword_error("ids", at + "an empty site id");
        if (ids[i].find('\0') != std::string::npos)
            throw keyword_error("ids", at + "the site id holds a NUL character");
        const auto [it, added] = first.emplace(ids[i], i);
        if (!added) {
            throw keyword_error("ids", at + "site id '" + ids[i] + "' already used by [" +
                                           std::to_string(it->second) + "]");
        }
    }
}

std::shared_ptr<SiteIndex> from_arrays(const py::handle& ids, const DoubleArray& lon_deg,
                                       const DoubleArray& lat_deg, const py::object& names,
                                       const py::object& types, const py::object& labelled_on,
                                       const py::object& departments) {
    const std::vector<LonLat> where = positions(lon_deg, lat_deg);
    const std::vector<std::string> id_text = strings(ids, where.size(), "ids");
    const std::vector<std::string> name_text = optional_strings(names, where.size(), "names");
    const std::vector<std::string> type_text = optional_strings(types, where.size(), "types");
    const std::vector<std::string> date_text =
        optional_strings(labelled_on, where.size(), "labelled_on");
    const std::vector<std::string> department_text =
        optional_strings(departments, where.size(), "departments");
    check_ids(id_text);
    std::vector<Site> sites(where.size());
    for (std::size_t i = 0; i < sites.size(); ++i) {
        sites[i].id = id_text[i];
        sites[i].name = name_text[i];
        sites[i].position = where[i];
        sites[i].kind = type_text[i];
        sites[i].department = department_text[i];
        // As the file loader reads them: "Espace labellisé 01/09/2020", "01/09/2020" or ISO.
        sites[i].labelled_on = geodata::parse_labelling_date(date_text[i]);
    }
    try {
        return std::make_shared<SiteIndex>(std::move(sites));
    } catch (const InputError& e) {
        throw ArgumentError(e.what());  // the caller's arrays, not a file, hold the bad value
    }
}

// The SiteFilter of the Python arguments: `types` a sequence of str or one comma-separated str.
SiteFilter site_filter(const py::object& types, const py::object& as_of) {
    SiteFilter filter;
    if (py::isinstance<py::str>(types)) {
        const std::string text = types.cast<std::string>();
        for (std::size_t start = 0; start <= text.size();) {
            const std::size_t comma = std::min(text.find(',', start), text.size());
            if (comma > start) filter.types.push_back(text.substr(start, comma - start));
            start = comma + 1;
        }
    } else if (!types.is_none()) {
        for (const py::handle t : types) filter.types.push_back(py::str(t).cast<std::string>());
    }
    if (!as_of.is_none()) filter.as_of_iso = py::str(as_of).cast<std::string>();
    return filter;
}

// filter_sites, its count of undated sites as a UserWarning (as the CLI's warning).
std::vector<Site> filtered(std::vector<Site> sites, const py::object& types,
                           const py::object& as_of) {
    const SiteFilter filter = site_filter(types, as_of);
    if (filter.types.empty() && !filter.as_of_iso) return sites;
    FilteredSites kept = filter_sites(std::move(sites), filter);
    if (kept.undated > 0) {
        const std::string warning = std::to_string(kept.undated) +
                                    " site(s) without a readable labelling date left out by as_of";
        // -1: the warning filter made it an exception; let Python raise it.
        if (PyErr_WarnEx(PyExc_UserWarning, warning.c_str(), 1) != 0) throw py::error_already_set();
    }
    return std::move(kept.sites);
}

std::shared_ptr<SiteIndex> from_file(const std::string& path, const std::string& layer,
                                     const std::string& where, const std::string& crs,
                                     const std::string& id_field, const std::string& name_field,
                                     const std::string& lon_field, const std::string& lat_field,
                                     const py::object& site_types, const py::object& as_of,
                                     const std::string& type_field,
                                     const std::string& labelled_field) {
    no_nul({{"path", &path}, {"layer", &layer}, {"where", &where}, {"crs", &crs}});
    geodata::SiteFields fields;
    fields.id = id_field;
    fields.name = name_field;
    fields.lon = lon_field;
    fields.lat = lat_field;
    fields.kind = type_field;
    fields.labelled_on = labelled_field;
    geodata::LoadedSites loaded;
    {
        const py::gil_scoped_release unlocked;
        loaded = geodata::load_sites({path, layer, where, crs}, fields);
    }
    for (const std::string& warning : loaded.warnings) {
        PyErr_WarnEx(PyExc_UserWarning, warning.c_str(), 1);
    }
    return std::make_shared<SiteIndex>(filtered(std::move(loaded.sites), site_types, as_of));
}

std::shared_ptr<SiteIndex> filter_index(const SiteIndex& index, const py::object& site_types,
                                        const py::object& as_of) {
    return std::make_shared<SiteIndex>(filtered(index.sites(), site_types, as_of));
}

py::tuple nearest(const SiteIndex& index, const DoubleArray& lon_deg, const DoubleArray& lat_deg,
                  double max_distance_m, unsigned threads) {
    const std::vector<LonLat> points = positions(lon_deg, lat_deg);
    std::vector<std::optional<Neighbour>> answers;
    {
        const py::gil_scoped_release unlocked;
        answers = nearest_batch(index, points, max_distance_m, threads);
    }
    py::array_t<std::int64_t> site(static_cast<py::ssize_t>(points.size()));
    py::array_t<double> distance_m(static_cast<py::ssize_t>(points.size()));
    auto site_out = site.mutable_unchecked<1>();
    auto distance_out = distance_m.mutable_unchecked<1>();
    for (std::size_t i = 0; i < answers.size(); ++i) {
        site_out(i) = answers[i] ? static_cast<std::int64_t>(answers[i]->site) : -1;
        distance_out(i) = answers[i] ? answers[i]->distance_m : kNoDistance;
    }
    return py::make_tuple(site, distance_m);
}

// As the command's --k: 1 to 1000 (a larger k would allocate n x k answers for nothing).
constexpr long long kMaxK = 1000;

py::tuple k_nearest(const SiteIndex& index, const DoubleArray& lon_deg, const DoubleArray& lat_deg,
                    const py::int_& k_given, unsigned threads) {
    long long k_value = 0;
    int overflow = 0;
    k_value = PyLong_AsLongLongAndOverflow(k_given.ptr(), &overflow);
    if (k_value == -1 && PyErr_Occurred()) throw py::error_already_set();
    if (overflow != 0 || k_value < 1 || k_value > kMaxK) {
        throw ArgumentError(
            Message().field("k").text(": " + py::repr(k_given).cast<std::string>() +
                                      " is not between 1 and " + std::to_string(kMaxK)),
            "k");
    }
    const auto k = static_cast<std::size_t>(k_value);
    const std::vector<LonLat> points = positions(lon_deg, lat_deg);
    BatchResult result;
    {
        const py::gil_scoped_release unlocked;
        result =
            k_nearest_batch(index, points, k, std::numeric_limits<double>::infinity(), threads);
    }
    const auto rows = static_cast<py::ssize_t>(points.size());
    const auto columns = static_cast<py::ssize_t>(k);
    py::array_t<std::int64_t> site({rows, columns});
    py::array_t<double> distance_m({rows, columns});
    auto site_out = site.mutable_unchecked<2>();
    auto distance_out = distance_m.mutable_unchecked<2>();
    for (py::ssize_t i = 0; i < rows; ++i) {
        const std::size_t begin = result.offset[i];
        const std::size_t count = result.offset[i + 1] - begin;
        for (py::ssize_t j = 0; j < columns; ++j) {
            const bool hit = static_cast<std::size_t>(j) < count;
            site_out(i, j) = hit ? static_cast<std::int64_t>(result.hits[begin + j].site) : -1;
            distance_out(i, j) = hit ? result.hits[begin + j].distance_m : kNoDistance;
        }
    }
    return py::make_tuple(site, distance_m);
}

py::tuple within(const SiteIndex& index, const DoubleArray& lon_deg, const DoubleArray& lat_deg,
                 double radius_m, unsigned threads) {
    const std::vector<LonLat> points = positions(lon_deg, lat_deg);
    BatchResult result;
    {
        const py::gil_scoped_release unlocked;
        result = within_batch(index, points, radius_m, threads);
    }
    py::array_t<std::int64_t> offset(static_cast<py::ssize_t>(result.offset.size()));
    py::array_t<std::int64_t> site(static_cast<py::ssize_t>(result.hits.size()));
    py::array_t<double> distance_m(static_cast<py::ssize_t>(result.hits.size()));
    auto offset_out = offset.mutable_unchecked<1>();
    auto site_out = site.mutable_unchecked<1>();
    auto distance_out = distance_m.mutable_unchecked<1>();
    for (std::size_t i = 0; i < result.offset.size(); ++i) {
        offset_out(i) = static_cast<std::int64_t>(result.offset[i]);
    }
    for (std::size_t i = 0; i < result.hits.size(); ++i) {
        site_out(i) = static_cast<std::int64_t>(result.hits[i].site);
        distance_out(i) = result.hits[i].distance_m;
    }
    return py::make_tuple(offset, site, distance_m);
}

py::array_t<double> coordinate(const SiteIndex& index, bool latitude) {
    const auto& sites = index.sites();
    py::array_t<double> out(static_cast<py::ssize_t>(sites.size()));
    auto values = out.mutable_unchecked<1>();
    for (std::size_t i = 0; i < sites.size(); ++i) {
        values(i) = latitude ? sites[i].position.lat_deg : sites[i].position.lon_deg;
    }
    return out;
}

std::vector<std::string> site_field(const SiteIndex& index, std::string Site::*field) {
    std::vector<std::string> out;
    out.reserve(index.sites().size());
    for (const Site& site : index.sites()) out.push_back(site.*field);
    return out;
}

// "<sitecover.SiteIndex: 2845 sites, first 1271 'Auch - Garros'>".
std::string site_index_repr(const SiteIndex& index) {
    const std::vector<Site>& sites = index.sites();
    std::string text = "<sitecover.SiteIndex: " + std::to_string(sites.size()) + " site" +
                       (sites.size() == 1 ? "" : "s");
    if (!sites.empty()) text += ", first " + sites.front().id + " '" + sites.front().name + "'";
    return text + ">";
}

// The sites, field by field (plain Python values): what a pickle holds.
py::tuple site_index_state(const SiteIndex& index) {
    py::list rows;
    for (const Site& s : index.sites()) {
        rows.append(py::make_tuple(s.id, s.name, s.position.lon_deg, s.position.lat_deg, s.kind,
                                   s.department, s.labelled_on));
    }
    return py::make_tuple(1, rows);  // format version, then the sites
}

std::shared_ptr<SiteIndex> site_index_from_state(const py::tuple& state) {
    if (state.size() != 2 || state[0].cast<int>() != 1)
        throw py::value_error("SiteIndex: unknown pickle format");
    std::vector<Site> sites;
    for (const py::handle row : state[1].cast<py::list>()) {
        const auto t = row.cast<py::tuple>();
        sites.push_back({t[0].cast<std::string>(), t[1].cast<std::string>(),
                         LonLat{t[2].cast<double>(), t[3].cast<double>()}, t[4].cast<std::string>(),
                         t[5].cast<std::string>(), t[6].cast<std::string>()});
    }
    return std::make_shared<SiteIndex>(std::move(sites));
}

}  // namespace

void bind_site_index(py::module_& module) {
    py::class_<SiteIndex, std::shared_ptr<SiteIndex>>(module, "SiteIndex", R"doc(
An immutable index of sites answering nearest, k-nearest and within-radius queries with exact
WGS84 ellipsoidal (geodesic) distances, in metres. Ties between equidistant sites go to the
smaller id (numeric ids compare as numbers), then to the earlier site. Queries take numpy arrays
of longitudes and latitudes (degrees, WGS84), release the GIL and run on `threads` threads
(0: all cores); the answers never depend on the thread count.
)doc")
        .def(py::init(&from_arrays), py::arg("ids"), py::arg("lon"), py::arg("lat"),
             py::arg("names") = py::none(), py::arg("types") = py::none(),
             py::arg("labelled_on") = py::none(), py::arg("departments") = py::none(),
             "Builds the index from sequences of ids (converted with str()), longitudes and "
             "latitudes in degrees, and optional names, types ('Principal'...), departments and "
             "labelling "
             "dates ('YYYY-MM-DD', 'DD/MM/YYYY' or the ANCT's 'Espace labellisé DD/MM/YYYY'; "
             "anything else counts as unknown). ValueError on an invalid position.")
        .def_static(
            "from_file", &from_file, py::arg("path"), py::arg("layer") = "", py::arg("where") = "",
            py::arg("crs") = "", py::arg("id_field") = "id_fs", py::arg("name_field") = "lib_fs",
            py::arg("lon_field") = "longitude", py::arg("lat_field") = "latitude",
            py::arg("site_types") = py::none(), py::arg("as_of") = py::none(),
            py::arg("type_field") = "type_fs", py::arg("labelled_field") = "labellisation_fs",
            "Loads the sites of any GDAL vector file (the ANCT France Services CSV by "
            "default field names), keeping the features that match the OGR SQL filter "
            "`where` (the CLI's --sites-where), then those of `site_types` (a list, or "
            "'Principal,Antenne'; case-insensitive: --site-types) labelled on or before "
            "`as_of` ('YYYY-MM-DD': --as-of). `crs` is assumed when the file declares none. "
            "Warnings (missing optional fields, sites without a labelling date left out) are "
            "Python UserWarnings. OSError (sitecover.InputError) naming the file, layer, "
            "feature and field on bad data; ValueError for a bad date or a type no site has.")
        .def("filter", &filter_index, py::arg("site_types") = py::none(),
             py::arg("as_of") = py::none(),
             "A new index of the sites of these types (list or comma-separated str, "
             "case-insensitive) labelled on or before as_of ('YYYY-MM-DD'): the library's "
             "filter_sites, as the CLI's --site-types and --as-of. ValueError for a bad date "
             "or a type no site has (the message lists the types present).")
        .def("__len__", [](const SiteIndex& index) { return index.sites().size(); })
        .def("__repr__", &site_index_repr)
        .def(py::pickle(&site_index_state, &site_index_from_state),
             "Pickles as its sites (ids, names, positions, types, departments, dates): an "
             "unpickled index, in this process or a worker's, answers identically.")
        .def_property_readonly(
            "ids", [](const SiteIndex& i) { return site_field(i, &Site::id); },
            "The site ids, in the order given.")
        .def_property_readonly(
            "names", [](const SiteIndex& i) { return site_field(i, &Site::name); },
            "The site names, in the order given.")
        .def_property_readonly(
            "types", [](const SiteIndex& i) { return site_field(i, &Site::kind); },
            "The site types ('Principal', 'Antenne'...; '' when unknown).")
        .def_property_readonly(
            "departments", [](const SiteIndex& i) { return site_field(i, &Site::department); },
            "The sites' department codes ('' when unknown).")
        .def_property_readonly(
            "labelled_on", [](const SiteIndex& i) { return site_field(i, &Site::labelled_on); },
            "The labelling dates, ISO 'YYYY-MM-DD' ('' when unknown).")
        .def_property_readonly(
            "lon", [](const SiteIndex& i) { return coordinate(i, false); },
            "The site longitudes, degrees.")
        .def_property_readonly(
            "lat", [](const SiteIndex& i) { return coordinate(i, true); },
            "The site latitudes, degrees.")
        .def("nearest", &nearest, py::arg("lon"), py::arg("lat"),
             py::arg("max_distance_m") = std::numeric_limits<double>::infinity(),
             py::arg("threads") = 0u,
             "Nearest site of each point: (site, distance_m), int64 positions into the index "
             "(-1 when no site lies within max_distance_m) and float64 metres (NaN then).")
        .def("k_nearest", &k_nearest, py::arg("lon"), py::arg("lat"), py::arg("k"),
             py::arg("threads") = 0u,
             "The k nearest sites of each point, nearest first: (site, distance_m) of shape "
             "(n, k), padded with -1 and NaN when the index holds fewer than k sites. "
             "ValueError unless 1 <= k <= 1000 (as the command's --k).")
        .def("within", &within, py::arg("lon"), py::arg("lat"), py::arg("radius_m"),
             py::arg("threads") = 0u,
             "Every site within radius_m of each point, nearest first, as compressed rows: "
             "(offset, site, distance_m); point i's hits are site[offset[i]:offset[i+1]].");
}

}  // namespace sitecover::python
