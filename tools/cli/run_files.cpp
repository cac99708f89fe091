#include "run_files.hpp"

#include <filesystem>
#include <system_error>

#include "inputs.hpp"
#include "sitecover/error.hpp"
#include "sitecover/geodata/staged_file.hpp"
#include "sitecover/report/data_dir.hpp"

namespace sitecover::cli {
namespace {

namespace fs = std::filesystem;

bool is_output_option(const std::string& name) {
    const std::string suffix = "-output";
    return name == "--map" || name == "--html" ||
           (name.size() >= suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0);
}

// One spelling per file, even for files not created yet: absolute, links of the existing
// part resolved, "." and ".." gone.
std::string resolved(const std::string& path) {
    std::error_code ec;
    const fs::path name = fs::weakly_canonical(fs::absolute(path, ec), ec);
    return ec ? path : name.string();
}

bool same_target(const std::string& a, const std::string& b) {
    return resolved(a) == resolved(b) || geodata::same_file(a, b);
}

}  // namespace

std::vector<NamedFile> output_files(const Options& options) {
    std::vector<NamedFile> outputs;
    for (const auto& [option, path] : options.file_values()) {
        if (is_output_option(option) && path != "-") outputs.push_back({option, path});
    }
    return outputs;
}

std::vector<NamedFile> input_files(const Options& options) {
    std::vector<NamedFile> inputs;
    for (const auto& [option, path] : options.file_values()) {
        if (!is_output_option(option)) inputs.push_back({option, path});
    }
    const std::pair<const char*, const char*> defaults[] = {
        {"--sites", report::defaults::kSites},
        {"--areas", report::defaults::kAreas},
        {"--from", report::defaults::kCommunes},
        {"--population", report::defaults::kPopulation}};
    for (const auto& [option, relative] : defaults) {
        if (!options.declares(option) || options.has(option)) continue;
        try {
            const fs::path dir = find_data_dir(options.get("--data"));
            inputs.push_back({std::string(option) + " (default)", (dir / relative).string()});
        } catch (const InputError&) {
            // No data directory: the run fails later on its inputs, with the reason.
        }
    }
    return inputs;
}

void check_run_files(const std::vector<NamedFile>& outputs, const std::vector<NamedFile>& inputs) {
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        for (std::size_t j = i + 1; j < outputs.size(); ++j) {
            if (!same_target(outputs[i].path, outputs[j].path)) continue;
            throw UsageError("options '" + outputs[i].option + "' and '" + outputs[j].option +
                             "' name the same file '" + outputs[j].path +
                             "': give each output its own file name");
        }
        for (const NamedFile& input : inputs) {
            if (!same_target(outputs[i].path, input.path)) continue;
            throw OutputError(
                "output '" + outputs[i].path + "' (" + outputs[i].option +
                ") is also an input of this run (" + input.option + " '" + input.path +
                "'): sitecover never writes over its inputs; name another output file");
        }
    }
}

void check_run_files(const Options& options) {
    check_run_files(output_files(options), input_files(options));
}

}  // namespace sitecover::cli
