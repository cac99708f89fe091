#include "cli/runner/case_file.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

namespace sitecover::test {
namespace {

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

// "path   # comment" -> "path" (only after a blank, so "a#b" stays whole).
std::string drop_trailing_comment(const std::string& value) {
    for (std::size_t i = 1; i < value.size(); ++i) {
        if (value[i] == '#' && (value[i - 1] == ' ' || value[i - 1] == '\t')) {
            return trim(value.substr(0, i));
        }
    }
    return value;
}

bool yes(const std::string& value) { return value == "yes" || value == "true"; }

// Applies one `key: value` line to the case; returns "" or what is wrong with it.
std::string apply(CliCase& c, const std::string& key, std::string value) {
    static const std::map<std::string, bool> kKeys = {
        {"case", false},        {"setup", false},      {"run", false}, {"stderr", false},
        {"stdout", false},      {"stderr-not", false}, {"exit", true}, {"exists", true},
        {"absent", true},       {"unchanged", true},   {"fifo", true}, {"stdin", true},
        {"stdout-to", true},    {"slow", true},        {"root", true}, {"env", false},
        {"fails-cleanly", true}};
    const auto known = kKeys.find(key);
    if (known == kKeys.end()) return "unknown key '" + key + "'";
    if (known->second) value = drop_trailing_comment(value);
    if (key == "case") {
        c.description = value;
    } else if (key == "setup") {
        c.setup.push_back(value);
    } else if (key == "run") {
        if (!c.run.empty()) return "'run' given twice";
        c.run = value;
    } else if (key == "stdin") {
        c.stdin_path = value;
    } else if (key == "stdout-to") {
        c.stdout_to = value;
    } else if (key == "exit") {
        std::size_t used = 0;
        try {
            c.exit_code = std::stoi(value, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != value.size()) return "exit is not a number: '" + value + "'";
    } else if (key == "stderr") {
        c.stderr_has.push_back(value);
    } else if (key == "stderr-not") {
        c.stderr_not.push_back(value);
    } else if (key == "stdout") {
        c.stdout_has.push_back(value);
    } else if (key == "exists") {
        c.exists.push_back(value);
    } else if (key == "absent") {
        c.absent.push_back(value);
    } else if (key == "unchanged") {
        c.unchanged.push_back(value);
    } else if (key == "fifo") {
        c.fifo.push_back(value);
    } else if (key == "slow") {
        c.slow = yes(value);
    } else if (key == "root") {
        c.root = yes(value);
    } else if (key == "env") {
        const std::size_t eq = value.find('=');
        if (eq == std::string::npos || eq == 0) return "env is not NAME=VALUE: '" + value + "'";
        c.env.emplace_back(value.substr(0, eq), value.substr(eq + 1));
    } else if (key == "fails-cleanly") {
        c.fails_cleanly = yes(value);
    }
    return {};
}

void finish(std::vector<CliCase>& cases, CliCase& current, bool& open) {
    if (!open) return;
    if (current.error.empty() && current.description.empty()) current.error = "no 'case:' line";
    if (current.error.empty() && current.run.empty()) current.error = "no 'run:' line";
    current.number = static_cast<int>(cases.size()) + 1;
    cases.push_back(current);
    open = false;
}

}  // namespace

std::string CliCase::test_name() const {
    std::string slug;
    for (const char ch : description) {
        const auto u = static_cast<unsigned char>(ch);
        if (std::isalnum(u) != 0) {
            slug += static_cast<char>(std::tolower(u));
        } else if (!slug.empty() && slug.back() != '_') {
            slug += '_';
        }
        if (slug.size() >= 60) break;
    }
    while (!slug.empty() && slug.back() == '_') slug.pop_back();
    std::string stem;
    for (const char ch : file_stem) {
        stem += std::isalnum(static_cast<unsigned char>(ch)) != 0 ? ch : '_';
    }
    std::string name = stem + (number < 10 ? "_0" : "_") + std::to_string(number);
    if (!slug.empty()) name += "_" + slug;
    return name;
}

std::vector<CliCase> parse_case_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("test: cannot read " + path);
    const std::string stem = std::filesystem::path(path).stem().string();
    std::vector<CliCase> cases;
    CliCase current;
    bool open = false;
    std::string raw;
    int line_number = 0;
    while (std::getline(in, raw)) {
        ++line_number;
        const std::string line = trim(raw);
        if (line.empty()) {
            finish(cases, current, open);
            continue;
        }
        if (line[0] == '#') continue;
        if (!open) {
            current = CliCase{};
            current.file_stem = stem;
            current.line = line_number;
            open = true;
        }
        const auto colon = line.find(':');
        const std::string where = path + ":" + std::to_string(line_number) + ": ";
        if (colon == std::string::npos) {
            if (current.error.empty()) current.error = where + "no 'key:' in '" + line + "'";
            continue;
        }
        const std::string problem =
            apply(current, trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
        if (!problem.empty() && current.error.empty()) current.error = where + problem;
    }
    finish(cases, current, open);
    return cases;
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\t') {
            if (in_word) words.push_back(word);
            word.clear();
            in_word = false;
            continue;
        }
        in_word = true;
        if (c == '\\' && i + 1 < text.size()) {
            word += text[++i];
        } else if (c == '\'') {
            const auto end = text.find('\'', i + 1);
            if (end == std::string::npos) throw std::invalid_argument("unterminated ' in: " + text);
            word += text.substr(i + 1, end - i - 1);
            i = end;
        } else if (c == '"') {
            std::size_t j = i + 1;
            for (; j < text.size() && text[j] != '"'; ++j) {
                if (text[j] == '\\' && j + 1 < text.size() &&
                    (text[j + 1] == '"' || text[j + 1] == '\\')) {
                    ++j;
                }
                word += text[j];
            }
            if (j >= text.size()) throw std::invalid_argument("unterminated \" in: " + text);
            i = j;
        } else {
            word += c;
        }
    }
    if (in_word) words.push_back(word);
    return words;
}

std::string expand(std::string text, const std::string& tmp, const std::string& data,
                   const std::string& src) {
    const std::pair<std::string, const std::string*> keys[] = {
        {"{tmp}", &tmp}, {"{data}", &data}, {"{src}", &src}};
    for (const auto& [key, value] : keys) {
        for (auto at = text.find(key); at != std::string::npos;
             at = text.find(key, at + value->size())) {
            text.replace(at, key.size(), *value);
        }
    }
    return text;
}

}  // namespace sitecover::test
