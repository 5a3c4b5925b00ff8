// Reading and writing the files commands take and produce, with errors printed the CLI's way.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace cdcwb::cli {

/// The whole file, or nullopt after printing why it cannot be read.
std::optional<std::string> read_file(const std::string& path, std::ostream& err);

/// Writes through a temporary file and a rename, so a failure never leaves a half-written file.
/// False after printing why.
bool write_file_atomically(const std::string& path, std::string_view text, std::ostream& err);

} // namespace cdcwb::cli
