#include "report/assessment_file.hpp"

#include "catalogue/yaml_reader.hpp"

#include <map>
#include <sstream>

namespace cdcwb::report {
namespace {

using catalogue::YamlReader;
using namespace domain;

/// Reads the parts of an assessment file, remembering the line of every field it visits so that
/// problems found later by the domain's validation can point at a line too.
class Reader {
  public:
    Reader(const std::string& file, const catalogue::Library& library)
        : r_(file), library_(library) {}

    AssessmentRead read(std::string_view text) {
        AssessmentRead out;
        auto root = r_.parse(text);
        if (root) read_root(*root, out);
        out.problems = std::move(r_.problems());
        if (!out.problems.empty()) out.assessment.reset();
        return out;
    }

  private:
    YamlReader r_;
    const catalogue::Library& library_;
    std::map<std::string, int> lines_; // field path → line

    void mark(const std::string& path, const YAML::Node& node) {
        lines_.emplace(path, YamlReader::line_of(node));
    }

    int line_for(std::string field) const {
        while (!field.empty()) {
            if (auto it = lines_.find(field); it != lines_.end()) return it->second;
            auto cut = field.find_last_of(".[");
            if (cut == std::string::npos) break;
            field.resize(cut);
        }
        return 0;
    }

    std::optional<Date> date(const YAML::Node& map, const std::string& key, const std::string& id,
                             bool required, const std::string& prefix) {
        auto text = r_.scalar(map, key, id, required, prefix);
        if (!text) return std::nullopt;
        auto d = Date::parse(*text);
        if (!d)
            r_.problem(map[key], id, prefix + key, "'" + *text + "' is not a date (YYYY-MM-DD)");
        return d;
    }

    std::optional<Score> score(const YAML::Node& map, const std::string& key, const std::string& id,
                               const std::string& prefix) {
        auto text = r_.scalar(map, key, id, false, prefix);
        if (!text) return std::nullopt;
        mark(prefix + key, map[key]);
        auto s = Score::parse(*text);
        if (!s) {
            r_.problem(map[key], id, prefix + key, s.error().message);
            return std::nullopt;
        }
        return *s;
    }

    ScorePair pair(const YAML::Node& map, const std::string& id, const std::string& prefix) {
        return {score(map, "as_is", id, prefix), score(map, "to_be", id, prefix)};
    }

    std::optional<SourcingAnswers> sourcing(const YAML::Node& map, const std::string& id,
                                            const std::string& prefix) {
        const YAML::Node node = map["sourcing"];
        if (!node.IsDefined()) return std::nullopt;
        const std::string p = prefix + "sourcing.";
        if (!r_.is_map(node, map, id, prefix + "sourcing")) return std::nullopt;
        r_.only_keys(node, {"information", "specialist_skill"}, id, p);
        auto info = r_.scalar(node, "information", id, true, p);
        auto skill = r_.boolean(node, "specialist_skill", id, true, p);
        auto information = info ? parse_information(*info) : std::nullopt;
        if (info && !information)
            r_.problem(node["information"], id, p + "information",
                       "'" + *info + "' is not internal or external");
        if (!information || !skill) return std::nullopt;
        return SourcingAnswers{*information, *skill};
    }

    template <class E>
    std::optional<E> token(const YAML::Node& map, const std::string& key, const std::string& id,
                           bool required, const std::string& prefix,
                           std::optional<E> (*parse)(std::string_view),
                           const std::string& allowed) {
        auto text = r_.scalar(map, key, id, required, prefix);
        if (!text) return std::nullopt;
        mark(prefix + key, map[key]);
        auto v = parse(*text);
        if (!v) r_.problem(map[key], id, prefix + key, "'" + *text + "' is not one of: " + allowed);
        return v;
    }

    std::optional<ServiceEntry> entry(const std::string& sid, const YAML::Node& n,
                                      const std::string& prefix, bool snapshot) {
        if (!r_.is_map(n, n, sid, prefix)) return std::nullopt;
        mark(prefix, n);
        const std::string p = prefix + ".";
        if (snapshot)
            r_.only_keys(n,
                         {"level", "assignment", "owner", "provider", "as_is", "to_be", "insource",
                          "outsource"},
                         sid, p);
        else
            r_.only_keys(n,
                         {"level", "assignment", "owner", "provider", "sourcing", "as_is", "to_be",
                          "insource", "outsource", "rationale", "evidence", "capacity",
                          "capability"},
                         sid, p);
        ServiceEntry e;
        e.service_id = sid;
        e.level = token<Level>(n, "level", sid, false, p, parse_level, allowed_levels());
        e.assignment = token<Assignment>(n, "assignment", sid, false, p, parse_assignment,
                                         allowed_assignments())
                           .value_or(Assignment::unassigned);
        e.owner = r_.scalar(n, "owner", sid, false, p).value_or("");
        e.provider = r_.scalar(n, "provider", sid, false, p).value_or("");
        if (!snapshot) {
            e.sourcing = sourcing(n, sid, p);
            e.rationale = r_.scalar(n, "rationale", sid, false, p).value_or("");
            e.evidence =
                r_.scalars(n, "evidence", sid, false, p).value_or(std::vector<std::string>{});
            e.capacity = r_.scalar(n, "capacity", sid, false, p).value_or("");
            e.capability = r_.scalar(n, "capability", sid, false, p).value_or("");
        }
        const bool flat = n["as_is"].IsDefined() || n["to_be"].IsDefined();
        if (e.assignment == Assignment::both) {
            if (flat)
                r_.problem(
                    n["as_is"].IsDefined() ? n["as_is"] : n["to_be"], sid, p + "as_is",
                    "a service assigned 'both' is scored twice: use insource: {as_is, to_be} "
                    "and outsource: {as_is, to_be}");
            for (auto [key, target] :
                 {std::pair{"insource", &e.insource}, std::pair{"outsource", &e.outsource}}) {
                const YAML::Node sub = n[key];
                if (!sub.IsDefined()) continue;
                mark(p + key, sub);
                if (!r_.is_map(sub, n, sid, p + key)) continue;
                r_.only_keys(sub, {"as_is", "to_be"}, sid, p + key + ".");
                *target = pair(sub, sid, p + key + ".");
            }
        } else {
            for (const char* key : {"insource", "outsource"})
                if (n[key].IsDefined())
                    r_.problem(n[key], sid, p + key,
                               std::string("separate ") + key +
                                   " scores are only for services assigned 'both'; use as_is and "
                                   "to_be");
            ScorePair scores = pair(n, sid, p);
            switch (e.assignment) {
            case Assignment::insource: e.insource = scores; break;
            case Assignment::outsource: e.outsource = scores; break;
            default: e.unassigned = scores; break;
            }
        }
        return e;
    }

    std::vector<ServiceEntry> entries(const YAML::Node& map, const YAML::Node& parent,
                                      const std::string& prefix, bool snapshot) {
        std::vector<ServiceEntry> out;
        if (!map.IsDefined()) return out;
        if (!r_.is_map(map, parent, {}, prefix)) return out;
        r_.unique_keys(map, {}, prefix + ".");
        for (auto it = map.begin(); it != map.end(); ++it) {
            const std::string sid = it->first.Scalar();
            mark(prefix + "." + sid, it->first);
            if (it->second.IsNull()) { // "A-1:" with nothing: listed, nothing decided yet
                ServiceEntry e;
                e.service_id = sid;
                out.push_back(std::move(e));
                continue;
            }
            if (auto e = entry(sid, it->second, prefix + "." + sid, snapshot))
                out.push_back(std::move(*e));
        }
        return out;
    }

    /// Calls `read(item, path)` for each item of the list `name` of the root (none when it is
    /// absent), the path being "name[i]"; a list or an item of another shape is a problem.
    template <class Read>
    void each_item(const YAML::Node& list, const YAML::Node& root, const std::string& name,
                   Read&& read) {
        if (!list.IsDefined() || !r_.is_list(list, root, {}, name)) return;
        std::size_t i = 0;
        for (const auto& n : list) {
            const std::string path = name + "[" + std::to_string(i++) + "]";
            if (r_.is_map(n, list, {}, path)) read(n, path);
        }
    }

    std::vector<CustomService> custom_services(const YAML::Node& list, const YAML::Node& root) {
        std::vector<CustomService> out;
        each_item(list, root, "custom_services", [&](const YAML::Node& n, const std::string& p) {
            mark(p, n);
            r_.only_keys(n, {"id", "category", "name", "description", "sourcing"}, {}, p + ".");
            CustomService c;
            c.id = r_.scalar(n, "id", {}, true, p + ".").value_or("");
            c.category = r_.scalar(n, "category", c.id, true, p + ".").value_or("");
            mark(p + ".category", n["category"]);
            if (auto name = r_.localized(n, "name", c.id, true, p + ".")) c.name = *name;
            if (auto d = r_.localized(n, "description", c.id, false, p + ".")) c.description = *d;
            c.sourcing = sourcing(n, c.id, p + ".");
            out.push_back(std::move(c));
        });
        return out;
    }

    std::vector<Action> actions(const YAML::Node& list, const YAML::Node& root) {
        std::vector<Action> out;
        each_item(list, root, "actions", [&](const YAML::Node& n, const std::string& p) {
            mark(p, n);
            r_.only_keys(n,
                         {"id", "title", "services", "phase", "cycle", "owner", "due", "status",
                          "resources", "finding", "history"},
                         {}, p + ".");
            Action a;
            a.id = r_.scalar(n, "id", {}, true, p + ".").value_or("");
            const std::string q = p + ".";
            a.title = r_.scalar(n, "title", a.id, true, q).value_or("");
            a.services =
                r_.scalars(n, "services", a.id, false, q).value_or(std::vector<std::string>{});
            for (std::size_t k = 0; k < a.services.size(); ++k)
                mark(q + "services[" + std::to_string(k) + "]", n["services"][k]);
            a.phase = token<Phase>(n, "phase", a.id, false, q, parse_phase, allowed_phases());
            a.cycle = token<Cycle>(n, "cycle", a.id, true, q, parse_cycle, allowed_cycles())
                          .value_or(Cycle::short_cycle);
            a.owner = r_.scalar(n, "owner", a.id, false, q).value_or("");
            a.due = date(n, "due", a.id, false, q);
            a.status = token<ActionStatus>(n, "status", a.id, false, q, parse_action_status,
                                           allowed_action_statuses())
                           .value_or(ActionStatus::open);
            a.resources = r_.scalar(n, "resources", a.id, false, q).value_or("");
            a.finding = r_.scalar(n, "finding", a.id, false, q).value_or("");
            const YAML::Node history = n["history"];
            if (history.IsDefined() && r_.is_list(history, n, a.id, q + "history")) {
                for (const auto& h : history) {
                    if (!r_.is_map(h, history, a.id, q + "history")) continue;
                    const std::string hp = q + "history.";
                    r_.only_keys(h, {"date", "what", "from", "to", "note"}, a.id, hp);
                    ActionEvent ev;
                    if (auto d = date(h, "date", a.id, true, hp)) ev.date = *d;
                    ev.what = r_.scalar(h, "what", a.id, true, hp).value_or("");
                    ev.from = r_.scalar(h, "from", a.id, false, hp).value_or("");
                    ev.to = r_.scalar(h, "to", a.id, false, hp).value_or("");
                    ev.note = r_.scalar(h, "note", a.id, false, hp).value_or("");
                    a.history.push_back(std::move(ev));
                }
            }
            out.push_back(std::move(a));
        });
        return out;
    }

    std::vector<TriggerEvent> events(const YAML::Node& list, const YAML::Node& root) {
        std::vector<TriggerEvent> out;
        each_item(list, root, "events", [&](const YAML::Node& n, const std::string& item) {
            const std::string p = item + ".";
            r_.only_keys(n, {"date", "kind", "note"}, {}, p);
            TriggerEvent e;
            auto d = date(n, "date", {}, true, p);
            auto kind = token<TriggerKind>(n, "kind", {}, true, p, parse_trigger_kind,
                                           allowed_trigger_kinds());
            e.note = r_.scalar(n, "note", {}, false, p).value_or("");
            if (d && kind) {
                e.date = *d;
                e.kind = *kind;
                out.push_back(std::move(e));
            }
        });
        return out;
    }

    std::vector<Evaluation> evaluations(const YAML::Node& list, const YAML::Node& root) {
        std::vector<Evaluation> out;
        each_item(list, root, "evaluations", [&](const YAML::Node& n, const std::string& p) {
            mark(p, n);
            const std::string q = p + ".";
            r_.only_keys(n,
                         {"id", "date", "kinds", "approved_by", "approved_on", "note", "services"},
                         {}, q);
            Evaluation s;
            s.id = r_.scalar(n, "id", {}, true, q).value_or("");
            mark(q + "id", n["id"]);
            if (auto d = date(n, "date", s.id, true, q)) s.date = *d;
            if (auto kinds = r_.scalars(n, "kinds", s.id, false, q)) {
                mark(q + "kinds", n["kinds"]);
                for (const auto& k : *kinds) {
                    if (auto kind = parse_evaluation_kind(k))
                        s.kinds.push_back(*kind);
                    else
                        r_.problem(n["kinds"], s.id, q + "kinds",
                                   "'" + k + "' is not catalogue | profile | portfolio");
                }
            } else {
                s.kinds.assign(std::begin(kAllEvaluationKinds), std::end(kAllEvaluationKinds));
            }
            s.approved_by = r_.scalar(n, "approved_by", s.id, false, q).value_or("");
            s.approved_on = date(n, "approved_on", s.id, false, q);
            mark(q + "approved_on", n["approved_on"]);
            s.note = r_.scalar(n, "note", s.id, false, q).value_or("");
            s.services = entries(n["services"], n, q + "services", true);
            out.push_back(std::move(s));
        });
        return out;
    }

    void read_root(const YAML::Node& root, AssessmentRead& out) {
        r_.only_keys(root,
                     {"format", "organisation", "catalog", "reference_template",
                      "evaluation_interval_days", "separate_approver", "custom_services",
                      "services", "actions", "events", "evaluations"},
                     {});
        auto format = r_.scalar(root, "format", {});
        if (format && *format != kAssessmentFormat) {
            r_.problem(root["format"], {}, "format",
                       "'" + *format + "' is not a format this version reads; expected " +
                           std::string(kAssessmentFormat));
            return;
        }
        Assessment a;
        const YAML::Node org = root["organisation"];
        if (r_.is_map(org, root, {}, "organisation")) {
            r_.only_keys(org, {"id", "name"}, {}, "organisation.");
            a.organisation.id = r_.scalar(org, "id", {}, false, "organisation.").value_or("");
            a.organisation.name = r_.scalar(org, "name", {}, true, "organisation.").value_or("");
            mark("organisation.name", org["name"].IsDefined() ? org["name"] : org);
        }
        auto catalogue_id = r_.scalar(root, "catalog", {});
        const catalogue::LoadedCatalog* cat = nullptr;
        if (catalogue_id) {
            a.catalogue_id = *catalogue_id;
            cat = library_.catalogue(*catalogue_id);
            if (!cat)
                r_.problem(root["catalog"], {}, "catalog",
                           "unknown catalogue '" + *catalogue_id + "'");
        }
        if (auto ref = r_.scalar(root, "reference_template", {}, false)) {
            a.reference_template = *ref;
            const catalogue::LoadedTemplate* t = library_.find_template(*ref);
            if (!t)
                r_.problem(root["reference_template"], {}, "reference_template",
                           "unknown template '" + *ref + "'");
            else if (catalogue_id && t->tmpl.catalogue_id != *catalogue_id)
                r_.problem(root["reference_template"], {}, "reference_template",
                           "template '" + *ref + "' is for catalogue '" + t->tmpl.catalogue_id +
                               "'");
        }
        if (root["evaluation_interval_days"].IsDefined())
            a.evaluation_interval_days = r_.integer(root, "evaluation_interval_days", {}, 1, 3660)
                                             .value_or(a.evaluation_interval_days);
        if (root["separate_approver"].IsDefined())
            a.separate_approver = r_.boolean(root, "separate_approver", {}, false).value_or(false);
        a.custom_services = custom_services(root["custom_services"], root);
        a.services = entries(root["services"], root, "services", false);
        a.actions = actions(root["actions"], root);
        a.events = events(root["events"], root);
        a.evaluations = evaluations(root["evaluations"], root);
        if (!r_.ok() || !cat) return;

        // The model's rules, with the line of the field they name.
        auto directory = ServiceDirectory::build(cat->catalogue, a.custom_services);
        if (!directory) {
            r_.problem(line_for(directory.error().field), {}, directory.error().field,
                       directory.error().message);
            return;
        }
        if (auto s = validate(a, *directory); !s) {
            r_.problem(line_for(s.error().field), {}, s.error().field, s.error().message);
            return;
        }
        out.assessment = std::move(a);
    }
};

// ---- writing -------------------------------------------------------------------------------

/// A YAML scalar that reads back as the same string: plain when safe, double-quoted otherwise.
std::string q(std::string_view s) {
    bool plain = !s.empty();
    for (char c : s) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '/' ||
                          static_cast<unsigned char>(c) >= 0x80;
        plain = plain && safe;
    }
    // Words YAML would read as something other than a string.
    for (std::string_view special :
         {"true", "false", "null", "yes", "no", "on", "off", "~", "y", "n"})
        if (s == special) plain = false;
    if (plain && (s[0] == '-' || s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) plain = false;
    if (plain) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

std::string text(const LocalizedText& t) {
    return "{en: " + q(t.en) + ", ja: " + q(t.ja) + "}";
}

void write_pair(std::ostream& o, const ScorePair& p, const std::string& indent) {
    // Scores are written bare (3, n/a): both read back as the same score.
    if (p.as_is) o << indent << "as_is: " << p.as_is->to_string() << "\n";
    if (p.to_be) o << indent << "to_be: " << p.to_be->to_string() << "\n";
}

void write_entry(std::ostream& o, const ServiceEntry& e, const std::string& indent) {
    o << indent.substr(2) << q(e.service_id) << ":";
    std::ostringstream body;
    if (e.level) body << indent << "level: " << to_string(*e.level) << "\n";
    if (e.assignment != Assignment::unassigned || e.level)
        body << indent << "assignment: " << to_string(e.assignment) << "\n";
    if (!e.owner.empty()) body << indent << "owner: " << q(e.owner) << "\n";
    if (!e.provider.empty()) body << indent << "provider: " << q(e.provider) << "\n";
    if (e.sourcing)
        body << indent << "sourcing: {information: " << to_string(e.sourcing->information)
             << ", specialist_skill: " << (e.sourcing->specialist_skill ? "true" : "false")
             << "}\n";
    switch (e.assignment) {
    case Assignment::insource: write_pair(body, e.insource, indent); break;
    case Assignment::outsource: write_pair(body, e.outsource, indent); break;
    case Assignment::unassigned: write_pair(body, e.unassigned, indent); break;
    case Assignment::both:
        for (auto [name, p] :
             {std::pair{"insource", &e.insource}, std::pair{"outsource", &e.outsource}}) {
            if (p->empty()) continue;
            body << indent << name << ":\n";
            write_pair(body, *p, indent + "  ");
        }
        break;
    }
    if (!e.rationale.empty()) body << indent << "rationale: " << q(e.rationale) << "\n";
    if (!e.evidence.empty()) {
        body << indent << "evidence:\n";
        for (const auto& ev : e.evidence) body << indent << "  - " << q(ev) << "\n";
    }
    if (!e.capacity.empty()) body << indent << "capacity: " << q(e.capacity) << "\n";
    if (!e.capability.empty()) body << indent << "capability: " << q(e.capability) << "\n";
    const std::string b = body.str();
    o << (b.empty() ? "\n" : "\n" + b);
}

void write_entries(std::ostream& o, const std::vector<ServiceEntry>& entries,
                   const ServiceDirectory& dir, const std::string& indent) {
    // Directory order, then anything the directory does not know (kept, not dropped).
    std::vector<const ServiceEntry*> ordered;
    for (const auto& info : dir.services())
        for (const auto& e : entries)
            if (e.service_id == info.id) ordered.push_back(&e);
    for (const auto& e : entries)
        if (!dir.find(e.service_id)) ordered.push_back(&e);
    for (const auto* e : ordered) write_entry(o, *e, indent);
}

} // namespace

AssessmentRead read_assessment(const std::string& file, std::string_view text,
                               const catalogue::Library& library) {
    return Reader(file, library).read(text);
}

std::string write_assessment(const Assessment& a, const ServiceDirectory& dir) {
    std::ostringstream o;
    o << "# CDC Workbench assessment (format reference: docs/file-format.md)\n";
    o << "format: " << kAssessmentFormat << "\n";
    o << "organisation:\n";
    if (!a.organisation.id.empty()) o << "  id: " << q(a.organisation.id) << "\n";
    o << "  name: " << q(a.organisation.name) << "\n";
    o << "catalog: " << q(a.catalogue_id) << "\n";
    if (!a.reference_template.empty())
        o << "reference_template: " << q(a.reference_template) << "\n";
    o << "evaluation_interval_days: " << a.evaluation_interval_days << "\n";
    if (a.separate_approver) o << "separate_approver: true\n";
    if (!a.custom_services.empty()) {
        o << "\ncustom_services:\n";
        for (const auto& c : a.custom_services) {
            o << "  - id: " << q(c.id) << "\n    category: " << q(c.category) << "\n";
            o << "    name: " << text(c.name) << "\n";
            if (c.description.complete()) o << "    description: " << text(c.description) << "\n";
            if (c.sourcing)
                o << "    sourcing: {information: " << to_string(c.sourcing->information)
                  << ", specialist_skill: " << (c.sourcing->specialist_skill ? "true" : "false")
                  << "}\n";
        }
    }
    o << "\n# One entry per service: level (catalogue), assignment/owner/provider (profile),\n"
         "# as_is/to_be 1-5 or n/a (portfolio; a 'both' service has insource: and outsource:).\n";
    // No entries is an empty mapping: a bare "services:" would read back as null, which is refused.
    o << "services:" << (a.services.empty() ? " {}\n" : "\n");
    write_entries(o, a.services, dir, "    ");
    if (!a.actions.empty()) {
        o << "\nactions:\n";
        for (const auto& ac : a.actions) {
            o << "  - id: " << q(ac.id) << "\n    title: " << q(ac.title) << "\n";
            if (!ac.services.empty()) {
                o << "    services: [";
                for (std::size_t i = 0; i < ac.services.size(); ++i)
                    o << (i ? ", " : "") << q(ac.services[i]);
                o << "]\n";
            }
            if (ac.phase) o << "    phase: " << to_string(*ac.phase) << "\n";
            o << "    cycle: " << to_string(ac.cycle) << "\n";
            if (!ac.owner.empty()) o << "    owner: " << q(ac.owner) << "\n";
            if (ac.due) o << "    due: " << ac.due->to_string() << "\n";
            o << "    status: " << to_string(ac.status) << "\n";
            if (!ac.resources.empty()) o << "    resources: " << q(ac.resources) << "\n";
            if (!ac.finding.empty()) o << "    finding: " << q(ac.finding) << "\n";
            if (!ac.history.empty()) {
                o << "    history:\n";
                for (const auto& h : ac.history) {
                    o << "      - {date: " << h.date.to_string() << ", what: " << q(h.what);
                    if (!h.from.empty()) o << ", from: " << q(h.from);
                    if (!h.to.empty()) o << ", to: " << q(h.to);
                    if (!h.note.empty()) o << ", note: " << q(h.note);
                    o << "}\n";
                }
            }
        }
    }
    if (!a.events.empty()) {
        o << "\nevents:\n";
        for (const auto& e : a.events) {
            o << "  - {date: " << e.date.to_string() << ", kind: " << to_string(e.kind);
            if (!e.note.empty()) o << ", note: " << q(e.note);
            o << "}\n";
        }
    }
    if (!a.evaluations.empty()) {
        o << "\nevaluations:\n";
        for (const auto& s : a.evaluations) {
            o << "  - id: " << q(s.id) << "\n    date: " << s.date.to_string() << "\n";
            o << "    kinds: [";
            for (std::size_t i = 0; i < s.kinds.size(); ++i)
                o << (i ? ", " : "") << to_string(s.kinds[i]);
            o << "]\n";
            if (!s.approved_by.empty()) o << "    approved_by: " << q(s.approved_by) << "\n";
            if (s.approved_on) o << "    approved_on: " << s.approved_on->to_string() << "\n";
            if (!s.note.empty()) o << "    note: " << q(s.note) << "\n";
            o << "    services:" << (s.services.empty() ? " {}\n" : "\n");
            write_entries(o, s.services, dir, "        ");
        }
    }
    return o.str();
}

} // namespace cdcwb::report
