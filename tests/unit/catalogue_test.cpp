// Catalogues, crosswalks and templates as domain values.
#include "domain/catalogue.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace {

using namespace cdcwb::test;

std::vector<std::string> ids(const std::vector<const CatalogueNode*>& nodes) {
    std::vector<std::string> out;
    for (const auto* n : nodes) out.push_back(n->id);
    return out;
}

TEST(Catalogue, FindsNodesByIdAndNothingElse) {
    const Catalogue& c = tiny_catalogue();
    EXPECT_EQ(c.id(), "tiny");
    ASSERT_NE(c.find("B-1"), nullptr);
    EXPECT_EQ(c.find("B-1")->name.en, "Real-time asset monitoring");
    EXPECT_EQ(c.find("Z-9"), nullptr);
    EXPECT_EQ(c.find(""), nullptr);
    EXPECT_EQ(c.find("b-1"), nullptr);
}

TEST(Catalogue, ListsNodesOfOneKindInFileOrder) {
    const Catalogue& c = tiny_catalogue();
    EXPECT_EQ(ids(c.of_kind(NodeKind::category)), (std::vector<std::string>{"A", "B", "D"}));
    EXPECT_EQ(ids(c.services()), (std::vector<std::string>{"A-1", "A-2", "B-1", "D-1", "D-2"}));
    EXPECT_TRUE(c.of_kind(NodeKind::area).empty());
}

TEST(Catalogue, ListsChildrenOfANode) {
    EXPECT_EQ(ids(tiny_catalogue().children("D")), (std::vector<std::string>{"D-1", "D-2"}));
    EXPECT_EQ(ids(tiny_catalogue().children("")), (std::vector<std::string>{"A", "B", "D"}));
    EXPECT_TRUE(tiny_catalogue().children("A-1").empty());
}

TEST(Catalogue, CategoryOfWalksUpToTheNearestCategory) {
    CatalogueNode area;
    area.id = "X.1";
    area.kind = NodeKind::area;
    area.parent = "X";
    Catalogue c(header("nested"), {category_node("X", Phase::operation, "X", "X"), area,
                                   service_node("X.1.a", "X.1", "a", "あ")});
    ASSERT_NE(c.category_of("X.1.a"), nullptr);
    EXPECT_EQ(c.category_of("X.1.a")->id, "X");
    EXPECT_EQ(c.category_of("X")->id, "X");
    EXPECT_EQ(tiny_catalogue().category_of("D-2")->id, "D");
}

TEST(Catalogue, CategoryOfIsNullForAnOrphanOrUnknownService) {
    Catalogue c(header("orphan"), {service_node("lonely", "", "Lonely", "孤独"),
                                   service_node("lost", "nowhere", "Lost", "迷子")});
    EXPECT_EQ(c.category_of("lonely"), nullptr);
    EXPECT_EQ(c.category_of("lost"), nullptr);
    EXPECT_EQ(c.category_of("absent"), nullptr);
}

TEST(Catalogue, CategoryOfStopsOnAParentCycle) {
    Catalogue c(header("cycle"),
                {service_node("p", "q", "P", "P"), service_node("q", "p", "Q", "Q")});
    EXPECT_EQ(c.category_of("p"), nullptr);
}

TEST(Catalogue, NodeKindTokensRoundTripAndUnknownOnesAreRejected) {
    for (NodeKind k : {NodeKind::category, NodeKind::service, NodeKind::area, NodeKind::function,
                       NodeKind::internal})
        EXPECT_EQ(parse_node_kind(to_string(k)), k);
    EXPECT_EQ(to_string(NodeKind::category), "category");
    EXPECT_FALSE(parse_node_kind("Service").has_value());
    EXPECT_FALSE(parse_node_kind("").has_value());
}

TEST(Catalogue, RelationTokensRoundTripAndUnknownOnesAreRejected) {
    EXPECT_EQ(to_string(Relation::equivalent), "equivalent");
    EXPECT_EQ(to_string(Relation::part_of), "part-of");
    EXPECT_EQ(to_string(Relation::related), "related");
    for (Relation r : {Relation::equivalent, Relation::part_of, Relation::related}) {
        EXPECT_EQ(parse_relation(to_string(r)), r);
        EXPECT_TRUE(display_name(r).complete());
    }
    EXPECT_FALSE(parse_relation("part_of").has_value());
    EXPECT_FALSE(parse_relation("").has_value());
}

TEST(Catalogue, CrosswalkFindsLinksFromAndToAnItem) {
    Crosswalk cw;
    cw.links = {{"A-1", "F1", Relation::equivalent},
                {"A-1", "F2", Relation::related},
                {"B-1", "F2", Relation::part_of}};
    auto from = cw.links_from("A-1");
    ASSERT_EQ(from.size(), 2u);
    EXPECT_EQ(from[0].to, "F1");
    EXPECT_EQ(from[1].to, "F2");
    auto to = cw.links_to("F2");
    ASSERT_EQ(to.size(), 2u);
    EXPECT_EQ(to[0].from, "A-1");
    EXPECT_EQ(to[1].from, "B-1");
    EXPECT_TRUE(cw.links_from("F1").empty());
}

TEST(Catalogue, TemplateLevelOfIsNulloptForServicesItDoesNotCover) {
    Template t;
    t.levels = {{"A-1", Level::basic}, {"B-1", Level::not_required}};
    EXPECT_EQ(t.level_of("A-1"), Level::basic);
    EXPECT_EQ(t.level_of("B-1"), Level::not_required);
    EXPECT_FALSE(t.level_of("D-1").has_value());
}

} // namespace
