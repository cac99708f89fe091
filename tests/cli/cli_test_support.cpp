#include "cli/cli_test_support.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_api.h>

extern char** environ;

namespace sitecover::test {
namespace {

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

int open_or_throw(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0600);
    if (fd < 0)
        throw std::runtime_error("test: cannot open " + path.string() + ": " +
                                 std::strerror(errno));
    return fd;
}

std::vector<std::string> child_environment(const CliOptions& options) {
    std::map<std::string, std::string> env;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string text = *entry;
        const auto eq = text.find('=');
        if (eq != std::string::npos) env[text.substr(0, eq)] = text.substr(eq + 1);
    }
    if (options.env.count("SITECOVER_DATA") == 0) env.erase("SITECOVER_DATA");
    for (const auto& [name, value] : options.env) {
        if (value) {
            env[name] = *value;
        } else {
            env.erase(name);
        }
    }
    std::vector<std::string> out;
    for (const auto& [name, value] : env) out.push_back(name + "=" + value);
    return out;
}

void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

}  // namespace

std::vector<std::string> CliResult::err_lines() const {
    std::vector<std::string> lines;
    std::istringstream in(err);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

std::string CliResult::report() const {
    std::ostringstream text;
    text << "command: " << command << "\nexit code: " << exit_code
         << (timed_out ? " (timed out)" : "") << "\n--- stderr ---\n"
         << err << "--- stdout (first 600 bytes) ---\n"
         << out.substr(0, 600) << "\n";
    return text.str();
}

CliResult run_cli(const std::vector<std::string>& args, const CliOptions& options) {
    CliResult result;
    std::vector<std::string> argv_text{kCliPath};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    for (const auto& a : argv_text) result.command += (result.command.empty() ? "" : " ") + a;

    const TempDir capture("sitecover-cli-capture");
    const Fd out_fd(options.stdout_path.empty()
                        ? open_or_throw(capture / "stdout", O_WRONLY | O_CREAT | O_TRUNC)
                        : open_or_throw(options.stdout_path, O_WRONLY | O_CREAT | O_TRUNC));
    const Fd err_fd(open_or_throw(capture / "stderr", O_WRONLY | O_CREAT | O_TRUNC));
    const Fd null_fd(open_or_throw(
        options.stdin_path.empty() ? fs::path("/dev/null") : options.stdin_path, O_RDONLY));

    // Everything the child needs is prepared before fork: it only calls async-signal-safe
    // functions (dup2, chdir, execve, _exit).
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_text = child_environment(options);
    std::vector<char*> envp;
    for (auto& e : env_text) envp.push_back(e.data());
    envp.push_back(nullptr);
    const std::string cwd = options.cwd.string();

    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error(std::string("test: fork failed: ") + std::strerror(errno));
    if (pid == 0) {
        if (::dup2(null_fd.get(), 0) < 0 || ::dup2(out_fd.get(), 1) < 0 ||
            ::dup2(err_fd.get(), 2) < 0) {
            ::_exit(125);
        }
        if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }

    int status = 0;
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::duration<double>(options.timeout_s);
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) throw std::runtime_error("test: waitpid failed");
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            result.timed_out = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.exit_code = 128 + WTERMSIG(status);
    }
    result.out = read_file(capture / "stdout");
    result.err = read_file(capture / "stderr");
    return result;
}

std::size_t CsvTable::column(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return i;
    }
    throw std::out_of_range("test: no CSV column '" + name + "'");
}

CsvTable parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    bool any = false;  // the current record has content
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            record.push_back(field);
            field.clear();
            any = true;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            record.push_back(field);
            records.push_back(record);
            record.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any) {
        record.push_back(field);
        records.push_back(record);
    }
    CsvTable table;
    if (!records.empty()) {
        table.header = records.front();
        table.rows.assign(records.begin() + 1, records.end());
    }
    return table;
}

LayerInfo inspect_layer(const fs::path& path, const std::string& layer_name) {
    ensure_gdal();
    LayerInfo info;
    CPLErrorReset();
    GDALDatasetH ds =
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (ds == nullptr) {
        info.error = CPLGetLastErrorMsg();
        if (info.error.empty()) info.error = "not a vector dataset";
        return info;
    }
    info.opened = true;
    info.driver = GDALGetDriverShortName(GDALGetDatasetDriver(ds));
    info.layer_count = GDALDatasetGetLayerCount(ds);
    OGRLayerH layer = layer_name.empty()
                          ? (info.layer_count > 0 ? GDALDatasetGetLayer(ds, 0) : nullptr)
                          : GDALDatasetGetLayerByName(ds, layer_name.c_str());
    if (layer == nullptr) {
        info.error = "no such layer";
        GDALClose(ds);
        return info;
    }
    info.layer_name = OGR_L_GetName(layer);
    info.geometry_type = OGRGeometryTypeToName(OGR_L_GetGeomType(layer));
    info.feature_count = OGR_L_GetFeatureCount(layer, TRUE);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        info.fields.push_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    }
    OGR_L_ResetReading(layer);
    while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
        LayerInfo::Feature f;
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
            f.values[info.fields[static_cast<std::size_t>(i)]] =
                OGR_F_IsFieldSetAndNotNull(feature, i) ? OGR_F_GetFieldAsString(feature, i) : "";
        }
        if (OGRGeometryH geometry = OGR_F_GetGeometryRef(feature)) {
            const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(geometry));
            f.geometry_type = OGRGeometryTypeToName(type);
            if (type == wkbPoint) {
                f.x = OGR_G_GetX(geometry, 0);
                f.y = OGR_G_GetY(geometry, 0);
            }
        }
        info.features.push_back(std::move(f));
        OGR_F_Destroy(feature);
    }
    GDALClose(ds);
    return info;
}

std::string vector_translate(const fs::path& source, const fs::path& destination,
                             const std::vector<std::string>& options) {
    ensure_gdal();
    CPLErrorReset();
    GDALDatasetH src =
        GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (src == nullptr) return "cannot open " + source.string() + ": " + CPLGetLastErrorMsg();
    std::vector<std::string> text = options;
    std::vector<char*> argv;
    for (auto& t : text) argv.push_back(t.data());
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* parsed = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    if (parsed == nullptr) {
        GDALClose(src);
        return std::string("bad ogr2ogr options: ") + CPLGetLastErrorMsg();
    }
    int usage_error = 0;
    GDALDatasetH out =
        GDALVectorTranslate(destination.c_str(), nullptr, 1, &src, parsed, &usage_error);
    GDALVectorTranslateOptionsFree(parsed);
    GDALClose(src);
    if (out == nullptr) return std::string("GDALVectorTranslate failed: ") + CPLGetLastErrorMsg();
    GDALClose(out);
    return {};
}

CliResult run_report(const std::vector<std::string>& extra, const fs::path& cwd,
                     const std::string& lang,
                     const std::map<std::string, std::optional<std::string>>& env) {
    std::vector<std::string> args{"report", "--data", kDataDir};
    args.insert(args.end(), extra.begin(), extra.end());
    CliOptions options;
    options.cwd = cwd;
    options.env = {{"LC_ALL", std::nullopt}, {"LC_MESSAGES", std::nullopt}, {"LANG", lang}};
    for (const auto& [name, value] : env) options.env[name] = value;
    return run_cli(args, options);
}

}  // namespace sitecover::test
