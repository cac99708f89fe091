#include "sitecover/geodata/table_writer.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <system_error>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "checked_vsi.hpp"
#include "gdal_session.hpp"
#include "ogr_row.hpp"
#include "output_layer.hpp"
#include "output_srs.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/staged_file.hpp"
#include "sitecover/geodata/style_table.hpp"
#include "style_rows.hpp"

namespace sitecover::geodata {
namespace fs = std::filesystem;
namespace {

// ".csv" for "Out.CSV"; "" without an extension.
std::string lower_extension(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return ext;
}

}  // namespace

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
            const auto end =
                std::to_chars(buffer, buffer + sizeof buffer, round_to(*real, decimals)).ptr;
            line.append(buffer, end);
        }
    }
}

// XML formats: their text cannot hold most control characters, whatever the escaping.
bool writes_xml(const std::string& driver_name) {
    return driver_name == "LIBKML" || driver_name == "KML" || driver_name == "GML" ||
           driver_name == "GPX" || driver_name == "GeoRSS";
}

// Text an XML parser accepts once the driver has written it: control characters other than
// tab, line feed and carriage return removed (XML 1.0 has no way to hold them); for LIBKML,
// which wraps text holding < > & in a CDATA section without splitting a "]]>" inside, that
// sequence written "]] >".
std::string xml_safe(const std::string& text, bool libkml) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        if (libkml && c == '>' && out.size() >= 2 && out.compare(out.size() - 2, 2, "]]") == 0)
            out += ' ';
        out += text[i];
    }
    return out;
}

// The extension to give the staged file ("csv"; "" when the target's own suits the driver).
std::string staged_extension(GDALDriver& driver, const std::string& target) {
    std::string suffix = detail::temporary_suffix(driver, fs::path(target).filename().string());
    if (!suffix.empty()) suffix.erase(0, 1);  // without the dot
    return suffix;
}

}  // namespace

struct TableWriter::Impl {
    TableOptions options;
    std::vector<Column> columns;
    std::string driver_name;
    std::string target;                // final path ("-": standard output)
    std::optional<StagedFile> staged;  // none for standard output
    GDALDataset* dataset = nullptr;
    OGRLayer* layer = nullptr;
    // The layer's CRS (TableOptions::target_srs; WGS84 by default).
    std::unique_ptr<detail::OutputSrs> srs;
    std::vector<std::string> warnings;
    std::size_t rows = 0;
    std::FILE* csv = nullptr;  // the streaming CSV writer's file (streaming_csv)
    std::string line;          // the streaming writer's rows not yet written
    bool committed = false;
    std::optional<LayerStyle> style;  // stored at commit in a GeoPackage's layer_styles

    bool to_stdout() const { return !staged.has_value(); }
    // The output as messages name it.
    std::string quoted_name() const {
        return to_stdout() ? std::string("standard output") : "'" + target + "'";
    }
    void write_csv_line();
    void finish_stdout() const;
    void write_style();

    // Throws when a write of the staged files failed (disk full...), as GDAL's text drivers
    // do not report it themselves.
    void check_written() const {
        if (!staged) return;
        const std::string failure = detail::checked_vsi_failure(staged->staging_dir());
        if (!failure.empty()) throw OutputError("cannot write '" + target + "': " + failure);
    }

    void discard() {
        if (csv != nullptr && csv != stdout) std::fclose(csv);
        csv = nullptr;
        if (dataset != nullptr) {
            GDALClose(dataset);
            dataset = nullptr;
        }
        if (!committed) staged.reset();  // removes the staged files
    }
};

TableWriter::TableWriter(TableOptions options, std::vector<Column> columns)
    : impl_(std::make_unique<Impl>()) {
    detail::ensure_gdal();
    Impl& w = *impl_;
    w.options = std::move(options);
    w.columns = std::move(columns);
    const bool to_stdout = w.options.path == "-";
    if (!to_stdout) refuse_non_regular_output(w.options.path);  // before any other check
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
        throw OutputError("output '-' (standard output) takes CSV or GeoJSON, not " +
                          w.driver_name + ": name an output file with -o");
    }
    w.target = w.options.path;
    if (!to_stdout) {
        if (w.driver_name == "ESRI Shapefile" && lower_extension(w.target) != ".shp") {
            throw OutputError("output '" + w.target + "': name a shapefile .shp");
        }
        // Some drivers choose by extension (CSV makes a directory of any other name): the
        // staged file gets the driver's own when the target lacks it.
        w.staged.emplace(w.target,
                         StagingOptions{w.options.overwrite, staged_extension(*driver, w.target),
                                        companion_extensions(w.driver_name), w.options.inputs});
    }

    const bool projected = !w.options.target_srs.empty();
    if (w.options.streaming_csv && w.driver_name == "CSV" && !projected) {
        w.csv = to_stdout ? stdout : std::fopen(w.staged->temporary().c_str(), "wb");
        if (w.csv == nullptr) {
            throw OutputError("cannot create output '" + w.target + "': " + std::strerror(errno));
        }
        w.line.clear();
        for (std::size_t i = 0; i < w.columns.size(); ++i) {
            if (i > 0) w.line += ',';
            append_csv_text(w.line, w.columns[i].name);
        }
        w.line += '\n';
        w.line.reserve(kCsvWriteBytes + 4096);  // rows are written in blocks of about 1 MB
        return;
    }

    // GeoPackages record a modification time; a fixed one keeps outputs byte-identical.
    CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
    detail::take_gdal_error();
    // SQLite (GPKG) checks its own writes and reports a full disk; the other drivers write
    // through the checked file layer.
    const bool sqlite = w.driver_name == "GPKG" || w.driver_name == "SQLite";
    const std::string gdal_path = to_stdout ? std::string("/vsistdout/")
                                  : sqlite  ? w.staged->temporary()
                                            : detail::checked_vsi_path(w.staged->temporary());
    w.dataset = sqlite ? GDALDataset::FromHandle(detail::create_without_journal(driver, gdal_path))
                       : driver->Create(gdal_path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (w.dataset == nullptr) {
        const std::string reason = detail::gdal_reason();
        w.discard();
        throw OutputError("cannot create output '" + w.target + "'" + reason);
    }

    const bool with_geometry =
        detail::writes_geometry(w.driver_name, w.options.geometry, projected);
    w.srs = std::make_unique<detail::OutputSrs>(w.options.target_srs);
    CPLStringList layer_options =
        detail::layer_creation_options(w.driver_name, w.options.geometry, projected);
    const std::string layer_name = w.options.layer_name.empty() ? "result" : w.options.layer_name;
    w.layer = w.dataset->CreateLayer(
        layer_name.c_str(), with_geometry ? w.srs->srs() : nullptr,
        with_geometry ? detail::ogr_geometry(w.options.geometry) : wkbNone, layer_options.List());
    if (w.layer == nullptr) {
        const std::string reason = detail::gdal_reason();
        w.discard();
        throw OutputError("cannot create layer '" + layer_name + "' in '" + w.target + "'" +
                          reason);
    }
    if (const std::string failed =
            detail::create_fields(*w.layer, w.columns, detail::has_integer64(*driver));
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

void TableWriter::Impl::write_csv_line() {
    errno = 0;
    if (std::fwrite(line.data(), 1, line.size(), csv) != line.size()) {
        const int error = errno;
        const std::string message = "cannot write a row to " + quoted_name() + ": " +
                                    (error != 0 ? std::strerror(error) : "write failed");
        discard();  // forgets the staged file: the message is made first
        throw OutputError(message);
    }
}

void TableWriter::add_row(const Row& row) {
    Impl& w = *impl_;
    if (w.csv != nullptr) {
        // Rows gather in w.line and go out in writes of about 1 MB (one fwrite per row cost
        // a tenth of a 10M-point batch); commit() writes the rest.
        for (std::size_t i = 0; i < w.columns.size(); ++i) {
            if (i > 0) w.line += ',';
            if (i < row.values.size())
                append_csv_value(w.line, row.values[i], w.columns[i].decimals);
        }
        w.line += '\n';
        if (w.line.size() >= kCsvWriteBytes) {
            w.write_csv_line();
            w.line.clear();
        }
        return;
    }
    if (w.dataset == nullptr) throw OutputError("output '" + w.target + "' is already closed");
    OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(w.layer->GetLayerDefn()));
    if (writes_xml(w.driver_name)) {
        Row safe = row;
        for (Value& value : safe.values) {
            if (auto* text = std::get_if<std::string>(&value))
                *text = xml_safe(*text, w.driver_name == "LIBKML");
        }
        detail::fill_feature(*feature, w.columns, safe, w.options.geometry,
                             w.layer->GetGeomType() != wkbNone);
    } else {
        detail::fill_feature(*feature, w.columns, row, w.options.geometry,
                             w.layer->GetGeomType() != wkbNone);
    }
    ++w.rows;
    if (OGRGeometry* geometry = feature->GetGeometryRef();
        geometry != nullptr && w.srs->transforms()) {
        w.srs->apply(*geometry, "row " + std::to_string(w.rows) + " of '" + w.target + "'");
    }
    detail::take_gdal_error();
    if (w.layer->CreateFeature(feature.get()) != OGRERR_NONE) {
        const std::string reason = detail::gdal_reason();
        w.check_written();
        throw OutputError("cannot write a row to '" + w.target + "'" + reason);
    }
    w.check_written();
}

// Standard output: everything flushed and no error, else OutputError.
void TableWriter::Impl::finish_stdout() const {
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
        const int error = errno;
        throw OutputError(std::string("cannot write the table to standard output") +
                          (error != 0 ? std::string(": ") + std::strerror(error) : ""));
    }
}

void TableWriter::set_style(const LayerStyle& style) {
    Impl& w = *impl_;
    if (w.committed) throw OutputError("output '" + w.target + "' is already closed");
    if (keeps_style()) w.style = style;
}

bool TableWriter::keeps_style() const {
    return impl_->driver_name == "GPKG" && impl_->dataset != nullptr;
}

// The style row, in the same dataset (and file) as the rows, before it is closed.
void TableWriter::Impl::write_style() {
    if (!style || dataset == nullptr || layer == nullptr) return;
    std::string failure;
    OGRLayer* table = detail::style_table(*dataset, failure);
    if (table == nullptr)
        throw OutputError(failure + " in '" + target + "'" + detail::gdal_reason());
    if (!detail::add_style_row(*table, layer->GetName(), layer->GetGeometryColumn(), *style)) {
        throw OutputError("cannot write the style of layer '" + std::string(layer->GetName()) +
                          "' in '" + target + "'" + detail::gdal_reason());
    }
}

void TableWriter::commit() {
    Impl& w = *impl_;
    if (w.csv == nullptr && w.dataset == nullptr) {
        throw OutputError("output '" + w.target + "' is already closed");
    }
    try {
        if (w.csv != nullptr) {
            w.write_csv_line();  // the rows gathered since the last block
            w.line.clear();
            std::FILE* file = w.csv;
            w.csv = nullptr;
            errno = 0;
            const bool failed = std::fflush(file) != 0 || std::ferror(file) != 0 ||
                                (file != stdout && std::fclose(file) != 0);
            if (failed) {
                throw OutputError("cannot finish writing " + w.quoted_name() + ": " +
                                  (errno != 0 ? std::strerror(errno) : "write failed"));
            }
        } else {
            detail::take_gdal_error();
            w.write_style();
            CPLErrorReset();
            // GDAL 3.6's GDALClose returns nothing: a failed final write shows in the error
            // state, and in the checked file layer for drivers that ignore their writes.
            GDALClose(w.dataset);
            w.dataset = nullptr;
            if (CPLGetLastErrorType() >= CE_Failure) {
                const std::string reason = detail::gdal_reason();
                w.check_written();
                throw OutputError("cannot finish writing '" + w.target + "'" + reason);
            }
            w.check_written();
        }
        if (w.to_stdout()) {
            w.finish_stdout();
        } else {
            w.staged->commit();
        }
    } catch (...) {
        w.discard();
        throw;
    }
    w.committed = true;
}

}  // namespace sitecover::geodata
