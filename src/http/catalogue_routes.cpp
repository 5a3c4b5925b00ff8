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
                    const auto* c = ctx.library.catalogue(p["catalog"]);
                    if (!c)
                        return error_response(
                            domain::not_found("no catalogue '" + p["catalog"] + "'", "catalog"));
                    return json_response(report::catalogue_document(*c));
                }});
    router.add({"GET", "/api/v1/templates/{template}", Access::signed_in, domain::Permission::read,
                operation("getTemplate", nullptr, ref("TemplateDocument")),
                "One template: the level of every service",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    const auto* t = ctx.library.find_template(p["template"]);
                    if (!t)
                        return error_response(
                            domain::not_found("no template '" + p["template"] + "'", "template"));
                    const auto* c = ctx.library.catalogue(t->tmpl.catalogue_id);
                    if (!c)
                        return error_response(
                            domain::not_found("template '" + p["template"] + "' names catalogue '" +
                                                  t->tmpl.catalogue_id + "', which is not loaded",
                                              "template"));
                    return json_response(report::template_document(*t, c->catalogue));
                }});
    router.add({"GET", "/api/v1/crosswalks/{crosswalk}", Access::signed_in,
                domain::Permission::read, operation("getCrosswalk", nullptr, crosswalk_schema()),
                "One crosswalk: every link between the two catalogues, and the unmatched items",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    const auto* loaded = ctx.library.crosswalk(p["crosswalk"]);
                    if (!loaded)
                        return error_response(domain::not_found(
                            "no crosswalk '" + p["crosswalk"] + "'", "crosswalk"));
                    return json_response(report::crosswalk_document(loaded->crosswalk));
                }});
}

} // namespace cdcwb::http
