// The catalogue files compiled into the binary (generated at build time from catalogues/).
#pragma once

#include <span>
#include <string_view>

namespace cdcwb::catalogue {

struct EmbeddedFile {
    std::string_view path; ///< relative to the repository, e.g. "catalogues/x1060-2021.yaml"
    std::string_view text;
};

std::span<const EmbeddedFile> embedded_files();

} // namespace cdcwb::catalogue
