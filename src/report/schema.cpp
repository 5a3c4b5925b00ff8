#include "report/schema.hpp"

#include <algorithm>

namespace cdcwb::report::schema {

Json ref(std::string_view name) {
    return Json{{"$ref", "#/components/schemas/" + std::string(name)}};
}

Json string() {
    return Json{{"type", "string"}};
}

Json integer() {
    return Json{{"type", "integer"}};
}

Json number() {
    return Json{{"type", "number"}};
}

Json boolean() {
    return Json{{"type", "boolean"}};
}

Json binary() {
    return Json{{"type", "string"}, {"contentMediaType", "application/octet-stream"}};
}

Json any() {
    return Json::object();
}

Json nullable(Json schema) {
    if (schema.contains("type") && schema["type"].is_string() && !schema.contains("enum")) {
        schema["type"] = Json::array({schema["type"], "null"});
        return schema;
    }
    return Json{{"anyOf", Json::array({std::move(schema), Json{{"type", "null"}}})}};
}

Json array_of(Json items) {
    return Json{{"type", "array"}, {"items", std::move(items)}};
}

Json object(Json properties, const std::vector<std::string>& optional) {
    Json required = Json::array();
    for (const auto& [key, value] : properties.items())
        if (std::find(optional.begin(), optional.end(), key) == optional.end())
            required.push_back(key);
    Json out{{"type", "object"}};
    if (!required.empty()) out["required"] = required;
    out["properties"] = std::move(properties);
    return out;
}

Json list_of(const std::string& name, Json item) {
    return object(Json{{name, array_of(std::move(item))}});
}

Json optional_object(Json properties) {
    return Json{{"type", "object"}, {"properties", std::move(properties)}};
}

Json map_of(Json values) {
    return Json{{"type", "object"}, {"additionalProperties", std::move(values)}};
}

Json extended(Json base, Json properties, const std::vector<std::string>& optional) {
    return Json{{"allOf", Json::array({std::move(base), object(std::move(properties), optional)})}};
}

Json tokens(const std::vector<std::string>& ids) {
    return Json{{"type", "string"}, {"enum", ids}};
}

} // namespace cdcwb::report::schema
