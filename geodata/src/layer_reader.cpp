#include "layer_reader.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <system_error>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <ogr_spatialref.h>

#include "gdal_session.hpp"
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
    if (!std::filesystem::exists(status)) {
        throw InputError("file '" + path + "' not found");
    }
}

OGRSpatialReference wgs84_lon_lat() {
    OGRSpatialReference srs;
    srs.SetWellKnownGeogCS("WGS84");
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

}  // namespace

LayerReader::LayerReader(const LayerSource& source) : source_(source) {
    ensure_gdal();
    check_path(source.path);
    stamp_ = stamp_of(source.path);
    take_gdal_error();
    dataset_.reset(static_cast<GDALDataset*>(GDALOpenEx(
        source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!dataset_) {
        const std::string reason = gdal_reason();
        if (std::filesystem::is_directory(source.path)) {
            throw InputError("file '" + source.path + "' is a directory, not a vector file");
        }
        throw InputError(
            "cannot read file '" + source.path + "' as a vector layer" +
            (reason.empty() ? std::string(": unknown or unsupported format") : reason));
    }

    const int layer_count = dataset_->GetLayerCount();
    if (!source.layer.empty()) {
        layer_ = dataset_->GetLayerByName(source.layer.c_str());
        if (layer_ == nullptr) {
            std::string names;
            for (int i = 0; i < layer_count; ++i) {
                names += (i ? ", " : "") + std::string(dataset_->GetLayer(i)->GetName());
            }
            throw InputError("file '" + source.path + "' has no layer '" + source.layer +
                             "' (layers: " + names + ")");
        }
    } else if (layer_count == 1) {
        layer_ = dataset_->GetLayer(0);
    } else if (layer_count == 0) {
        throw InputError("file '" + source.path + "' holds no vector layer");
    } else {
        std::string names;
        for (int i = 0; i < layer_count; ++i) {
            names += (i ? ", " : "") + std::string(dataset_->GetLayer(i)->GetName());
        }
        throw InputError("file '" + source.path + "' has " + std::to_string(layer_count) +
                         " layers (" + names + "): name one with the matching --...-layer option");
    }
    layer_name_ = layer_->GetName();

    if (!source.where.empty()) {
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
        }
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

int LayerReader::require_field(const std::string& name, const char* role) const {
    const int index = field_index(name);
    if (index >= 0) return index;
    std::string names;
    const OGRFeatureDefn* defn = layer_->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        names += (i ? ", " : "") + std::string(defn->GetFieldDefn(i)->GetNameRef());
    }
    throw InputError(where() + ": no field '" + name + "' for the " + role +
                     " (fields: " + (names.empty() ? std::string("none") : names) + ")");
}

bool LayerReader::has_geometry_field() const {
    return layer_->GetLayerDefn()->GetGeomFieldCount() > 0;
}

void LayerReader::to_wgs84(OGRGeometry& geometry, const OGRFeature& feature) const {
    if (!transform_) return;
    take_gdal_error();
    if (geometry.transform(transform_.get()) != OGRERR_NONE) {
        throw InputError(where(feature) + ": coordinates cannot be transformed to WGS84" +
                         gdal_reason());
    }
}

LonLat LayerReader::to_wgs84(double x, double y, const OGRFeature& feature) const {
    if (!transform_) return {x, y};
    double xs[1] = {x};
    double ys[1] = {y};
    int ok[1] = {0};
    if (!transform_->Transform(1, xs, ys, nullptr, ok) || !ok[0]) {
        throw InputError(where(feature) + ": coordinates cannot be transformed to WGS84" +
                         gdal_reason());
    }
    return {xs[0], ys[0]};
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
