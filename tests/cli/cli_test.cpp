// The cdcwb binary as a user runs it: outputs, JSON shapes, languages and exit codes.
#include "cli_fixture.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

namespace {

TEST_F(Cli, CatalogueListJsonListsCataloguesCrosswalksAndTemplates) {
    Outcome r = run("catalog list --json");
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    std::vector<std::string> ids;
    for (const auto& c : j["catalogs"]) ids.push_back(c["id"]);
    EXPECT_NE(std::find(ids.begin(), ids.end(), "x1060-2021"), ids.end());
    EXPECT_NE(std::find(ids.begin(), ids.end(), "first-csirt-1.1"), ids.end());
    EXPECT_EQ(j["crosswalks"][0]["id"], "crosswalk-x1060-first");
    EXPECT_GE(j["templates"].size(), 3u);
}

TEST_F(Cli, CatalogueShowJsonHasAll64ServicesWithBothNames) {
    Outcome r = run("catalog show x1060-2021 --json");
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    int services = 0;
    for (const auto& n : j["nodes"]) {
        if (n["kind"] != "service") continue;
        ++services;
        EXPECT_FALSE(n["name"]["en"].get<std::string>().empty()) << n["id"];
        EXPECT_FALSE(n["name"]["ja"].get<std::string>().empty()) << n["id"];
        EXPECT_TRUE(n["sourcing"]["quadrant"].is_string()) << n["id"];
    }
    EXPECT_EQ(services, 64);
    EXPECT_EQ(j["catalog"]["id"], "x1060-2021");
}

TEST_F(Cli, CatalogueShowInJapanese) {
    Outcome r = run("catalog show x1060-2021 --lang ja");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("D-2  インシデントハンドリング"), std::string::npos);
    EXPECT_NE(r.out.find("別名: CDC/CSCシステム運用"), std::string::npos); // ISOG-J alias of G-11
}

TEST_F(Cli, UnknownCatalogueIsBadInput) {
    Outcome r = run("catalog show x1060-2099");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("unknown catalogue 'x1060-2099'"), std::string::npos) << r.err;
}

TEST_F(Cli, CrosswalkWorksInBothDirections) {
    Outcome fwd = run("crosswalk D-2 --json");
    ASSERT_EQ(fwd.code, 0) << fwd.err;
    auto j = nlohmann::json::parse(fwd.out);
    ASSERT_EQ(j["links"].size(), 1u);
    EXPECT_EQ(j["links"][0]["id"], "1.1");
    EXPECT_EQ(j["links"][0]["relation"], "equivalent");
    Outcome back = run("crosswalk 1.1 --json");
    auto k = nlohmann::json::parse(back.out);
    EXPECT_EQ(k["links"][0]["id"], "D-2");
    EXPECT_EQ(k["links"][0]["direction"], "from");
    Outcome none = run("crosswalk 1.1.5 --json");
    auto n = nlohmann::json::parse(none.out);
    EXPECT_TRUE(n["links"].empty());
    EXPECT_EQ(n["no_counterpart"].size(), 1u);
    EXPECT_EQ(run("crosswalk Q-1").code, 2);
}

TEST_F(Cli, TemplateListAndShow) {
    Outcome list = run("template list --json");
    ASSERT_EQ(list.code, 0);
    EXPECT_GE(nlohmann::json::parse(list.out)["templates"].size(), 3u);
    Outcome show = run("template show basic-only --json");
    ASSERT_EQ(show.code, 0) << show.err;
    EXPECT_EQ(nlohmann::json::parse(show.out)["levels"].size(), 64u);
    EXPECT_EQ(run("template show nope").code, 2);
}

TEST_F(Cli, EvaluateExampleInEnglishAndJapanese) {
    Outcome en = run("evaluate '" + example() + "' --date 2026-11-22 --lang en");
    ASSERT_EQ(en.code, 0) << en.err;
    EXPECT_NE(en.out.find("Catalogue evaluation"), std::string::npos);
    EXPECT_NE(en.out.find("Profile evaluation"), std::string::npos);
    EXPECT_NE(en.out.find("Portfolio evaluation"), std::string::npos);
    EXPECT_NE(en.out.find("in the catalogue but nobody delivers it"), std::string::npos);
    Outcome ja = run("evaluate '" + example() + "' --date 2026-11-22 --lang ja");
    ASSERT_EQ(ja.code, 0) << ja.err;
    EXPECT_NE(ja.out.find("カタログ評価"), std::string::npos);
    EXPECT_NE(ja.out.find("ポートフォリオ評価"), std::string::npos);
    EXPECT_NE(ja.out.find("担い手がいない"), std::string::npos);
}

TEST_F(Cli, EvaluateJsonAgreesWithTheHumanSummary) {
    Outcome r = run("evaluate '" + example() + "' --date 2026-11-22 --json");
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    int errors = 0;
    for (const auto& f : j["findings"]) errors += f["severity"] == "error";
    EXPECT_EQ(j["summary"]["error"], errors);
    EXPECT_EQ(j["services"].size(), 65u); // 64 + the example's custom service
    EXPECT_EQ(j["scores"]["categories"].size(), 9u);
    EXPECT_EQ(j["date"], "2026-11-22");
    // Findings come in the spec's order: catalogue, then profile, then portfolio.
    std::string last = "catalogue";
    const std::vector<std::string> order{"catalogue", "profile", "portfolio"};
    for (const auto& f : j["findings"]) {
        auto now = std::find(order.begin(), order.end(), f["evaluation"].get<std::string>());
        ASSERT_NE(now, order.end());
        EXPECT_GE(now - order.begin(), std::find(order.begin(), order.end(), last) - order.begin());
        last = *now;
    }
}

TEST_F(Cli, EvaluatingAsOfAnEarlierDateIgnoresLaterEvaluations) {
    Outcome r = run("evaluate '" + example() + "' --date 2026-03-01 --json");
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["changes_since"]["evaluation"], "2025-H2");
    EXPECT_EQ(j["trends"][0]["points"].size(), 2u); // 2025-H2 and now
}

TEST_F(Cli, FailOnReturnsOneWhenFindingsReachTheSeverity) {
    EXPECT_EQ(run("evaluate '" + example() + "' --date 2026-11-22 --fail-on error").code, 1);
    write("clean.yaml",
          "format: cdcwb/v1\norganisation: {name: Tiny}\ncatalog: x1060-2021\nservices:\n"
          "  A-1: {level: basic, assignment: insource, owner: Sec, as_is: 5, to_be: 5}\n");
    // Every other service is undecided (warnings), but none is an error.
    EXPECT_EQ(run("evaluate clean.yaml --fail-on error").code, 0);
    EXPECT_EQ(run("evaluate clean.yaml --fail-on warning").code, 1);
    EXPECT_EQ(run("evaluate clean.yaml --fail-on fatal").code, 2);
}

TEST_F(Cli, MalformedAssessmentNamesFileLineAndField) {
    write("bad.yaml",
          "format: cdcwb/v1\norganisation: {name: Tiny}\ncatalog: x1060-2021\nservices:\n"
          "  A-1:\n    level: basic\n    assignment: insource\n    as_is: 9\n");
    Outcome r = run("evaluate bad.yaml");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("bad.yaml:8: [A-1] services.A-1.as_is: score 9 is out of range"),
              std::string::npos)
        << r.err;
    EXPECT_TRUE(r.out.empty());
}

TEST_F(Cli, MissingFileAndBadOptionsAreBadInput) {
    EXPECT_EQ(run("evaluate nowhere.yaml").code, 2);
    EXPECT_EQ(run("evaluate .").code, 2);
    EXPECT_EQ(run("evaluate '" + example() + "' --date 2026-02-30").code, 2);
    EXPECT_EQ(run("evaluate '" + example() + "' --reference nope").code, 2);
    EXPECT_EQ(run("catalog list --lang fr").code, 2);
    EXPECT_EQ(run("frobnicate").code, 2);
    EXPECT_EQ(run("").code, 2);
    EXPECT_EQ(run("--help").code, 0);
    EXPECT_EQ(run("--version").out, "cdcwb 0.1.0\n");
}

TEST_F(Cli, NewWritesAStarterFileThatEvaluates) {
    Outcome made = run("new starter.yaml --template small-company --org 'Tiny KK'");
    ASSERT_EQ(made.code, 0) << made.err;
    ASSERT_TRUE(fs::exists(dir_ / "starter.yaml"));
    Outcome ev = run("evaluate starter.yaml --json --date 2026-11-22");
    ASSERT_EQ(ev.code, 0) << ev.err;
    auto j = nlohmann::json::parse(ev.out);
    EXPECT_EQ(j["organisation"]["name"], "Tiny KK");
    EXPECT_EQ(j["reference_template"], "small-company");
    int unassigned = 0;
    for (const auto& f : j["findings"]) unassigned += f["code"] == "unassigned";
    EXPECT_GT(unassigned, 0); // everything in the catalogue starts unassigned
    // Refuses to overwrite without --force, and leaves the file as it was.
    const auto before = fs::file_size(dir_ / "starter.yaml");
    Outcome again = run("new starter.yaml --template basic-only");
    EXPECT_EQ(again.code, 2);
    EXPECT_NE(again.err.find("already exists"), std::string::npos);
    EXPECT_EQ(fs::file_size(dir_ / "starter.yaml"), before);
    EXPECT_EQ(run("new starter.yaml --template basic-only --force").code, 0);
    EXPECT_EQ(run("new other.yaml --template nope").code, 2);
    EXPECT_FALSE(fs::exists(dir_ / "other.yaml"));
}

TEST_F(Cli, CatalogueDirLoadsAUsersCatalogueAndReportsItsProblems) {
    fs::create_directories(dir_ / "cats");
    std::ofstream(dir_ / "cats" / "t.yaml")
        << "template:\n  id: mine\n  catalog: x1060-2021\n"
           "  name: {en: Mine, ja: 私の}\n  audience: {en: Me, ja: 私}\n"
           "levels:\n  A-1: basic\n";
    Outcome r = run("--catalog-dir cats template list");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("template gives no level for service 'A-2'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("cats/t.yaml:7"), std::string::npos) << r.err;
}

} // namespace

namespace {

TEST_F(Cli, OpenapiPrintsTheApiDocumentWithoutADatabaseOrAServer) {
    const Outcome r = run("openapi");
    EXPECT_EQ(r.code, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["openapi"], "3.1.0");
    EXPECT_EQ(doc["paths"]["/api/v1/orgs/{org}/services/{service}"]["put"]["operationId"],
              "updateServiceEntry");
    EXPECT_TRUE(doc["components"]["schemas"].contains("ServiceEntry"));
    EXPECT_FALSE(fs::exists(dir_ / "cdcwb-data")); // no database was created here
}

} // namespace
