// Every fuzz target's seeds and regression inputs (tests/fuzz/<target>/{seeds,regressions}), and
// the project's own example and catalogue files, fed through the targets' entry functions in the
// normal build: what a fuzzer once found stays fixed without clang. A broken property aborts.
#include "targets.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace cdcwb::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = fs::path(CDCWB_SOURCE_DIR);

std::vector<fs::path> files_under(const fs::path& dir) {
    std::vector<fs::path> out;
    if (!fs::is_directory(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().filename() != "README.md") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string contents(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const Target& target(std::string_view name) {
    const auto& all = targets();
    auto it = std::find_if(all.begin(), all.end(), [&](const Target& t) { return t.name == name; });
    if (it == all.end()) throw std::runtime_error("no fuzz target " + std::string(name));
    return *it;
}

/// Feeds every file under `dirs` to the target; returns how many.
std::size_t feed(const Target& t, const std::vector<fs::path>& dirs) {
    std::size_t fed = 0;
    for (const auto& dir : dirs)
        for (const auto& file : files_under(dir)) {
            SCOPED_TRACE(file.string());
            t.entry(contents(file));
            ++fed;
        }
    return fed;
}

class FuzzInputs : public ::testing::TestWithParam<std::string_view> {};

TEST_P(FuzzInputs, EverySeedAndRegressionInputPasses) {
    const Target& t = target(GetParam());
    const fs::path dir = kRoot / "tests/fuzz" / std::string(t.name);
    EXPECT_GT(feed(t, {dir / "seeds"}), 0u) << "no seed inputs in " << (dir / "seeds");
    feed(t, {dir / "regressions"});
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzInputs,
                         ::testing::Values("json_body", "assessment_file", "catalogue_file",
                                           "http_request", "cookie", "query_string"),
                         [](const auto& target_info) { return std::string(target_info.param); });

TEST(FuzzInputs, EveryTargetIsChecked) {
    EXPECT_EQ(targets().size(), 6u) << "a target was added: list it in INSTANTIATE_TEST_SUITE_P";
}

TEST(FuzzInputs, TheExampleAndCatalogueFilesPass) {
    EXPECT_GT(feed(target("assessment_file"), {kRoot / "examples"}), 0u);
    EXPECT_GT(feed(target("catalogue_file"), {kRoot / "catalogues"}), 0u);
}

} // namespace
} // namespace cdcwb::fuzz
