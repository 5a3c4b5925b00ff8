// The catalogue files compiled into the binary (generated at build time from catalogs/).
#pragma once

#include <span>
#include <string_view>

namespace cdcwb::catalog {

struct EmbeddedFile {
    std::string_view path; ///< relative to the repository, e.g. "catalogs/x1060-2021.yaml"
    std::string_view text;
};

std::span<const EmbeddedFile> embedded_files();

} // namespace cdcwb::catalog
