// JSON documents of domain values, for `--json` output and the API (http/json_mapping.hpp builds
// its records on them): catalogues, templates, findings, actions, evaluation reports. A value the
// store encodes too (an action, an event, a text) starts from store/codec.hpp's encoder. The shapes
// are stable and documented in docs/json-output.md; schemas() describes them (OpenAPI components):
// an object of a type's own fields (a finding, an aggregate, a change, …) comes with its schema
// from one declaration of those fields (a schema::Shape in json.cpp).
#pragma once

#include "catalogue/library.hpp"
#include "domain/action.hpp"
#include "domain/assessment.hpp"
#include "domain/evaluation.hpp"
#include "domain/history.hpp"
#include "domain/review.hpp"
#include "domain/trigger.hpp"

#include <nlohmann/json.hpp>

namespace cdcwb::report {

using Json = nlohmann::ordered_json;

Json to_json(const domain::LocalizedText& text);
Json to_json(const domain::CatalogueNode& node);
Json to_json(const domain::Finding& finding);
Json to_json(const domain::Aggregate& aggregate);
/// An action, with whether it is open and whether it is overdue as of `today`.
Json to_json(const domain::Action& action, const domain::ServiceDirectory& directory,
             domain::Date today);
/// A draft action: the action, plus its texts in both languages and its finding's figures.
Json to_json(const domain::DraftAction& draft, const domain::ServiceDirectory& directory,
             domain::Date today);
Json to_json(const domain::TriggerEvent& event);
Json to_json(const domain::DueEvaluation& due);
Json to_json(const domain::Change& change);
/// `{"scope", "points": [{"evaluation", "date", "value": aggregate}]}` (GET …/trends).
Json to_json(const domain::Trend& trend);
/// Its schema, from the same declaration.
Json trend_schema();
/// Score pair names ("insource", "outsource", "unassigned").
Json slot_names(const std::vector<domain::ScoreSlot>& slots);

/// `cdcwb catalogue list --json`
Json library_summary(const catalogue::Library& library);

/// The framework's closed vocabularies with their names in both languages, the two rubrics'
/// level texts and the quadrant advisor's tables (answers → quadrant, guidance, mismatches):
/// what a client needs to show the rules without re-implementing them.
Json vocabulary_document();
/// `cdcwb catalogue show ID --json`
Json catalogue_document(const catalogue::LoadedCatalog& catalogue);
/// GET /api/v1/crosswalks/{id}: every link and the unmatched items of both sides.
Json crosswalk_document(const domain::Crosswalk& crosswalk);
/// `cdcwb template show ID --json`
Json template_document(const catalogue::LoadedTemplate& tmpl, const domain::Catalogue& catalogue);

/// `cdcwb evaluate FILE --json`
Json review_document(const domain::Review& review);

/// The JSON Schemas of the documents above, by name (components of the OpenAPI document); each
/// is declared in json.cpp beside the encoder it describes.
Json schemas();

/// Rounds a mean for display and JSON (two decimals).
double round2(double value);

} // namespace cdcwb::report
