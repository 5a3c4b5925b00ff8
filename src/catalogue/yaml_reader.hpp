// Typed, checked access to a parsed YAML document. Every accessor records a problem (a
// domain::Error with the line of the offending node) instead of throwing, so a loader reports all
// problems in a file. Shared by the catalogue loader and the assessment-file reader.
#pragma once

#include "domain/result.hpp"
#include "domain/text.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <yaml-cpp/yaml.h>

namespace cdcwb::catalogue {

class YamlReader {
  public:
    explicit YamlReader(std::string file) : file_(std::move(file)) {}

    /// Parses `text`; on a syntax error records it and returns nullopt.
    std::optional<YAML::Node> parse(std::string_view text);

    const std::string& file() const { return file_; }
    domain::Errors& problems() { return problems_; }
    bool ok() const { return problems_.empty(); }

    static int line_of(const YAML::Node& node);
    void problem(const YAML::Node& at, std::string id, std::string field, std::string message);
    void problem(int line, std::string id, std::string field, std::string message);

    /// Records a problem for every key of `map` not in `allowed`. Returns false if any.
    bool only_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                   const std::string& id, const std::string& prefix = {});
    /// Records a problem when a key appears twice in `map` (YAML allows it; we do not).
    bool unique_keys(const YAML::Node& map, const std::string& id, const std::string& prefix = {});

    bool is_map(const YAML::Node& node, const YAML::Node& parent, const std::string& id,
                const std::string& field);
    bool is_list(const YAML::Node& node, const YAML::Node& parent, const std::string& id,
                 const std::string& field);

    /// A scalar field of `map`. Missing: nullopt, with a problem when `required`.
    std::optional<std::string> scalar(const YAML::Node& map, const std::string& key,
                                      const std::string& id, bool required = true,
                                      const std::string& prefix = {});
    /// A boolean field (true/false only).
    std::optional<bool> boolean(const YAML::Node& map, const std::string& key,
                                const std::string& id, bool required = true,
                                const std::string& prefix = {});
    /// An integer field within [min, max].
    std::optional<int> integer(const YAML::Node& map, const std::string& key, const std::string& id,
                               int min, int max, bool required = true,
                               const std::string& prefix = {});
    /// A `{en: …, ja: …}` field; both languages must be present and non-empty.
    std::optional<domain::LocalizedText> localized(const YAML::Node& map, const std::string& key,
                                                   const std::string& id, bool required = true,
                                                   const std::string& prefix = {});
    /// A list of scalars.
    std::optional<std::vector<std::string>> scalars(const YAML::Node& map, const std::string& key,
                                                    const std::string& id, bool required = true,
                                                    const std::string& prefix = {});

  private:
    /// `map[key]` when it is given (present and not null); otherwise nullopt, with the problem
    /// `missing` when `required`.
    std::optional<YAML::Node> given(const YAML::Node& map, const std::string& key,
                                    const std::string& id, bool required, const std::string& prefix,
                                    const std::string& missing = "missing");
    /// `shaped` (the node is given and of that shape); otherwise records "missing" or "expected
    /// `shape`" and returns false.
    bool expect(bool shaped, const YAML::Node& node, const YAML::Node& parent,
                const std::string& id, const std::string& field, const std::string& shape);

    std::string file_;
    domain::Errors problems_;
};

/// The fields of a file's header map (`catalog:`, `crosswalk:`, `template:`), all required: checks
/// its keys against `allowed`, reads `id` first, and names every later problem after that id and
/// `<name>.<key>`.
class HeaderFields {
  public:
    HeaderFields(YamlReader& r, const YAML::Node& map, std::string_view name,
                 std::initializer_list<std::string_view> allowed);

    const std::optional<std::string>& id() const { return id_; }
    /// The id as problems name it ("" when it is missing).
    const std::string& item() const { return item_; }

    std::optional<std::string> scalar(const std::string& key) {
        return r_.scalar(map_, key, item_, true, prefix_);
    }
    std::optional<domain::LocalizedText> localized(const std::string& key) {
        return r_.localized(map_, key, item_, true, prefix_);
    }
    std::optional<std::vector<std::string>> scalars(const std::string& key) {
        return r_.scalars(map_, key, item_, true, prefix_);
    }

  private:
    YamlReader& r_;
    const YAML::Node& map_;
    std::string prefix_;
    std::optional<std::string> id_;
    std::string item_;
};

/// The text of a scalar node exactly as written.
std::string scalar_text(const YAML::Node& node);

} // namespace cdcwb::catalogue
