#include "nul_scan.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>
#include <vector>

#include "sitecover/error.hpp"

namespace sitecover::geodata::detail {
namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

bool is_text_format(const std::string& path) {
    static constexpr std::array<const char*, 15> kExtensions = {
        "csv",   "tsv", "txt", "geojson", "json", "geojsonl", "geojsons", "ndjson",
        "jsonl", "kml", "gml", "xml",     "osm",  "gpx",      "vrt"};
    const auto dot = path.find_last_of("./");
    if (dot == std::string::npos || path[dot] != '.') return false;
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(kExtensions.begin(), kExtensions.end(),
                       [&](const char* e) { return ext == e; });
}

namespace {

/// Line and column (1-based) of byte `offset`, counted again from the start: only on the
/// error path, so the scan itself is one memchr per buffer.
std::pair<unsigned long long, unsigned long long> line_and_column(std::FILE* file,
                                                                  unsigned long long offset) {
    std::rewind(file);
    unsigned long long line = 1, column = 1;
    for (unsigned long long i = 0; i < offset; ++i) {
        const int c = std::fgetc(file);
        if (c == EOF) break;
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

}  // namespace

void refuse_nul_bytes(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return;
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) return;
    std::vector<char> buffer(1 << 20);
    unsigned long long offset = 0;
    for (;;) {
        const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file.get());
        if (got == 0) return;
        if (const void* nul = std::memchr(buffer.data(), '\0', got)) {
            offset +=
                static_cast<unsigned long long>(static_cast<const char*>(nul) - buffer.data());
            const auto [line, column] = line_and_column(file.get(), offset);
            throw InputError(
                "file '" + path + "': NUL byte at line " + std::to_string(line) + ", column " +
                std::to_string(column) + " (byte offset " + std::to_string(offset) +
                "): not a text file, or text that GDAL would cut there (ids could collide)");
        }
        offset += got;
    }
}

namespace {

// Fields per record of a CSV text, quote-aware; the separator is the one of , ; TAB found most
// often outside quotes in the header.
struct CsvShape {
    std::size_t header_fields = 0;
    std::size_t last_fields = 0;
    unsigned long long last_line = 0;  // where the last record starts (1-based)
    bool open_quote = false;           // the text ends inside a quoted value
};

char header_separator(const std::string& text) {
    std::size_t counts[3] = {0, 0, 0};
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        if (c == ',') ++counts[0];
        if (c == ';') ++counts[1];
        if (c == '\t') ++counts[2];
    }
    const char separators[3] = {',', ';', '\t'};
    return separators[std::max_element(counts, counts + 3) - counts];
}

CsvShape csv_shape(const std::string& text) {
    CsvShape shape;
    const char separator = header_separator(text);
    bool quoted = false, header = true;
    std::size_t fields = 1;
    unsigned long long line = 1;
    shape.last_line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') quoted = !quoted;
        if (c == '\n') ++line;
        if (quoted) continue;
        if (c == separator) ++fields;
        if (c != '\n') continue;
        if (header) shape.header_fields = fields;
        header = false;
        fields = 1;
        shape.last_line = line;
    }
    shape.last_fields = fields;
    shape.open_quote = quoted;
    return shape;
}

}  // namespace

void refuse_truncated_csv(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::error_code ec;
    if ((ext != ".csv" && ext != ".tsv") || !std::filesystem::is_regular_file(path, ec)) return;
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file || std::fseek(file.get(), -1, SEEK_END) != 0) return;  // empty: GDAL says so
    const int last = std::fgetc(file.get());
    if (last == '\n' || last == '\r' || last == EOF) return;
    std::rewind(file.get());
    std::string text;
    std::vector<char> buffer(1 << 20);
    for (std::size_t got; (got = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0;)
        text.append(buffer.data(), got);
    const CsvShape shape = csv_shape(text);
    if (shape.header_fields == 0) return;  // one line: a header alone
    const std::string where = "file '" + path + "', line " + std::to_string(shape.last_line);
    if (shape.open_quote) {
        throw InputError(where +
                         ": the last row ends inside a quoted value, without an end of "
                         "line: the file looks cut short (an interrupted copy?)");
    }
    if (shape.last_fields < shape.header_fields) {
        throw InputError(where + ": the last row has " + std::to_string(shape.last_fields) +
                         " of the " + std::to_string(shape.header_fields) +
                         " fields of the header, without an end of line: the file looks cut "
                         "short (an interrupted copy?)");
    }
}

}  // namespace sitecover::geodata::detail
