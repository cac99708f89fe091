#include "layer_reader.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <vector>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <ogr_spatialref.h>

#include "gdal_session.hpp"
#include "nul_scan.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata {

std::string describe(const LayerSource& source, const std::string& layer_name) {
    std::string text = "file '" + source.path + "'";
    if (!layer_name.empty()) text += ", layer '" + layer_name + "'";
    return text;
}

namespace detail {
namespace {

bool is_gdal_virtual(const std::string& path) {
    return path.rfind("/vsi", 0) == 0 || path.find("://") != std::string::npos;
}

void check_path(const std::string& path) {
    if (path.empty()) throw InputError("empty file path");
    if (is_gdal_virtual(path)) return;
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec == std::errc::filename_too_long) {
        throw InputError("file '" + path + "': the name or path is too long for the system (" +
                         std::to_string(path.size()) + " bytes)");
    }
    if (!std::filesystem::exists(status)) {
        throw MissingFileError(path);
    }
}

OGRSpatialReference wgs84_lon_lat() {
    OGRSpatialReference srs;
    srs.SetWellKnownGeogCS("WGS84");
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

/// Collects every vertex of a geometry, in a fixed order (so that a geometry visited before
/// and after a transformation gives the same positions in the same places).
class VertexCollector : public OGRDefaultConstGeometryVisitor {
public:
    using OGRDefaultConstGeometryVisitor::visit;
    void visit(const OGRPoint* point) override {
        if (point->IsEmpty()) return;
        x.push_back(point->getX());
        y.push_back(point->getY());
    }
    std::vector<double> x, y;
};

std::string format_coordinate(double x, double y) {
    char text[80];
    std::snprintf(text, sizeof text, "(%.15g, %.15g)", x, y);
    return text;
}

/// "" or why a filter is not one expression: drivers backed by SQL (GeoPackage, SQLite,
/// PostgreSQL) paste the filter into their query, where a ';' ends the statement (SQLite then
/// ignores the rest silently) and '--' or '/*' comments out the rest.
std::string filter_problem(const std::string& filter) {
    char quote = 0;  // the open quote: ' (string) or " (identifier)
    for (std::size_t i = 0; i < filter.size(); ++i) {
        const char c = filter[i];
        if (quote != 0) {
            if (c == quote) quote = 0;  // a doubled quote closes and reopens: same result
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == ';') {
            return "a ';' outside quotes (a filter is one expression, not statements)";
        } else if ((c == '-' || c == '/') && i + 1 < filter.size() &&
                   filter[i + 1] == (c == '-' ? '-' : '*')) {
            return std::string("a comment ('") + c + filter[i + 1] + "') outside quotes";
        }
    }
    return quote != 0 ? std::string("unbalanced ") + quote + " quote" : std::string();
}

std::string format_number(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.15g", value);
    return text;
}

}  // namespace

namespace {

// The layer named by `source`, else the dataset's only data layer. Throws InputError.
OGRLayer& choose_layer(GDALDataset& dataset, const LayerSource& source) {
    const int layer_count = dataset.GetLayerCount();
    if (!source.layer.empty()) {
        OGRLayer* layer = dataset.GetLayerByName(source.layer.c_str());
        if (layer == nullptr) {
            std::string names;
            for (int i = 0; i < layer_count; ++i) {
                names += (i ? ", " : "") + std::string(dataset.GetLayer(i)->GetName());
            }
            throw InputError("file '" + source.path + "' has no layer '" + source.layer +
                             "' (layers: " + names + ")");
        }
        return *layer;
    }
    // QGIS's `layer_styles` table (the styles of a GeoPackage's layers) is not data: a
    // styled single-layer file is read as its one layer.
    std::vector<OGRLayer*> data;
    for (int i = 0; i < layer_count; ++i) {
        OGRLayer* layer = dataset.GetLayer(i);
        const bool styles =
            std::string(layer->GetName()) == "layer_styles" && layer->GetGeomType() == wkbNone;
        if (!styles) data.push_back(layer);
    }
    if (data.empty()) throw InputError("file '" + source.path + "' holds no vector layer");
    if (data.size() > 1) {
        std::string names;
        for (std::size_t i = 0; i < data.size(); ++i) {
            names += (i ? ", " : "") + std::string(data[i]->GetName());
        }
        throw InputError("file '" + source.path + "' has " + std::to_string(data.size()) +
                         " layers (" + names + "): name one with the matching --...-layer option");
    }
    return *data.front();
}

}  // namespace

LayerReader::LayerReader(const LayerSource& source) : source_(source) {
    ensure_gdal();
    check_path(source.path);
    stamp_ = stamp_of(source.path);
    if (is_text_format(source.path)) {
        refuse_nul_bytes(source.path);
        refuse_truncated_csv(source.path);
    }
    take_gdal_error();
    dataset_.reset(static_cast<GDALDataset*>(GDALOpenEx(
        source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!dataset_) {
        const std::string reason = gdal_reasons();
        if (std::filesystem::is_directory(source.path)) {
            throw InputError("file '" + source.path + "' is a directory, not a vector file");
        }
        throw InputError(
            "cannot read file '" + source.path + "' as a vector layer" +
            (reason.empty() ? std::string(": unknown or unsupported format") : reason));
    }

    layer_ = &choose_layer(*dataset_, source);
    layer_name_ = layer_->GetName();

    if (!source.where.empty()) {
        if (const std::string problem = filter_problem(source.where); !problem.empty()) {
            throw InputError(where() + ": invalid filter \"" + shortened(source.where) +
                             "\": " + problem);
        }
        take_gdal_error();
        if (layer_->SetAttributeFilter(source.where.c_str()) != OGRERR_NONE) {
            throw InputError(where() + ": invalid filter \"" + shortened(source.where) + "\"" +
                             gdal_reason());
        }
    }

    // The CRS: the layer's own, else the one the caller assumes, else WGS84 lon/lat.
    // The assumed CRS is checked even when the layer declares its own (GeoJSON always does):
    // a mistyped option must not pass unnoticed.
    OGRSpatialReference layer_srs;
    bool have_srs = false;
    if (!source.assumed_crs.empty()) {
        take_gdal_error();
        if (layer_srs.SetFromUserInput(source.assumed_crs.c_str()) != OGRERR_NONE) {
            throw InputError(where() + ": unknown CRS '" + source.assumed_crs + "'" +
                             gdal_reason());
        }
        have_srs = true;
    }
    if (const OGRSpatialReference* srs = layer_->GetSpatialRef()) {
        layer_srs = *srs;
        have_srs = true;
    }
    if (have_srs) {
        layer_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        const OGRSpatialReference target = wgs84_lon_lat();
        const char* criteria[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
        if (!(layer_srs.IsGeographic() && layer_srs.IsSame(&target, criteria))) {
            take_gdal_error();
            transform_.reset(OGRCreateCoordinateTransformation(&layer_srs, &target));
            if (!transform_) {
                throw InputError(where() + ": cannot transform its CRS to WGS84" + gdal_reason());
            }
            if (layer_srs.IsProjected()) {
                inverse_.reset(transform_->GetInverse());
                layer_srs.GetAreaOfUse(&use_west_deg_, &use_south_deg_, &use_east_deg_,
                                       &use_north_deg_, nullptr);
            }
        }
        const char* name = layer_srs.GetName();
        crs_name_ = name != nullptr ? name : "unnamed";
    }
    layer_->ResetReading();
}

std::string LayerReader::where(const OGRFeature& feature) const {
    return where() + ", feature " + std::to_string(static_cast<long long>(feature.GetFID()));
}

OGRFeatureUniquePtr LayerReader::next_feature() {
    take_gdal_error();
    OGRFeatureUniquePtr feature(layer_->GetNextFeature());
    if (!feature) {
        const std::string reason = take_gdal_error();
        // GDAL reports a read failure (truncated file, parse error) only through its error
        // state: an end of layer with an error pending is a failure, not the end.
        if (!reason.empty() && CPLGetLastErrorType() >= CE_Failure) {
            throw InputError(where() + ": read error after feature " + std::to_string(position_) +
                             " (GDAL: " + reason + ")");
        }
        check_unchanged(source_.path, stamp_);
        return feature;
    }
    ++position_;
    return feature;
}

int LayerReader::field_index(const std::string& name) const {
    return layer_->GetLayerDefn()->GetFieldIndex(name.c_str());
}

int LayerReader::require_field(const std::string& name, const char* role,
                               const std::string& request_field) const {
    const int index = field_index(name);
    if (index >= 0) return index;
    std::string names;
    const OGRFeatureDefn* defn = layer_->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        names += (i ? ", " : "") + std::string(defn->GetFieldDefn(i)->GetNameRef());
    }
    Message message(where() + ": no field '" + name + "' for the " + role);
    if (!request_field.empty()) message.text(" (").field(request_field).text(")");
    throw InputError(std::move(
        message.text(" (fields: " + (names.empty() ? std::string("none") : names) + ")")));
}

bool LayerReader::has_geometry_field() const {
    return layer_->GetLayerDefn()->GetGeomFieldCount() > 0;
}

std::string LayerReader::check_source_range(const std::vector<double>& x,
                                            const std::vector<double>& y) const {
    if (!inverse_) return {};
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!(std::abs(x[i]) <= kMaxProjectedCoordinate) ||
            !(std::abs(y[i]) <= kMaxProjectedCoordinate)) {
            return "coordinate " + format_coordinate(x[i], y[i]) +
                   " is out of range for its CRS '" + crs_name_ +
                   "' (projected coordinates must be finite, within +-1e8)";
        }
    }
    return {};
}

std::string LayerReader::check_round_trip(const std::vector<double>& x,
                                          const std::vector<double>& y,
                                          const std::vector<double>& lon,
                                          const std::vector<double>& lat) const {
    if (!inverse_ || x.empty()) return {};
    std::vector<double> back_x = lon, back_y = lat;
    std::vector<int> ok(x.size(), 0);
    take_gdal_error();
    inverse_->Transform(x.size(), back_x.data(), back_y.data(), nullptr, ok.data());
    take_gdal_error();
    const bool have_area = use_west_deg_ > -1000.0 && use_south_deg_ > -1000.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (have_area && ok[i] && !in_area_of_use(lon[i], lat[i])) {
            return "coordinate " + format_coordinate(x[i], y[i]) + " lies at " +
                   format_coordinate(lon[i], lat[i]) +
                   ", far outside the area of use of its CRS '" + crs_name_ + "' (lon " +
                   format_number(use_west_deg_) + " to " + format_number(use_east_deg_) + ", lat " +
                   format_number(use_south_deg_) + " to " + format_number(use_north_deg_) +
                   "): is the CRS right?";
        }
        if (!ok[i] || !(std::abs(back_x[i] - x[i]) <= kMaxRoundTripError) ||
            !(std::abs(back_y[i] - y[i]) <= kMaxRoundTripError)) {
            return "coordinate " + format_coordinate(x[i], y[i]) +
                   " is outside the domain of its CRS '" + crs_name_ +
                   "' (it does not transform back to itself)";
        }
    }
    return {};
}

bool LayerReader::in_area_of_use(double lon_deg, double lat_deg) const {
    const double m = kAreaOfUseMargin_deg;
    if (lat_deg < use_south_deg_ - m || lat_deg > use_north_deg_ + m) return false;
    if (use_east_deg_ - use_west_deg_ + 2 * m >= 360.0) return true;
    // Longitudes east of the west edge, modulo 360: the area may cross the antimeridian.
    const double span = std::fmod(use_east_deg_ - use_west_deg_ + 720.0, 360.0) + 2 * m;
    const double offset = std::fmod(lon_deg - (use_west_deg_ - m) + 720.0, 360.0);
    return offset <= span;
}

std::string LayerReader::geometry_field() const {
    const OGRFeatureDefn* defn = layer_->GetLayerDefn();
    const char* name = defn->GetGeomFieldCount() > 0 ? defn->GetGeomFieldDefn(0)->GetNameRef() : "";
    return (name != nullptr && *name != '\0') ? name : "geometry";
}

void LayerReader::to_wgs84(OGRGeometry& geometry, const OGRFeature& feature) const {
    if (!transform_) return;
    VertexCollector source;
    if (inverse_) geometry.accept(&source);
    const auto fail = [&](const std::string& problem) {
        throw InputError(where(feature) + ", field '" + geometry_field() + "': " + problem);
    };
    if (auto problem = check_source_range(source.x, source.y); !problem.empty()) fail(problem);
    take_gdal_error();
    if (geometry.transform(transform_.get()) != OGRERR_NONE) {
        throw InputError(where(feature) + ": coordinates cannot be transformed to WGS84" +
                         gdal_reason());
    }
    if (!inverse_) return;
    VertexCollector target;
    geometry.accept(&target);
    if (auto problem = check_round_trip(source.x, source.y, target.x, target.y); !problem.empty())
        fail(problem);
}

LonLat LayerReader::to_wgs84(double x, double y, const OGRFeature& feature,
                             const std::string& x_field, const std::string& y_field) const {
    if (!transform_) return {x, y};
    const std::vector<double> xs{x}, ys{y};
    const std::string fields = "fields '" + x_field + "', '" + y_field + "'";
    if (auto problem = check_source_range(xs, ys); !problem.empty()) {
        const bool x_bad = !(std::abs(x) <= kMaxProjectedCoordinate);
        throw InputError(where(feature) + ", field '" + (x_bad ? x_field : y_field) +
                         "': " + problem);
    }
    std::vector<double> lon = xs, lat = ys;
    int ok[1] = {0};
    if (!transform_->Transform(1, lon.data(), lat.data(), nullptr, ok) || !ok[0]) {
        throw InputError(where(feature) + ", " + fields +
                         ": coordinates cannot be transformed to WGS84" + gdal_reason());
    }
    if (auto problem = check_round_trip(xs, ys, lon, lat); !problem.empty()) {
        throw InputError(where(feature) + ", " + fields + ": " + problem);
    }
    return {lon[0], lat[0]};
}

std::string utf8_field(const OGRFeature& feature, int index) {
    if (index < 0 || !feature.IsFieldSetAndNotNull(index)) return {};
    return to_utf8(feature.GetFieldAsString(index));
}

std::string to_utf8(std::string text) {
    if (CPLIsUTF8(text.c_str(), static_cast<int>(text.size()))) return text;
    char* recoded = CPLRecode(text.c_str(), CPL_ENC_ISO8859_1, CPL_ENC_UTF8);
    if (recoded != nullptr) text = recoded;
    CPLFree(recoded);
    return text;
}

bool parse_double(const std::string& text, double& value) {
    // Trim the blanks a spreadsheet leaves around numbers; accept a decimal comma only when it
    // is the sole separator, as French exports write it.
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return false;
    const auto last = text.find_last_not_of(" \t\r\n");
    std::string s = text.substr(first, last - first + 1);
    if (s.find(',') != std::string::npos && s.find('.') == std::string::npos &&
        s.find(',') == s.rfind(',')) {
        s[s.find(',')] = '.';
    }
    const char* begin = s.data();
    if (*begin == '+') ++begin;
    const char* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    return ec == std::errc() && ptr == end && std::isfinite(value);
}

}  // namespace detail
}  // namespace sitecover::geodata
