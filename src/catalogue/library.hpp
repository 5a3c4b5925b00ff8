// The loaded catalogue library: every catalogue, crosswalk and template, from the files embedded
// in the binary and, optionally, a user's folder. Loading validates each file and the references
// between files, and reports every problem with file, line and id.
#pragma once

#include "domain/catalogue.hpp"
#include "domain/result.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::catalogue {

struct LoadedCatalog {
    domain::Catalogue catalogue;
    std::string source; ///< "embedded:catalogues/…" or a file path
};

struct LoadedCrosswalk {
    domain::Crosswalk crosswalk;
    std::string source;
    int from_line = 0;
    int to_line = 0;
    std::vector<int> link_lines;      ///< parallel to crosswalk.links
    std::vector<int> unmatched_lines; ///< unmatched_from then unmatched_to
};

struct LoadedTemplate {
    domain::Template tmpl;
    std::string source;
    int catalogue_line = 0;
    int levels_line = 0;
    std::map<std::string, int, std::less<>> level_lines;
};

class Library {
  public:
    const std::vector<LoadedCatalog>& catalogues() const { return catalogues_; }
    const std::vector<LoadedCrosswalk>& crosswalks() const { return crosswalks_; }
    const std::vector<LoadedTemplate>& templates() const { return templates_; }

    const LoadedCatalog* catalogue(std::string_view id) const;
    const LoadedCrosswalk* crosswalk(std::string_view id) const;
    const LoadedTemplate* find_template(std::string_view id) const;
    /// The template `id` for a matrix on `catalogue_id` (for a new organisation's levels, or the
    /// reference its levels are compared with): null when `id` is empty; invalid input naming
    /// `field` when no such template is loaded or it is for another catalogue. The one lookup:
    /// the CLI, the store and every API route use it.
    domain::Result<const domain::Template*> template_for(std::string_view id,
                                                         std::string_view catalogue_id,
                                                         const std::string& field) const;
    /// Crosswalks that have `catalogue_id` on either side.
    std::vector<const LoadedCrosswalk*> crosswalks_of(std::string_view catalogue_id) const;

    /// Reads one file's text into the library. Returns the problems found in it; an item with
    /// problems is not added. An item whose id is already loaded replaces the earlier one when
    /// `replace` is set, and is a problem otherwise.
    domain::Errors add_file(const std::string& source, std::string_view text, bool replace);

    /// Adds every item of `other`, replacing items with the same id.
    void merge(Library&& other);

    /// Problems in references between files: crosswalk and template ids that do not exist.
    domain::Errors check_references() const;

  private:
    std::vector<LoadedCatalog> catalogues_;
    std::vector<LoadedCrosswalk> crosswalks_;
    std::vector<LoadedTemplate> templates_;
};

struct LoadResult {
    Library library;
    domain::Errors problems;
};

/// Loads the embedded catalogues, then every `*.yaml` under `dir` (when given), which may replace
/// embedded items with the same id; then checks references across all of them.
LoadResult load_library(const std::optional<std::filesystem::path>& dir = std::nullopt);

} // namespace cdcwb::catalogue
