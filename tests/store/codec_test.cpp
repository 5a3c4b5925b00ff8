// The store's persistence format (store/codec.*) cannot change unnoticed: recorded evaluations'
// service entries and findings as the current code writes them (captured from a database written by
// `cdcwb import examples/example-corp.yaml` and a POST …/evaluations) decode and re-encode byte for
// byte, and actions, custom services and trigger events (audit records' before and after) encode
// to the same bytes. A change to the format needs a migration of the stored rows, not a new test.
#include "store/codec.hpp"

#include <gtest/gtest.h>

namespace cdcwb::store {
namespace {

using codec::Json;

// services_json of an evaluation row: one entry of each shape the example has (levels, each
// assignment, sourcing answers, scores and "n/a", rationale in Japanese, evidence, capacity).
constexpr const char* kEvaluationServices =
    R"json([{"service":"A-1","level":"basic","assignment":"insource","owner":"Information Security Office","provider":"","sourcing":null,"insource":{"as_is":"4","to_be":"5"},"outsource":{},"unassigned":{},"rationale":"","evidence":[],"capacity":"","capability":""},{"service":"A-8","level":"standard","assignment":"both","owner":"IT Architecture Group","provider":"Minato Cyber Assurance","sourcing":null,"insource":{"as_is":"3","to_be":"4"},"outsource":{"as_is":"2","to_be":"4"},"unassigned":{},"rationale":"","evidence":[],"capacity":"","capability":""},{"service":"A-10","level":"basic","assignment":"insource","owner":"Information Security Office","provider":"","sourcing":{"information":"internal","specialist_skill":false},"insource":{"as_is":"3","to_be":"4"},"outsource":{},"unassigned":{},"rationale":"","evidence":[],"capacity":"","capability":""},{"service":"B-1","level":"basic","assignment":"outsource","owner":"","provider":"Aozora Security","sourcing":null,"insource":{},"outsource":{"as_is":"4","to_be":"5"},"unassigned":{},"rationale":"","evidence":[],"capacity":"24x7 monitoring of 2,100 endpoints, 40 servers and the cloud WMS","capability":""},{"service":"B-4","level":"standard","assignment":"outsource","owner":"","provider":"Aozora Security","sourcing":null,"insource":{},"outsource":{"as_is":"3","to_be":"4"},"unassigned":{},"rationale":"","evidence":[],"capacity":"","capability":""},{"service":"C-3","level":"not_required","assignment":"unassigned","owner":"","provider":"","sourcing":null,"insource":{},"outsource":{},"unassigned":{},"rationale":"","evidence":[],"capacity":"","capability":""},{"service":"D-2","level":"basic","assignment":"insource","owner":"Kasumi-CSIRT","provider":"","sourcing":null,"insource":{"as_is":"5","to_be":"5"},"outsource":{},"unassigned":{},"rationale":"","evidence":[],"capacity":"4 people (2 dedicated, 2 with other duties), business hours + on-call","capability":""},{"service":"E-6","level":"advanced","assignment":"outsource","owner":"","provider":"Minato Cyber Assurance","sourcing":null,"insource":{},"outsource":{"as_is":"n/a","to_be":"n/a"},"unassigned":{},"rationale":"","evidence":[],"capacity":"","capability":""},{"service":"E-9","level":"basic","assignment":"unassigned","owner":"","provider":"","sourcing":null,"insource":{},"outsource":{},"unassigned":{"as_is":"1","to_be":"4"},"rationale":"","evidence":[],"capacity":"","capability":""},{"service":"G-13","level":"standard","assignment":"outsource","owner":"","provider":"Nanairo Systems Integration","sourcing":null,"insource":{},"outsource":{},"unassigned":{},"rationale":"","evidence":[],"capacity":"","capability":""},{"service":"I-3","level":"optional","assignment":"unassigned","owner":"","provider":"","sourcing":null,"insource":{},"outsource":{},"unassigned":{"as_is":"n/a","to_be":"n/a"},"rationale":"","evidence":[],"capacity":"","capability":""}])json";

// findings_json of the same row: each kind, with and without reference level, quadrant and scores.
constexpr const char* kEvaluationFindings =
    R"json([{"kind":"catalogue","severity":"info","code":"above_reference","service":"A-5","level":"basic","reference_level":"standard","assignment":"insource","message":{"en":"level Basic where the reference template has Standard","ja":"レベルがベーシック（参照テンプレートではスタンダード）"}},{"kind":"profile","severity":"error","code":"unassigned","service":"E-9","level":"basic","assignment":"unassigned","message":{"en":"in the catalogue but nobody delivers it; assign an owner or a provider","ja":"カタログにあるが担い手がいない。担当部署か委託先を割り当てること"}},{"kind":"profile","severity":"warning","code":"quadrant_mismatch","service":"A-12","level":"standard","assignment":"insource","quadrant":"IV","message":{"en":"quadrant IV advises outside specialists managed by your team, but it is insourced only","ja":"象限IVは外部の専門家の活用と内部での管理を勧めるが、内部のみで実施している"}},{"kind":"portfolio","severity":"warning","code":"gap","service":"E-9","level":"basic","assignment":"unassigned","as_is":1,"to_be":4,"message":{"en":"gap 3 between as-is 1 and to-be 4","ja":"現状1と目標4の差は3"}},{"kind":"portfolio","severity":"warning","code":"not_scored","service":"G-13","level":"standard","assignment":"outsource","message":{"en":"as-is or to-be score missing; score it with the rubric for its assignment","ja":"現状または目標のスコアがない。割り当てに合う評価基準で採点すること"}}])json";

/// What the store writes for a list (rows.cpp: Json::array of the encoded values, dump()).
std::string written(const Json& list) {
    return list.dump();
}

TEST(PersistenceFormat, EvaluationServiceEntriesDecodeAndReencodeByteForByte) {
    const auto stored = Json::parse(kEvaluationServices);
    Json again = Json::array();
    for (const auto& item : stored) again.push_back(codec::to_json(codec::entry_from_json(item)));
    EXPECT_EQ(written(again), kEvaluationServices);
}

TEST(PersistenceFormat, EvaluationFindingsDecodeAndReencodeByteForByte) {
    const auto stored = Json::parse(kEvaluationFindings);
    Json again = Json::array();
    for (const auto& item : stored) again.push_back(codec::to_json(codec::finding_from_json(item)));
    EXPECT_EQ(written(again), kEvaluationFindings);
}

TEST(PersistenceFormat, DecodingReadsEveryField) {
    const auto entries = Json::parse(kEvaluationServices);
    const auto both = codec::entry_from_json(entries.at(1));
    EXPECT_EQ(both.service_id, "A-8");
    EXPECT_EQ(both.assignment, domain::Assignment::both);
    EXPECT_EQ(both.provider, "Minato Cyber Assurance");
    ASSERT_TRUE(both.outsource.as_is);
    EXPECT_EQ(both.outsource.as_is->to_string(), "2");
    const auto findings = Json::parse(kEvaluationFindings);
    const auto mismatch = codec::finding_from_json(findings.at(2));
    EXPECT_EQ(mismatch.code, "quadrant_mismatch");
    EXPECT_EQ(mismatch.quadrant, domain::Quadrant::IV);
    EXPECT_FALSE(mismatch.message.ja.empty());
}

TEST(PersistenceFormat, ActionsCustomServicesAndEventsEncodeAsBefore) {
    domain::Action action;
    action.id = "ACT-2026-01";
    action.title = "EDRの監視を24時間化する";
    action.services = {"B-1", "D-2"};
    action.phase = domain::Phase::operation;
    action.cycle = domain::Cycle::long_cycle;
    action.owner = "Kasumi-CSIRT";
    action.due = *domain::Date::parse("2026-09-30");
    action.status = domain::ActionStatus::in_progress;
    action.resources = "2 analysts";
    action.finding = "gap";
    action.history.push_back(
        {*domain::Date::parse("2026-04-01"), "escalated", "short", "long", "needs budget"});
    EXPECT_EQ(
        codec::to_json(action).dump(),
        R"json({"id":"ACT-2026-01","title":"EDRの監視を24時間化する","services":["B-1","D-2"],"phase":"operation","cycle":"long","owner":"Kasumi-CSIRT","due":"2026-09-30","status":"in_progress","resources":"2 analysts","finding":"gap","history":[{"date":"2026-04-01","what":"escalated","from":"short","to":"long","note":"needs budget"}]})json");
    domain::Action bare;
    bare.id = "A-1";
    bare.title = "t";
    EXPECT_EQ(
        codec::to_json(bare).dump(),
        R"json({"id":"A-1","title":"t","services":[],"phase":null,"cycle":"short","owner":"","due":null,"status":"open","resources":"","finding":"","history":[]})json");

    domain::CustomService custom;
    custom.id = "X-1";
    custom.category = "D";
    custom.name = {"OT monitoring", "OT監視"};
    custom.description = {"Plant networks", "工場ネットワーク"};
    custom.sourcing = domain::SourcingAnswers{domain::Information::external, true};
    EXPECT_EQ(
        codec::to_json(custom).dump(),
        R"json({"id":"X-1","category":"D","name":{"en":"OT monitoring","ja":"OT監視"},"description":{"en":"Plant networks","ja":"工場ネットワーク"},"sourcing":{"information":"external","specialist_skill":true}})json");

    domain::TriggerEvent event{*domain::Date::parse("2026-01-10"), domain::TriggerKind::new_threat,
                               "ランサムウェア"};
    EXPECT_EQ(codec::to_json(event).dump(),
              R"json({"date":"2026-01-10","kind":"new_threat","note":"ランサムウェア"})json");
    EXPECT_EQ(codec::kinds_to_text(
                  {domain::EvaluationKind::catalogue, domain::EvaluationKind::portfolio}),
              "catalogue,portfolio");
}

} // namespace
} // namespace cdcwb::store
