#pragma once
// The CLI bad-input catalogue's expectation files (tests/cli/cases/*.case): parsing only.
//
// A case is a block of `key: value` lines; blank lines separate cases; a line whose first
// non-blank character is `#` is a comment. Values are trimmed of surrounding blanks. For the
// keys whose value is a path, a code or a flag (exit, exists, absent, unchanged, fifo, stdin,
// stdout-to, slow, root, fails-cleanly) a trailing comment after blanks (`path   # why`) is dropped
// too; the text keys (run, setup, stderr, stdout, stderr-not, case, env) keep every character.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sitecover::test {

struct CliCase {
    std::string file_stem;  ///< "numbers" for numbers.case
    int number = 0;         ///< 1-based position in its file
    int line = 0;           ///< line of the `case:` key (for messages)
    std::string description;
    std::vector<std::string> setup;  ///< /bin/sh commands, run in order
    std::string run;                 ///< sitecover arguments, shell-like words
    std::string stdin_path;          ///< empty: /dev/null
    std::string stdout_to;           ///< empty: captured
    std::optional<int> exit_code;
    std::vector<std::string> stderr_has, stderr_not, stdout_has;
    std::vector<std::string> exists, absent, unchanged, fifo;
    bool slow = false;
    bool root = false;
    /// `env: NAME=VALUE` lines: set for the run (placeholders expanded).
    std::vector<std::pair<std::string, std::string>> env;
    /// `fails-cleanly: yes`: nothing on stdout; stderr is warnings, then one error starting
    /// "sitecover: error: " to the end (no other "sitecover: " line after it), which holds every
    /// `stderr:` text; {tmp} holds the same files with the same bytes as after setup.
    bool fails_cleanly = false;
    std::string error;  ///< why the block is malformed ("" when it is fine)

    /// `<stem>_<NN>_<slug of the description>`: a valid GoogleTest name.
    std::string test_name() const;
};

/// Every case of one file, in order. A malformed block becomes a case whose `error` is set
/// (the runner reports it as a failing test instead of hiding it).
std::vector<CliCase> parse_case_file(const std::string& path);

/// Splits `text` into words the way a POSIX shell does, without any expansion: blanks separate,
/// '...' keeps everything literal, "..." keeps everything but \" and \\, a backslash outside
/// quotes escapes the next character. Throws std::invalid_argument on an unterminated quote.
std::vector<std::string> split_words(const std::string& text);

/// `text` with {tmp}, {data} and {src} replaced.
std::string expand(std::string text, const std::string& tmp, const std::string& data,
                   const std::string& src);

}  // namespace sitecover::test
