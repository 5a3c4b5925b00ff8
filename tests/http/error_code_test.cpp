// The one error vocabulary: every code has a name, a description, one HTTP status, and a row in
// docs/api.md's table with that status; the OpenAPI document lists exactly these codes.
#include "http/api.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace cdcwb;

namespace {

/// Code → status, from the rows "| `code` | status | … |" of docs/api.md.
std::map<std::string, int> documented_codes() {
    std::ifstream in(std::string(CDCWB_SOURCE_DIR) + "/docs/api.md");
    std::stringstream text;
    text << in.rdbuf();
    std::map<std::string, int> out;
    const std::regex row(R"(^\| `([a-z_]+)` \| ([0-9]{3}) \|)");
    std::string line;
    while (std::getline(text, line)) {
        std::smatch m;
        if (std::regex_search(line, m, row)) out[m[1]] = std::stoi(m[2]);
    }
    return out;
}

} // namespace

TEST(ErrorCodes, EachHasAUniqueNameADescriptionAndAnErrorStatus) {
    std::set<std::string> names;
    for (const auto code : domain::kErrorCodes) {
        const std::string name = domain::to_string(code);
        EXPECT_TRUE(names.insert(name).second) << name << " twice";
        EXPECT_FALSE(std::string(domain::describe(code)).empty()) << name;
        const int status = http::status_of(code);
        EXPECT_GE(status, 400) << name;
        EXPECT_LT(status, 600) << name;
    }
    EXPECT_EQ(names.size(), 12u);
}

TEST(ErrorCodes, DocsTableListsEveryCodeWithItsStatusAndNothingElse) {
    const auto documented = documented_codes();
    ASSERT_FALSE(documented.empty()) << "no error table found in docs/api.md";
    std::map<std::string, int> actual;
    for (const auto code : domain::kErrorCodes)
        actual[domain::to_string(code)] = http::status_of(code);
    EXPECT_EQ(documented, actual);
}

TEST(ErrorCodes, OpenApiErrorSchemaListsExactlyTheCodes) {
    http::Router router;
    const auto doc = http::openapi_document(router);
    const auto& listed =
        doc["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"];
    std::vector<std::string> expected;
    for (const auto code : domain::kErrorCodes) expected.push_back(domain::to_string(code));
    EXPECT_EQ(listed.get<std::vector<std::string>>(), expected);
}

TEST(ErrorCodes, ErrorResponseUsesTheCodesStatusAndOneShape) {
    const auto r = http::error_response(domain::conflict("changed meanwhile", "revision"));
    EXPECT_EQ(r.status, 409);
    const auto body = http::Json::parse(r.body);
    EXPECT_EQ(body["error"]["code"], "conflict");
    EXPECT_EQ(body["error"]["message"], "changed meanwhile");
    EXPECT_EQ(body["error"]["field"], "revision");
    const auto plain = http::Json::parse(http::error_response(domain::unavailable("busy")).body);
    EXPECT_FALSE(plain["error"].contains("field"));
}
