#include "sitecover/geodata/table_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cmath>
#include <filesystem>
#include <system_error>
#include <unistd.h>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "gdal_session.hpp"
#include "ogr_row.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata {
namespace fs = std::filesystem;

std::string driver_for_path(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".csv" || path == "-") return "CSV";
    if (ext == ".geojson" || ext == ".json") return "GeoJSON";
    if (ext == ".gpkg") return "GPKG";
    if (ext == ".fgb") return "FlatGeobuf";
    if (ext == ".shp") return "ESRI Shapefile";
    return {};
}

namespace {

using detail::round_to;

constexpr std::size_t kCsvWriteBytes = 1 << 20;  // the streaming CSV writer's write size

// CSV text, quoted only when it must be (separator, quote, line break, edge blanks).
void append_csv_text(std::string& line, const std::string& text) {
    const bool quote = text.find_first_of(",\"\r\n") != std::string::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) {
        line += text;
        return;
    }
    line += '"';
    for (const char c : text) {
        if (c == '"') line += '"';
        line += c;
    }
    line += '"';
}

void append_csv_value(std::string& line, const Value& value, int decimals) {
    char buffer[64];
    if (const auto* text = std::get_if<std::string>(&value)) {
        append_csv_text(line, *text);
    } else if (const auto* flag = std::get_if<bool>(&value)) {
        line += *flag ? '1' : '0';
    } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, *integer).ptr;
        line.append(buffer, end);
    } else if (const auto* real = std::get_if<double>(&value)) {
        if (std::isfinite(*real)) {
            const auto end = std::to_chars(buffer, buffer + sizeof buffer, round_to(*real, decimals)).ptr;
            line.append(buffer, end);
        }
    }
}

}  // namespace

struct TableWriter::Impl {
    TableOptions options;
    std::vector<Column> columns;
    std::string driver_name;
    std::string target;     // final path
    std::string temporary;  // where rows are written; equals target for standard output
    GDALDataset* dataset = nullptr;
    OGRLayer* layer = nullptr;
    std::FILE* csv = nullptr;  // the streaming CSV writer's file (streaming_csv)
    std::string line;          // the streaming writer's rows not yet written
    bool committed = false;

    // The files of the temporary dataset, each with the final path it is renamed to: one file,
    // except for a shapefile (.shp, .shx, .dbf, .prj... sharing the temporary base name).
    std::vector<std::pair<fs::path, fs::path>> temporary_files() const {
        std::vector<std::pair<fs::path, fs::path>> files;
        if (driver_name != "ESRI Shapefile") {
            files.emplace_back(temporary, target);
            return files;
        }
        const fs::path tmp(temporary);
        const std::string tmp_base = tmp.filename().string().substr(0, tmp.filename().string().size() - 4);
        const fs::path target_path(target);
        const std::string target_base = target_path.stem().string();
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(tmp.parent_path(), ec)) {
            const std::string name = entry.path().filename().string();
            if (name.size() > tmp_base.size() && name.compare(0, tmp_base.size() + 1, tmp_base + ".") == 0) {
                files.emplace_back(entry.path(),
                                   target_path.parent_path() / (target_base + name.substr(tmp_base.size())));
            }
        }
        return files;
    }

    // Writes the gathered CSV rows; throws OutputError when the file takes fewer bytes.
    void flush_csv() {
        if (std::fwrite(line.data(), 1, line.size(), csv) != line.size()) {
            throw OutputError("cannot write a row to '" + target + "' (disk full?)");
        }
        line.clear();
    }

    void discard() {
        if (csv != nullptr && csv != stdout) std::fclose(csv);
        csv = nullptr;
        if (dataset != nullptr) {
            GDALClose(dataset);
            dataset = nullptr;
        }
        if (!committed && temporary != target) {
            std::error_code ec;
            for (const auto& file : temporary_files()) fs::remove(file.first, ec);
        }
    }
};

TableWriter::TableWriter(TableOptions options, std::vector<Column> columns)
    : impl_(std::make_unique<Impl>()) {
    detail::ensure_gdal();
    Impl& w = *impl_;
    w.options = std::move(options);
    w.columns = std::move(columns);
    const bool to_stdout = w.options.path == "-";
    if (std::error_code ec; !to_stdout && fs::is_directory(w.options.path, ec)) {
        throw OutputError("output '" + w.options.path + "' is a directory");
    }
    w.driver_name = !w.options.format.empty() ? w.options.format : driver_for_path(w.options.path);
    if (w.driver_name.empty()) {
        throw OutputError("output '" + w.options.path +
                          "': unknown format; use a .csv, .geojson or .gpkg name, or -f DRIVER");
    }
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(w.driver_name.c_str());
    if (driver == nullptr || driver->GetMetadataItem(GDAL_DCAP_VECTOR) == nullptr ||
        driver->GetMetadataItem(GDAL_DCAP_CREATE) == nullptr) {
        throw OutputError("output '" + w.options.path + "': GDAL cannot write the format '" +
                          w.driver_name + "'");
    }
    w.driver_name = driver->GetDescription();  // canonical spelling: "-f csv" is "CSV"
    if (to_stdout && w.driver_name != "CSV" && w.driver_name != "GeoJSON") {
        throw OutputError("output '-' (standard output) takes CSV or GeoJSON, not " + w.driver_name +
                          ": name an output file with -o");
    }

    if (to_stdout) {
        w.target = w.temporary = "/vsistdout/";
    } else {
        w.target = w.options.path;
        const fs::path target(w.target);
        std::error_code ec;
        if (fs::is_directory(target, ec)) {
            throw OutputError("output '" + w.target + "' is a directory");
        }
        if (fs::exists(target, ec) && !w.options.overwrite) {
            throw OutputError("output '" + w.target + "' already exists: use --overwrite to replace it");
        }
        const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
        if (!fs::is_directory(dir, ec)) {
            throw OutputError("output '" + w.target + "': directory '" + dir.string() + "' does not exist");
        }
        if (access(dir.c_str(), W_OK) != 0) {
            throw OutputError("output '" + w.target + "': directory '" + dir.string() + "' is not writable");
        }
        // A hidden sibling, so that the final rename stays on one file system; it ends with the
        // driver's own extension, since some drivers (CSV) make a directory of any other name.
        std::string name = ".sitecover-tmp-";
        name += std::to_string(getpid());
        name += "-";
        name += target.filename().string();
        const char* extension = driver->GetMetadataItem(GDAL_DMD_EXTENSION);
        if (extension != nullptr && *extension != '\0') {
            name += ".";
            name += extension;
        }
        w.temporary = (dir / name).string();
    }

    if (w.options.streaming_csv && w.driver_name == "CSV") {
        w.csv = to_stdout ? stdout : std::fopen(w.temporary.c_str(), "wb");
        if (w.csv == nullptr) throw OutputError("cannot create output '" + w.target + "'");
        w.line.clear();
        for (std::size_t i = 0; i < w.columns.size(); ++i) {
            if (i > 0) w.line += ',';
            append_csv_text(w.line, w.columns[i].name);
        }
        w.line += '\n';
        w.line.reserve(kCsvWriteBytes + 4096);
        return;
    }

    // GeoPackages record a modification time; a fixed one keeps outputs byte-identical.
    CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
    detail::take_gdal_error();
    w.dataset = driver->Create(w.temporary.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (w.dataset == nullptr) {
        throw OutputError("cannot create output '" + w.target + "'" + detail::gdal_reason());
    }

    const bool with_geometry = w.options.geometry != GeometryKind::None && w.driver_name != "CSV";
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    CPLStringList layer_options;
    if (w.driver_name == "GeoJSON") layer_options.SetNameValue("RFC7946", "YES");
    if (w.driver_name == "CSV") {
        layer_options.SetNameValue("LINEFORMAT", "LF");
        layer_options.SetNameValue("STRING_QUOTING", "IF_NEEDED");
    }
    const std::string layer_name = w.options.layer_name.empty() ? "result" : w.options.layer_name;
    w.layer = w.dataset->CreateLayer(layer_name.c_str(), with_geometry ? &wgs84 : nullptr,
                                     with_geometry ? detail::ogr_geometry(w.options.geometry) : wkbNone,
                                     layer_options.List());
    if (w.layer == nullptr) {
        const std::string reason = detail::gdal_reason();
        w.discard();
        throw OutputError("cannot create layer '" + layer_name + "' in '" + w.target + "'" + reason);
    }
    if (const std::string failed = detail::create_fields(*w.layer, w.columns); !failed.empty()) {
        const std::string reason = detail::gdal_reason();
        w.discard();
        throw OutputError("cannot create field '" + failed + "' in '" + w.target + "'" + reason);
    }
}

TableWriter::~TableWriter() { impl_->discard(); }

void TableWriter::add_row(const Row& row) {
    Impl& w = *impl_;
    if (w.csv != nullptr) {
        // Rows gather in w.line and go out in writes of about 1 MB (one fwrite per row cost
        // a tenth of a 10M-point batch); commit() writes the rest.
        for (std::size_t i = 0; i < w.columns.size(); ++i) {
            if (i > 0) w.line += ',';
            if (i < row.values.size()) append_csv_value(w.line, row.values[i], w.columns[i].decimals);
        }
        w.line += '\n';
        if (w.line.size() >= kCsvWriteBytes) w.flush_csv();
        return;
    }
    if (w.dataset == nullptr) throw OutputError("output '" + w.target + "' is already closed");
    OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(w.layer->GetLayerDefn()));
    detail::fill_feature(*feature, w.columns, row, w.options.geometry, w.layer->GetGeomType() != wkbNone);
    detail::take_gdal_error();
    if (w.layer->CreateFeature(feature.get()) != OGRERR_NONE) {
        throw OutputError("cannot write a row to '" + w.target + "'" + detail::gdal_reason());
    }
}

void TableWriter::commit() {
    Impl& w = *impl_;
    if (w.csv != nullptr) {
        w.flush_csv();
        const bool failed = std::fflush(w.csv) != 0 || std::ferror(w.csv) != 0 ||
                            (w.csv != stdout && std::fclose(w.csv) != 0);
        w.csv = nullptr;
        if (failed) {
            w.discard();
            throw OutputError("cannot finish writing '" + w.target + "' (disk full?)");
        }
        if (w.temporary == w.target) {
            w.committed = true;
            return;
        }
        std::error_code ec;
        fs::rename(w.temporary, w.target, ec);
        if (ec) {
            w.discard();
            throw OutputError("cannot move the finished output to '" + w.target + "': " + ec.message());
        }
        w.committed = true;
        return;
    }
    if (w.dataset == nullptr) throw OutputError("output '" + w.target + "' is already closed");
    detail::take_gdal_error();
    CPLErrorReset();
    // GDAL 3.6's GDALClose returns nothing: a failed final write shows in the error state.
    GDALClose(w.dataset);
    w.dataset = nullptr;
    if (CPLGetLastErrorType() >= CE_Failure) {
        const std::string reason = detail::gdal_reason();
        w.discard();
        throw OutputError("cannot finish writing '" + w.target + "'" + reason);
    }
    if (w.temporary == w.target) {
        w.committed = true;
        return;
    }
    std::error_code ec;
    for (const auto& [file, destination] : w.temporary_files()) {
        fs::rename(file, destination, ec);
        if (ec) {
            w.discard();
            throw OutputError("cannot move the finished output to '" + destination.string() + "': " + ec.message());
        }
    }
    w.committed = true;
}

}  // namespace sitecover::geodata
