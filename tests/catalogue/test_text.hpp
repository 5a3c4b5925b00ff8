// Helpers shared by the loader and file-format tests: edit a fixture text, print problems.
#pragma once

#include "domain/result.hpp"

#include <gtest/gtest.h>
#include <string>

namespace cdcwb::testing {

/// `text` with the first `from` replaced by `to`; the test fails if `from` is not there.
inline std::string with(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

/// Every problem, one per line, for failure messages.
inline std::string dump(const domain::Errors& ps) {
    std::string out;
    for (const auto& p : ps) out += p.describe() + "\n";
    return out;
}

} // namespace cdcwb::testing
