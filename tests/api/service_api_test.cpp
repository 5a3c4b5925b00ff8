// One service's entry of the matrix, PUT /api/v1/orgs/{org}/services/{service}: every class of
// bad input gets its documented 4xx in the one error shape and changes nothing; revisions guard
// against lost updates, by If-Match or a "revision" field.
#include "api/api_fixture.hpp"

namespace cdcwb::testing {
namespace {

class ServiceApi : public ApiTest {
  protected:
    const std::string org_ = "/api/v1/orgs/" + std::string(kOrg);
    const std::string d2_ = org_ + "/services/D-2";

    Json entry() { return json_of(get(admin(), d2_)); }

    HttpResponse put_raw(const std::string& body, const Headers& extra = {}) {
        return call(admin(), "PUT", d2_, body, extra);
    }

    /// D-2's entry with `field` set to `value` (D-2 is insourced in the example).
    HttpResponse put_with(const std::string& field, const Json& value) {
        auto body = entry();
        body[field] = value;
        return put(admin(), d2_, body);
    }
};

std::string nested_arrays(int depth) {
    return std::string(static_cast<std::size_t>(depth), '[') +
           std::string(static_cast<std::size_t>(depth), ']');
}

TEST_F(ServiceApi, MalformedJsonIs400OnTheBody) {
    const auto before = fingerprint();

    EXPECT_TRUE(IsError(put_raw(R"({"level": "basic",)"), 400, "invalid_input", "body"));
    EXPECT_TRUE(IsError(put_raw(R"({"level": 'basic'})"), 400, "invalid_input", "body"));
    EXPECT_TRUE(IsError(put_raw("[1, 2]"), 400, "invalid_input", "body"));
    EXPECT_TRUE(IsError(put_raw("\"a string\""), 400, "invalid_input", "body"));
    EXPECT_TRUE(IsError(put_raw(""), 400, "invalid_input", "body"));
    expect_unchanged(before, "malformed bodies");
}

TEST_F(ServiceApi, WrongTypesAre400NamingTheField) {
    const auto before = fingerprint();

    EXPECT_TRUE(IsError(put_with("level", 3), 400, "invalid_input", "level"));
    EXPECT_TRUE(IsError(put_with("owner", Json::array()), 400, "invalid_input", "owner"));
    EXPECT_TRUE(IsError(put_with("evidence", "one file"), 400, "invalid_input", "evidence"));
    EXPECT_TRUE(IsError(put_with("insource", 5), 400, "invalid_input", "insource"));
    EXPECT_TRUE(IsError(put_with("revision", "1"), 400, "invalid_input", "revision"));
    EXPECT_TRUE(IsError(put_with("sourcing", Json{{"information", "internal"}}), 400,
                        "invalid_input", "sourcing"));
    expect_unchanged(before, "wrongly typed fields");
}

TEST_F(ServiceApi, UnknownValuesAndFieldsAre400NamingTheField) {
    const auto before = fingerprint();

    EXPECT_TRUE(IsError(put_with("colour", "red"), 400, "invalid_input", "colour"));
    EXPECT_TRUE(IsError(put_with("level", "legendary"), 400, "invalid_input", "level"));
    EXPECT_TRUE(IsError(put_with("assignment", "everyone"), 400, "invalid_input", "assignment"));
    EXPECT_TRUE(IsError(put_with("service", "D-3"), 400, "invalid_input", "service"));
    expect_unchanged(before, "unknown fields and values");
}

TEST_F(ServiceApi, AnUnknownServiceOrOrganisationIs404) {
    auto body = entry();
    body.erase("service");
    const Caller& assessor = member("assessor");
    const auto before = fingerprint();

    EXPECT_TRUE(IsError(put(admin(), org_ + "/services/Z-99", body), 404, "not_found", "service"));
    EXPECT_TRUE(IsError(put(admin(), "/api/v1/orgs/no-such-org/services/D-2", body), 404,
                        "not_found", "org"));
    EXPECT_TRUE(IsError(put(assessor, "/api/v1/orgs/no-such-org/services/D-2", body), 404,
                        "not_found", "org"));
    EXPECT_TRUE(IsError(get(admin(), org_ + "/services/Z-99"), 404, "not_found", "service"));
    expect_unchanged(before, "writes to unknown ids");
}

TEST_F(ServiceApi, OutOfRangeScoresAre400NamingTheScore) {
    const auto before = fingerprint();

    for (const Json& score : {Json(9), Json(0), Json(-1), Json("x"), Json("6"), Json(2.5),
                              Json(true), Json::array({3})}) {
        EXPECT_TRUE(IsError(put_with("insource", Json{{"as_is", score}, {"to_be", 4}}), 400,
                            "invalid_input", "insource.as_is"))
            << "as_is " << score.dump();
    }
    EXPECT_TRUE(IsError(put_with("insource", Json{{"as_is", 3}, {"to_be", 9}}), 400,
                        "invalid_input", "insource.to_be"));
    EXPECT_TRUE(IsError(put_with("insource", Json{{"as_is", 3}, {"target", 4}}), 400,
                        "invalid_input", "insource.target"));
    expect_unchanged(before, "out-of-range scores");
}

TEST_F(ServiceApi, AHugeScoreIsRefusedNotWrappedIntoRange) {
    const auto before = fingerprint();

    const auto r = put_with("insource", Json{{"as_is", 4294967299LL}, {"to_be", 4}});

    EXPECT_TRUE(IsError(r, 400, "invalid_input", "insource.as_is"));
    expect_unchanged(before, "a score of 2^32 + 3");
}

TEST_F(ServiceApi, ABulkUpdateIsAllOrNothing) {
    auto d2 = entry();
    auto d3 = json_of(get(admin(), org_ + "/services/D-3"));
    d2["rationale"] = "bulk";
    d3["insource"] = {{"as_is", 9}, {"to_be", 4}};
    d3["assignment"] = "insource";
    const auto before = fingerprint();

    const auto refused = call(admin(), "PATCH", org_ + "/services",
                              Json{{"services", Json::array({d2, d3})}}.dump());

    EXPECT_TRUE(IsError(refused, 400, "invalid_input", "services[1].insource.as_is"));
    expect_unchanged(before, "a bulk update with one bad entry");
    d3 = json_of(get(admin(), org_ + "/services/D-3"));
    d3["rationale"] = "bulk";
    const auto done = call(admin(), "PATCH", org_ + "/services",
                           Json{{"services", Json::array({d2, d3})}}.dump());
    ASSERT_TRUE(HasStatus(done, 200));
    EXPECT_EQ(json_of(done)["services"].size(), 2u);
    EXPECT_EQ(entry()["rationale"], "bulk");
    EXPECT_TRUE(IsError(
        call(admin(), "PATCH", org_ + "/services", Json{{"services", Json::array({d2})}}.dump()),
        409, "conflict"))
        << "the revisions of the first bulk update are stale now";
}

TEST_F(ServiceApi, AScoreOnARubricThatDoesNotFitTheAssignmentIs400) {
    auto insourced = entry();
    ASSERT_EQ(insourced["assignment"], "insource");
    insourced["outsource"] = {{"as_is", 3}, {"to_be", 4}};
    auto unassigned = entry();
    unassigned["assignment"] = "unassigned";
    unassigned["insource"] = {{"as_is", nullptr}, {"to_be", nullptr}};
    unassigned["unassigned"] = {{"as_is", 3}, {"to_be", 4}};
    const auto before = fingerprint();

    const auto outsource_on_insourced = put(admin(), d2_, insourced);
    const auto as_is_3_on_unassigned = put(admin(), d2_, unassigned);

    ASSERT_TRUE(IsError(outsource_on_insourced, 400, "invalid_input"));
    EXPECT_NE(
        json_of(outsource_on_insourced)["error"]["field"].get<std::string>().find("outsource"),
        std::string::npos)
        << outsource_on_insourced.body;
    ASSERT_TRUE(IsError(as_is_3_on_unassigned, 400, "invalid_input"));
    EXPECT_NE(json_of(as_is_3_on_unassigned)["error"]["field"].get<std::string>().find("as_is"),
              std::string::npos)
        << as_is_3_on_unassigned.body;
    expect_unchanged(before, "scores on the wrong rubric");
}

TEST_F(ServiceApi, ABodyOver12MiBIs413) {
    auto body = entry();
    body["rationale"] = std::string(12 * 1024 * 1024, 'a');
    const auto before = fingerprint();

    const auto r = put(admin(), d2_, body);

    EXPECT_TRUE(IsError(r, 413, "payload_too_large"));
    expect_unchanged(before, "an oversize body");
}

TEST_F(ServiceApi, InvalidUtf8Is400OnTheBody) {
    auto body = entry();
    body["rationale"] = "PLACEHOLDER";
    std::string text = body.dump();
    text.replace(text.find("PLACEHOLDER"), 11,
                 "caf\xc3"
                 "\x28 \xff");
    const auto before = fingerprint();

    EXPECT_TRUE(IsError(put_raw(text), 400, "invalid_input", "body"));
    expect_unchanged(before, "invalid UTF-8");
}

TEST_F(ServiceApi, JsonNestedDeeperThan32LevelsIs400) {
    // The body object is level 1, so 31 arrays inside it reach the limit and 32 pass it.
    const auto before = fingerprint();

    const auto too_deep = put_raw(R"({"rationale": )" + nested_arrays(32) + "}");
    const auto at_limit = put_raw(R"({"rationale": )" + nested_arrays(31) + "}");
    // Within the route's 64 KiB: the parser meets it.
    const auto far_too_deep = put_raw(R"({"rationale": )" + nested_arrays(30000) + "}");

    ASSERT_TRUE(IsError(too_deep, 400, "invalid_input", "body"));
    EXPECT_NE(json_of(too_deep)["error"]["message"].get<std::string>().find("nested"),
              std::string::npos)
        << too_deep.body;
    EXPECT_TRUE(IsError(far_too_deep, 400, "invalid_input", "body"));
    ASSERT_TRUE(IsError(at_limit, 400, "invalid_input"));
    EXPECT_EQ(json_of(at_limit)["error"]["message"].get<std::string>().find("nested"),
              std::string::npos)
        << "32 levels are allowed: " << at_limit.body;
    expect_unchanged(before, "deeply nested JSON");
}

TEST_F(ServiceApi, AMissingRevisionIs400) {
    auto body = entry();
    body.erase("revision");
    body["rationale"] = "no revision";
    const auto before = fingerprint();

    EXPECT_TRUE(IsError(put(admin(), d2_, body), 400, "invalid_input", "revision"));
    EXPECT_TRUE(IsError(put(admin(), d2_, body, {{"If-Match", "three"}}), 400, "invalid_input",
                        "if-match"));
    EXPECT_TRUE(IsError(put(admin(), d2_, body, {{"If-Match", "\"-1\""}}), 400, "invalid_input",
                        "if-match"));
    expect_unchanged(before, "writes without a revision");
}

TEST_F(ServiceApi, AStaleRevisionIs409WithTheCurrentEntry) {
    auto first = entry();
    first["rationale"] = "the first edit";
    ASSERT_TRUE(HasStatus(put(admin(), d2_, first), 200));
    auto stale = first; // still names the revision the first edit started from
    stale["rationale"] = "the lost update";
    const Caller& assessor = member("assessor");
    const auto before = fingerprint();

    const auto r = put(assessor, d2_, stale);

    ASSERT_TRUE(IsError(r, 409, "conflict", "revision"));
    const auto body = json_of(r);
    ASSERT_TRUE(body.contains("current")) << r.body;
    EXPECT_EQ(body["current"]["revision"], first["revision"].get<int>() + 1);
    EXPECT_EQ(body["current"]["rationale"], "the first edit");
    EXPECT_EQ(body["current"]["updated_by"], "root");
    expect_unchanged(before, "a stale revision");
}

TEST_F(ServiceApi, IfMatchWithTheCurrentRevisionWritesAndAnswersTheNextRevision) {
    auto body = entry();
    const int revision = body["revision"];
    body.erase("revision");
    body["rationale"] = "by If-Match";

    const auto r = put(admin(), d2_, body, {{"If-Match", "\"" + std::to_string(revision) + "\""}});

    ASSERT_TRUE(HasStatus(r, 200));
    EXPECT_EQ(json_of(r)["revision"], revision + 1);
    EXPECT_EQ(r.header("etag"), "\"" + std::to_string(revision + 1) + "\"");
    EXPECT_EQ(entry()["rationale"], "by If-Match");
}

TEST_F(ServiceApi, AStaleIfMatchIs409AndWinsOverTheBodysRevision) {
    auto body = entry();
    const int revision = body["revision"];
    body["rationale"] = "with a stale If-Match";
    const auto before = fingerprint();

    const auto r =
        put(admin(), d2_, body, {{"If-Match", "\"" + std::to_string(revision - 1) + "\""}});

    ASSERT_TRUE(IsError(r, 409, "conflict", "revision"));
    EXPECT_EQ(json_of(r)["current"]["revision"], revision);
    expect_unchanged(before, "a stale If-Match");
}

TEST_F(ServiceApi, AServicesEtagIsItsQuotedRevision) {
    const auto r = get(admin(), d2_);

    ASSERT_TRUE(HasStatus(r, 200));
    EXPECT_EQ(r.header("etag"), "\"" + std::to_string(json_of(r)["revision"].get<int>()) + "\"");
}

TEST_F(ServiceApi, TheEtagOfAGetCanBeSentBackAsIfMatch) {
    const auto got = get(admin(), d2_);
    auto body = json_of(got);
    body.erase("revision");
    body["rationale"] = "edited with the ETag I was given";

    const auto r = put(admin(), d2_, body, {{"If-Match", got.header("etag")}});

    EXPECT_TRUE(HasStatus(r, 200));
}

TEST_F(ServiceApi, IfNoneMatchWithTheEtagAnswers304WithAnEmptyBody) {
    const auto first = get(admin(), d2_);
    ASSERT_TRUE(HasStatus(first, 200));
    const std::string etag = first.header("etag");
    ASSERT_FALSE(etag.empty());

    const auto again = get(admin(), d2_, {{"If-None-Match", etag}});

    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(again.header("etag"), etag);
}

} // namespace
} // namespace cdcwb::testing
