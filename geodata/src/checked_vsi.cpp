#include "checked_vsi.hpp"

#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>

#include <cpl_conv.h>
#include <cpl_vsi.h>

namespace sitecover::geodata::detail {
namespace {

constexpr const char* kPrefix = "/vsisitecover_checked/";

std::mutex g_mutex;
std::map<std::string, std::string> g_failures;  // directory -> first failure

// Writes go through stdio's buffer (one write(2) per field made the national communes run
// spend a third of its time in the kernel). C requires a flush or a seek between a write and
// a read on the same stream: `last` remembers the previous operation. A file open twice at
// once (SQLite reads what GDAL wrote through another handle) is flushed after every write.
enum class LastOp { None, Read, Write };

struct Handle {
    std::FILE* file = nullptr;
    std::string dir;   // where failures are recorded
    std::string path;  // the real path, to find other handles of the same file
    LastOp last = LastOp::None;
};

std::mutex g_open_mutex;
std::multimap<std::string, Handle*> g_open;  // real path -> its open handles

bool shared_file(const Handle& h) {
    const std::lock_guard<std::mutex> lock(g_open_mutex);
    return g_open.count(h.path) > 1;
}

std::string dir_of(const char* path) { return std::filesystem::path(path).parent_path().string(); }

void record(const std::string& dir, int error) {
    const std::string reason = error != 0 ? std::strerror(error) : "write failed";
    const std::lock_guard<std::mutex> lock(g_mutex);
    g_failures.emplace(dir, reason);  // keeps the first one
}

// The plugin hands over the name without the prefix: "tmp/x" for "/vsisitecover_checked/tmp/x".
std::string real(const char* name) {
    const std::size_t prefix = std::strlen(kPrefix);
    if (std::strncmp(name, kPrefix, prefix) == 0) name += prefix;
    return std::string("/") + name;
}

void* open_file(void*, const char* name, const char* access) {
    const std::string path = real(name);
    std::FILE* file = std::fopen(path.c_str(), access);
    if (file == nullptr) return nullptr;
    auto* handle = new Handle{file, dir_of(path.c_str()), path};
    const std::lock_guard<std::mutex> lock(g_open_mutex);
    // What the other handles of this file wrote must be visible to the new one.
    for (auto [it, end] = g_open.equal_range(path); it != end; ++it) {
        errno = 0;
        if (std::fflush(it->second->file) != 0) record(it->second->dir, errno);
        it->second->last = LastOp::None;
    }
    g_open.emplace(path, handle);
    return handle;
}

size_t write_file(void* handle, const void* buffer, size_t size, size_t count) {
    auto* h = static_cast<Handle*>(handle);
    // After a read, a seek to the current position lets the stream write.
    if (h->last == LastOp::Read) fseeko(h->file, 0, SEEK_CUR);
    h->last = LastOp::Write;
    errno = 0;
    const size_t written = std::fwrite(buffer, size, count, h->file);
    if (written != count) record(h->dir, errno);
    if (shared_file(*h)) {
        errno = 0;
        if (std::fflush(h->file) != 0) record(h->dir, errno);
    }
    return written;
}

int flush_file(void* handle) {
    auto* h = static_cast<Handle*>(handle);
    errno = 0;
    const int result = std::fflush(h->file);
    if (result != 0) record(h->dir, errno);
    return result;
}

int close_file(void* handle) {
    auto* h = static_cast<Handle*>(handle);
    errno = 0;
    const bool failed = std::ferror(h->file) != 0;
    const int result = std::fclose(h->file);
    if (result != 0 || failed) record(h->dir, result != 0 ? errno : 0);
    {
        const std::lock_guard<std::mutex> lock(g_open_mutex);
        for (auto [it, end] = g_open.equal_range(h->path); it != end; ++it) {
            if (it->second == h) {
                g_open.erase(it);
                break;
            }
        }
    }
    delete h;
    return result != 0 || failed ? -1 : 0;
}

size_t read_file(void* handle, void* buffer, size_t size, size_t count) {
    auto* h = static_cast<Handle*>(handle);
    if (h->last == LastOp::Write) {
        errno = 0;
        if (std::fflush(h->file) != 0) record(h->dir, errno);
    }
    h->last = LastOp::Read;
    return std::fread(buffer, size, count, h->file);
}

int seek_file(void* handle, vsi_l_offset offset, int whence) {
    auto* h = static_cast<Handle*>(handle);
    const bool pending_writes = h->last == LastOp::Write;
    h->last = LastOp::None;  // a seek flushes pending writes and lets either operation follow
    errno = 0;
    const int result = fseeko(h->file, static_cast<off_t>(offset), whence);
    // Only a failed flush of pending writes is a write failure (not a bad offset).
    if (result != 0 && pending_writes && errno != EINVAL) record(h->dir, errno);
    return result;
}

vsi_l_offset tell_file(void* handle) {
    return static_cast<vsi_l_offset>(ftello(static_cast<Handle*>(handle)->file));
}

int eof_file(void* handle) { return std::feof(static_cast<Handle*>(handle)->file); }

int truncate_file(void* handle, vsi_l_offset size) {
    auto* h = static_cast<Handle*>(handle);
    if (flush_file(handle) != 0) return -1;
    errno = 0;
    const int result = ftruncate(fileno(h->file), static_cast<off_t>(size));
    if (result != 0) record(h->dir, errno);
    return result;
}

int stat_file(void*, const char* name, VSIStatBufL* buffer, int flags) {
    return VSIStatExL(real(name).c_str(), buffer, flags);
}
int unlink_file(void*, const char* name) { return VSIUnlink(real(name).c_str()); }
int rename_file(void*, const char* from, const char* to) {
    return VSIRename(real(from).c_str(), real(to).c_str());
}
int make_dir(void*, const char* name, long mode) { return VSIMkdir(real(name).c_str(), mode); }
int remove_dir(void*, const char* name) { return VSIRmdir(real(name).c_str()); }
char** read_dir(void*, const char* name, int max_files) {
    return VSIReadDirEx(real(name).c_str(), max_files);
}

void install() {
    VSIFilesystemPluginCallbacksStruct* callbacks = VSIAllocFilesystemPluginCallbacksStruct();
    callbacks->open = open_file;
    callbacks->write = write_file;
    callbacks->flush = flush_file;
    callbacks->close = close_file;
    callbacks->read = read_file;
    callbacks->seek = seek_file;
    callbacks->tell = tell_file;
    callbacks->eof = eof_file;
    callbacks->truncate = truncate_file;
    callbacks->stat = stat_file;
    callbacks->unlink = unlink_file;
    callbacks->rename = rename_file;
    callbacks->mkdir = make_dir;
    callbacks->rmdir = remove_dir;
    callbacks->read_dir = read_dir;
    callbacks->nBufferSize = 0;  // no read cache: the handle reads and writes
    VSIInstallPluginHandler(kPrefix, callbacks);
    VSIFreeFilesystemPluginCallbacksStruct(callbacks);
}

}  // namespace

std::string checked_vsi_path(const std::string& path) {
    static std::once_flag once;
    std::call_once(once, install);
    const std::string absolute = std::filesystem::absolute(path).string();
    return kPrefix + absolute.substr(1);
}

std::string checked_vsi_failure(const std::string& dir) {
    const std::lock_guard<std::mutex> lock(g_mutex);
    const auto it = g_failures.find(dir);
    return it == g_failures.end() ? std::string() : it->second;
}

GDALDatasetH create_without_journal(GDALDriverH driver, const std::string& path) {
    CPLSetThreadLocalConfigOption("OGR_SQLITE_JOURNAL", "MEMORY");
    GDALDatasetH dataset = GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    CPLSetThreadLocalConfigOption("OGR_SQLITE_JOURNAL", nullptr);
    return dataset;
}

void forget_checked_vsi_failures(const std::string& dir) {
    const std::lock_guard<std::mutex> lock(g_mutex);
    g_failures.erase(dir);
}

}  // namespace sitecover::geodata::detail
