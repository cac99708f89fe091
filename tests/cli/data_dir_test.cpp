// The data directory search of the CLI (tools/data_dir.cpp): --data, then $SITECOVER_DATA,
// then the usual places; the errors say how to point at the data.

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"
#include "error_message.hpp"
#include "inputs.hpp"
#include "sitecover/error.hpp"
#include "sitecover/report/data_dir.hpp"

namespace {

namespace fs = std::filesystem;
namespace cli = sitecover::cli;
using sitecover::InputError;
using sitecover::test::error_of;
using sitecover::test::expect_mentions;
using sitecover::test::TempDir;

// Sets or unsets an environment variable for the life of the object.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) {
            ::setenv(name, value->c_str(), 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_, old_->c_str(), 1);
        } else {
            ::unsetenv(name_);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

TEST(FindDataDir, ExplicitDirectoryWinsOverTheEnvironment) {
    const TempDir a, b;
    const ScopedEnv env("SITECOVER_DATA", b.path().string());
    EXPECT_EQ(cli::find_data_dir(a.path().string()), a.path());
    EXPECT_EQ(cli::find_data_dir(), b.path());
}

TEST(FindDataDir, MissingDirectoriesSayHowToPointAtTheData) {
    const TempDir tmp;
    const std::string missing = (tmp / "no-geodata").string();
    {
        const ScopedEnv env("SITECOVER_DATA", std::nullopt);
        expect_mentions(
            error_of<InputError>([&] { cli::find_data_dir(missing); }),
            {"data directory '" + missing + "' not found", "--data DIR", "SITECOVER_DATA"});
    }
    const ScopedEnv env("SITECOVER_DATA", missing);
    expect_mentions(
        error_of<InputError>([&] { cli::find_data_dir(); }),
        {"data directory '" + missing + "' (from SITECOVER_DATA) not found", "--data DIR"});
}

TEST(FindDataDir, FallsBackToADirectoryHoldingTheDefaults) {
    const ScopedEnv env("SITECOVER_DATA", std::nullopt);
    const fs::path dir = cli::find_data_dir();
    EXPECT_TRUE(fs::is_regular_file(dir / sitecover::report::defaults::kAreas)) << dir;
    EXPECT_TRUE(fs::is_regular_file(dir / sitecover::report::defaults::kSites)) << dir;
    EXPECT_TRUE(fs::is_regular_file(dir / sitecover::report::defaults::kCommunes)) << dir;
}

}  // namespace
