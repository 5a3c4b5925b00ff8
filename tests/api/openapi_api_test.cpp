// The OpenAPI document, GET /api/v1/openapi.json: OpenAPI 3.1, every operation it lists is routed
// (and answers), and on every documented path exactly the documented methods are allowed.
#include "api/operations.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace cdcwb::testing {
namespace {

class OpenApi : public WalkTest {};

const std::vector<std::string> kMethods{"GET", "PUT", "POST", "PATCH", "DELETE"};

bool no_such_resource(const HttpResponse& r) {
    if (r.status != 404) return false;
    const auto body = Json::parse(r.body, nullptr, false);
    return !body.is_discarded() && body.contains("error") &&
           body["error"].value("message", "").rfind("no such resource", 0) == 0;
}

TEST_F(OpenApi, TheDocumentIsOpenApi31AndSaysWhoMayCallEachOperation) {
    const auto r = get({}, "/api/v1/openapi.json");
    ASSERT_TRUE(HasStatus(r, 200));
    const auto doc = json_of(r);

    EXPECT_EQ(doc["openapi"], "3.1.0");
    EXPECT_TRUE(doc["info"]["title"].is_string());
    EXPECT_TRUE(doc["components"]["schemas"].contains("Error"));
    const std::set<std::string> accesses{"anyone",
                                         "any signed-in user",
                                         "site administrators",
                                         "members of the organisation (any role)",
                                         "the organisation's admins and assessors",
                                         "the organisation's admins and approvers",
                                         "the organisation's admins"};
    std::set<std::string> operation_ids;
    std::size_t count = 0;
    for (const auto& [path, item] : doc["paths"].items())
        for (const auto& [method, op] : item.items()) {
            SCOPED_TRACE(method + " " + path);
            ++count;
            EXPECT_EQ(accesses.count(op.value("x-cdcwb-access", "")), 1u) << op.dump();
            EXPECT_TRUE(operation_ids.insert(op.value("operationId", "")).second);
            EXPECT_FALSE(op.value("summary", "").empty());
            EXPECT_TRUE(op["responses"].contains("400"));
            std::size_t braces = 0;
            for (char c : path) braces += c == '{' ? 1u : 0u;
            std::size_t in_path = 0;
            for (const auto& parameter : op.value("parameters", Json::array()))
                in_path += parameter["in"] == "path" ? 1u : 0u;
            EXPECT_EQ(in_path, braces);
            if (op.contains("requestBody")) {
                EXPECT_GE(op["requestBody"].value("x-cdcwb-max-bytes", 0), 64 * 1024)
                    << "each body's limit is published";
            }
            if (op["x-cdcwb-access"] != "anyone") {
                EXPECT_TRUE(op["responses"].contains("401"));
            }
        }
    EXPECT_GE(count, 50u);
}

TEST_F(OpenApi, EveryOperationHasAnIdentifierAndRealSchemasForItsBodyAndAnswer) {
    const auto doc = json_of(get({}, "/api/v1/openapi.json"));
    EXPECT_TRUE(doc["info"]["license"]["name"].is_string());
    ASSERT_FALSE(doc["servers"].empty());
    const auto& schemas = doc["components"]["schemas"];
    for (const char* name :
         {"ServiceEntry", "Organisation", "Evaluation", "Finding", "Action", "User", "Membership",
          "Token", "AuditRecord", "Evidence", "Event", "CustomService", "Error"}) {
        EXPECT_TRUE(schemas.contains(name)) << name;
    }
    const Json bare{{"type", "object"}};
    for (const auto& [path, item] : doc["paths"].items())
        for (const auto& [method, op] : item.items()) {
            SCOPED_TRACE(method + " " + path);
            const auto id = op.value("operationId", "");
            EXPECT_FALSE(id.empty());
            EXPECT_TRUE(
                std::all_of(id.begin(), id.end(),
                            [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }) &&
                std::islower(static_cast<unsigned char>(id.front())))
                << id;
            for (const auto& [status, response] : op["responses"].items()) {
                if (status == "204" || response.contains("$ref")) continue;
                for (const auto& [media, content] : response["content"].items()) {
                    EXPECT_NE(content["schema"], bare) << status << " " << media;
                }
            }
            if (method == "put" || method == "patch") {
                EXPECT_TRUE(op.contains("requestBody"));
            }
            if (op.contains("requestBody")) {
                for (const auto& [media, content] : op["requestBody"]["content"].items()) {
                    EXPECT_NE(content["schema"], bare) << media;
                }
            }
        }
}

TEST_F(OpenApi, EveryDocumentedOperationIsRoutedAndAnswersASiteAdministrator) {
    const std::string org = create_org("walk", {});
    create_user("walker");
    ASSERT_TRUE(HasStatus(
        put(admin(), "/api/v1/orgs/" + org + "/members/walker", Json{{"role", "viewer"}}), 200));
    const Ids ids = ids_in(org, "walker");
    const Caller root = with_token(admin()); // a token: DELETE /api/v1/session ends nothing

    for (const auto& op : walk_order(operations())) {
        const auto r = send(root, op, ids);
        EXPECT_FALSE(no_such_resource(r)) << op.name() << " is documented but not routed";
        EXPECT_NE(r.status, 405) << op.name() << " is documented but not routed: " << r.body;
        EXPECT_NE(r.status, 401) << op.name() << ": " << r.body;
        EXPECT_NE(r.status, 403) << op.name() << ": " << r.body;
        EXPECT_LT(r.status, 500) << op.name() << ": " << r.body;
    }
}

TEST_F(OpenApi, OnEveryDocumentedPathExactlyTheDocumentedMethodsAreAllowed) {
    std::map<std::string, std::set<std::string>> documented;
    for (const auto& op : operations()) documented[op.pattern].insert(op.method);
    const std::map<std::string, std::string, std::less<>> values{
        {"org", std::string(kOrg)},
        {"service", "D-2"},
        {"evaluation", "2026-H1"},
        {"action", "ACT-2025-01"},
        {"sha256", "00"},
        {"user", "root"},
        {"token", "1"},
        {"session", "x"},
        {"catalog", "x1060-2021"},
        {"template", "small-company"},
        {"crosswalk", "crosswalk-x1060-first"}};

    for (const auto& [pattern, methods] : documented) {
        std::string allowed;
        for (const auto& m : kMethods)
            if (methods.count(m)) allowed += (allowed.empty() ? "" : ", ") + m;
        for (const auto& method : kMethods) {
            if (methods.count(method)) continue;
            const auto r = call({}, method, fill_path(pattern, values), "{}");
            SCOPED_TRACE(method + " " + pattern);
            EXPECT_TRUE(IsError(r, 405, "method_not_allowed"));
            std::set<std::string> listed;
            std::string header = r.header("allow");
            for (std::size_t at = 0; at <= header.size();) {
                auto end = header.find(", ", at);
                if (end == std::string::npos) end = header.size();
                listed.insert(header.substr(at, end - at));
                at = end + 2;
            }
            EXPECT_EQ(listed, methods) << "Allow: " << header;
        }
    }
}

TEST_F(OpenApi, AnUndocumentedPathIs404NoSuchResource) {
    for (const std::string& target :
         std::vector<std::string>{"/api/v1", "/api/v1/", "/api/v2/orgs", "/api/v1/orgs/x/y/z",
                                  "/api/v1/orgs/" + std::string(kOrg) + "/nothing"}) {
        const auto r = get(admin(), target);
        EXPECT_TRUE(IsError(r, 404, "not_found")) << target;
        EXPECT_TRUE(no_such_resource(r)) << target << ": " << r.body;
    }
}

} // namespace
} // namespace cdcwb::testing
