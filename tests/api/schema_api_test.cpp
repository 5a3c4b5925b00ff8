// Real answers against the OpenAPI document's schemas, so that the document cannot drift from the
// encoders: every documented operation is called (reads on the example organisation, which has
// evaluations, findings, actions and history; then every operation, writes included, on a fresh
// one), and each JSON answer — success or error — and each JSON request body sent is validated with
// Ajv (JSON Schema 2020-12, web/scripts/validate-answers.mjs) against what the document says.
#include "api/operations.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

namespace cdcwb::testing {
namespace {

const std::string kPutEntry = "PUT /api/v1/orgs/{org}/services/{service}";

class Schemas : public WalkTest {
  protected:
    /// Calls `op` as `who` and keeps the exchange for validation.
    void record(const Caller& who, const Operation& op, const Ids& ids) {
        const auto request = sample_request(op, ids);
        const auto r = call(who, op.method, request.target, request.body, request.headers);
        Json exchange{{"method", op.method}, {"path", op.pattern}, {"status", r.status}};
        // A refused request may be malformed on purpose; an accepted one must match its schema.
        if (r.status < 300 && !request.body.empty() && request.body.front() == '{')
            exchange["request"] = Json::parse(request.body);
        if (r.status != 204 && r.header("content-type").rfind("application/json", 0) == 0) {
            const auto answer = Json::parse(r.body, nullptr, false);
            exchange[answer.is_discarded() ? "not_json" : "answer"] =
                answer.is_discarded() ? Json(r.body) : answer;
        }
        if (r.status < 300)
            answered.insert(op.name());
        else
            statuses[op.name()] = std::to_string(r.status) + " " + r.body;
        exchanges.push_back(exchange);
    }

    /// Runs the validator over everything recorded; its report on failure.
    ::testing::AssertionResult valid(const Json& document) {
        const auto folder = std::filesystem::temp_directory_path() /
                            ("cdcwb-schemas-" + std::to_string(::getpid()));
        std::filesystem::create_directories(folder);
        const auto file = folder / "exchanges.json";
        std::ofstream(file) << Json{{"document", document}, {"exchanges", exchanges}}.dump();
        const auto report = folder / "report.txt";
        const std::string command = "node \"" CDCWB_SOURCE_DIR
                                    "/web/scripts/validate-answers.mjs\" \"" +
                                    file.string() + "\" > \"" + report.string() + "\" 2>&1";
        const int status = std::system(command.c_str());
        std::ifstream in(report);
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        std::filesystem::remove_all(folder);
        if (status != 0) return ::testing::AssertionFailure() << text;
        return ::testing::AssertionSuccess() << text;
    }

    std::vector<Json> exchanges;
    std::set<std::string> answered;
    std::map<std::string, std::string> statuses; ///< the last refusal of each operation
};

TEST_F(Schemas, EveryAnswerAndRequestBodyMatchesTheDocument) {
    const auto document = json_of(get({}, "/api/v1/openapi.json"));
    const Caller root = with_token(admin()); // a token: DELETE /api/v1/session ends nothing

    // Reads on the example organisation: real evaluations, findings, actions and history.
    const Ids example = ids_in(std::string(kOrg), "root");
    for (const auto& op : operations())
        if (op.reads() || op.name() == kPutEntry) record(root, op, example);

    // Everything, writes and deletions included, on an organisation of its own.
    const std::string org = create_org("schemas", {});
    create_user("schema-walker");
    ASSERT_TRUE(HasStatus(
        put(admin(), "/api/v1/orgs/" + org + "/members/schema-walker", Json{{"role", "viewer"}}),
        200));
    const Ids ids = ids_in(org, "schema-walker");
    // A conflict answers the error shape with the record as it is now.
    auto stale = ids.entry;
    stale["revision"] = 0;
    const auto conflict = put(root, "/api/v1/orgs/" + org + "/services/D-2", stale);
    ASSERT_TRUE(IsError(conflict, 409, "conflict"));
    exchanges.push_back({{"method", "PUT"},
                         {"path", "/api/v1/orgs/{org}/services/{service}"},
                         {"status", 409},
                         {"answer", json_of(conflict)}});

    for (const auto& op : walk_order(operations())) record(root, op, ids);

    // Every GET answered successfully at least once, and so did the main writes (the walk's
    // later writes on an entry or action it already changed meet a 409, also validated).
    std::set<std::string> expected{kPutEntry,
                                   "PATCH /api/v1/orgs/{org}/services",
                                   "POST /api/v1/orgs/{org}/custom-services",
                                   "POST /api/v1/orgs/{org}/evaluations",
                                   "POST /api/v1/orgs/{org}/evaluations/{evaluation}/approval",
                                   "POST /api/v1/orgs/{org}/events",
                                   "POST /api/v1/orgs/{org}/actions",
                                   "PUT /api/v1/orgs/{org}/actions/{action}",
                                   "PATCH /api/v1/orgs/{org}",
                                   "POST /api/v1/orgs",
                                   "POST /api/v1/users",
                                   "POST /api/v1/tokens"};
    for (const auto& op : operations())
        if (op.reads()) expected.insert(op.name());
    for (const auto& name : expected)
        EXPECT_EQ(answered.count(name), 1u) << name << " never answered 2xx: " << statuses[name];
    EXPECT_TRUE(valid(document));
}

TEST_F(Schemas, TheValidatorRefusesAnAnswerTheDocumentDoesNotDescribe) {
    const auto document = json_of(get({}, "/api/v1/openapi.json"));
    auto entry = json_of(get(admin(), "/api/v1/orgs/" + std::string(kOrg) + "/services/D-2"));
    entry["assignment"] = "sometimes";
    entry.erase("revision");
    exchanges.push_back({{"method", "GET"},
                         {"path", "/api/v1/orgs/{org}/services/{service}"},
                         {"status", 200},
                         {"answer", entry}});
    const auto result = valid(document);
    ASSERT_FALSE(result);
    EXPECT_NE(std::string(result.message()).find("assignment"), std::string::npos)
        << result.message();
    EXPECT_NE(std::string(result.message()).find("revision"), std::string::npos)
        << result.message();
}

} // namespace
} // namespace cdcwb::testing
