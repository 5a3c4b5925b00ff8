// The catalogue loader: the embedded catalogues load cleanly, and every kind of problem in a
// catalogue, crosswalk or template file is reported with its file, line and id.
#include "catalogue/library.hpp"
#include "test_text.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>

namespace cdcwb::catalogue {
namespace {

using cdcwb::testing::dump;
using cdcwb::testing::with;

const char* kCatalog = R"(catalog:
  id: mini
  title: {en: Mini, ja: ミニ}
  version: "1"
  edition_date: "2026"
  publisher: {en: Us, ja: 私たち}
  licence_note: {en: Ours, ja: 自作}
  languages: [en, ja]
nodes:
  - id: A
    kind: category
    phase: strategic
    name: {en: Alpha, ja: アルファ}
    description: {en: First, ja: 最初}
  - id: A-1
    kind: service
    parent: A
    name: {en: One, ja: 一}
    description: {en: The one, ja: 一つ目}
    sourcing: {information: internal, specialist_skill: false, reason: {en: r, ja: 理由}}
  - id: A-2
    kind: service
    parent: A
    name: {en: Two, ja: 二}
    description: {en: The two, ja: 二つ目}
)";

bool has_problem(const domain::Errors& ps, int line, const std::string& id,
                 const std::string& needle) {
    for (const auto& p : ps)
        if (p.line == line && p.id == id && p.describe().find(needle) != std::string::npos)
            return true;
    return false;
}

TEST(Library, EmbeddedCataloguesLoadWithoutProblems) {
    auto loaded = load_library();
    EXPECT_TRUE(loaded.problems.empty()) << dump(loaded.problems);
    const LoadedCatalog* x1060 = loaded.library.catalogue("x1060-2021");
    ASSERT_NE(x1060, nullptr);
    EXPECT_EQ(x1060->catalogue.services().size(), 64u);
    EXPECT_EQ(x1060->catalogue.of_kind(domain::NodeKind::category).size(), 9u);
    ASSERT_NE(loaded.library.catalogue("first-csirt-1.1"), nullptr);
    ASSERT_NE(loaded.library.crosswalk("crosswalk-x1060-first"), nullptr);
    EXPECT_GE(loaded.library.templates().size(), 3u);
}

TEST(Library, X1060HasTheSpecCountsPerCategoryAndBothNames) {
    auto loaded = load_library();
    const auto& cat = loaded.library.catalogue("x1060-2021")->catalogue;
    const std::map<std::string, std::size_t> expected{
        {"A", 13}, {"B", 4}, {"C", 4}, {"D", 7}, {"E", 9}, {"F", 5}, {"G", 13}, {"H", 2}, {"I", 7}};
    for (const auto& [category, count] : expected) {
        EXPECT_EQ(cat.children(category).size(), count) << category;
        for (const auto* s : cat.children(category)) {
            EXPECT_TRUE(s->name.complete()) << s->id;
            EXPECT_TRUE(s->description.complete()) << s->id;
            ASSERT_TRUE(s->sourcing.has_value()) << s->id;
            EXPECT_TRUE(s->sourcing->reason.complete()) << s->id;
        }
    }
    EXPECT_EQ(cat.find("E-6")->name.ja, "高度サイバー攻撃耐性評価");
    EXPECT_EQ(cat.find("G-11")->aliases.at(0).name, "CDC/CSCシステム運用");
    EXPECT_EQ(cat.find("D")->phase, domain::Phase::response);
    EXPECT_EQ(cat.find("I")->phase, domain::Phase::strategic);
}

// The names of another source for the same item, as the loader read them.
std::vector<std::string> alias_names(const domain::Catalogue& cat, std::string_view id) {
    std::vector<std::string> out;
    if (const auto* node = cat.find(id))
        for (const auto& a : node->aliases) out.push_back(a.name);
    return out;
}

TEST(Library, X1060JapaneseTitleNamesTheCyberDefenceCentreAsJtX1060Does) {
    auto loaded = load_library();
    const auto& title = loaded.library.catalogue("x1060-2021")->catalogue.header().title;
    EXPECT_EQ(title.ja,
              "JT-X1060 サイバーディフェンスセンターを構築・運用するためのフレームワーク");
    EXPECT_EQ(title.ja.find("攻撃対策"), std::string::npos);
}

TEST(Library, IsogJNamesAreAliasesOfTheirOwnItems) {
    auto loaded = load_library();
    const auto& cat = loaded.library.catalogue("x1060-2021")->catalogue;
    const auto* a = cat.find("A");
    ASSERT_NE(a, nullptr);
    ASSERT_EQ(a->aliases.size(), 1u);
    EXPECT_EQ(a->aliases[0],
              (domain::Alias{"ja", "CDC/CSCの戦略マネジメント", "ISOG-J handbook 2025"}));
    EXPECT_EQ(alias_names(cat, "A-4"), std::vector<std::string>{"ポリシーの管理"});
    EXPECT_TRUE(alias_names(cat, "A-1").empty());
}

TEST(Library, FirstFunctionsCarryTheTranslationNumberUnderTheirService) {
    auto loaded = load_library();
    const auto& cat = loaded.library.catalogue("first-csirt-1.1")->catalogue;
    EXPECT_EQ(alias_names(cat, "3.1"), std::vector<std::string>{"2.4"});
    EXPECT_EQ(alias_names(cat, "3.1.1"), std::vector<std::string>{"2.4.1"});
    EXPECT_EQ(alias_names(cat, "6.4.4"), std::vector<std::string>{"2.17.4"});
    // Areas 1 and 2 are numbered alike in the translation; 5.3's functions have no known number.
    EXPECT_TRUE(alias_names(cat, "1.1.1").empty());
    EXPECT_TRUE(alias_names(cat, "5.3.1").empty());
    // Every other function under a renumbered service: the service's number, then its own last
    // part.
    std::size_t with_number = 0;
    for (const auto* f : cat.of_kind(domain::NodeKind::function)) {
        const auto service = alias_names(cat, f->parent);
        if (service.empty() || f->parent == "5.3") continue;
        const auto last = f->id.substr(f->id.rfind('.'));
        EXPECT_EQ(alias_names(cat, f->id), std::vector<std::string>{service[0] + last}) << f->id;
        ASSERT_EQ(f->aliases.size(), 1u) << f->id;
        EXPECT_EQ(f->aliases[0].source, "Japanese translation numbering") << f->id;
        EXPECT_TRUE(f->aliases[0].lang.empty()) << f->id;
        ++with_number;
    }
    EXPECT_EQ(with_number, 33u);
}

TEST(Library, CrosswalkListsFirstItemsWithoutCounterpart) {
    auto loaded = load_library();
    const auto& cw = loaded.library.crosswalk("crosswalk-x1060-first")->crosswalk;
    std::vector<std::string> ids;
    for (const auto& u : cw.unmatched_to) ids.push_back(u.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"1.1.5", "5.2.2", "7.1", "7.3", "IA-3"}));
    ASSERT_EQ(cw.links_from("D-2").size(), 1u);
    EXPECT_EQ(cw.links_from("D-2")[0].to, "1.1");
    EXPECT_EQ(cw.links_from("D-2")[0].relation, domain::Relation::equivalent);
}

TEST(Library, AValidFileLoads) {
    Library lib;
    auto problems = lib.add_file("mini.yaml", kCatalog, false);
    EXPECT_TRUE(problems.empty()) << dump(problems);
    ASSERT_NE(lib.catalogue("mini"), nullptr);
    EXPECT_EQ(lib.catalogue("mini")->catalogue.category_of("A-2")->id, "A");
}

TEST(Library, DuplicateIdIsReportedWithLineAndFirstDefinition) {
    Library lib;
    auto problems = lib.add_file("dup.yaml", with(kCatalog, "- id: A-2", "- id: A-1"), false);
    EXPECT_TRUE(has_problem(problems, 21, "A-1", "duplicate id (first defined on line 15)"))
        << dump(problems);
    EXPECT_EQ(lib.catalogue("mini"), nullptr); // a file with problems adds nothing
}

TEST(Library, UnknownParentAndCategoryAreReported) {
    Library lib;
    auto problems = lib.add_file(
        "p.yaml", with(kCatalog, "parent: A\n    name: {en: Two", "parent: Z\n    name: {en: Two"),
        false);
    EXPECT_TRUE(has_problem(problems, 21, "A-2", "unknown parent 'Z'")) << dump(problems);
    auto nested = lib.add_file(
        "n.yaml",
        with(kCatalog, "parent: A\n    name: {en: Two", "parent: A-1\n    name: {en: Two"), false);
    EXPECT_TRUE(has_problem(nested, 21, "A-2", "parent 'A-1' is not a category")) << dump(nested);
    auto orphan = lib.add_file(
        "o.yaml", with(kCatalog, "    parent: A\n    name: {en: Two", "    name: {en: Two"), false);
    EXPECT_TRUE(has_problem(orphan, 21, "A-2", "a service needs a category as parent"))
        << dump(orphan);
}

TEST(Library, MissingLanguageIsReported) {
    Library lib;
    auto problems = lib.add_file("l.yaml", with(kCatalog, "{en: Two, ja: 二}", "{en: Two}"), false);
    EXPECT_TRUE(has_problem(problems, 24, "A-2", "name.ja: missing ja text")) << dump(problems);
    problems =
        lib.add_file("l.yaml", with(kCatalog, "languages: [en, ja]", "languages: [en]"), false);
    EXPECT_TRUE(has_problem(problems, 8, "mini", "missing language 'ja'")) << dump(problems);
}

TEST(Library, BadValuesAreReported) {
    Library lib;
    auto p1 = lib.add_file("k.yaml", with(kCatalog, "kind: category", "kind: chapter"), false);
    EXPECT_TRUE(has_problem(p1, 11, "A", "'chapter' is not category")) << dump(p1);
    auto p2 = lib.add_file("ph.yaml", with(kCatalog, "phase: strategic", "phase: tactical"), false);
    EXPECT_TRUE(has_problem(p2, 12, "A", "'tactical' is not strategic | operation | response"))
        << dump(p2);
    auto p3 = lib.add_file("s.yaml", with(kCatalog, "information: internal", "information: inside"),
                           false);
    EXPECT_TRUE(has_problem(p3, 20, "A-1", "'inside' is not internal or external")) << dump(p3);
    auto p4 = lib.add_file(
        "u.yaml",
        with(kCatalog, "    phase: strategic\n", "    phase: strategic\n    colour: red\n"), false);
    EXPECT_TRUE(has_problem(p4, 13, "A", "unknown field 'colour'")) << dump(p4);
    auto p5 = lib.add_file("c.yaml", with(kCatalog, "    phase: strategic\n", ""), false);
    EXPECT_TRUE(has_problem(p5, 10, "A", "a category needs a management phase")) << dump(p5);
}

TEST(Library, SyntaxErrorIsReportedWithItsLine) {
    Library lib;
    auto problems = lib.add_file(
        "bad.yaml", with(kCatalog, "name: {en: One, ja: 一}", "name: {en: One, ja: 一"), false);
    ASSERT_FALSE(problems.empty());
    EXPECT_NE(problems[0].describe().find("YAML syntax error"), std::string::npos)
        << dump(problems);
    EXPECT_GT(problems[0].line, 17);
    auto other = lib.add_file("other.yaml", "something: 1\n", false);
    ASSERT_EQ(other.size(), 1u);
    EXPECT_NE(other[0].message.find("not a catalogue file"), std::string::npos);
}

const char* kCrosswalk = R"(crosswalk:
  id: mini-x
  from: mini
  to: mini
  version: "1"
  note: {en: n, ja: 注}
links:
  - {from: A-1, to: A-2, relation: related}
  - {from: A-1, to: A-9, relation: related}
no_counterpart:
  from:
    - {id: A-7, note: {en: n, ja: 注}}
)";

TEST(Library, CrosswalkIdsThatDoNotExistAreReported) {
    Library lib;
    ASSERT_TRUE(lib.add_file("mini.yaml", kCatalog, false).empty());
    auto problems = lib.add_file("x.yaml", kCrosswalk, false);
    EXPECT_TRUE(problems.empty()) << dump(problems);
    auto refs = lib.check_references();
    EXPECT_TRUE(has_problem(refs, 9, "A-1", "'A-9' does not exist in catalogue 'mini'"))
        << dump(refs);
    EXPECT_TRUE(has_problem(refs, 12, "A-7", "'A-7' does not exist")) << dump(refs);
    EXPECT_EQ(refs.size(), 2u) << dump(refs);

    Library lib2;
    ASSERT_TRUE(
        lib2.add_file("x.yaml", with(kCrosswalk, "to: mini\n", "to: nowhere\n"), false).empty());
    EXPECT_TRUE(has_problem(lib2.check_references(), 4, "mini-x", "unknown catalogue 'nowhere'"));
    auto bad = lib2.add_file("r.yaml",
                             with(with(kCrosswalk, "id: mini-x", "id: mini-y"),
                                  "relation: related}\n  - {from: A-1, to: A-9",
                                  "relation: same}\n  - {from: A-1, to: A-9"),
                             false);
    EXPECT_TRUE(has_problem(bad, 8, "A-1", "'same' is not equivalent | part-of | related"))
        << dump(bad);
}

const char* kTemplate = R"(template:
  id: mini-t
  catalog: mini
  name: {en: T, ja: テ}
  audience: {en: Anyone, ja: 誰でも}
levels:
  A-1: basic
  A-2: standard
)";

TEST(Library, TemplateNamingAnUnknownOrMissingServiceIsReported) {
    Library lib;
    ASSERT_TRUE(lib.add_file("mini.yaml", kCatalog, false).empty());
    ASSERT_TRUE(lib.add_file("t.yaml", kTemplate, false).empty());
    EXPECT_TRUE(lib.check_references().empty());

    Library unknown;
    ASSERT_TRUE(unknown.add_file("mini.yaml", kCatalog, false).empty());
    ASSERT_TRUE(unknown
                    .add_file("t.yaml",
                              with(kTemplate, "A-2: standard", "A-2: standard\n  B-9: basic"),
                              false)
                    .empty());
    EXPECT_TRUE(has_problem(unknown.check_references(), 9, "B-9", "unknown service 'B-9'"));

    Library missing;
    ASSERT_TRUE(missing.add_file("mini.yaml", kCatalog, false).empty());
    ASSERT_TRUE(
        missing.add_file("t.yaml", with(kTemplate, "  A-2: standard\n", ""), false).empty());
    EXPECT_TRUE(has_problem(missing.check_references(), 7, "A-2",
                            "template gives no level for service 'A-2'"));

    Library level;
    auto p = level.add_file("t.yaml", with(kTemplate, "A-2: standard", "A-2: high"), false);
    EXPECT_TRUE(has_problem(p, 8, "A-2", "'high' is not a level")) << dump(p);
}

TEST(Library, DuplicateItemIdsAcrossFilesAreReportedUnlessReplacing) {
    Library lib;
    ASSERT_TRUE(lib.add_file("a.yaml", kCatalog, false).empty());
    auto again = lib.add_file("b.yaml", kCatalog, false);
    EXPECT_TRUE(has_problem(again, 1, "mini", "already loaded from a.yaml")) << dump(again);
    EXPECT_TRUE(lib.add_file("c.yaml", kCatalog, true).empty());
    EXPECT_EQ(lib.catalogue("mini")->source, "c.yaml");

    // Crosswalks and templates: the same rule, each named as what it is.
    ASSERT_TRUE(lib.add_file("x1.yaml", kCrosswalk, false).empty());
    auto crosswalk = lib.add_file("x2.yaml", kCrosswalk, false);
    EXPECT_TRUE(has_problem(crosswalk, 1, "mini-x",
                            "duplicate crosswalk id: already loaded from "
                            "x1.yaml"))
        << dump(crosswalk);
    EXPECT_EQ(lib.crosswalk("mini-x")->source, "x1.yaml");
    EXPECT_TRUE(lib.add_file("x3.yaml", kCrosswalk, true).empty());
    EXPECT_EQ(lib.crosswalk("mini-x")->source, "x3.yaml");

    ASSERT_TRUE(lib.add_file("t1.yaml", kTemplate, false).empty());
    auto tmpl = lib.add_file("t2.yaml", kTemplate, false);
    EXPECT_TRUE(
        has_problem(tmpl, 1, "mini-t", "duplicate template id: already loaded from t1.yaml"))
        << dump(tmpl);
    EXPECT_TRUE(lib.add_file("t3.yaml", kTemplate, true).empty());
    EXPECT_EQ(lib.find_template("mini-t")->source, "t3.yaml");
}

class CatalogueDir : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("cdcwb-catalog-test-" + std::to_string(std::random_device{}()));
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    void write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name) << text;
    }
    std::filesystem::path dir_;
};

TEST_F(CatalogueDir, FolderAddsCataloguesAndTemplates) {
    write("mini.yaml", kCatalog);
    write("t.yaml", kTemplate);
    auto loaded = load_library(dir_);
    EXPECT_TRUE(loaded.problems.empty()) << dump(loaded.problems);
    EXPECT_NE(loaded.library.catalogue("mini"), nullptr);
    EXPECT_NE(loaded.library.catalogue("x1060-2021"), nullptr);
    EXPECT_NE(loaded.library.find_template("mini-t"), nullptr);
}

TEST_F(CatalogueDir, FolderProblemsNameTheFile) {
    write("broken.yaml", with(kCatalog, "- id: A-2", "- id: A-1"));
    auto loaded = load_library(dir_);
    ASSERT_FALSE(loaded.problems.empty());
    EXPECT_EQ(loaded.problems[0].file, (dir_ / "broken.yaml").string());
    EXPECT_EQ(loaded.problems[0].line, 21);
}

TEST_F(CatalogueDir, MissingFolderIsAProblem) {
    auto loaded = load_library(dir_ / "nope");
    ASSERT_EQ(loaded.problems.size(), 1u);
    EXPECT_NE(loaded.problems[0].message.find("not found"), std::string::npos);
}

} // namespace
} // namespace cdcwb::catalogue
