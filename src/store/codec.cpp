#include "store/codec.hpp"

#include <stdexcept>

namespace cdcwb::store::codec {

using namespace domain;

namespace {

[[noreturn]] void damaged(const std::string& what) {
    throw std::runtime_error("stored data is damaged: " + what);
}

template <class T> std::optional<T> parsed(std::optional<T> value, const std::string& what) {
    if (!value) damaged(what);
    return value;
}

ScorePair pair_from(const Json& json) {
    ScorePair pair;
    if (json.contains("as_is")) pair.as_is = score_from_token(json.at("as_is").get<std::string>());
    if (json.contains("to_be")) pair.to_be = score_from_token(json.at("to_be").get<std::string>());
    return pair;
}

} // namespace

std::string score_token(const std::optional<Score>& score) {
    return score ? score->to_string() : std::string();
}

std::optional<Score> score_from_token(const std::string& token) {
    if (token.empty()) return std::nullopt;
    auto score = Score::parse(token);
    if (!score) damaged("score '" + token + "'");
    return *score;
}

Json to_json(const LocalizedText& text) {
    return Json{{"en", text.en}, {"ja", text.ja}};
}

Json to_json(const ScorePair& pair) {
    Json out = Json::object();
    if (pair.as_is) out["as_is"] = pair.as_is->to_string();
    if (pair.to_be) out["to_be"] = pair.to_be->to_string();
    return out;
}

Json to_json(const std::optional<SourcingAnswers>& sourcing) {
    if (!sourcing) return nullptr;
    return Json{{"information", to_string(sourcing->information)},
                {"specialist_skill", sourcing->specialist_skill}};
}

Json to_json(const ServiceEntry& e) {
    Json out{{"service", e.service_id}};
    out["level"] = e.level ? Json(to_string(*e.level)) : Json(nullptr);
    out["assignment"] = to_string(e.assignment);
    out["owner"] = e.owner;
    out["provider"] = e.provider;
    out["sourcing"] = to_json(e.sourcing);
    out["insource"] = to_json(e.insource);
    out["outsource"] = to_json(e.outsource);
    out["unassigned"] = to_json(e.unassigned);
    out["rationale"] = e.rationale;
    out["evidence"] = e.evidence;
    out["capacity"] = e.capacity;
    out["capability"] = e.capability;
    return out;
}

ServiceEntry entry_from_json(const Json& json) {
    ServiceEntry e;
    e.service_id = json.at("service").get<std::string>();
    if (!json.at("level").is_null())
        e.level = *parsed(parse_level(json.at("level").get<std::string>()), "level");
    e.assignment =
        *parsed(parse_assignment(json.at("assignment").get<std::string>()), "assignment");
    e.owner = json.at("owner").get<std::string>();
    e.provider = json.at("provider").get<std::string>();
    if (!json.at("sourcing").is_null()) {
        const auto& s = json.at("sourcing");
        e.sourcing = SourcingAnswers{
            *parsed(parse_information(s.at("information").get<std::string>()), "information"),
            s.at("specialist_skill").get<bool>()};
    }
    e.insource = pair_from(json.at("insource"));
    e.outsource = pair_from(json.at("outsource"));
    e.unassigned = pair_from(json.at("unassigned"));
    e.rationale = json.at("rationale").get<std::string>();
    e.evidence = json.at("evidence").get<std::vector<std::string>>();
    e.capacity = json.at("capacity").get<std::string>();
    e.capability = json.at("capability").get<std::string>();
    return e;
}

Json to_json(const Finding& f) {
    Json out{{"kind", to_string(f.kind)},
             {"severity", to_string(f.severity)},
             {"code", f.code},
             {"service", f.service_id}};
    if (f.level) out["level"] = to_string(*f.level);
    if (f.reference_level) out["reference_level"] = to_string(*f.reference_level);
    if (f.assignment) out["assignment"] = to_string(*f.assignment);
    if (f.quadrant) out["quadrant"] = to_string(*f.quadrant);
    if (f.as_is) out["as_is"] = *f.as_is;
    if (f.to_be) out["to_be"] = *f.to_be;
    out["message"] = to_json(f.message);
    return out;
}

Finding finding_from_json(const Json& json) {
    Finding f;
    f.kind = *parsed(parse_evaluation_kind(json.at("kind").get<std::string>()), "kind");
    f.severity = *parsed(parse_severity(json.at("severity").get<std::string>()), "severity");
    f.code = json.at("code").get<std::string>();
    f.service_id = json.at("service").get<std::string>();
    if (json.contains("level"))
        f.level = parsed(parse_level(json["level"].get<std::string>()), "level");
    if (json.contains("reference_level"))
        f.reference_level =
            parsed(parse_level(json["reference_level"].get<std::string>()), "reference_level");
    if (json.contains("assignment"))
        f.assignment =
            parsed(parse_assignment(json["assignment"].get<std::string>()), "assignment");
    if (json.contains("quadrant")) {
        const auto token = json["quadrant"].get<std::string>();
        for (auto q : {Quadrant::I, Quadrant::II, Quadrant::III, Quadrant::IV})
            if (to_string(q) == token) f.quadrant = q;
        if (!f.quadrant) damaged("quadrant '" + token + "'");
    }
    if (json.contains("as_is")) f.as_is = json["as_is"].get<int>();
    if (json.contains("to_be")) f.to_be = json["to_be"].get<int>();
    f.message.en = json.at("message").at("en").get<std::string>();
    f.message.ja = json.at("message").at("ja").get<std::string>();
    return f;
}

Json to_json(const Action& a) {
    Json out{{"id", a.id}, {"title", a.title}, {"services", a.services}};
    out["phase"] = a.phase ? Json(to_string(*a.phase)) : Json(nullptr);
    out["cycle"] = to_string(a.cycle);
    out["owner"] = a.owner;
    out["due"] = a.due ? Json(a.due->to_string()) : Json(nullptr);
    out["status"] = to_string(a.status);
    out["resources"] = a.resources;
    out["finding"] = a.finding;
    out["history"] = to_json(a.history);
    return out;
}

Json to_json(const std::vector<ActionEvent>& history) {
    Json out = Json::array();
    for (const auto& h : history)
        out.push_back({{"date", h.date.to_string()},
                       {"what", h.what},
                       {"from", h.from},
                       {"to", h.to},
                       {"note", h.note}});
    return out;
}

Json to_json(const CustomService& s) {
    return Json{{"id", s.id},
                {"category", s.category},
                {"name", to_json(s.name)},
                {"description", to_json(s.description)},
                {"sourcing", to_json(s.sourcing)}};
}

Json to_json(const TriggerEvent& e) {
    return Json{{"date", e.date.to_string()}, {"kind", to_string(e.kind)}, {"note", e.note}};
}

std::string kinds_to_text(const std::vector<EvaluationKind>& kinds) {
    std::string out;
    for (auto k : kinds) out += (out.empty() ? "" : ",") + std::string(to_string(k));
    return out;
}

std::vector<EvaluationKind> kinds_from_text(const std::string& text) {
    std::vector<EvaluationKind> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(*parsed(parse_evaluation_kind(text.substr(start, end - start)), "kinds"));
        start = end + 1;
    }
    return out;
}

} // namespace cdcwb::store::codec
