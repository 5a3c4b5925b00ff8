// The catalogues, templates and crosswalks every signed-in user may read.
#include "api/api_fixture.hpp"

namespace cdcwb::testing {
namespace {

class CatalogueApi : public ApiTest {};

TEST_F(CatalogueApi, EveryTemplateAnswersWithTheLevelsOfItsCatalogue) {
    const auto library = json_of(get(member("viewer"), "/api/v1/catalogs"));
    ASSERT_FALSE(library["templates"].empty());

    for (const auto& listed : library["templates"]) {
        const std::string id = listed["id"].get<std::string>();
        SCOPED_TRACE(id);
        const auto r = get(member("viewer"), "/api/v1/templates/" + id);
        ASSERT_TRUE(HasStatus(r, 200));
        const auto body = json_of(r);
        EXPECT_EQ(body["template"]["catalog"], listed["catalog"]);
        EXPECT_FALSE(body["levels"].empty());
    }
}

TEST_F(CatalogueApi, AnUnknownTemplateOrCatalogueIs404NamingIt) {
    EXPECT_TRUE(
        IsError(get(member("viewer"), "/api/v1/templates/nope"), 404, "not_found", "template"));
    EXPECT_TRUE(
        IsError(get(member("viewer"), "/api/v1/catalogs/nope"), 404, "not_found", "catalog"));
}

} // namespace
} // namespace cdcwb::testing
