// The API's JSON: store records out, domain values in. Input readers name the offending field and
// say what is allowed; the rules themselves stay in the domain (the store applies them).
#pragma once

#include "domain/service_entry.hpp"
#include "http/json_io.hpp"
#include "store/store.hpp"

namespace cdcwb::http {

Json to_json(const store::OrganisationRecord& org);
Json to_json(const store::EntryRecord& entry, const domain::ServiceDirectory* directory);
Json to_json(const store::ActionRecord& action, const domain::ServiceDirectory& directory,
             domain::Date today);
Json to_json(const store::EventRecord& event);
Json to_json(const store::EvaluationRecord& evaluation, bool full);
Json to_json(const store::UserRecord& user);
Json to_json(const store::Membership& membership);
Json to_json(const store::TokenRecord& token);
Json to_json(const store::AuditRecord& record);
Json to_json(const store::EvidenceRecord& evidence);
Json to_json(const domain::CustomService& service);

/// A service entry from a request body. `service_id` comes from the path.
domain::Result<domain::ServiceEntry>
entry_from_json(const Json& json, const std::string& service_id, const std::string& prefix = {});
domain::Result<domain::Action> action_from_json(const Json& json, const std::string& action_id);
domain::Result<domain::CustomService> custom_service_from_json(const Json& json);
domain::Result<domain::TriggerEvent> event_from_json(const Json& json);
domain::Result<domain::Date> date_from(const std::optional<std::string>& text,
                                       const std::string& field, domain::Date fallback);

} // namespace cdcwb::http
