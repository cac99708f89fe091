// Fuzz harness: bytes as a plain CSV of points, through is_plain_point_csv and open_point_csv
// (stopping at the first bad line, and skipping bad lines), read in small chunks.
//
// The reader opens a path with fopen, so the bytes go to a real temporary file.
// Checks: a header that is_plain_point_csv accepts opens; with skip_bad nothing throws after
// the header; both modes agree on the lines they read; good origins have a code and a valid
// position.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_harness.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/point_csv.hpp"
#include "sitecover/lon_lat.hpp"

namespace {

using namespace sitecover;

std::string temp_path() {
    static const std::string path = (std::filesystem::temp_directory_path() /
                                     ("sitecover-fuzz-" + std::to_string(::getpid()) + ".csv"))
                                        .string();
    return path;
}

struct Read {
    bool opened = false;
    bool failed = false;  // an InputError after the header
    std::vector<geodata::Origin> origins;
};

Read read_all(const std::string& path, const geodata::PointCsvOptions& options) {
    Read read;
    std::unique_ptr<geodata::OriginReader> reader;
    try {
        reader = geodata::open_point_csv(path, options);
    } catch (const InputError&) {
        return read;
    }
    read.opened = true;
    try {
        std::vector<geodata::Origin> chunk;
        while (reader->next_chunk(chunk, 3)) {
            SITECOVER_FUZZ_CHECK(!chunk.empty() && chunk.size() <= 3);
            read.origins.insert(read.origins.end(), chunk.begin(), chunk.end());
            chunk.clear();
        }
    } catch (const InputError&) {
        read.failed = true;
    }
    return read;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return 0; }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = temp_path();
    {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (f == nullptr) std::abort();
        if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
        std::fclose(f);
    }
    geodata::PointCsvOptions strict;
    geodata::PointCsvOptions lenient;
    lenient.skip_bad = true;

    const bool plain = geodata::is_plain_point_csv(path, strict);
    const Read a = read_all(path, strict);
    const Read b = read_all(path, lenient);
    SITECOVER_FUZZ_CHECK(a.opened == b.opened);
    if (plain) SITECOVER_FUZZ_CHECK(a.opened);
    SITECOVER_FUZZ_CHECK(!b.failed);
    std::size_t good = 0;
    for (const geodata::Origin& o : b.origins) {
        if (!o.error.empty()) continue;
        ++good;
        SITECOVER_FUZZ_CHECK(!o.code.empty());
        SITECOVER_FUZZ_CHECK(is_valid(o.position));
    }
    if (a.opened && !a.failed) {
        // No bad line: both modes read the same origins, none with an error.
        SITECOVER_FUZZ_CHECK(good == b.origins.size());
        SITECOVER_FUZZ_CHECK(a.origins.size() == b.origins.size());
        for (std::size_t i = 0; i < a.origins.size(); ++i) {
            SITECOVER_FUZZ_CHECK(a.origins[i].code == b.origins[i].code);
            SITECOVER_FUZZ_CHECK(a.origins[i].error.empty());
        }
    }
    if (a.failed) SITECOVER_FUZZ_CHECK(good < b.origins.size());
    return 0;
}
