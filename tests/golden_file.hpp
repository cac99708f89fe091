#pragma once
// Reading the golden result files in tests/golden/: fields separated by " | ", lines starting
// with '#' are comments. Shared by the golden, CLI and road tests.

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace sitecover::test {

/// The rows of tests/golden/<name>, each split into its fields. Throws when the file is missing.
inline std::vector<std::vector<std::string>> read_golden_rows(const std::string& name) {
    const std::string path = std::string(SITECOVER_TEST_SOURCE_DIR) + "/golden/" + name;
    std::ifstream in(path);
    if (!in) throw std::runtime_error("test: cannot open " + path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> fields;
        std::size_t start = 0;
        for (std::size_t bar; (bar = line.find(" | ", start)) != std::string::npos;
             start = bar + 3) {
            fields.push_back(line.substr(start, bar - start));
        }
        fields.push_back(line.substr(start));
        rows.push_back(std::move(fields));
    }
    return rows;
}

}  // namespace sitecover::test
