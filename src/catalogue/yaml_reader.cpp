#include "catalogue/yaml_reader.hpp"

#include <charconv>
#include <set>

namespace cdcwb::catalogue {

std::string scalar_text(const YAML::Node& node) {
    return node.Scalar();
}

std::optional<YAML::Node> YamlReader::parse(std::string_view text) {
    try {
        YAML::Node root = YAML::Load(std::string(text));
        if (!root.IsMap()) {
            problem(root, {}, {}, "expected a YAML mapping at the top of the file");
            return std::nullopt;
        }
        return root;
    } catch (const YAML::Exception& e) {
        problem(e.mark.line >= 0 ? e.mark.line + 1 : 0, {}, {}, "YAML syntax error: " + e.msg);
        return std::nullopt;
    }
}

int YamlReader::line_of(const YAML::Node& node) {
    if (!node.IsDefined()) return 0;
    const YAML::Mark m = node.Mark();
    return m.line >= 0 ? m.line + 1 : 0;
}

void YamlReader::problem(const YAML::Node& at, std::string id, std::string field,
                         std::string message) {
    problem(line_of(at), std::move(id), std::move(field), std::move(message));
}

void YamlReader::problem(int line, std::string id, std::string field, std::string message) {
    problems_.push_back(
        domain::invalid_in_file(file_, line, std::move(id), std::move(field), std::move(message)));
}

namespace {
std::string join(std::initializer_list<std::string_view> items) {
    std::string out;
    for (auto s : items) out += (out.empty() ? "" : ", ") + std::string(s);
    return out;
}
} // namespace

bool YamlReader::only_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                           const std::string& id, const std::string& prefix) {
    bool ok = unique_keys(map, id, prefix);
    for (auto it = map.begin(); it != map.end(); ++it) {
        const std::string key = it->first.Scalar();
        bool known = false;
        for (auto a : allowed) known = known || a == key;
        if (!known) {
            problem(it->first, id, prefix + key,
                    "unknown field '" + key + "'; expected one of: " + join(allowed));
            ok = false;
        }
    }
    return ok;
}

bool YamlReader::unique_keys(const YAML::Node& map, const std::string& id,
                             const std::string& prefix) {
    std::set<std::string> seen;
    bool ok = true;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const std::string key = it->first.Scalar();
        if (!seen.insert(key).second) {
            problem(it->first, id, prefix + key, "field '" + key + "' appears twice");
            ok = false;
        }
    }
    return ok;
}

bool YamlReader::expect(bool shaped, const YAML::Node& node, const YAML::Node& parent,
                        const std::string& id, const std::string& field, const std::string& shape) {
    if (shaped) return true;
    problem(node.IsDefined() ? node : parent, id, field,
            node.IsDefined() ? "expected " + shape : "missing");
    return false;
}

bool YamlReader::is_map(const YAML::Node& node, const YAML::Node& parent, const std::string& id,
                        const std::string& field) {
    return expect(node.IsDefined() && node.IsMap(), node, parent, id, field,
                  "a mapping (key: value pairs)");
}

bool YamlReader::is_list(const YAML::Node& node, const YAML::Node& parent, const std::string& id,
                         const std::string& field) {
    return expect(node.IsDefined() && node.IsSequence(), node, parent, id, field, "a list");
}

std::optional<YAML::Node> YamlReader::given(const YAML::Node& map, const std::string& key,
                                            const std::string& id, bool required,
                                            const std::string& prefix, const std::string& missing) {
    const YAML::Node node = map[key];
    if (node.IsDefined() && !node.IsNull()) return node;
    if (required) problem(map, id, prefix + key, missing);
    return std::nullopt;
}

std::optional<std::string> YamlReader::scalar(const YAML::Node& map, const std::string& key,
                                              const std::string& id, bool required,
                                              const std::string& prefix) {
    const auto node = given(map, key, id, required, prefix);
    if (!node) return std::nullopt;
    if (!node->IsScalar()) {
        problem(*node, id, prefix + key, "expected a single value, not a list or mapping");
        return std::nullopt;
    }
    return node->Scalar();
}

std::optional<bool> YamlReader::boolean(const YAML::Node& map, const std::string& key,
                                        const std::string& id, bool required,
                                        const std::string& prefix) {
    auto text = scalar(map, key, id, required, prefix);
    if (!text) return std::nullopt;
    if (*text == "true") return true;
    if (*text == "false") return false;
    problem(map[key], id, prefix + key, "'" + *text + "' is not true or false");
    return std::nullopt;
}

std::optional<int> YamlReader::integer(const YAML::Node& map, const std::string& key,
                                       const std::string& id, int min, int max, bool required,
                                       const std::string& prefix) {
    auto text = scalar(map, key, id, required, prefix);
    if (!text) return std::nullopt;
    int value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value < min || value > max) {
        problem(map[key], id, prefix + key,
                "'" + *text + "' is not a whole number from " + std::to_string(min) + " to " +
                    std::to_string(max));
        return std::nullopt;
    }
    return value;
}

std::optional<domain::LocalizedText> YamlReader::localized(const YAML::Node& map,
                                                           const std::string& key,
                                                           const std::string& id, bool required,
                                                           const std::string& prefix) {
    const auto given_node = given(map, key, id, required, prefix, "missing (give it in en and ja)");
    if (!given_node) return std::nullopt;
    const YAML::Node& node = *given_node;
    if (!node.IsMap()) {
        problem(node, id, prefix + key, "expected {en: ..., ja: ...}");
        return std::nullopt;
    }
    if (!only_keys(node, {"en", "ja"}, id, prefix + key + ".")) return std::nullopt;
    domain::LocalizedText text;
    bool ok = true;
    for (domain::Lang lang : domain::kLangs) {
        const std::string code = domain::to_string(lang);
        auto value = scalar(node, code, id, false, prefix + key + ".");
        if (!value || value->empty()) {
            problem(node, id, prefix + key + "." + code, "missing " + code + " text");
            ok = false;
            continue;
        }
        text.in(lang) = *value;
    }
    return ok ? std::optional(text) : std::nullopt;
}

std::optional<std::vector<std::string>> YamlReader::scalars(const YAML::Node& map,
                                                            const std::string& key,
                                                            const std::string& id, bool required,
                                                            const std::string& prefix) {
    const auto node = given(map, key, id, required, prefix);
    if (!node || !is_list(*node, map, id, prefix + key)) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& item : *node) {
        if (!item.IsScalar()) {
            problem(item, id, prefix + key, "expected a list of single values");
            return std::nullopt;
        }
        out.push_back(item.Scalar());
    }
    return out;
}

HeaderFields::HeaderFields(YamlReader& r, const YAML::Node& map, std::string_view name,
                           std::initializer_list<std::string_view> allowed)
    : r_(r), map_(map), prefix_(std::string(name) + ".") {
    r_.only_keys(map_, allowed, {}, prefix_);
    id_ = r_.scalar(map_, "id", {}, true, prefix_);
    item_ = id_.value_or("");
}

} // namespace cdcwb::catalogue
