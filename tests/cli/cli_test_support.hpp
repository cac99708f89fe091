#pragma once
// Test support for the sitecover CLI: running the binary with an exact argument vector (no
// shell), a working directory and environment changes, capturing stdout, stderr and the exit
// code separately; a per-test temporary directory; a small RFC 4180 CSV reader; and a GDAL
// inspector for the files the CLI writes (independent of the product's own readers).
//
// TempDir and the file helpers are header-only so that other test programs (tests/geodata) can
// use them without linking the rest of this file's implementation.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace sitecover::test {

namespace fs = std::filesystem;

/// Writes `content` to `path` byte for byte (binary mode: CRLF and BOMs stay as written).
inline void write_file(const fs::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("test: cannot write " + path.string());
    out << content;
    if (!out) throw std::runtime_error("test: cannot write " + path.string());
}

/// The whole content of a file ("" when it cannot be read).
inline std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A fresh, uniquely named directory under the system temporary directory, removed with its
/// content when the object goes away (set SITECOVER_KEEP_TEST_DIRS=1 to keep it for debugging).
class TempDir {
public:
    explicit TempDir(const std::string& prefix = "sitecover-test") {
        std::string pattern = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("test: cannot create a temporary directory from " + pattern);
        }
        path_ = pattern;
    }
    ~TempDir() {
        if (std::getenv("SITECOVER_KEEP_TEST_DIRS") != nullptr) return;
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }
    /// Writes a file inside the directory and returns its path.
    fs::path write(const std::string& name, const std::string& content) const {
        write_file(path_ / name, content);
        return path_ / name;
    }
    std::string read(const std::string& name) const { return read_file(path_ / name); }

    /// Every entry below the directory (hidden ones included), relative path -> content
    /// (directories map to "<dir>"): compare two snapshots to prove a run changed nothing.
    std::map<std::string, std::string> snapshot() const {
        std::map<std::string, std::string> entries;
        for (const auto& entry : fs::recursive_directory_iterator(path_)) {
            const std::string name = fs::relative(entry.path(), path_).string();
            entries[name] = entry.is_directory() ? std::string("<dir>") : read_file(entry.path());
        }
        return entries;
    }

private:
    fs::path path_;
};

/// The names in `dir` (not below) of staged outputs left behind: hidden `.sitecover-tmp-*`.
inline std::vector<std::string> staged_leftovers(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(".sitecover-tmp-", 0) == 0) names.push_back(name);
    }
    return names;
}

/// The real data directory and the CLI under test (set by tests/CMakeLists.txt).
#ifdef SITECOVER_TEST_DATA_DIR
inline const std::string kDataDir = SITECOVER_TEST_DATA_DIR;
#endif
#ifdef SITECOVER_CLI
inline const std::string kCliPath = SITECOVER_CLI;
#endif

/// How to run the CLI.
struct CliOptions {
    /// Working directory of the child; empty: the test program's own.
    fs::path cwd;
    /// Environment changes: a value sets the variable, std::nullopt removes it. SITECOVER_DATA
    /// is removed unless named here, so that a developer's own setting cannot change results.
    std::map<std::string, std::optional<std::string>> env;
    /// The child is killed (and the result marks it) after this many seconds.
    double timeout_s = 120.0;
    /// The child's stdin: this file (empty: /dev/null).
    fs::path stdin_path;
    /// The child's stdout goes to this path (e.g. /dev/full) instead of being captured.
    fs::path stdout_path;
};

/// What a run produced.
struct CliResult {
    std::string command;  ///< the argument vector, for messages
    int exit_code = -1;   ///< exit status; 128 + signal number when killed by a signal
    bool timed_out = false;
    std::string out;  ///< everything written to stdout
    std::string err;  ///< everything written to stderr

    /// stderr split in lines (without the newlines).
    std::vector<std::string> err_lines() const;
    /// "command / exit code / stderr / start of stdout", for assertion messages.
    std::string report() const;
};

/// Runs kCliPath with `args` (argv[1..]) through fork/execve: no shell, no quoting. stdin is
/// /dev/null unless options.stdin_path names a file. Throws std::runtime_error only when the child
/// cannot be started.
CliResult run_cli(const std::vector<std::string>& args, const CliOptions& options = {});

/// `sitecover report --data <real data> <extra...>` run in `cwd`, with LANG = `lang` and no
/// LC_ALL / LC_MESSAGES (the report's documents follow the locale), plus `env`.
CliResult run_report(const std::vector<std::string>& extra, const fs::path& cwd,
                     const std::string& lang = "C.UTF-8",
                     const std::map<std::string, std::optional<std::string>>& env = {});

/// A CSV table parsed per RFC 4180 (quoted fields, doubled quotes, LF or CRLF line ends).
struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    /// Index of a header name; throws std::out_of_range when absent.
    std::size_t column(const std::string& name) const;
    /// The cell of `row` in the named column.
    const std::string& at(std::size_t row, const std::string& name) const {
        return rows.at(row).at(column(name));
    }
};
CsvTable parse_csv(const std::string& text);

/// A vector dataset as GDAL sees it (first layer unless `layer` is named).
struct LayerInfo {
    bool opened = false;
    std::string error;   ///< why it could not be opened
    std::string driver;  ///< GDAL short name
    int layer_count = 0;
    std::string layer_name;
    std::string geometry_type;  ///< OGRGeometryTypeToName of the layer ("Point", "Multi Polygon")
    long long feature_count = 0;
    std::vector<std::string> fields;
    struct Feature {
        std::map<std::string, std::string> values;  ///< field name -> text ("" when null)
        std::string geometry_type;                  ///< flattened, "" when no geometry
        double x = 0.0, y = 0.0;                    ///< Point geometries only
    };
    std::vector<Feature> features;
};
LayerInfo inspect_layer(const fs::path& path, const std::string& layer = "");

/// GDALVectorTranslate (the library behind ogr2ogr) from `source` to `destination` with
/// ogr2ogr-style options, e.g. {"-t_srs", "EPSG:2154"}. Returns "" on success, else the reason.
std::string vector_translate(const fs::path& source, const fs::path& destination,
                             const std::vector<std::string>& options);

}  // namespace sitecover::test
