// Issue 12 from the command line: write failures on a full disk and on standard output, and
// termination signals in the middle of a run. Each leaves no staged file, no new target, and
// an earlier file byte-identical. (Simple refusals are in tests/cli/cases/outputs.case.)

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "cli_test_support.hpp"
#include "geodata/full_disk.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using sitecover::test::CliResult;
using sitecover::test::FullDisk;
using sitecover::test::kCliPath;
using sitecover::test::kDataDir;
using sitecover::test::read_file;
using sitecover::test::run_cli;
using sitecover::test::staged_leftovers;
using sitecover::test::TempDir;

// Starts the CLI with stdout and stderr sent to files (or devices); returns its pid.
pid_t spawn_cli(const std::vector<std::string>& args, const std::string& stdout_path,
                const std::string& stderr_path, const fs::path& cwd) {
    std::vector<std::string> argv_text = {kCliPath};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    // The child starts with default signal actions whatever the test runner ignores.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (const int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGUSR1, SIGXFSZ})
        sigaddset(&defaults, sig);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    pid_t pid = -1;
    const int error =
        posix_spawn(&pid, kCliPath.c_str(), &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    return error == 0 ? pid : -1;
}

int wait_status(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
    }
    return status;
}

// A plain CSV of `count` random points over France (fixed seed).
void write_points(const fs::path& path, int count) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    ASSERT_NE(file, nullptr);
    std::mt19937_64 random(20261129);
    std::uniform_real_distribution<double> lon(-4.0, 7.0), lat(42.5, 50.5);
    std::fputs("id,lon,lat\n", file);
    for (int i = 0; i < count; ++i)
        std::fprintf(file, "%d,%.6f,%.6f\n", i, lon(random), lat(random));
    ASSERT_EQ(std::fclose(file), 0);
}

class CliSignals : public ::testing::TestWithParam<int> {};

// A batch of two million points runs for seconds; the signal arrives once the output is
// staged. The process ends by the signal itself (the shell shows 128 + N), every staged file
// is gone and no output appears.
TEST_P(CliSignals, RemoveStagedFilesAndEndWithTheSignal) {
    const int sig = GetParam();
    const TempDir dir("sitecover-signals");
    write_points(dir / "points.csv", 2'000'000);
    for (const std::string output : {"out.csv", "out.geojson"}) {
        SCOPED_TRACE(output + " signal " + std::to_string(sig));
        const pid_t pid = spawn_cli({"nearest", "--data", kDataDir, "--from", "points.csv", "--k",
                                     "3", "--threads", "1", "--quiet", "-o", output},
                                    "/dev/null", (dir / "stderr.txt").string(), dir.path());
        ASSERT_GT(pid, 0);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (staged_leftovers(dir.path()).empty() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ASSERT_FALSE(staged_leftovers(dir.path()).empty()) << "the run never staged its output";
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // rows being written
        ASSERT_EQ(kill(pid, sig), 0);
        const int status = wait_status(pid);
        ASSERT_TRUE(WIFSIGNALED(status))
            << "exit status " << WEXITSTATUS(status) << ": " << read_file(dir / "stderr.txt");
        EXPECT_EQ(WTERMSIG(status), sig);
        EXPECT_TRUE(staged_leftovers(dir.path()).empty()) << staged_leftovers(dir.path()).front();
        EXPECT_FALSE(fs::exists(dir / output));
    }
}

INSTANTIATE_TEST_SUITE_P(IntTermHup, CliSignals, ::testing::Values(SIGINT, SIGTERM, SIGHUP));
// Issue 23, defect 10: the other signals that end a process (two of them dump core).
INSTANTIATE_TEST_SUITE_P(QuitUsr1Xfsz, CliSignals, ::testing::Values(SIGQUIT, SIGUSR1, SIGXFSZ));

// Runs the CLI with stdout to `stdout_path`; returns the exit code and stderr.
std::pair<int, std::string> run_with_stdout(const std::vector<std::string>& args,
                                            const std::string& stdout_path, const TempDir& dir) {
    const pid_t pid = spawn_cli(args, stdout_path, (dir / "stderr.txt").string(), dir.path());
    if (pid < 0) return {-1, "cannot start"};
    const int status = wait_status(pid);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
            read_file(dir / "stderr.txt")};
}

TEST(CliOutputs, StandardOutputOnAFullDeviceIsAnOutputError) {
    const TempDir dir;
    write_points(dir / "points.csv", 1000);
    const std::vector<std::vector<std::string>> runs = {
        {"coverage", "--data", kDataDir},                     // table on stdout (GDAL)
        {"coverage", "--data", kDataDir, "-o", "table.csv"},  // summary on stdout
        {"nearest", "--data", kDataDir, "--from", "points.csv", "--quiet"},  // streaming CSV
        {"nearest", "--data", kDataDir, "-o", "-", "-f", "GeoJSON"},
        {"plan", "--data", kDataDir, "--remove", "1271"},  // summary on stdout
        {"coverage", "--help"},
    };
    for (const auto& args : runs) {
        SCOPED_TRACE(args[0] + " " + args.back());
        fs::remove(dir / "table.csv");
        const auto [code, err] = run_with_stdout(args, "/dev/full", dir);
        EXPECT_EQ(code, 5) << err;
        EXPECT_NE(err.find("standard output"), std::string::npos) << err;
        EXPECT_TRUE(staged_leftovers(dir.path()).empty());
    }
}

// The CLI on a full disk, for each kind of output: exit 5, nothing new, an earlier file kept.
TEST(CliOutputs, AFullDiskFailsEveryOutputAndKeepsTheEarlierFile) {
    struct Run {
        std::vector<std::string> args;
        std::string output;
    };
    const std::vector<Run> runs = {
        {{"coverage", "-o", "out.geojson"}, "out.geojson"},
        {{"coverage", "-f", "KML", "-o", "out.kml"}, "out.kml"},
        {{"coverage", "-f", "GML", "-o", "out.gml"}, "out.gml"},
        {{"coverage", "-f", "GeoJSONSeq", "-o", "out.geojsonl"}, "out.geojsonl"},
        {{"coverage", "-o", "out.csv"}, "out.csv"},
        {{"nearest", "-o", "out.gpkg"}, "out.gpkg"},
        {{"nearest", "--from", "POINTS", "--quiet", "-o", "stream.csv"}, "stream.csv"},
        {{"report", "--map", "map.svg"}, "map.svg"},
        {{"report", "--map", "map.png"}, "map.png"},
        {{"report", "--map", "map.pdf"}, "map.pdf"},
        {{"report", "--html", "page.html"}, "page.html"},
        {{"report", "-o", "report.gpkg"}, "report.gpkg"},
    };
    const TempDir inputs;
    write_points(inputs / "points.csv", 20000);
    for (const Run& run : runs) {
        for (const bool earlier : {false, true}) {
            SCOPED_TRACE(run.output + (earlier ? " over an earlier file" : ""));
            const FullDisk disk(512);
            if (!disk.ok()) GTEST_SKIP() << disk.why();
            std::vector<std::string> args = run.args;
            for (std::string& a : args) {
                if (a == "POINTS") a = (inputs / "points.csv").string();
            }
            args.insert(args.begin() + 1, {"--data", kDataDir});
            if (earlier) {
                sitecover::test::write_file(disk.path() / run.output, "a good earlier file\n");
                args.push_back("--overwrite");
            }
            disk.fill();
            sitecover::test::CliOptions options;
            options.cwd = disk.path();
            const CliResult r = run_cli(args, options);
            EXPECT_EQ(r.exit_code, 5) << r.report();
            EXPECT_NE(r.err.find(run.output), std::string::npos) << r.report();
            EXPECT_TRUE(staged_leftovers(disk.path()).empty());
            if (earlier) {
                EXPECT_EQ(read_file(disk.path() / run.output), "a good earlier file\n");
                EXPECT_EQ(disk.entries().size(), 1u);
            } else {
                EXPECT_TRUE(disk.entries().empty()) << disk.entries().front();
            }
        }
    }
}

}  // namespace
