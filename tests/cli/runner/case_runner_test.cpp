// The CLI bad-input catalogue runner: reads every tests/cli/cases/*.case file and registers one
// GoogleTest per case (suite `cases`, or `cases_slow` for `slow: yes`; ctest labels `cli` and
// `slow` come from tests/CMakeLists.txt). The format is described in tests/cli/README.md.
//
// Each case runs in a fresh temporary directory ({tmp}, also the working directory of setup
// and of the run): setup commands through /bin/sh, then the sitecover binary with the `run`
// words as its exact argument vector (no shell), then the checks. Every run also checks that
// no staged temporary (`.sitecover-tmp-*`) is left anywhere under {tmp}; `fails-cleanly: yes`
// adds the checks of a clean failure (case_file.hpp).

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <glob.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "cli/cli_test_support.hpp"
#include "cli/runner/case_file.hpp"

namespace {

namespace fs = std::filesystem;
using sitecover::test::CliCase;

const std::string kCasesDir = std::string(SITECOVER_TEST_SOURCE_DIR) + "/cli/cases";
// {src}: the source tree (tests/ is one level below it).
const std::string kSourceDir = fs::path(SITECOVER_TEST_SOURCE_DIR).parent_path().string();
constexpr double kTimeoutS = 120.0;
constexpr double kSlowTimeoutS = 900.0;

std::vector<std::string> glob_paths(const std::string& pattern) {
    std::vector<std::string> paths;
    glob_t found{};
    if (::glob(pattern.c_str(), GLOB_NOSORT, nullptr, &found) == 0) {
        for (std::size_t i = 0; i < found.gl_pathc; ++i) paths.emplace_back(found.gl_pathv[i]);
    }
    ::globfree(&found);
    return paths;
}

// Bytes and identity of a file, to prove a run left it alone.
struct FileState {
    bool exists = false;
    dev_t device = 0;
    ino_t inode = 0;
    std::string bytes;
    bool operator==(const FileState&) const = default;
};
FileState file_state(const std::string& path) {
    FileState state;
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) return state;
    state.exists = true;
    state.device = info.st_dev;
    state.inode = info.st_ino;
    if (S_ISREG(info.st_mode)) state.bytes = sitecover::test::read_file(path);
    return state;
}

// Runs one setup command through /bin/sh in `cwd`; returns "" or what went wrong.
std::string run_setup(const std::string& command, const std::string& cwd) {
    const pid_t pid = ::fork();
    if (pid < 0) return "fork failed";
    if (pid == 0) {
        if (::chdir(cwd.c_str()) != 0) ::_exit(126);
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
    return "setup failed (status " + std::to_string(status) + "): " + command;
}

std::vector<std::string> staged_leftovers(const fs::path& dir) {
    std::vector<std::string> found;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->path().filename().string().rfind(".sitecover-tmp-", 0) == 0) {
            found.push_back(it->path().string());
        }
    }
    return found;
}

// Placeholders expanded; a relative path is taken from {tmp} (the run's working directory).
std::string case_path(const std::string& text, const std::string& tmp) {
    const std::string path =
        sitecover::test::expand(text, tmp, sitecover::test::kDataDir, kSourceDir);
    return path.empty() || path[0] == '/' ? path : tmp + "/" + path;
}

template <typename Expand>
void check_clean_failure(const sitecover::test::CliResult& result, const CliCase& c,
                         const Expand& x) {
    EXPECT_EQ(result.out, "") << result.report();
    // Warnings first, then one error, which runs to the end (GDAL's own message may span
    // lines, e.g. an OGR SQL syntax error with its caret line).
    const auto lines = result.err_lines();
    std::size_t first_error = 0;
    while (first_error < lines.size() && lines[first_error].rfind("sitecover: warning: ", 0) == 0)
        ++first_error;
    ASSERT_LT(first_error, lines.size()) << "no error line\n" << result.report();
    EXPECT_EQ(lines[first_error].rfind("sitecover: error: ", 0), 0u) << result.report();
    std::string error;
    for (std::size_t i = first_error; i < lines.size(); ++i) {
        error += (i > first_error ? "\n" : "") + lines[i];
        if (i > first_error) {
            EXPECT_EQ(lines[i].rfind("sitecover: ", 0), std::string::npos) << result.report();
        }
    }
    for (const auto& s : c.stderr_has)
        EXPECT_NE(error.find(x(s)), std::string::npos) << "the error lacks: " << x(s) << "\n"
                                                       << result.report();
}

class CaseTest : public testing::Test {
public:
    explicit CaseTest(CliCase c) : case_(std::move(c)) {}
    void TestBody() override;

private:
    void check_files(const std::string& tmp) const;
    CliCase case_;
};

void CaseTest::TestBody() {
    const CliCase& c = case_;
    SCOPED_TRACE(c.file_stem + ".case:" + std::to_string(c.line) + ": " + c.description);
    ASSERT_TRUE(c.error.empty()) << c.error;
    if (c.root && ::geteuid() != 0) GTEST_SKIP() << "needs root (root: yes)";
    const sitecover::test::TempDir dir("sitecover-case");
    const std::string tmp = dir.path().string();
    const auto x = [&](const std::string& text) {
        return sitecover::test::expand(text, tmp, sitecover::test::kDataDir, kSourceDir);
    };
    for (const auto& command : c.setup) {
        const std::string problem = run_setup(x(command), tmp);
        ASSERT_TRUE(problem.empty()) << problem;
    }
    std::vector<std::string> args;
    try {
        args = sitecover::test::split_words(c.run);
    } catch (const std::exception& e) {
        FAIL() << e.what();
    }
    for (auto& a : args) a = x(a);
    std::vector<FileState> before;
    const auto at = [&](const std::string& path) { return case_path(path, tmp); };
    for (const auto& path : c.unchanged) before.push_back(file_state(at(path)));
    const auto tree_before = c.fails_cleanly ? dir.snapshot() : decltype(dir.snapshot()){};

    sitecover::test::CliOptions options;
    options.cwd = tmp;
    options.timeout_s = c.slow ? kSlowTimeoutS : kTimeoutS;
    if (!c.stdin_path.empty()) options.stdin_path = at(c.stdin_path);
    if (!c.stdout_to.empty()) options.stdout_path = at(c.stdout_to);
    for (const auto& [name, value] : c.env) options.env[name] = x(value);
    const auto result = sitecover::test::run_cli(args, options);

    EXPECT_FALSE(result.timed_out) << result.report();
    if (c.exit_code) {
        EXPECT_EQ(result.exit_code, *c.exit_code) << result.report();
    }
    for (const auto& s : c.stderr_has)
        EXPECT_NE(result.err.find(x(s)), std::string::npos) << "stderr lacks: " << x(s) << "\n"
                                                            << result.report();
    for (const auto& s : c.stderr_not)
        EXPECT_EQ(result.err.find(x(s)), std::string::npos) << "stderr holds: " << x(s) << "\n"
                                                            << result.report();
    for (const auto& s : c.stdout_has)
        EXPECT_NE(result.out.find(x(s)), std::string::npos) << "stdout lacks: " << x(s) << "\n"
                                                            << result.report();
    for (std::size_t i = 0; i < c.unchanged.size(); ++i) {
        EXPECT_TRUE(before[i].exists) << "unchanged: " << at(c.unchanged[i]) << " missing before";
        EXPECT_TRUE(file_state(at(c.unchanged[i])) == before[i])
            << "changed: " << at(c.unchanged[i]) << "\n"
            << result.report();
    }
    if (c.fails_cleanly) {
        check_clean_failure(result, c, x);
        EXPECT_EQ(dir.snapshot(), tree_before) << "the failed run changed {tmp}";
    }
    check_files(tmp);
}

void CaseTest::check_files(const std::string& tmp) const {
    const auto x = [&](const std::string& path) { return case_path(path, tmp); };
    for (const auto& pattern : case_.exists)
        EXPECT_FALSE(glob_paths(x(pattern)).empty()) << "nothing matches " << x(pattern);
    for (const auto& pattern : case_.absent) {
        const auto found = glob_paths(x(pattern));
        EXPECT_TRUE(found.empty()) << "should not exist: " << found.front();
    }
    for (const auto& path : case_.fifo) {
        struct stat info {};
        EXPECT_TRUE(::lstat(x(path).c_str(), &info) == 0 && S_ISFIFO(info.st_mode))
            << "not a FIFO any more: " << x(path);
    }
    const auto leftovers = staged_leftovers(tmp);
    EXPECT_TRUE(leftovers.empty()) << "staged file left: " << leftovers.front();
}

// Registers every case of every file before main() runs the tests.
const bool kRegistered = [] {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kCasesDir, ec)) {
        if (entry.path().extension() == ".case") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::vector<CliCase> cases;
        try {
            cases = sitecover::test::parse_case_file(file.string());
        } catch (const std::exception& e) {
            CliCase broken;
            broken.file_stem = file.stem().string();
            broken.description = "unreadable case file";
            broken.error = e.what();
            cases.push_back(broken);
        }
        for (const auto& c : cases) {
            const char* suite = c.slow ? "cases_slow" : "cases";
            testing::RegisterTest(suite, c.test_name().c_str(), nullptr, nullptr, file.c_str(),
                                  c.line, [c]() -> testing::Test* { return new CaseTest(c); });
        }
    }
    return true;
}();

}  // namespace
