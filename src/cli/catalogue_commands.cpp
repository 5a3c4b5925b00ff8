// cdcwb catalogue list|show, cdcwb crosswalk, cdcwb template list|show.
#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/text_table.hpp"
#include "report/json.hpp"

#include <ostream>

namespace cdcwb::cli {
using domain::Lang;
using Align = TextTable::Align;

namespace {

void print_json(Context& ctx, const report::Json& j) {
    *ctx.out << j.dump(2) << "\n";
}

int not_found(Context& ctx, const std::string& what, const std::string& id,
              const std::string& hint) {
    return fail(*ctx.err, domain::not_found("unknown " + what + " '" + id + "'; " + hint));
}

int depth(const domain::Catalogue& c, const domain::CatalogueNode& n) {
    int d = 0;
    for (const domain::CatalogueNode* p = c.find(n.parent); p && d < 8; p = c.find(p->parent)) ++d;
    return d;
}

} // namespace

int catalogue_list(Context& ctx, bool json) {
    if (json) {
        print_json(ctx, report::library_summary(ctx.library));
        return kOk;
    }
    const Lang l = ctx.lang;
    std::ostream& o = *ctx.out;
    o << ui("catalogues", l) << "\n";
    TextTable cats(
        {ui("id", l), ui("version", l), ui("edition", l), ui("services", l), ui("title", l)},
        {Align::left, Align::left, Align::left, Align::right, Align::left});
    for (const auto& c : ctx.library.catalogues())
        cats.add({c.catalogue.id(), c.catalogue.header().version, c.catalogue.header().edition_date,
                  std::to_string(c.catalogue.services().size()), c.catalogue.header().title.in(l)});
    o << cats.render() << "\n" << ui("crosswalks", l) << "\n";
    TextTable cws({ui("id", l), ui("catalog", l), ui("links", l)},
                  {Align::left, Align::left, Align::right});
    for (const auto& c : ctx.library.crosswalks())
        cws.add({c.crosswalk.id, c.crosswalk.from_catalogue + " → " + c.crosswalk.to_catalogue,
                 std::to_string(c.crosswalk.links.size())});
    o << cws.render() << "\n" << ui("templates", l) << "\n";
    TextTable tps({ui("id", l), ui("catalog", l), ui("name", l)});
    for (const auto& t : ctx.library.templates())
        tps.add({t.tmpl.id, t.tmpl.catalogue_id, t.tmpl.name.in(l)});
    o << tps.render();
    return kOk;
}

int catalogue_show(Context& ctx, const std::string& id, bool json, bool full) {
    const auto* lc = ctx.library.catalogue(id);
    if (!lc) return not_found(ctx, "catalogue", id, "see: cdcwb catalog list");
    if (json) {
        print_json(ctx, report::catalogue_document(*lc));
        return kOk;
    }
    const Lang l = ctx.lang;
    const auto& c = lc->catalogue;
    const auto& h = c.header();
    std::ostream& o = *ctx.out;
    o << h.title.in(l) << "\n"
      << ui("id", l) << ": " << h.id << "  " << ui("version", l) << ": " << h.version << "  "
      << ui("edition", l) << ": " << h.edition_date << "\n"
      << ui("publisher", l) << ": " << h.publisher.in(l) << "\n"
      << ui("licence", l) << ": " << h.licence_note.in(l) << "\n\n";
    for (const auto& n : c.nodes()) {
        const std::string indent(static_cast<std::size_t>(2 * depth(c, n)), ' ');
        o << indent << n.id << "  " << n.name.in(l);
        if (n.kind == domain::NodeKind::category && n.phase)
            o << "  [" << display_name(*n.phase).in(l) << "]";
        if (n.kind != domain::NodeKind::category && n.kind != domain::NodeKind::service &&
            n.kind != domain::NodeKind::area)
            o << "  (" << to_string(n.kind) << ")";
        if (n.sourcing)
            o << "  " << ui("quadrant", l) << " " << to_string(quadrant_of(n.sourcing->answers));
        o << "\n";
        for (const auto& a : n.aliases)
            if (a.lang.empty() || a.lang == domain::to_string(l) || full)
                o << indent << "    " << ui("aliases", l) << ": " << a.name
                  << (a.source.empty() ? "" : " (" + a.source + ")") << "\n";
        if (full) {
            o << indent << "    " << n.description.in(l) << "\n";
            if (n.sourcing)
                o << indent << "    " << ui("quadrant", l) << ": " << n.sourcing->reason.in(l)
                  << "\n";
        }
    }
    return kOk;
}

int crosswalk_lookup(Context& ctx, const std::string& id, const std::string& catalogue_id,
                     bool json) {
    // Which catalogues know this id (restricted to one with --catalog).
    std::vector<const catalogue::LoadedCatalog*> owners;
    for (const auto& c : ctx.library.catalogues())
        if ((catalogue_id.empty() || c.catalogue.id() == catalogue_id) && c.catalogue.find(id))
            owners.push_back(&c);
    if (owners.empty())
        return not_found(ctx, "item", id,
                         catalogue_id.empty()
                             ? "no loaded catalogue has it"
                             : "catalogue '" + catalogue_id + "' does not have it");
    if (owners.size() > 1) {
        std::string message =
            "'" + id + "' exists in several catalogues; choose one with --catalog:";
        for (const auto* c : owners) message += " " + c->catalogue.id();
        return fail(*ctx.err, domain::invalid(message));
    }
    const auto& home = owners.front()->catalogue;
    const domain::CatalogueNode& node = *home.find(id);

    report::Json links = report::Json::array();
    report::Json unmatched = report::Json::array();
    for (const auto* lcw : ctx.library.crosswalks_of(home.id())) {
        const auto& cw = lcw->crosswalk;
        const bool forward = cw.from_catalogue == home.id();
        const auto* other = ctx.library.catalogue(forward ? cw.to_catalogue : cw.from_catalogue);
        for (const auto& link : forward ? cw.links_from(id) : cw.links_to(id)) {
            const std::string& other_id = forward ? link.to : link.from;
            const domain::CatalogueNode* target = other ? other->catalogue.find(other_id) : nullptr;
            links.push_back(
                {{"crosswalk", cw.id},
                 {"direction", forward ? "to" : "from"},
                 {"catalog", other ? other->catalogue.id() : ""},
                 {"id", other_id},
                 {"kind", target ? std::string(to_string(target->kind)) : ""},
                 {"name", target ? report::to_json(target->name) : report::Json(nullptr)},
                 {"relation", std::string(to_string(link.relation))}});
        }
        for (const auto& u : forward ? cw.unmatched_from : cw.unmatched_to)
            if (u.id == id)
                unmatched.push_back({{"crosswalk", cw.id}, {"note", report::to_json(u.note)}});
    }
    if (json) {
        print_json(ctx, {{"item",
                          {{"catalog", home.id()},
                           {"id", node.id},
                           {"kind", std::string(to_string(node.kind))},
                           {"name", report::to_json(node.name)}}},
                         {"links", links},
                         {"no_counterpart", unmatched}});
        return kOk;
    }
    const Lang l = ctx.lang;
    std::ostream& o = *ctx.out;
    o << node.id << "  " << node.name.in(l) << "  (" << home.id() << ")\n";
    if (!links.empty()) {
        TextTable t({ui("catalog", l), ui("id", l), ui("name", l), ui("relation", l)});
        for (const auto& link : links) {
            const auto relation = domain::parse_relation(link["relation"].get<std::string>());
            t.add({(link["direction"] == "to" ? "→ " : "← ") + link["catalog"].get<std::string>(),
                   link["id"].get<std::string>(),
                   link["name"].is_null() ? ""
                                          : link["name"][domain::to_string(l)].get<std::string>(),
                   display_name(*relation).in(l)});
        }
        o << t.render();
    }
    for (const auto& u : unmatched)
        o << "  " << ui("no_counterpart", l) << ": "
          << u["note"][domain::to_string(l)].get<std::string>() << "\n";
    if (links.empty() && unmatched.empty()) o << "  " << ui("no_links", l) << "\n";
    return kOk;
}

int template_list(Context& ctx, bool json) {
    if (json) {
        report::Json list = report::Json::array();
        for (const auto& t : ctx.library.templates())
            list.push_back({{"id", t.tmpl.id},
                            {"catalog", t.tmpl.catalogue_id},
                            {"name", report::to_json(t.tmpl.name)},
                            {"audience", report::to_json(t.tmpl.audience)},
                            {"source", t.source}});
        print_json(ctx, {{"templates", list}});
        return kOk;
    }
    const Lang l = ctx.lang;
    for (const auto& t : ctx.library.templates())
        *ctx.out << t.tmpl.id << "  (" << t.tmpl.catalogue_id << ")  " << t.tmpl.name.in(l)
                 << "\n    " << t.tmpl.audience.in(l) << "\n";
    return kOk;
}

int template_show(Context& ctx, const std::string& id, bool json) {
    const auto* lt = ctx.library.find_template(id);
    if (!lt) return not_found(ctx, "template", id, "see: cdcwb template list");
    const auto& cat = ctx.library.catalogue(lt->tmpl.catalogue_id)->catalogue;
    if (json) {
        print_json(ctx, report::template_document(*lt, cat));
        return kOk;
    }
    const Lang l = ctx.lang;
    std::ostream& o = *ctx.out;
    o << lt->tmpl.name.in(l) << "  (" << lt->tmpl.id << ", " << lt->tmpl.catalogue_id << ")\n"
      << ui("audience", l) << ": " << lt->tmpl.audience.in(l) << "\n\n";
    TextTable t({ui("service", l), ui("name", l), ui("level", l)}, {}, {0, 48, 0});
    for (const auto* s : cat.services())
        if (auto level = lt->tmpl.level_of(s->id))
            t.add({s->id, s->name.in(l), display_name(*level).in(l)});
    o << t.render();
    return kOk;
}

} // namespace cdcwb::cli
