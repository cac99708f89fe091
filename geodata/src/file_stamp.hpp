#pragma once
// Telling whether an input file changed while it was being read (private to geodata): a long
// run over a file that another program rewrites would otherwise mix two versions silently.

#include <cstdint>
#include <filesystem>
#include <string>

namespace sitecover::geodata::detail {

/// Size and modification time of a regular file (anything else: not checked).
struct FileStamp {
    bool regular = false;
    std::uintmax_t size_bytes = 0;
    std::filesystem::file_time_type modified;
};

/// The stamp of `path` now; `regular` is false for a directory, a GDAL /vsi path or a missing
/// file. Does not throw.
FileStamp stamp_of(const std::string& path);

/// Throws InputError naming the file when its size or modification time differs from `before`
/// (nothing for files that were not regular). Call when the reading is over.
void check_unchanged(const std::string& path, const FileStamp& before);

}  // namespace sitecover::geodata::detail
