#include "run_files.hpp"

#include <filesystem>

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

}  // namespace

std::vector<NamedFile> output_files(const Options& options) {
    std::vector<NamedFile> outputs;
    for (const auto& [option, path] : options.file_values()) {
        if (is_output_option(option) && path != "-") outputs.push_back({option, path});
    }
    return outputs;
}

std::vector<NamedFile> input_files(const Options& options) {
    // "" is no directory (left out, the data directory is searched for: not what was asked).
    if (options.has("--data") && options.get("--data").empty())
        throw UsageError("option '--data': empty directory name");
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
            if (!geodata::same_target(outputs[i].path, outputs[j].path)) continue;
            throw UsageError("options '" + outputs[i].option + "' and '" + outputs[j].option +
                             "' name the same file '" + outputs[j].path +
                             "': give each output its own file name");
        }
        // Every file the output consists of: "s.shp" writes "s.dbf" too (the library's
        // writers check the same; here it is refused before any work, naming the options).
        const std::vector<std::string> written = geodata::files_of_output(outputs[i].path);
        for (const NamedFile& input : inputs) {
            const auto [file, read] = geodata::output_over_input(written, {input.path});
            if (file.empty()) continue;
            const std::string what =
                file == outputs[i].path
                    ? std::string("is also an input of this run")
                    : "writes '" + file + "' beside it, a file of an input of this run";
            throw OutputError("output '" + outputs[i].path + "' (" + outputs[i].option + ") " +
                              what + " (" + input.option + " '" + input.path +
                              "'): sitecover never writes over its inputs; name another output "
                              "file");
        }
    }
}

void check_run_files(const Options& options) {
    // Standard output takes one table: two would run into each other.
    std::vector<std::string> to_stdout;
    for (const auto& [option, path] : options.file_values()) {
        if (!is_output_option(option)) continue;
        if (path.empty()) throw UsageError("option '" + option + "': empty file name");
        if (path == "-") to_stdout.push_back(option);
    }
    if (to_stdout.size() > 1) {
        throw UsageError("options '" + to_stdout[0] + "' and '" + to_stdout[1] +
                         "' both write to standard output ('-'): standard output takes one "
                         "table; name a file for the other");
    }
    check_run_files(output_files(options), input_files(options));
}

}  // namespace sitecover::cli
