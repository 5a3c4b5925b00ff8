// Every heading and label the CLI prints, in English and Japanese.
#pragma once

#include "domain/text.hpp"

#include <string_view>
#include <vector>

namespace cdcwb::cli {

/// The text for `key` in `lang`. An unknown key is a programmer error (tests check every key).
const std::string& ui(std::string_view key, domain::Lang lang);
/// Every key, for the test that checks both languages are present.
std::vector<std::string_view> ui_keys();

} // namespace cdcwb::cli
