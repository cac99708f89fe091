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

}  // namespace sitecover::geodata::detail
