#include "file_stamp.hpp"

#include "sitecover/error.hpp"

namespace sitecover::geodata::detail {

FileStamp stamp_of(const std::string& path) {
    FileStamp stamp;
    std::error_code ec;
    if (path.rfind("/vsi", 0) == 0 || !std::filesystem::is_regular_file(path, ec)) return stamp;
    stamp.size_bytes = std::filesystem::file_size(path, ec);
    if (ec) return stamp;
    stamp.modified = std::filesystem::last_write_time(path, ec);
    if (ec) return stamp;
    stamp.regular = true;
    return stamp;
}

void check_unchanged(const std::string& path, const FileStamp& before) {
    if (!before.regular) return;
    const FileStamp now = stamp_of(path);
    if (now.regular && now.size_bytes == before.size_bytes && now.modified == before.modified)
        return;
    std::string what = !now.regular ? "it is gone or no longer a regular file"
                       : now.size_bytes != before.size_bytes
                           ? std::to_string(before.size_bytes) + " bytes when opened, " +
                                 std::to_string(now.size_bytes) + " now"
                           : "modified since it was opened";
    throw InputError("file '" + path + "' changed while it was being read (" + what +
                     "): run again on a copy that does not change");
}

}  // namespace sitecover::geodata::detail
