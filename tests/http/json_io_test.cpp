// Reading request bodies: UTF-8, depth, shape, and field readers that name the field.
#include "http/api.hpp"
#include "http/json_io.hpp"
#include "http/json_mapping.hpp"
#include "report/schema.hpp"

#include <gtest/gtest.h>
#include <stdexcept>

namespace {

using namespace cdcwb::http;
using cdcwb::domain::ErrorCode;
namespace schema = cdcwb::report::schema;

Request with_body(std::string body) {
    Request r;
    r.method = "PUT";
    r.headers["content-type"] = "application/json";
    r.body = std::move(body);
    return r;
}

TEST(JsonIo, ThePasswordsOfAParsedBodyAreWipedAndNothingElse) {
    Json body{{"username", "alice"},
              {"password", "correct horse battery staple, long enough"},
              {"new_password", "another long password of the user"},
              {"password_hint", 42},
              {"nested", {{"password", "stays: only the top level holds passwords"}}}};
    const std::string& password = body["password"].get_ref<const std::string&>();
    const char* bytes = password.data();
    const std::size_t size = password.size();

    wipe_passwords(body);

    EXPECT_EQ(body["password"], "");
    EXPECT_EQ(body["new_password"], "");
    for (std::size_t i = 0; i < size; ++i) ASSERT_EQ(bytes[i], '\0') << "byte " << i;
    EXPECT_EQ(body["username"], "alice");
    EXPECT_EQ(body["password_hint"], 42) << "not a string: left alone";
    EXPECT_EQ(body["nested"]["password"], "stays: only the top level holds passwords");
}

TEST(JsonIo, ADecodedBodyIsReadBeforeItsPasswordsAreWiped) {
    const auto read = decoded_body(with_body(R"({"password": "correct horse battery staple"})"),
                                   [](const Json& json) -> cdcwb::domain::Result<std::string> {
                                       return json.at("password").get<std::string>();
                                   });
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(*read, "correct horse battery staple");
}

TEST(JsonIo, AnErrorsCauseIsKeptForTheLogAndNeverSent) {
    auto internal = cdcwb::domain::internal("the database failed");
    internal.cause = "database error: no such table: api_tokens";
    const auto r500 = error_response(internal);
    EXPECT_EQ(r500.status, 500);
    EXPECT_EQ(r500.body.find("api_tokens"), std::string::npos) << r500.body;
    EXPECT_EQ(r500.body.find("the database failed"), std::string::npos)
        << "a fault of ours is described only in the log: " << r500.body;
    EXPECT_EQ(r500.cause, "the database failed: database error: no such table: api_tokens");

    auto clash = cdcwb::domain::conflict("the change clashes with existing data");
    clash.cause = "database error: UNIQUE constraint failed: users.username";
    const auto r409 = error_response(clash);
    EXPECT_NE(r409.body.find("clashes with existing data"), std::string::npos) << r409.body;
    EXPECT_EQ(r409.body.find("UNIQUE"), std::string::npos) << r409.body;
    EXPECT_NE(r409.cause.find("UNIQUE constraint failed"), std::string::npos);

    EXPECT_TRUE(error_response(cdcwb::domain::invalid("bad score", "as_is")).cause.empty());
}

TEST(JsonIo, ErrorCodesMapToOneStatusEach) {
    EXPECT_EQ(status_of(ErrorCode::invalid_input), 400);
    EXPECT_EQ(status_of(ErrorCode::unauthenticated), 401);
    EXPECT_EQ(status_of(ErrorCode::forbidden), 403);
    EXPECT_EQ(status_of(ErrorCode::not_found), 404);
    EXPECT_EQ(status_of(ErrorCode::conflict), 409);
    EXPECT_EQ(status_of(ErrorCode::internal), 500);
    auto r = error_response(cdcwb::domain::invalid("bad score", "as_is"));
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(
        Json::parse(r.body),
        Json::parse(R"({"error":{"code":"invalid_input","message":"bad score","field":"as_is"}})"));
}

TEST(JsonIo, BodiesMustBeUtf8JsonObjectsOfLimitedDepth) {
    EXPECT_TRUE(parse_body(with_body(R"({"a": [1, {"b": "霞"}]})")).ok());
    for (const std::string& bad : {std::string(), std::string("{"), std::string("[1,2]"),
                                   std::string("\"text\""), std::string("{\"a\": \"\xff\"}")}) {
        auto parsed = parse_body(with_body(bad));
        ASSERT_FALSE(parsed.ok()) << bad;
        EXPECT_EQ(parsed.error().field, "body");
    }
    std::string deep(kMaxJsonDepth, '[');
    deep = "{\"a\":" + deep + std::string(kMaxJsonDepth, ']') + "}";
    auto too_deep = parse_body(with_body(deep));
    ASSERT_FALSE(too_deep.ok());
    EXPECT_NE(too_deep.error().message.find("nested"), std::string::npos);
    std::string ok(kMaxJsonDepth - 2, '[');
    EXPECT_TRUE(
        parse_body(with_body("{\"a\":" + ok + std::string(kMaxJsonDepth - 2, ']') + "}")).ok());
}

TEST(JsonIo, ObjectsOfTooManyMembersAndOverlongStringsAreRefusedNamingTheLimit) {
    const auto object_of = [](std::size_t members) {
        std::string text = "{";
        for (std::size_t i = 0; i < members; ++i)
            text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":[]";
        return text + "}";
    };
    EXPECT_TRUE(parse_body(with_body(object_of(kMaxJsonMembers))).ok());
    const auto many = parse_body(with_body("{\"a\": [" + object_of(kMaxJsonMembers + 1) + "]}"));
    ASSERT_FALSE(many.ok());
    EXPECT_EQ(many.error().field, "body");
    EXPECT_NE(many.error().message.find("256 members"), std::string::npos);
    // Arrays are not objects: their elements are not members.
    std::string elements = "0";
    for (int i = 1; i < 1000; ++i) elements += ",0";
    EXPECT_TRUE(parse_body(with_body("{\"a\": [" + elements + "]}")).ok());

    const std::string longest(kMaxJsonString, 'x');
    EXPECT_TRUE(parse_body(with_body("{\"a\": \"" + longest + "\"}")).ok());
    const auto long_value = parse_body(with_body("{\"a\": \"" + longest + "x\"}"));
    const auto long_key = parse_body(with_body("{\"" + longest + "x\": 1}"));
    ASSERT_FALSE(long_value.ok());
    ASSERT_FALSE(long_key.ok());
    EXPECT_NE(long_value.error().message.find("longer than"), std::string::npos);
    EXPECT_NE(long_key.error().message.find("longer than"), std::string::npos);
}

TEST(JsonIo, BodiesMustBeDeclaredAsJson) {
    Request r = with_body(R"({"username": "a", "password": "b=c"})");
    r.headers["content-type"] = "text/plain";
    auto parsed = parse_body(r);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().field, "content-type");
    r.headers.erase("content-type");
    EXPECT_FALSE(parse_body(r).ok());
    r.headers["content-type"] = "application/json; charset=utf-8";
    EXPECT_TRUE(parse_body(r).ok());
}

TEST(JsonIo, FieldReadersNameTheFieldAndTheTypeExpected) {
    const Json schema = schema::optional_object(
        {{"owner", schema::string()}, {"revision", schema::integer()}, {"ok", schema::boolean()}});
    const Json body = Json::parse(R"({"owner": ["x"], "revision": "3", "ok": "yes"})");
    Fields f(body, schema, "services[0].");
    EXPECT_FALSE(f.text("owner"));
    ASSERT_TRUE(f.error());
    EXPECT_EQ(f.error()->field, "services[0].owner");
    EXPECT_NE(f.error()->message.find("string"), std::string::npos);
    Fields numbers(body, schema);
    EXPECT_FALSE(numbers.integer("revision"));
    ASSERT_TRUE(numbers.error());
    EXPECT_EQ(numbers.error()->field, "revision");
}

TEST(JsonIo, TheSchemaIsTheListOfFieldsABodyMayHave) {
    const Json schema = schema::extended(schema::object({{"owner", schema::string()}}),
                                         {{"revision", schema::integer()}});
    const Json body = Json::parse(R"({"owner": "CSIRT", "revision": 2, "ok": true})");
    Fields unknown(body, schema);
    ASSERT_TRUE(unknown.error());
    EXPECT_EQ(unknown.error()->field, "ok");
    EXPECT_NE(unknown.error()->message.find("allowed: owner, revision"), std::string::npos)
        << unknown.error()->message;
    const Json good = Json::parse(R"({"owner": "CSIRT", "revision": 2})");
    Fields f(good, schema);
    EXPECT_FALSE(f.error());
    EXPECT_EQ(f.text("owner"), "CSIRT");
    EXPECT_EQ(f.integer("revision"), 2);
}

TEST(JsonIo, ADecoderThatReadsWhatItsSchemaDoesNotDeclareFailsLoudly) {
    const Json schema = schema::object({{"owner", schema::string()}});
    const Json body = Json::parse(R"({"owner": "CSIRT"})");
    Fields f(body, schema);
    // Not declared at all, and declared as another type: both are bugs in the decoder.
    EXPECT_THROW(f.text("provider"), std::logic_error);
    EXPECT_THROW(f.integer("owner"), std::logic_error);
    EXPECT_FALSE(f.declares("provider"));
    EXPECT_TRUE(f.declares("owner"));
}

TEST(JsonMapping, EntryFromJsonReadsScoresAndRejectsBadValuesByField) {
    auto e = entry_from_json(Json::parse(R"({"level": "basic", "assignment": "both",
        "owner": "CSIRT", "provider": "MSSP", "insource": {"as_is": 2, "to_be": "4"},
        "outsource": {"as_is": "n/a", "to_be": "n/a"}, "evidence": ["https://x"]})"),
                             "D-2");
    ASSERT_TRUE(e.ok()) << e.error().message;
    EXPECT_EQ(e->service_id, "D-2");
    EXPECT_EQ(e->insource.as_is->value(), 2);
    EXPECT_EQ(e->insource.to_be->value(), 4);
    EXPECT_FALSE(e->outsource.as_is->applicable());
    auto sourced = entry_from_json(
        Json::parse(R"({"sourcing": {"information": "external", "specialist_skill": true}})"),
        "D-2");
    ASSERT_TRUE(sourced.ok()) << sourced.error().message;
    ASSERT_TRUE(sourced->sourcing);
    EXPECT_TRUE(sourced->sourcing->specialist_skill);
    const std::pair<const char*, const char*> bad[] = {
        {R"({"level": "gold"})", "level"},
        {R"({"level": 3})", "level"},
        {R"({"assignment": "maybe"})", "assignment"},
        {R"({"insource": {"as_is": 9}})", "insource.as_is"},
        {R"({"insource": {"as_is": "x"}})", "insource.as_is"},
        {R"({"insource": {"as_is": 2.5}})", "insource.as_is"},
        {R"({"insource": {"current": 2}})", "insource.current"},
        {R"({"evidence": "one"})", "evidence"},
        {R"({"colour": "red"})", "colour"},
        {R"({"service": "A-1"})", "service"},
        {R"({"sourcing": {"information": "secret", "specialist_skill": true}})", "sourcing"},
        // Sourcing's fields come from the Sourcing component its schema refers to.
        {R"({"sourcing": {"information": "internal", "skill": true}})", "sourcing.skill"},
    };
    for (const auto& [json, field] : bad) {
        auto r = entry_from_json(Json::parse(json), "D-2");
        ASSERT_FALSE(r.ok()) << json;
        EXPECT_EQ(r.error().field, field) << json << ": " << r.error().message;
    }
}

TEST(JsonMapping, ExpectedRevisionComesFromIfMatchOrTheBody) {
    Request r;
    r.headers["if-match"] = "\"7\"";
    EXPECT_EQ(*expected_revision(r, nullptr), 7);
    r.headers["if-match"] = "W/\"8\"";
    EXPECT_EQ(*expected_revision(r, nullptr), 8);
    r.headers["if-match"] = "\"abc\"";
    EXPECT_EQ(expected_revision(r, nullptr).error().field, "if-match");
    r.headers.clear();
    const Json body = Json::parse(R"({"revision": 3})");
    EXPECT_EQ(*expected_revision(r, &body), 3);
    const Json none = Json::object();
    EXPECT_EQ(expected_revision(r, &none).error().field, "revision");
    const Json negative = Json::parse(R"({"revision": -1})");
    EXPECT_FALSE(expected_revision(r, &negative).ok());
}

} // namespace
