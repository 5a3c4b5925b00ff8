// The JSON the store writes for recorded (immutable) evaluations and for audit records' before and
// after values. A persistence format, kept apart from the API's JSON (http/json_mapping.hpp) on
// purpose: stored rows must stay readable whatever the API becomes. Decoding reads back exactly
// what encoding wrote, byte for byte (tests/store/codec_test.cpp holds rows written by it).
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

Json to_json(const domain::ServiceEntry& entry);
Json to_json(const domain::Finding& finding);
Json to_json(const domain::Action& action);
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
