#pragma once
// Checks on the message of an exception, for the tests of the libraries and the CLI's library.

#include <exception>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sitecover::test {

/// The message of the exception of type E that `f` throws, or "" (and a test failure) if none.
template <typename E, typename F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "wrong exception type: " << e.what();
        return {};
    }
    ADD_FAILURE() << "no exception";
    return {};
}

/// Expects every piece in the message.
inline void expect_mentions(const std::string& message, const std::vector<std::string>& pieces) {
    for (const auto& piece : pieces) {
        EXPECT_NE(message.find(piece), std::string::npos)
            << "'" << piece << "' missing from: " << message;
    }
}

}  // namespace sitecover::test
