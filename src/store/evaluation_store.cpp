// Evaluations: run one over the current matrix and record it, immutable, with its
// findings; read one; sign one off.
#include "store/rows.hpp"
#include "store/store.hpp"

namespace cdcwb::store {

using namespace domain;
using codec::Json;

namespace {

Json summary_json(const EvaluationRecord& r) {
    const Json counts{
        {"error", r.counts.error}, {"warning", r.counts.warning}, {"info", r.counts.info}};
    Json out{{"id", r.evaluation.id},
             {"date", r.evaluation.date.to_string()},
             {"kinds", codec::kinds_to_text(r.evaluation.kinds)},
             {"note", r.evaluation.note},
             {"findings", counts}};
    out["approved_by"] = r.evaluation.approved_by;
    out["approved_on"] =
        r.evaluation.approved_on ? Json(r.evaluation.approved_on->to_string()) : Json(nullptr);
    return out;
}

} // namespace

Result<EvaluationRecord> EvaluationStore::run_evaluation(const Actor& actor, std::string_view slug,
                                                         const NewEvaluation& request) {
    if (!request.id.empty())
        if (auto s = validate_evaluation_id(request.id, "id"); !s) return s.error();
    if (auto s = validate_text(request.note, "note", kLongText); !s) return s.error();
    std::vector<EvaluationKind> kinds = request.kinds;
    if (kinds.empty())
        kinds = {EvaluationKind::catalogue, EvaluationKind::profile, EvaluationKind::portfolio};
    for (std::size_t i = 0; i < kinds.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (kinds[i] == kinds[j])
                return invalid("the evaluation kind '" + std::string(to_string(kinds[i])) +
                                   "' is given twice",
                               "kinds");
    return rows::change_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Result<EvaluationRecord> {
            auto dir = core_.directory(org.catalogue_id, rows::custom_services(sql, org));
            if (!dir) return dir.error();
            auto reference = core_.library.template_for(org.reference_template, org.catalogue_id,
                                                        "reference_template");
            if (!reference) return reference.error();
            std::string id = request.id;
            if (id.empty()) {
                id = request.date.to_string();
                for (int n = 2; rows::evaluation(sql, org.id, id); ++n)
                    id = request.date.to_string() + "-" + std::to_string(n);
            } else if (rows::evaluation(sql, org.id, id)) {
                return rows::conflict("an evaluation '" + id + "' already exists", "id");
            }
            std::vector<ServiceEntry> entries;
            for (auto& r : rows::entries(sql, org.id)) entries.push_back(std::move(r.entry));
            EvaluationRecord record;
            record.evaluation = evaluation_of(id, request.date, entries);
            record.evaluation.kinds = kinds;
            record.evaluation.note = request.note;
            record.findings = findings_of(evaluate(**dir, entries, *reference).findings, kinds);
            record.counts = rows::count_findings(record.findings);
            record.reference_template = org.reference_template;
            record.created_at = core_.now();
            record.created_by = actor.name;
            rows::insert_evaluation(sql, org.id, record);
            rows::audit(sql, record.created_at, actor, &org, "evaluation", id, "create", nullptr,
                        summary_json(record));
            return record;
        });
}

Result<EvaluationRecord> EvaluationStore::evaluation(std::string_view slug, std::string_view id) {
    return rows::read_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Result<EvaluationRecord> {
            return rows::found(rows::evaluation(sql, org.id, std::string(id)),
                               rows::not_found("no evaluation '" + std::string(id) + "'", "id"));
        });
}

Result<EvaluationRecord> EvaluationStore::approve_evaluation(const Actor& actor,
                                                             std::string_view slug,
                                                             std::string_view id,
                                                             std::optional<Date> requested) {
    return rows::change_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Result<EvaluationRecord> {
            const std::string evaluation_id(id);
            auto before = rows::evaluation(sql, org.id, evaluation_id);
            if (!before) return rows::not_found("no evaluation '" + evaluation_id + "'", "id");
            const Date today = core_.today();
            if (auto s = check_approval(before->evaluation, before->created_by, actor.name, today,
                                        org.separate_approver, requested);
                !s)
                return s.error();
            const std::string date = today.to_string();
            sql << "update evaluations set approved_by = :by, approved_on = :on where org_id = "
                   ":org and snapshot_id = :id",
                soci::use(actor.name), soci::use(date), soci::use(org.id), soci::use(evaluation_id);
            auto after = rows::evaluation(sql, org.id, evaluation_id);
            rows::audit(sql, core_.now(), actor, &org, "evaluation", evaluation_id, "approve",
                        summary_json(*before), summary_json(*after));
            return *after;
        });
}

Result<EventRecord> EvaluationStore::add_event(const Actor& actor, std::string_view slug,
                                               const TriggerEvent& event) {
    if (auto s = validate_event(event, ""); !s) return s.error();
    return rows::change_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Result<EventRecord> {
            const std::string at = core_.now();
            const long long id = rows::insert_event(sql, org.id, event, at, actor.name);
            rows::audit(sql, at, actor, &org, "event", std::to_string(id), "create", nullptr,
                        codec::to_json(event));
            return EventRecord{id, event, at, actor.name};
        });
}

} // namespace cdcwb::store
