// Shared test data for the domain unit tests: a tiny in-memory catalogue (three categories, five
// services, one per sourcing quadrant plus one without answers), the standard's figure 4
// catalogue, and short helpers that build ServiceEntry values.
#pragma once

#include "domain/catalogue.hpp"
#include "domain/date.hpp"
#include "domain/evaluation.hpp"
#include "domain/rubric.hpp"
#include "domain/service_entry.hpp"
#include "domain/vocabulary.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cdcwb::test {

using namespace cdcwb::domain;

inline CatalogueNode category_node(std::string id, std::optional<Phase> phase, std::string en,
                                   std::string ja) {
    CatalogueNode n;
    n.id = std::move(id);
    n.kind = NodeKind::category;
    n.name = {std::move(en), std::move(ja)};
    n.phase = phase;
    return n;
}

inline CatalogueNode service_node(std::string id, std::string parent, std::string en,
                                  std::string ja,
                                  std::optional<SourcingAnswers> answers = std::nullopt) {
    CatalogueNode n;
    n.id = std::move(id);
    n.kind = NodeKind::service;
    n.parent = std::move(parent);
    n.name = {std::move(en), std::move(ja)};
    if (answers) n.sourcing = Sourcing{*answers, {"test reason", "テストの理由"}};
    return n;
}

inline CatalogueHeader header(std::string id) {
    CatalogueHeader h;
    h.id = std::move(id);
    h.title = {"Test catalogue", "テストカタログ"};
    h.version = "1";
    h.languages = {"en", "ja"};
    return h;
}

/// Categories A (strategic), B (operation), D (response). Services and their default quadrants:
/// A-1 I (internal, no skill), A-2 IV (internal, skill), B-1 II (external, no skill),
/// D-1 III (external, skill), D-2 no sourcing answers.
inline const Catalogue& tiny_catalogue() {
    static const Catalogue catalogue(
        header("tiny"),
        {
            category_node("A", Phase::strategic, "Strategic management", "戦略マネジメント"),
            service_node("A-1", "A", "Risk management", "リスクマネジメント",
                         SourcingAnswers{Information::internal, false}),
            service_node("A-2", "A", "Risk assessment", "リスクアセスメント",
                         SourcingAnswers{Information::internal, true}),
            category_node("B", Phase::operation, "Real-time analysis", "即時分析"),
            service_node("B-1", "B", "Real-time asset monitoring", "リアルタイム監視",
                         SourcingAnswers{Information::external, false}),
            category_node("D", Phase::response, "Incident response", "インシデント対応"),
            service_node("D-1", "D", "Incident report acceptation", "インシデント報告受付",
                         SourcingAnswers{Information::external, true}),
            service_node("D-2", "D", "Incident handling", "インシデントハンドリング"),
        });
    return catalogue;
}

/// The standard's figure 4 matrix needs exactly three services and no quadrant answers.
inline const Catalogue& figure4_catalogue() {
    static const Catalogue catalogue(
        header("figure4"), {
                               category_node("S", Phase::operation, "Services", "サービス"),
                               service_node("service-1", "S", "Service 1", "サービス1"),
                               service_node("service-2", "S", "Service 2", "サービス2"),
                               service_node("service-3", "S", "Service 3", "サービス3"),
                           });
    return catalogue;
}

inline ServiceDirectory directory_of(const Catalogue& catalogue,
                                     const std::vector<CustomService>& custom = {}) {
    auto dir = ServiceDirectory::build(catalogue, custom);
    if (!dir) throw std::logic_error("test directory does not build: " + dir.error().describe());
    return std::move(dir).value();
}

inline ServiceDirectory tiny_directory(const std::vector<CustomService>& custom = {}) {
    return directory_of(tiny_catalogue(), custom);
}

/// A custom service in category `category` with names in both languages.
inline CustomService custom_service(std::string id, std::string category,
                                    std::optional<SourcingAnswers> answers = std::nullopt) {
    CustomService c;
    c.id = std::move(id);
    c.category = std::move(category);
    c.name = {"Custom " + c.id, "独自 " + c.id};
    c.sourcing = answers;
    return c;
}

inline Score pts(int value) {
    auto s = Score::points(value);
    if (!s) throw std::logic_error("bad test score " + std::to_string(value));
    return *s;
}
inline Score na() {
    return Score::not_applicable();
}

inline ScorePair scores(int as_is, int to_be) {
    return {pts(as_is), pts(to_be)};
}
inline ScorePair na_pair() {
    return {na(), na()};
}

inline Date day(const char* text) {
    auto d = Date::parse(text);
    if (!d) throw std::logic_error(std::string("bad test date ") + text);
    return *d;
}

/// An entry with a level and an assignment and nothing else.
inline ServiceEntry entry(std::string id, std::optional<Level> level,
                          Assignment assignment = Assignment::unassigned) {
    ServiceEntry e;
    e.service_id = std::move(id);
    e.level = level;
    e.assignment = assignment;
    return e;
}

inline ServiceEntry insourced(std::string id, std::optional<Level> level, ScorePair pair,
                              std::string owner = "SOC team") {
    ServiceEntry e = entry(std::move(id), level, Assignment::insource);
    e.owner = std::move(owner);
    e.insource = pair;
    return e;
}

inline ServiceEntry outsourced(std::string id, std::optional<Level> level, ScorePair pair,
                               std::string provider = "Z-MSSP") {
    ServiceEntry e = entry(std::move(id), level, Assignment::outsource);
    e.provider = std::move(provider);
    e.outsource = pair;
    return e;
}

inline ServiceEntry shared(std::string id, std::optional<Level> level, ScorePair in, ScorePair out,
                           std::string owner = "SOC team", std::string provider = "Z-MSSP") {
    ServiceEntry e = entry(std::move(id), level, Assignment::both);
    e.owner = std::move(owner);
    e.provider = std::move(provider);
    e.insource = in;
    e.outsource = out;
    return e;
}

inline ServiceEntry unassigned(std::string id, std::optional<Level> level,
                               std::optional<Score> as_is, std::optional<Score> to_be) {
    ServiceEntry e = entry(std::move(id), level, Assignment::unassigned);
    e.unassigned = {as_is, to_be};
    return e;
}

/// The findings of one evaluation kind as "code service" strings, in order: readable in failures.
inline std::vector<std::string> codes(const EvaluationResult& ev, EvaluationKind kind) {
    std::vector<std::string> out;
    for (const Finding* f : ev.of_kind(kind)) out.push_back(f->code + " " + f->service_id);
    return out;
}

/// The one finding with `code` for `service`, or nullptr.
inline const Finding* find_finding(const EvaluationResult& ev, std::string_view code,
                                   std::string_view service) {
    for (const auto& f : ev.findings)
        if (f.code == code && f.service_id == service) return &f;
    return nullptr;
}

} // namespace cdcwb::test
