// Answers that several route files give alike, built on the helpers of api.hpp.
#pragma once

#include "http/api.hpp"
#include "http/json_mapping.hpp"

#include <string>

namespace cdcwb::http {

/// One part of an organisation's state (evaluations as summaries) as a list `{key: [...]}`, each
/// item encoded by `encode`.
template <class Part, class Encode>
Response state_list(ApiContext& ctx, const std::string& org, const std::string& key,
                    Part store::OrganisationState::*part, Encode&& encode) {
    return respond(
        ctx.store.organisations.load(org, store::History::summaries),
        [&](const store::OrganisationState& state) { return list_json(key, state.*part, encode); });
}

/// The same, each item encoded by its to_json (json_mapping.hpp).
template <class Part>
Response state_list(ApiContext& ctx, const std::string& org, const std::string& key,
                    Part store::OrganisationState::*part) {
    return state_list(ctx, org, key, part, [](const auto& item) { return to_json(item); });
}

} // namespace cdcwb::http
