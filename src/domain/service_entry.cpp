#include "domain/service_entry.hpp"

#include <algorithm>
#include <tuple>

namespace cdcwb::domain {

Result<ServiceDirectory> ServiceDirectory::build(const Catalogue& catalogue,
                                                 const std::vector<CustomService>& custom) {
    ServiceDirectory dir;
    dir.catalogue_ = &catalogue;
    int order = 0;
    for (const CatalogueNode* node : catalogue.services()) {
        const CatalogueNode* category = catalogue.category_of(node->id);
        ServiceInfo info{node->id,
                         category ? category->id : std::string(),
                         category && category->phase ? *category->phase : Phase::strategic,
                         node->sourcing ? std::optional(node->sourcing->answers) : std::nullopt,
                         node->name,
                         false,
                         order++};
        dir.index_.emplace(info.id, dir.services_.size());
        dir.services_.push_back(std::move(info));
    }
    for (std::size_t i = 0; i < custom.size(); ++i) {
        const CustomService& c = custom[i];
        const std::string field = "custom_services[" + std::to_string(i) + "]";
        if (c.id.empty()) return invalid("a custom service needs an id", field + ".id");
        for (const auto& [text, name, max] :
             {std::tuple{&c.id, "id", std::size_t{64}},
              std::tuple{&c.category, "category", kShortText},
              std::tuple{&c.name.en, "name.en", kShortText},
              std::tuple{&c.name.ja, "name.ja", kShortText},
              std::tuple{&c.description.en, "description.en", kLongText},
              std::tuple{&c.description.ja, "description.ja", kLongText}})
            if (auto s = validate_text(*text, field + "." + name, max); !s) return s.error();
        if (dir.index_.count(c.id))
            return invalid("custom service id '" + c.id +
                               "' is already used by the catalogue or another custom service",
                           field + ".id");
        const CatalogueNode* category = catalogue.find(c.category);
        if (!category || category->kind != NodeKind::category)
            return invalid("custom service '" + c.id + "' names unknown category '" + c.category +
                               "'",
                           field + ".category");
        if (!c.name.complete())
            return invalid("custom service '" + c.id + "' needs a name in English and Japanese",
                           field + ".name");
        ServiceInfo info{c.id,       category->id, category->phase.value_or(Phase::strategic),
                         c.sourcing, c.name,       true,
                         order++};
        dir.index_.emplace(info.id, dir.services_.size());
        dir.services_.push_back(std::move(info));
    }
    return dir;
}

const ServiceInfo* ServiceDirectory::find(std::string_view id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &services_[it->second];
}

std::string_view to_string(ScoreSlot slot) {
    switch (slot) {
    case ScoreSlot::insource: return "insource";
    case ScoreSlot::outsource: return "outsource";
    case ScoreSlot::unassigned: return "unassigned";
    }
    return "insource";
}

std::vector<ScoreSlot> score_slots(Assignment assignment) {
    switch (assignment) {
    case Assignment::insource: return {ScoreSlot::insource};
    case Assignment::outsource: return {ScoreSlot::outsource};
    case Assignment::both: return {ScoreSlot::insource, ScoreSlot::outsource};
    case Assignment::unassigned: return {ScoreSlot::unassigned};
    }
    return {};
}

NamesNeeded names_needed(Assignment assignment) {
    return {assignment == Assignment::insource || assignment == Assignment::both,
            assignment == Assignment::outsource || assignment == Assignment::both};
}

const ScorePair& pair_of(const ServiceEntry& entry, ScoreSlot slot) {
    switch (slot) {
    case ScoreSlot::insource: return entry.insource;
    case ScoreSlot::outsource: return entry.outsource;
    case ScoreSlot::unassigned: return entry.unassigned;
    }
    return entry.insource;
}

Status validate_entry(const ServiceEntry& e, const ServiceDirectory& directory,
                      const std::string& field) {
    if (!directory.find(e.service_id))
        return invalid("unknown service '" + e.service_id + "' (not in catalogue '" +
                           directory.catalogue().id() + "' nor a custom service)",
                       field);
    for (const auto& [text, name, max] : {std::tuple{&e.owner, "owner", kShortText},
                                          std::tuple{&e.provider, "provider", kShortText},
                                          std::tuple{&e.rationale, "rationale", kLongText},
                                          std::tuple{&e.capacity, "capacity", kShortText},
                                          std::tuple{&e.capability, "capability", kShortText}})
        if (auto s = validate_text(*text, field + "." + name, max); !s) return s;
    for (std::size_t i = 0; i < e.evidence.size(); ++i) {
        const std::string f = field + ".evidence[" + std::to_string(i) + "]";
        if (e.evidence[i].empty()) return invalid("an evidence reference is empty", f);
        if (auto s = validate_text(e.evidence[i], f, kShortText * 4); !s) return s;
    }
    const auto slots = score_slots(e.assignment);
    for (const ScoreSlot slot : {ScoreSlot::insource, ScoreSlot::outsource, ScoreSlot::unassigned})
        if (std::find(slots.begin(), slots.end(), slot) == slots.end() && !pair_of(e, slot).empty())
            return invalid(
                std::string(to_string(slot)) + " scores do not apply to a service assigned '" +
                    std::string(to_string(e.assignment)) + "'",
                field + (slot == ScoreSlot::unassigned ? std::string(".as_is")
                                                       : "." + std::string(to_string(slot))));
    const bool none = e.assignment == Assignment::unassigned;
    for (auto [pair, name] :
         {std::pair{&e.insource, ".insource"}, std::pair{&e.outsource, ".outsource"},
          std::pair{&e.unassigned, ""}}) {
        if (auto s = validate(*pair, field + name); !s) return s;
    }
    const auto allowed = score_options(ScoreSlot::unassigned, true);
    if (none && e.unassigned.as_is &&
        std::find(allowed.begin(), allowed.end(), *e.unassigned.as_is) == allowed.end())
        return invalid("an Unassigned service scores 1 as-is (nobody runs it); assign it or set "
                       "as_is to 1 or n/a",
                       field + ".as_is");
    return {};
}

std::vector<Score> score_options(ScoreSlot slot, bool as_is) {
    std::vector<Score> out;
    const int highest = slot == ScoreSlot::unassigned && as_is ? 1 : Score::kMax;
    for (int points = Score::kMin; points <= highest; ++points)
        out.push_back(*Score::points(points));
    out.push_back(Score::not_applicable());
    return out;
}

std::optional<SourcingAnswers> effective_sourcing(const ServiceEntry& entry,
                                                  const ServiceInfo& info) {
    return entry.sourcing ? entry.sourcing : info.sourcing;
}

} // namespace cdcwb::domain
