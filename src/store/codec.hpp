// The JSON the store writes for recorded (immutable) evaluations and for audit records' before and
// after values, and the encoder of those domain values (service entries, actions, custom services,
// events, texts) that the API's JSON (report/json.hpp, http/json_mapping.hpp) builds on: the API
// adds only record metadata and the fields it computes. The persistence format cannot change with
// the API: decoding reads back exactly what encoding wrote, byte for byte
// (tests/store/codec_test.cpp holds rows written by it).
#pragma once

#include "domain/action.hpp"
#include "domain/evaluation.hpp"
#include "domain/service_entry.hpp"
#include "domain/trigger.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cdcwb::store::codec {

using Json = nlohmann::ordered_json;

Json to_json(const domain::LocalizedText& text); ///< {"en", "ja"}
/// The scores given, by name ("as_is", "to_be"); an unset score is left out.
Json to_json(const domain::ScorePair& pair);
/// {"information", "specialist_skill"}, null when not answered.
Json to_json(const std::optional<domain::SourcingAnswers>& sourcing);
Json to_json(const domain::ServiceEntry& entry);
Json to_json(const domain::Finding& finding);
Json to_json(const domain::Action& action);
/// An action's history: [{"date", "what", "from", "to", "note"}].
Json to_json(const std::vector<domain::ActionEvent>& history);
Json to_json(const domain::CustomService& service);
Json to_json(const domain::TriggerEvent& event);

/// Decoders throw std::runtime_error on data the encoder cannot have written (a damaged row).
domain::ServiceEntry entry_from_json(const Json& json);
domain::Finding finding_from_json(const Json& json);

std::string
kinds_to_text(const std::vector<domain::EvaluationKind>& kinds); ///< "catalogue,profile"
std::vector<domain::EvaluationKind> kinds_from_text(const std::string& text);

std::string score_token(const std::optional<domain::Score>& score); ///< "" when unset
std::optional<domain::Score> score_from_token(const std::string& token);

} // namespace cdcwb::store::codec
