#include "sitecover/geodata/staged_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>
#include <system_error>
#include <utility>

#include "checked_vsi.hpp"
#include "sitecover/error.hpp"
#include "staging_registry.hpp"

namespace sitecover::geodata {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kStagingPrefix = ".sitecover-tmp-";

// The process id in a staging directory's name ".sitecover-tmp-<pid>-<n>", or 0.
pid_t staging_owner(const std::string& name) {
    if (name.rfind(kStagingPrefix, 0) != 0) return 0;
    long long pid = 0;
    std::size_t at = kStagingPrefix.size();
    for (; at < name.size() && std::isdigit(static_cast<unsigned char>(name[at])) != 0; ++at) {
        pid = pid * 10 + (name[at] - '0');
        if (pid > INT_MAX) return 0;
    }
    if (at == kStagingPrefix.size() || at == name.size() || name[at] != '-') return 0;
    return static_cast<pid_t>(pid);
}

// Removes the staging directories in `dir` left by runs that were killed (SIGKILL, power
// loss): those whose process no longer exists. A process that exists, ours or another user's,
// keeps them. Each directory once per process; a failure is ignored (it was only tidying).
void remove_stale_staging_dirs(const fs::path& dir) {
    static std::mutex mutex;
    static std::set<std::string> done;
    {
        const std::lock_guard<std::mutex> lock(mutex);
        if (!done.insert(dir.string()).second) return;
    }
    std::error_code ec;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        const pid_t owner = staging_owner(it->path().filename().string());
        if (owner <= 0 || owner == ::getpid()) continue;
        std::error_code type_error;
        if (!fs::is_directory(fs::symlink_status(it->path(), type_error))) continue;
        if (::kill(owner, 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to ask)
        std::error_code ignored;
        fs::remove_all(it->path(), ignored);
    }
}

std::string kind_of(mode_t mode) {
    if (S_ISREG(mode)) return "";
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISLNK(mode)) return "a symbolic link";
    return "not a regular file";
}

[[noreturn]] void refuse_special(const std::string& name, const std::string& kind) {
    if (kind == "a directory") throw OutputError("output '" + name + "' is a directory");
    // The advice names two request fields: overwrite, and output for a table's path ("-":
    // standard output).
    throw OutputError(Message("output '" + name + "' is " + kind +
                              ", not a regular file: sitecover replaces regular files only, "
                              "even with ")
                          .field("overwrite")
                          .text(" (to stream a table, write it to standard output with ")
                          .field("output")
                          .text(" - and redirect that)"));
}

// Longest staged path handed to GDAL: its path buffers hold 2,048 bytes, and a driver may
// swap the extension or add a suffix (".xsd", "-journal").
constexpr std::size_t kMaxGdalPath_bytes = 2000;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// fsync of a file or a directory by name; 0 or the errno.
int sync_path(const std::string& path, bool directory) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
    if (fd < 0) return errno;
    const int result = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return result;
}

// Moves `from` to `to` unless `to` exists; 0 or the errno (EEXIST: something is there).
int publish_without_replacing(const std::string& from, const std::string& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) return errno;
    // A file system without RENAME_NOREPLACE: link() refuses an existing name as well.
    if (::link(from.c_str(), to.c_str()) != 0) return errno;
    ::unlink(from.c_str());
    return 0;
}

bool is_regular(const std::string& path) {
    struct stat info {};
    return ::lstat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

std::atomic<unsigned> g_staged_count{0};  // per-process part of the staging names

// A format written as several files named after the main one.
struct FileFamily {
    const char* driver;
    const char* main_extension;
    std::vector<std::string> companions;
};

const std::vector<FileFamily>& file_families() {
    static const std::vector<FileFamily> families = {
        // The spatial indexes (.qix written by GDAL or MapServer, .sbn/.sbx by ArcGIS) are
        // not written by GDAL's driver but would be stale beside a new file.
        {"ESRI Shapefile", ".shp", {".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"}},
        {"GML", ".gml", {".xsd"}},  // the schema the .gml names
        {"MapInfo File", ".tab", {".dat", ".map", ".id", ".ind", ".mid"}},
    };
    return families;
}

const FileFamily* family_of_extension(const std::string& extension) {
    for (const FileFamily& family : file_families()) {
        if (extension == family.main_extension) return &family;
        for (const std::string& companion : family.companions)
            if (extension == companion) return &family;
    }
    return nullptr;
}

// One spelling per file, even for files not created yet: absolute, links of the existing part
// resolved, "." and ".." gone.
std::string resolved(const std::string& path) {
    std::error_code ec;
    const fs::path name = fs::weakly_canonical(fs::absolute(path, ec), ec);
    return ec ? path : name.string();
}

}  // namespace

std::string special_file_kind(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return "";
    return kind_of(info.st_mode);
}

void refuse_non_regular_output(const std::string& target) {
    if (const std::string kind = special_file_kind(target); !kind.empty())
        refuse_special(target, kind);
}

bool same_file(const std::string& a, const std::string& b) {
    struct stat first {
    }, second{};
    return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 &&
           first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

std::vector<std::string> companion_extensions(const std::string& driver_name) {
    for (const FileFamily& family : file_families())
        if (driver_name == family.driver) return family.companions;
    return {};
}

std::vector<std::string> files_of_output(const std::string& path, const std::string& driver) {
    std::vector<std::string> files{path};
    const fs::path name(path);
    std::vector<std::string> companions;
    if (!driver.empty()) {
        companions = companion_extensions(driver);
    } else {
        for (const FileFamily& family : file_families())
            if (lower(name.extension().string()) == family.main_extension)
                companions = family.companions;
    }
    for (const std::string& extension : companions)
        files.push_back((name.parent_path() / (name.stem().string() + extension)).string());
    return files;
}

std::vector<std::string> files_of_input(const std::string& path) {
    std::vector<std::string> files{path};
    const fs::path name(path);
    const FileFamily* family = family_of_extension(lower(name.extension().string()));
    if (family == nullptr) return files;
    const fs::path stem = name.parent_path() / name.stem();
    std::vector<std::string> extensions = family->companions;
    extensions.insert(extensions.begin(), family->main_extension);
    for (const std::string& extension : extensions) {
        std::string file = stem.string() + extension;
        if (file != path) files.push_back(std::move(file));
    }
    return files;
}

bool same_target(const std::string& a, const std::string& b) {
    return resolved(a) == resolved(b) || same_file(a, b);
}

std::pair<std::string, std::string> output_over_input(const std::vector<std::string>& output_files,
                                                      const std::vector<std::string>& inputs) {
    for (const std::string& input : inputs) {
        for (const std::string& read : files_of_input(input)) {
            for (const std::string& written : output_files)
                if (same_target(written, read)) return {written, input};
        }
    }
    return {};
}

StagedFile::StagedFile(std::string target, bool overwrite)
    : StagedFile(std::move(target), StagingOptions{overwrite, "", {}}) {}

StagedFile::StagedFile(std::string target, StagingOptions options)
    : target_(std::move(target)), options_(std::move(options)) {
    check_target();
    create_staging_dir();
}

void StagedFile::check_target() {
    if (target_.empty()) throw OutputError("empty output file name");
    destination_ = target_;
    struct stat info {};
    if (::lstat(target_.c_str(), &info) == 0) {
        if (S_ISLNK(info.st_mode)) {
            std::error_code ec;
            const fs::path resolved = fs::canonical(target_, ec);
            if (ec) {
                throw OutputError("output '" + target_ +
                                  "' is a symbolic link to a missing file: sitecover writes "
                                  "through a link only onto an existing regular file; remove "
                                  "the link or name another output");
            }
            destination_ = resolved.string();
        }
        if (const std::string kind = special_file_kind(destination_); !kind.empty())
            refuse_special(target_, kind);
        if (!options_.overwrite)
            throw OutputError(Message("output '" + target_ + "' already exists: use ")
                                  .field("overwrite")
                                  .text(" to replace it"));
    } else if (errno != ENOENT) {
        throw OutputError("output '" + target_ + "': " + std::strerror(errno));
    }
    const fs::path path(destination_);
    const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        throw OutputError("output '" + target_ + "': directory '" + dir.string() +
                          "' does not exist");
    }
    if (::access(dir.c_str(), W_OK | X_OK) != 0) {
        throw OutputError("output '" + target_ + "': directory '" + dir.string() +
                          "' is not writable");
    }
    refuse_inputs();
    for (const std::string& extension : options_.sidecar_extensions) {
        const fs::path sidecar = path.parent_path() / (path.stem().string() + extension);
        if (::lstat(sidecar.c_str(), &info) != 0) continue;
        const std::string kind = kind_of(info.st_mode);
        if (!kind.empty()) refuse_special(sidecar.string(), kind);
        if (!options_.overwrite) {
            throw OutputError(Message("output '" + sidecar.string() + "' (written with '" +
                                      target_ + "') already exists: use ")
                                  .field("overwrite")
                                  .text(" to replace it"));
        }
    }
}

void StagedFile::refuse_inputs() const {
    if (options_.inputs.empty()) return;
    const fs::path path(destination_);
    std::vector<std::string> written{target_, destination_};
    for (const std::string& extension : options_.sidecar_extensions)
        written.push_back((path.parent_path() / (path.stem().string() + extension)).string());
    const auto [output, input] = output_over_input(written, options_.inputs);
    if (output.empty()) return;
    const bool main_file = output == target_ || output == destination_;
    throw OutputError(
        "output '" + target_ + "' " +
        (main_file ? std::string("is also an input of this run")
                   : "writes '" + output + "' beside it, a file of an input of this run") +
        " ('" + input + "'): sitecover never writes over its inputs; name another output file");
}

void StagedFile::create_staging_dir() {
    const fs::path path(destination_);
    std::string name = path.filename().string();
    const std::string& extension = options_.extension;
    std::string own_extension = lower(path.extension().string());
    if (!own_extension.empty()) own_extension.erase(0, 1);  // without the dot
    if (!extension.empty() && own_extension != lower(extension)) name.append(".").append(extension);
    if (name.size() > NAME_MAX) {
        throw OutputError("output '" + target_ + "': the file name is longer than " +
                          std::to_string(NAME_MAX) + " bytes");
    }
    const fs::path dir =
        fs::absolute(path.parent_path().empty() ? fs::path(".") : path.parent_path());
    remove_stale_staging_dirs(dir);
    for (int attempt = 0; attempt < 100; ++attempt) {
        // Unique per output: process id and a per-process count. The name is short whatever
        // the target's length.
        std::string name_of_dir = ".sitecover-tmp-";
        name_of_dir.append(std::to_string(::getpid())).append("-");
        name_of_dir.append(std::to_string(g_staged_count++));
        const std::string staged = (dir / name_of_dir).string();
        slot_ = detail::register_staging_dir(staged);  // before mkdir: a signal finds it
        // GDAL builds file names in 2,048-byte buffers (CPLFormFilename): past that, its CSV
        // driver silently wrote the table to a file of the same name in the current directory.
        if (staged.size() + 1 + name.size() > kMaxGdalPath_bytes) {
            detail::unregister_staging_dir(slot_);
            slot_ = -1;
            throw OutputError("output '" + target_ + "': the path is too long (" +
                              std::to_string(dir.string().size() + 1 + name.size()) +
                              " bytes as an absolute path; GDAL handles at most about " +
                              std::to_string(kMaxGdalPath_bytes - 40) +
                              "): use a shorter directory");
        }
        if (::mkdir(staged.c_str(), 0700) == 0) {
            staging_dir_ = staged;
            temporary_ = staged + "/" + name;
            return;
        }
        const int error = errno;
        detail::unregister_staging_dir(slot_);
        slot_ = -1;
        if (error != EEXIST) {
            throw OutputError("output '" + target_ + "': cannot create a staging directory in '" +
                              dir.string() + "': " + std::strerror(error));
        }
    }
    throw OutputError("output '" + target_ + "': no free staging name in '" + dir.string() + "'");
}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : target_(std::move(other.target_)),
      destination_(std::move(other.destination_)),
      options_(std::move(other.options_)),
      staging_dir_(std::move(other.staging_dir_)),
      temporary_(std::move(other.temporary_)),
      slot_(other.slot_),
      committed_(other.committed_) {
    other.slot_ = -1;
    other.staging_dir_.clear();
    other.committed_ = true;  // the moved-from object owns nothing to remove
}

StagedFile::~StagedFile() {
    if (!staging_dir_.empty()) {
        if (!committed_) {
            std::error_code ec;
            fs::remove_all(staging_dir_, ec);
        }
        detail::forget_checked_vsi_failures(staging_dir_);
    }
    detail::unregister_staging_dir(slot_);
}

void StagedFile::commit() {
    if (committed_) throw OutputError("output '" + target_ + "' was already published");
    if (!is_regular(temporary_)) throw OutputError("output '" + target_ + "' was not written");
    const fs::path destination(destination_);
    const fs::path final_dir =
        destination.parent_path().empty() ? fs::path(".") : destination.parent_path();
    const std::string stem = fs::path(temporary_).stem().string();
    // (staged, published) pairs: sidecars first, the main file last.
    std::vector<std::pair<std::string, std::string>> files;
    for (const std::string& extension : options_.sidecar_extensions) {
        const std::string staged = staging_dir_ + "/" + stem + extension;
        if (is_regular(staged))
            files.emplace_back(staged, (final_dir / (stem + extension)).string());
    }
    files.emplace_back(temporary_, destination_);
    // Sidecars not written this time (an old .qix): removed with overwrite, never left stale.
    std::vector<std::string> stale;
    for (const std::string& extension : options_.sidecar_extensions) {
        const std::string published = (final_dir / (stem + extension)).string();
        if (options_.overwrite && !is_regular(staging_dir_ + "/" + stem + extension) &&
            is_regular(published))
            stale.push_back(published);
    }
    for (const auto& [staged, published] : files) {
        if (const int error = sync_path(staged, false); error != 0) {
            throw OutputError("cannot write '" + target_ + "': " + std::strerror(error));
        }
        if (options_.overwrite) {
            if (const std::string kind = special_file_kind(published); !kind.empty())
                refuse_special(published == destination_ ? target_ : published, kind);
        }
    }
    {
        const detail::PublishGuard guard;  // a signal now waits until the files are in place
        std::vector<std::string> published_now;
        for (const auto& [staged, published] : files) {
            const std::string name = published == destination_ ? target_ : published;
            if (options_.overwrite) {
                if (::rename(staged.c_str(), published.c_str()) != 0) {
                    throw OutputError("cannot move the finished output to '" + name +
                                      "': " + std::strerror(errno));
                }
                continue;
            }
            const int error = publish_without_replacing(staged, published);
            if (error == 0) {
                published_now.push_back(published);
                continue;
            }
            for (const std::string& done : published_now) ::unlink(done.c_str());
            if (error == EEXIST) {
                throw OutputError(Message("output '" + name +
                                          "' was created by another program while sitecover "
                                          "was running: it was left as it is and this run's "
                                          "result was not written (use ")
                                      .field("overwrite")
                                      .text(" to replace it)"));
            }
            throw OutputError("cannot move the finished output to '" + name +
                              "': " + std::strerror(error));
        }
        for (const std::string& old : stale) ::unlink(old.c_str());
        committed_ = true;
    }
    std::error_code ec;
    fs::remove_all(staging_dir_, ec);
    detail::forget_checked_vsi_failures(staging_dir_);
    detail::unregister_staging_dir(slot_);
    slot_ = -1;
    if (const int error = sync_path(final_dir.string(), true); error != 0) {
        throw OutputError("output '" + target_ +
                          "' was written but its directory could not be "
                          "synced to disk: " +
                          std::strerror(error));
    }
}

}  // namespace sitecover::geodata
