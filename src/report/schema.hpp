// Building JSON Schemas (2020-12, as OpenAPI 3.1 uses them) for the documents this product writes.
// Each encoder declares its schema beside itself with these (report/json.cpp,
// http/json_mapping.cpp, the route files for request bodies), and the OpenAPI document
// (http/openapi.cpp) collects them, so that an answer and its description are written in one place.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::report::schema {

using Json = nlohmann::ordered_json;

/// `{"$ref": "#/components/schemas/NAME"}`
Json ref(std::string_view name);
Json string();
Json integer();
Json number();
Json boolean();
/// Raw bytes (a file as the body, or as the answer).
Json binary();
/// Any JSON value.
Json any();
/// The value, or null.
Json nullable(Json schema);
Json array_of(Json items);
/// An object with these properties, all of them required except those named in `optional`.
/// Further properties are allowed: the API may gain fields.
Json object(Json properties, const std::vector<std::string>& optional = {});
/// `{"NAME": [ITEM, …]}`: how the API wraps a list.
Json list_of(const std::string& name, Json item);
/// An object whose properties are all optional (a request body that changes only what it names).
Json optional_object(Json properties);
/// An object mapping any key to `values`.
Json map_of(Json values);
/// A schema and more properties besides (the API's record metadata over a value, say).
Json extended(Json base, Json properties, const std::vector<std::string>& optional = {});
/// A string from a closed vocabulary: the ids of `values` (domain enums with to_string).
template <class Enum, std::size_t N> Json one_of(const Enum (&values)[N]) {
    Json ids = Json::array();
    for (const auto v : values) ids.push_back(std::string(to_string(v)));
    return Json{{"type", "string"}, {"enum", ids}};
}
/// A string from a closed list.
Json tokens(const std::vector<std::string>& ids);

} // namespace cdcwb::report::schema
