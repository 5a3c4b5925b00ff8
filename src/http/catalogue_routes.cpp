// The catalogues, templates and crosswalks: read-only data every signed-in user may see.
#include "http/api.hpp"
#include "report/json.hpp"
#include "report/schema.hpp"

namespace cdcwb::http {

using namespace report::schema;

namespace {

/// What GET /api/v1/crosswalks/{crosswalk} answers (built below).
Json crosswalk_schema() {
    const auto unmatched = array_of(object({{"id", string()}, {"note", ref("LocalizedText")}}));
    return object({{"id", string()},
                   {"from_catalog", string()},
                   {"to_catalog", string()},
                   {"version", string()},
                   {"note", ref("LocalizedText")},
                   {"links", array_of(object(
                                 {{"from", string()}, {"to", string()}, {"relation", string()}}))},
                   {"unmatched_from", unmatched},
                   {"unmatched_to", unmatched}});
}

/// The document of an item of the library, or `missing` (a 404) when it has none by that id.
template <class Item, class Document>
Response found_answer(const Item* item, const domain::Error& missing, Document&& document) {
    if (!item) return error_response(missing);
    return json_response(document(*item));
}

} // namespace

void add_catalogue_routes(Router& router, ApiContext& ctx) {
    router.add({"GET", "/api/v1/vocabulary", Access::signed_in, domain::Permission::read,
                operation("getVocabulary", nullptr, ref("Vocabulary")),
                "Levels, assignments, phases, cycles and the other closed vocabularies in both "
                "languages, the rubrics' level texts and the quadrant advisor's tables",
                [](const Request&, const Params&, const Caller&) {
                    static const Json document = report::vocabulary_document();
                    return json_response(document);
                }});
    router.add({"GET", "/api/v1/catalogs", Access::signed_in, domain::Permission::read,
                operation("listCatalogues", nullptr, ref("Library")),
                "The loaded catalogues, crosswalks and templates",
                [&ctx](const Request&, const Params&, const Caller&) {
                    return json_response(report::library_summary(ctx.library));
                }});
    router.add({"GET", "/api/v1/catalogs/{catalog}", Access::signed_in, domain::Permission::read,
                operation("getCatalogue", nullptr, ref("CatalogueDocument")),
                "One catalogue: categories and services with names, descriptions and sourcing",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return found_answer(
                        ctx.library.catalogue(p["catalog"]),
                        domain::not_found("no catalogue '" + p["catalog"] + "'", "catalog"),
                        [](const auto& c) { return report::catalogue_document(c); });
                }});
    router.add(
        {"GET", "/api/v1/templates/{template}", Access::signed_in, domain::Permission::read,
         operation("getTemplate", nullptr, ref("TemplateDocument")),
         "One template: the level of every service",
         [&ctx](const Request&, const Params& p, const Caller&) {
             const auto* t = ctx.library.find_template(p["template"]);
             const auto* c = t ? ctx.library.catalogue(t->tmpl.catalogue_id) : nullptr;
             if (t && !c)
                 return error_response(
                     domain::not_found("template '" + p["template"] + "' names catalogue '" +
                                           t->tmpl.catalogue_id + "', which is not loaded",
                                       "template"));
             return found_answer(
                 t, domain::not_found("no template '" + p["template"] + "'", "template"),
                 [&](const auto& found) { return report::template_document(found, c->catalogue); });
         }});
    router.add({"GET", "/api/v1/crosswalks/{crosswalk}", Access::signed_in,
                domain::Permission::read, operation("getCrosswalk", nullptr, crosswalk_schema()),
                "One crosswalk: every link between the two catalogues, and the unmatched items",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return found_answer(
                        ctx.library.crosswalk(p["crosswalk"]),
                        domain::not_found("no crosswalk '" + p["crosswalk"] + "'", "crosswalk"),
                        [](const auto& x) { return report::crosswalk_document(x.crosswalk); });
                }});
}

} // namespace cdcwb::http
