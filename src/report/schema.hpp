// Building JSON Schemas (2020-12, as OpenAPI 3.1 uses them) for the documents this product writes.
// A type whose JSON is an object of fields declares them once as a Shape (name, schema, presence,
// how to read the value), and both its encoder and its schema come from that declaration
// (report/json.cpp, http/json_mapping.cpp); the other documents declare their schema beside their
// encoder with these builders, and request bodies beside their routes. The OpenAPI document
// (http/openapi.cpp) collects them all.
#pragma once

#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
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

/// What a field's reader answers to leave the field out of this object (a field declared
/// `Presence::when_given`).
inline Json absent() {
    return Json(Json::value_t::discarded);
}
/// The empty text as null (a value the record keeps as "" when there is none).
inline Json text_or_null(const std::string& text) {
    return text.empty() ? Json(nullptr) : Json(text);
}

template <class> inline constexpr bool is_optional = false;
template <class V> inline constexpr bool is_optional<std::optional<V>> = true;
template <class> inline constexpr bool is_vector = false;
template <class V> inline constexpr bool is_vector<std::vector<V>> = true;

/// A field's value as JSON: a JSON value as it is, an empty optional as null, a list item by item,
/// a domain enum by its id, a date (anything with to_string()) as its text, anything else as
/// nlohmann converts it.
template <class V> Json json_of(const V& value) {
    if constexpr (std::is_same_v<V, Json>)
        return value;
    else if constexpr (is_optional<V>)
        return value ? json_of(*value) : Json(nullptr);
    else if constexpr (is_vector<V>) {
        Json out = Json::array();
        for (const auto& item : value) out.push_back(json_of(item));
        return out;
    } else if constexpr (std::is_enum_v<V>)
        return std::string(to_string(value));
    else if constexpr (requires { value.to_string(); })
        return value.to_string();
    else
        return Json(value);
}

/// Whether every object has the field (`required` in its schema), or only some do.
enum class Presence { always, when_given };

/// One field of a type's JSON object, declared once: its name, its schema (the JSON type, and
/// whether it may be null), whether every object has it, and how to read it from the value (a
/// member, a member function or any function of the value; see json_of).
template <class T> struct Field {
    template <class Read>
    Field(std::string field_name, Json field_schema, Read reader,
          Presence field_presence = Presence::always)
        : name(std::move(field_name)), schema(std::move(field_schema)),
          read([reader = std::move(reader)](const T& value) {
              return json_of(std::invoke(reader, value));
          }),
          presence(field_presence) {}

    std::string name;
    Json schema;
    std::function<Json(const T&)> read;
    Presence presence;
};

/// A type's JSON form, declared once as its fields: encode() writes a value as an object with the
/// fields in the declared order, and schema() describes that object (for the OpenAPI document),
/// so that an answer and its description cannot drift. A field `when_given` is left out where its
/// reader answers absent().
template <class T> class Shape {
  public:
    Shape(std::initializer_list<Field<T>> fields) : fields_(fields) {}

    Json encode(const T& value) const {
        Json out = Json::object();
        for (const auto& field : fields_)
            if (Json v = field.read(value); !v.is_discarded()) out[field.name] = std::move(v);
        return out;
    }
    /// `[each value encoded]`
    Json encode_each(const std::vector<T>& values) const {
        Json out = Json::array();
        for (const auto& value : values) out.push_back(encode(value));
        return out;
    }
    /// Each field's schema by name, in the declared order.
    Json properties() const {
        Json out = Json::object();
        for (const auto& field : fields_) out[field.name] = field.schema;
        return out;
    }
    /// The object's schema: the fields `always` given are required.
    Json schema() const {
        std::vector<std::string> optional;
        for (const auto& field : fields_)
            if (field.presence == Presence::when_given) optional.push_back(field.name);
        return object(properties(), optional);
    }

  private:
    std::vector<Field<T>> fields_;
};

} // namespace cdcwb::report::schema
