#include "catalogue/library.hpp"

#include "catalogue/embedded.hpp"
#include "catalogue/yaml_reader.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace cdcwb::catalogue {
namespace fs = std::filesystem;
using domain::LocalizedText;

namespace {

std::optional<domain::Sourcing> read_sourcing(YamlReader& r, const YAML::Node& node,
                                              const std::string& id) {
    const std::string p = "sourcing.";
    if (!r.is_map(node, node, id, "sourcing")) return std::nullopt;
    r.only_keys(node, {"information", "specialist_skill", "reason"}, id, p);
    auto info = r.scalar(node, "information", id, true, p);
    auto skill = r.boolean(node, "specialist_skill", id, true, p);
    auto reason = r.localized(node, "reason", id, true, p);
    std::optional<domain::Information> information;
    if (info) {
        information = domain::parse_information(*info);
        if (!information)
            r.problem(node["information"], id, p + "information",
                      "'" + *info + "' is not internal or external");
    }
    if (!information || !skill || !reason) return std::nullopt;
    return domain::Sourcing{{*information, *skill}, *reason};
}

std::vector<domain::Alias> read_aliases(YamlReader& r, const YAML::Node& list, const YAML::Node& at,
                                        const std::string& id) {
    std::vector<domain::Alias> out;
    if (!r.is_list(list, at, id, "aliases")) return out;
    for (const auto& a : list) {
        if (!r.is_map(a, list, id, "aliases")) continue;
        r.only_keys(a, {"lang", "name", "source"}, id, "aliases.");
        auto lang = r.scalar(a, "lang", id, false, "aliases.");
        auto name = r.scalar(a, "name", id, true, "aliases.");
        auto source = r.scalar(a, "source", id, false, "aliases.");
        if (lang && !domain::parse_lang(*lang))
            r.problem(a["lang"], id, "aliases.lang", "'" + *lang + "' is not en or ja");
        if (name) out.push_back({lang.value_or(""), *name, source.value_or("")});
    }
    return out;
}

std::optional<domain::CatalogueHeader> read_catalogue_header(YamlReader& r, const YAML::Node& h) {
    if (!r.is_map(h, h, {}, "catalog")) return std::nullopt;
    HeaderFields fields(
        r, h, "catalog",
        {"id", "title", "version", "edition_date", "publisher", "licence_note", "languages"});
    const std::string& item = fields.item();
    auto title = fields.localized("title");
    auto version = fields.scalar("version");
    auto edition = fields.scalar("edition_date");
    auto publisher = fields.localized("publisher");
    auto licence = fields.localized("licence_note");
    auto languages = fields.scalars("languages");
    if (languages) {
        for (domain::Lang lang : domain::kLangs)
            if (std::find(languages->begin(), languages->end(), domain::to_string(lang)) ==
                languages->end())
                r.problem(h["languages"], item, "catalog.languages",
                          std::string("missing language '") + domain::to_string(lang) +
                              "'; CDC Workbench needs en and ja");
    }
    if (!fields.id() || !title || !version || !edition || !publisher || !licence || !languages)
        return std::nullopt;
    return domain::CatalogueHeader{*fields.id(), *title,   *version,  *edition,
                                   *publisher,   *licence, *languages};
}

std::optional<domain::Catalogue> read_catalogue(YamlReader& r, const YAML::Node& root) {
    r.only_keys(root, {"catalog", "nodes"}, {});
    auto header = read_catalogue_header(r, root["catalog"]);
    const YAML::Node list = root["nodes"];
    if (!r.is_list(list, root, header ? header->id : "", "nodes")) return std::nullopt;

    std::vector<domain::CatalogueNode> nodes;
    std::map<std::string, int> lines;
    for (const auto& n : list) {
        if (!r.is_map(n, list, {}, "nodes")) continue;
        auto id = r.scalar(n, "id", {});
        if (!id) continue;
        r.only_keys(n,
                    {"id", "kind", "parent", "name", "description", "aliases", "phase", "sourcing"},
                    *id);
        const int line = YamlReader::line_of(n);
        if (auto [it, fresh] = lines.emplace(*id, line); !fresh) {
            r.problem(line, *id, "id",
                      "duplicate id (first defined on line " + std::to_string(it->second) + ")");
            continue;
        }
        domain::CatalogueNode node;
        node.id = *id;
        bool ok = true;
        if (auto kind = r.scalar(n, "kind", *id)) {
            if (auto k = domain::parse_node_kind(*kind))
                node.kind = *k;
            else {
                r.problem(n["kind"], *id, "kind",
                          "'" + *kind + "' is not category | service | area | function | internal");
                ok = false;
            }
        } else {
            ok = false;
        }
        node.parent = r.scalar(n, "parent", *id, false).value_or("");
        auto name = r.localized(n, "name", *id);
        auto description = r.localized(n, "description", *id);
        ok = ok && name && description;
        if (name) node.name = *name;
        if (description) node.description = *description;
        if (n["aliases"].IsDefined()) node.aliases = read_aliases(r, n["aliases"], n, *id);
        if (auto phase = r.scalar(n, "phase", *id, false)) {
            node.phase = domain::parse_phase(*phase);
            if (!node.phase)
                r.problem(n["phase"], *id, "phase",
                          "'" + *phase + "' is not " + domain::allowed_phases());
        }
        if (n["sourcing"].IsDefined()) node.sourcing = read_sourcing(r, n["sourcing"], *id);
        if (ok && node.kind == domain::NodeKind::category && !node.phase && !n["phase"].IsDefined())
            r.problem(n, *id, "phase",
                      "a category needs a management phase: " + domain::allowed_phases());
        if (node.kind != domain::NodeKind::category && n["phase"].IsDefined())
            r.problem(n["phase"], *id, "phase", "only categories have a phase");
        nodes.push_back(std::move(node));
    }

    // Parents and categories, now that every id is known.
    std::map<std::string, const domain::CatalogueNode*> by_id;
    for (const auto& n : nodes) by_id.emplace(n.id, &n);
    const bool has_categories = std::any_of(nodes.begin(), nodes.end(), [](const auto& n) {
        return n.kind == domain::NodeKind::category;
    });
    for (const auto& n : nodes) {
        const int line = lines[n.id];
        if (!n.parent.empty()) {
            auto parent = by_id.find(n.parent);
            if (parent == by_id.end()) {
                r.problem(line, n.id, "parent", "unknown parent '" + n.parent + "'");
                continue;
            }
            if (parent->second->id == n.id)
                r.problem(line, n.id, "parent", "a node cannot be its own parent");
        }
        if (n.kind == domain::NodeKind::service && has_categories) {
            auto parent = by_id.find(n.parent);
            if (n.parent.empty())
                r.problem(line, n.id, "parent", "a service needs a category as parent");
            else if (parent != by_id.end() && parent->second->kind != domain::NodeKind::category)
                r.problem(line, n.id, "parent", "parent '" + n.parent + "' is not a category");
        }
    }
    if (!header || !r.ok()) return std::nullopt;
    return domain::Catalogue(std::move(*header), std::move(nodes));
}

std::optional<LoadedCrosswalk> read_crosswalk(YamlReader& r, const YAML::Node& root) {
    r.only_keys(root, {"crosswalk", "links", "no_counterpart"}, {});
    const YAML::Node h = root["crosswalk"];
    if (!r.is_map(h, root, {}, "crosswalk")) return std::nullopt;
    HeaderFields fields(r, h, "crosswalk", {"id", "from", "to", "version", "note"});
    LoadedCrosswalk out;
    auto& cw = out.crosswalk;
    const std::string& item = fields.item();
    auto from = fields.scalar("from");
    auto to = fields.scalar("to");
    auto version = fields.scalar("version");
    auto note = fields.localized("note");
    out.from_line = YamlReader::line_of(h["from"]);
    out.to_line = YamlReader::line_of(h["to"]);

    const YAML::Node links = root["links"];
    if (r.is_list(links, root, item, "links")) {
        std::set<std::pair<std::string, std::string>> seen;
        for (const auto& l : links) {
            if (!r.is_map(l, links, item, "links")) continue;
            r.only_keys(l, {"from", "to", "relation", "note"}, item, "links.");
            auto f = r.scalar(l, "from", item, true, "links.");
            auto t = r.scalar(l, "to", item, true, "links.");
            auto rel = r.scalar(l, "relation", item, true, "links.");
            if (!f || !t || !rel) continue;
            auto relation = domain::parse_relation(*rel);
            if (!relation) {
                r.problem(l["relation"], *f, "relation",
                          "'" + *rel + "' is not equivalent | part-of | related");
                continue;
            }
            if (!seen.emplace(*f, *t).second) {
                r.problem(l, *f, "links", "duplicate link " + *f + " → " + *t);
                continue;
            }
            cw.links.push_back({*f, *t, *relation});
            out.link_lines.push_back(YamlReader::line_of(l));
        }
    }
    const YAML::Node none = root["no_counterpart"];
    if (none.IsDefined() && r.is_map(none, root, item, "no_counterpart")) {
        r.only_keys(none, {"from", "to"}, item, "no_counterpart.");
        std::vector<int> to_lines;
        for (auto [key, target, line_out] :
             {std::tuple{"from", &cw.unmatched_from, &out.unmatched_lines},
              std::tuple{"to", &cw.unmatched_to, &to_lines}}) {
            const YAML::Node list = none[key];
            if (!list.IsDefined()) continue;
            if (!r.is_list(list, none, item, std::string("no_counterpart.") + key)) continue;
            for (const auto& u : list) {
                if (!r.is_map(u, list, item, std::string("no_counterpart.") + key)) continue;
                r.only_keys(u, {"id", "note"}, item, std::string("no_counterpart.") + key + ".");
                auto uid = r.scalar(u, "id", item);
                auto unote = r.localized(u, "note", uid.value_or(item));
                if (uid && unote) {
                    target->push_back({*uid, *unote});
                    line_out->push_back(YamlReader::line_of(u));
                }
            }
        }
        out.unmatched_lines.insert(out.unmatched_lines.end(), to_lines.begin(), to_lines.end());
    }
    if (!fields.id() || !from || !to || !version || !note || !r.ok()) return std::nullopt;
    cw.id = *fields.id();
    cw.from_catalogue = *from;
    cw.to_catalogue = *to;
    cw.version = *version;
    cw.note = *note;
    return out;
}

std::optional<LoadedTemplate> read_template(YamlReader& r, const YAML::Node& root) {
    r.only_keys(root, {"template", "levels"}, {});
    const YAML::Node h = root["template"];
    if (!r.is_map(h, root, {}, "template")) return std::nullopt;
    HeaderFields fields(r, h, "template", {"id", "catalog", "name", "audience"});
    LoadedTemplate out;
    const std::string& item = fields.item();
    auto catalogue = fields.scalar("catalog");
    auto name = fields.localized("name");
    auto audience = fields.localized("audience");
    out.catalogue_line = YamlReader::line_of(h["catalog"]);
    const YAML::Node levels = root["levels"];
    out.levels_line = YamlReader::line_of(levels);
    if (r.is_map(levels, root, item, "levels")) {
        r.unique_keys(levels, item, "levels.");
        for (auto it = levels.begin(); it != levels.end(); ++it) {
            const std::string sid = it->first.Scalar();
            const std::string value = it->second.IsScalar() ? it->second.Scalar() : "";
            auto level = domain::parse_level(value);
            if (!level) {
                r.problem(it->second, sid, "levels." + sid,
                          "'" + value + "' is not a level: " + domain::allowed_levels());
                continue;
            }
            out.tmpl.levels.emplace(sid, *level);
            out.level_lines.emplace(sid, YamlReader::line_of(it->first));
        }
    }
    if (!fields.id() || !catalogue || !name || !audience || !r.ok()) return std::nullopt;
    out.tmpl.id = *fields.id();
    out.tmpl.catalogue_id = *catalogue;
    out.tmpl.name = *name;
    out.tmpl.audience = *audience;
    return out;
}

std::string id_of(const LoadedCatalog& x) {
    return x.catalogue.id();
}
std::string id_of(const LoadedCrosswalk& x) {
    return x.crosswalk.id;
}
std::string id_of(const LoadedTemplate& x) {
    return x.tmpl.id;
}

/// Adds `item`, read from `source`, to `items`; one with the same id is replaced when `replace`,
/// otherwise it is a problem naming where the first came from.
template <class Item>
void put(std::vector<Item>& items, Item item, const std::string& source, bool replace,
         YamlReader& r, const std::string& what) {
    item.source = source;
    const std::string id = id_of(item);
    auto it =
        std::find_if(items.begin(), items.end(), [&](const Item& x) { return id_of(x) == id; });
    if (it == items.end()) {
        items.push_back(std::move(item));
    } else if (replace) {
        *it = std::move(item);
    } else {
        r.problem(1, id, "id", "duplicate " + what + " id: already loaded from " + it->source);
    }
}

std::string read_whole_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

const LoadedCatalog* Library::catalogue(std::string_view id) const {
    for (const auto& c : catalogues_)
        if (c.catalogue.id() == id) return &c;
    return nullptr;
}

const LoadedCrosswalk* Library::crosswalk(std::string_view id) const {
    for (const auto& c : crosswalks_)
        if (c.crosswalk.id == id) return &c;
    return nullptr;
}

const LoadedTemplate* Library::find_template(std::string_view id) const {
    for (const auto& t : templates_)
        if (t.tmpl.id == id) return &t;
    return nullptr;
}

domain::Result<const domain::Template*> Library::template_for(std::string_view id,
                                                              std::string_view catalogue_id,
                                                              const std::string& field) const {
    if (id.empty()) return static_cast<const domain::Template*>(nullptr);
    const auto* loaded = find_template(id);
    if (!loaded)
        return domain::invalid("no template '" + std::string(id) +
                                   "' is loaded; `cdcwb template list` shows them",
                               field);
    if (loaded->tmpl.catalogue_id != catalogue_id)
        return domain::invalid("the template '" + std::string(id) + "' is for the catalogue '" +
                                   loaded->tmpl.catalogue_id + "', not '" +
                                   std::string(catalogue_id) + "'",
                               field);
    return &loaded->tmpl;
}

std::vector<const LoadedCrosswalk*> Library::crosswalks_of(std::string_view catalogue_id) const {
    std::vector<const LoadedCrosswalk*> out;
    for (const auto& c : crosswalks_)
        if (c.crosswalk.from_catalogue == catalogue_id || c.crosswalk.to_catalogue == catalogue_id)
            out.push_back(&c);
    return out;
}

domain::Errors Library::add_file(const std::string& source, std::string_view text, bool replace) {
    YamlReader r(source);
    auto root = r.parse(text);
    if (!root) return r.problems();
    if ((*root)["catalog"].IsDefined()) {
        if (auto c = read_catalogue(r, *root))
            put(catalogues_, LoadedCatalog{std::move(*c), {}}, source, replace, r, "catalogue");
    } else if ((*root)["crosswalk"].IsDefined()) {
        if (auto c = read_crosswalk(r, *root))
            put(crosswalks_, std::move(*c), source, replace, r, "crosswalk");
    } else if ((*root)["template"].IsDefined()) {
        if (auto t = read_template(r, *root))
            put(templates_, std::move(*t), source, replace, r, "template");
    } else {
        r.problem(*root, {}, {},
                  "not a catalogue file: expected a top-level 'catalog:', "
                  "'crosswalk:' or 'template:' section");
    }
    return r.problems();
}

domain::Errors Library::check_references() const {
    domain::Errors out;
    for (const auto& lc : crosswalks_) {
        const auto& cw = lc.crosswalk;
        const LoadedCatalog* from = catalogue(cw.from_catalogue);
        const LoadedCatalog* to = catalogue(cw.to_catalogue);
        if (!from)
            out.push_back(domain::invalid_in_file(lc.source, lc.from_line, cw.id, "from",
                                                  "unknown catalogue '" + cw.from_catalogue + "'"));
        if (!to)
            out.push_back(domain::invalid_in_file(lc.source, lc.to_line, cw.id, "to",
                                                  "unknown catalogue '" + cw.to_catalogue + "'"));
        for (std::size_t i = 0; i < cw.links.size(); ++i) {
            const auto& l = cw.links[i];
            if (from && !from->catalogue.find(l.from))
                out.push_back(domain::invalid_in_file(
                    lc.source, lc.link_lines[i], l.from, "from",
                    "'" + l.from + "' does not exist in catalogue '" + cw.from_catalogue + "'"));
            if (to && !to->catalogue.find(l.to))
                out.push_back(domain::invalid_in_file(
                    lc.source, lc.link_lines[i], l.from, "to",
                    "'" + l.to + "' does not exist in catalogue '" + cw.to_catalogue + "'"));
        }
        std::size_t i = 0;
        for (auto [list, cat, side] : {std::tuple{&cw.unmatched_from, from, "from"},
                                       std::tuple{&cw.unmatched_to, to, "to"}}) {
            for (const auto& u : *list) {
                const int line = i < lc.unmatched_lines.size() ? lc.unmatched_lines[i] : 0;
                ++i;
                if (cat && !cat->catalogue.find(u.id))
                    out.push_back(domain::invalid_in_file(
                        lc.source, line, u.id, std::string("no_counterpart.") + side,
                        "'" + u.id + "' does not exist in catalogue '" + cat->catalogue.id() +
                            "'"));
            }
        }
    }
    for (const auto& lt : templates_) {
        const auto& t = lt.tmpl;
        const LoadedCatalog* cat = catalogue(t.catalogue_id);
        if (!cat) {
            out.push_back(domain::invalid_in_file(lt.source, lt.catalogue_line, t.id, "catalog",
                                                  "unknown catalogue '" + t.catalogue_id + "'"));
            continue;
        }
        for (const auto& [sid, level] : t.levels) {
            const domain::CatalogueNode* node = cat->catalogue.find(sid);
            if (!node || node->kind != domain::NodeKind::service)
                out.push_back(domain::invalid_in_file(
                    lt.source, lt.level_lines.find(sid)->second, sid, "levels." + sid,
                    "unknown service '" + sid + "' in catalogue '" + t.catalogue_id + "'"));
        }
        for (const auto* service : cat->catalogue.services())
            if (!t.level_of(service->id))
                out.push_back(domain::invalid_in_file(
                    lt.source, lt.levels_line, service->id, "levels",
                    "template gives no level for service '" + service->id + "'"));
    }
    return out;
}

void Library::merge(Library&& other) {
    auto replace_all = [](auto& mine, auto& theirs, auto key) {
        for (auto& item : theirs) {
            auto it = std::find_if(mine.begin(), mine.end(),
                                   [&](const auto& x) { return key(x) == key(item); });
            if (it == mine.end())
                mine.push_back(std::move(item));
            else
                *it = std::move(item);
        }
    };
    replace_all(catalogues_, other.catalogues_,
                [](const LoadedCatalog& x) { return x.catalogue.id(); });
    replace_all(crosswalks_, other.crosswalks_,
                [](const LoadedCrosswalk& x) { return x.crosswalk.id; });
    replace_all(templates_, other.templates_, [](const LoadedTemplate& x) { return x.tmpl.id; });
}

LoadResult load_library(const std::optional<fs::path>& dir) {
    LoadResult result;
    auto append = [&](domain::Errors p) {
        result.problems.insert(result.problems.end(), std::make_move_iterator(p.begin()),
                               std::make_move_iterator(p.end()));
    };
    for (const auto& f : embedded_files())
        append(result.library.add_file("embedded:" + std::string(f.path), f.text, false));
    if (dir) {
        std::error_code ec;
        if (!fs::is_directory(*dir, ec)) {
            result.problems.push_back(domain::invalid_in_file(
                dir->string(), 0, {}, {}, "catalogue folder not found or not a folder"));
        } else {
            std::vector<fs::path> files;
            for (const auto& entry : fs::recursive_directory_iterator(*dir, ec))
                if (entry.is_regular_file() && entry.path().extension() == ".yaml")
                    files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            // Files in the folder may replace embedded items, but not each other.
            Library from_dir;
            for (const auto& path : files)
                append(from_dir.add_file(path.string(), read_whole_file(path), false));
            result.library.merge(std::move(from_dir));
        }
    }
    append(result.library.check_references());
    return result;
}

} // namespace cdcwb::catalogue
