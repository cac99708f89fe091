#pragma once
// Fuzz input as a file of GDAL's in-memory file system (/vsimem/), and a GDAL reduced to the
// drivers a harness means to test (bytes of another format would otherwise reach GDAL drivers
// whose bugs are not ours to find here).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <cpl_vsi.h>
#include <gdal.h>

#include "sitecover/error.hpp"
#include "sitecover/geodata/area_loader.hpp"

namespace sitecover::fuzz {

/// Registers GDAL through the library (its one-time setup also installs its error handler),
/// then deregisters every driver but `keep`.
inline void keep_only_gdal_driver(const char* keep) {
    try {
        geodata::load_areas({"/nonexistent/sitecover-fuzz-init.geojson", "", "", ""});
    } catch (const sitecover::Error&) {
    }
    for (int i = GDALGetDriverCount() - 1; i >= 0; --i) {
        GDALDriverH driver = GDALGetDriver(i);
        if (std::string(GDALGetDriverShortName(driver)) != keep) {
            GDALDeregisterDriver(driver);
            GDALDestroyDriver(driver);  // a deregistered driver is no longer owned by GDAL
        }
    }
}

/// The bytes as /vsimem/ file `path` for the lifetime of the object.
class MemFile {
public:
    MemFile(std::string path, const std::uint8_t* data, std::size_t size)
        : path_(std::move(path)), bytes_(data, data + size) {
        VSIFCloseL(VSIFileFromMemBuffer(path_.c_str(), bytes_.data(), bytes_.size(), FALSE));
    }
    ~MemFile() { VSIUnlink(path_.c_str()); }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::vector<GByte> bytes_;
};

}  // namespace sitecover::fuzz
