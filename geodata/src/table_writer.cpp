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
#include "output_layer.hpp"
#include "output_srs.hpp"
#include "sitecover/error.hpp"

namespace sitecover::geodata {
namespace fs = std::filesystem;

namespace {

using detail::round_to;

std::string unknown_format(const std::string& path) {
    if (const auto several = drivers_for_path(path); several.size() > 1) {
        std::string names;
        for (const std::string& d : several) names += (names.empty() ? "" : ", ") + d;
        return "output '" + path + "': several GDAL drivers write this extension (" + names +
               "): choose one with -f DRIVER";
    }
    std::string list;
    for (const std::string& e : writable_extensions()) list += (list.empty() ? "." : ", .") + e;
    return "output '" + path + "': no GDAL driver writes this extension; use one of " + list +
           ", or -f DRIVER";
}

std::string renamed_warning(const std::string& path, const std::string& driver,
                            const std::vector<std::string>& renamed) {
    std::string text = "output '" + path + "': " + driver + " renamed " +
                       std::to_string(renamed.size()) + " field(s): ";
    for (std::size_t i = 0; i < renamed.size(); ++i) text += (i ? ", " : "") + renamed[i];
    if (driver == "ESRI Shapefile") text += " (a Shapefile field name holds at most 10 characters)";
    return text;
}

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
    std::unique_ptr<detail::OutputSrs> srs;  // the layer's CRS (--t-srs; WGS84 by default)
    std::vector<std::string> warnings;
    std::size_t rows = 0;
    std::FILE* csv = nullptr;  // the streaming CSV writer's file (streaming_csv)
    std::string line;          // reused row buffer of the streaming writer
    bool committed = false;

    // The files of the temporary dataset, each with the final path it is renamed to: one file,
    // except for the multi-file formats (a shapefile's .shp, .shx, .dbf, .prj; MapInfo's .tab,
    // .dat, .map, .id) sharing the temporary base name.
    std::vector<std::pair<fs::path, fs::path>> temporary_files() const {
        std::vector<std::pair<fs::path, fs::path>> files;
        const fs::path tmp(temporary);
        const std::string tmp_base = tmp.stem().string();
        if (sibling_count(tmp, tmp_base) <= 1) {
            files.emplace_back(temporary, target);
            return files;
        }
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

    // How many entries of the temporary's directory are named `base` + ".<anything>".
    static std::size_t sibling_count(const fs::path& tmp, const std::string& base) {
        std::size_t count = 0;
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(tmp.parent_path(), ec)) {
            const std::string name = entry.path().filename().string();
            count += name.size() > base.size() && name.compare(0, base.size() + 1, base + ".") == 0;
        }
        return count;
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
    if (w.driver_name.empty()) throw OutputError(unknown_format(w.options.path));
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
        name += detail::temporary_suffix(*driver, target.filename().string());
        w.temporary = (dir / name).string();
    }

    const bool projected = !w.options.target_srs.empty();
    if (w.options.streaming_csv && w.driver_name == "CSV" && !projected) {
        w.csv = to_stdout ? stdout : std::fopen(w.temporary.c_str(), "wb");
        if (w.csv == nullptr) throw OutputError("cannot create output '" + w.target + "'");
        w.line.clear();
        for (std::size_t i = 0; i < w.columns.size(); ++i) {
            if (i > 0) w.line += ',';
            append_csv_text(w.line, w.columns[i].name);
        }
        w.line += '\n';
        std::fputs(w.line.c_str(), w.csv);
        return;
    }

    // GeoPackages record a modification time; a fixed one keeps outputs byte-identical.
    CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
    detail::take_gdal_error();
    w.dataset = driver->Create(w.temporary.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (w.dataset == nullptr) {
        throw OutputError("cannot create output '" + w.target + "'" + detail::gdal_reason());
    }

    const bool with_geometry = detail::writes_geometry(w.driver_name, w.options.geometry, projected);
    w.srs = std::make_unique<detail::OutputSrs>(w.options.target_srs);
    CPLStringList layer_options =
        detail::layer_creation_options(w.driver_name, w.options.geometry, projected);
    const std::string layer_name = w.options.layer_name.empty() ? "result" : w.options.layer_name;
    w.layer = w.dataset->CreateLayer(layer_name.c_str(), with_geometry ? w.srs->srs() : nullptr,
                                     with_geometry ? detail::ogr_geometry(w.options.geometry) : wkbNone,
                                     layer_options.List());
    if (w.layer == nullptr) {
        const std::string reason = detail::gdal_reason();
        w.discard();
        throw OutputError("cannot create layer '" + layer_name + "' in '" + w.target + "'" + reason);
    }
    if (const std::string failed = detail::create_fields(*w.layer, w.columns, detail::has_integer64(*driver));
        !failed.empty()) {
        const std::string reason = detail::gdal_reason();
        w.discard();
        throw OutputError("cannot create field '" + failed + "' in '" + w.target + "'" + reason);
    }
    if (const auto renamed = detail::renamed_fields(*w.layer, w.columns); !renamed.empty()) {
        w.warnings.push_back(renamed_warning(w.target, w.driver_name, renamed));
    }
}

const std::vector<std::string>& TableWriter::warnings() const { return impl_->warnings; }

TableWriter::~TableWriter() { impl_->discard(); }

void TableWriter::add_row(const Row& row) {
    Impl& w = *impl_;
    if (w.csv != nullptr) {
        w.line.clear();
        for (std::size_t i = 0; i < w.columns.size(); ++i) {
            if (i > 0) w.line += ',';
            if (i < row.values.size()) append_csv_value(w.line, row.values[i], w.columns[i].decimals);
        }
        w.line += '\n';
        if (std::fwrite(w.line.data(), 1, w.line.size(), w.csv) != w.line.size()) {
            throw OutputError("cannot write a row to '" + w.target + "' (disk full?)");
        }
        return;
    }
    if (w.dataset == nullptr) throw OutputError("output '" + w.target + "' is already closed");
    OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(w.layer->GetLayerDefn()));
    detail::fill_feature(*feature, w.columns, row, w.options.geometry, w.layer->GetGeomType() != wkbNone);
    ++w.rows;
    if (OGRGeometry* geometry = feature->GetGeometryRef(); geometry != nullptr && w.srs->transforms()) {
        w.srs->apply(*geometry, "row " + std::to_string(w.rows) + " of '" + w.target + "'");
    }
    detail::take_gdal_error();
    if (w.layer->CreateFeature(feature.get()) != OGRERR_NONE) {
        throw OutputError("cannot write a row to '" + w.target + "'" + detail::gdal_reason());
    }
}

void TableWriter::commit() {
    Impl& w = *impl_;
    if (w.csv != nullptr) {
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
