#include "domain/assessment.hpp"

#include <regex>
#include <set>

namespace cdcwb::domain {

const ServiceEntry* Assessment::entry(std::string_view service_id) const {
    for (const auto& e : services)
        if (e.service_id == service_id) return &e;
    return nullptr;
}

const Evaluation* Assessment::latest_evaluation(Date on) const {
    const Evaluation* latest = nullptr;
    for (const auto& s : evaluations)
        if (s.date <= on && (!latest || s.date >= latest->date)) latest = &s;
    return latest;
}

namespace {

Status validate_entries(const std::vector<ServiceEntry>& entries, const ServiceDirectory& dir,
                        const std::string& prefix) {
    std::set<std::string_view> seen;
    for (const auto& e : entries) {
        const std::string field = prefix + "." + e.service_id;
        if (!seen.insert(e.service_id).second)
            return invalid("service '" + e.service_id + "' appears twice", field);
        if (auto s = validate_entry(e, dir, field); !s) return s;
    }
    return {};
}

} // namespace

Status validate(const Assessment& a, const ServiceDirectory& dir) {
    if (a.organisation.name.empty())
        return invalid("the organisation needs a name", "organisation.name");
    if (auto s = validate_text(a.organisation.name, "organisation.name", kShortText); !s) return s;
    if (auto s = validate_interval(a.evaluation_interval_days, "evaluation_interval_days"); !s)
        return s;
    if (auto s = validate_entries(a.services, dir, "services"); !s) return s;

    std::set<std::string_view> ids;
    for (std::size_t i = 0; i < a.actions.size(); ++i) {
        const std::string field = "actions[" + std::to_string(i) + "]";
        if (auto s = validate_action(a.actions[i], dir, field); !s) return s;
        if (!ids.insert(a.actions[i].id).second)
            return invalid("action id '" + a.actions[i].id + "' is used twice", field + ".id");
    }
    for (std::size_t i = 0; i < a.events.size(); ++i)
        if (auto s = validate_event(a.events[i], "events[" + std::to_string(i) + "]"); !s) return s;
    std::set<std::string_view> evaluation_ids;
    for (std::size_t i = 0; i < a.evaluations.size(); ++i) {
        const Evaluation& s = a.evaluations[i];
        const std::string field = "evaluations[" + std::to_string(i) + "]";
        if (s.id.empty()) return invalid("an evaluation needs an id", field + ".id");
        if (auto st = validate_evaluation_id(s.id, field + ".id"); !st) return st;
        if (auto st = validate_text(s.note, field + ".note", kLongText); !st) return st;
        if (auto st = validate_text(s.approved_by, field + ".approved_by", kShortText); !st)
            return st;
        if (!evaluation_ids.insert(s.id).second)
            return invalid("evaluation id '" + s.id + "' is used twice", field + ".id");
        if (s.kinds.empty())
            return invalid("an evaluation covers at least one of catalogue | profile | portfolio",
                           field + ".kinds");
        if (s.approved_on && *s.approved_on < s.date)
            return invalid("approved before the evaluation was taken", field + ".approved_on");
        if (auto st = validate_entries(s.services, dir, field + ".services"); !st) return st;
    }
    return {};
}

Status validate_slug(std::string_view slug, const std::string& field) {
    static const std::regex pattern{std::string(kSlugPattern)};
    if (!std::regex_match(slug.begin(), slug.end(), pattern))
        return invalid("'" + std::string(slug) +
                           "' is not a valid organisation id; use 1 to 64 of a-z, 0-9, '-' and "
                           "'_', starting with a letter or digit",
                       field);
    return {};
}

Status validate_interval(long long days, const std::string& field) {
    if (days < kMinEvaluationIntervalDays || days > kMaxEvaluationIntervalDays)
        return invalid("evaluation interval must be " + std::to_string(kMinEvaluationIntervalDays) +
                           " to " + std::to_string(kMaxEvaluationIntervalDays) + " days",
                       field);
    return {};
}

std::vector<ServiceEntry> entries_from_template(const ServiceDirectory& directory,
                                                const Template& tmpl) {
    std::vector<ServiceEntry> out;
    for (const ServiceInfo& info : directory.services()) {
        ServiceEntry e;
        e.service_id = info.id;
        e.level = tmpl.level_of(info.id);
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace cdcwb::domain
