// Walking the whole API: every operation its OpenAPI document lists, who the document says may
// call it, and for each a request with real ids and a valid body, so that a caller who is
// wrongly let through would really change something (and the test would see it).
#pragma once

#include "api/api_fixture.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cdcwb::testing {

struct Operation {
    std::string method;  ///< "GET", "POST" …
    std::string pattern; ///< "/api/v1/orgs/{org}/services/{service}"
    std::string access;  ///< the document's x-cdcwb-access

    std::string name() const { return method + " " + pattern; }
    bool is_public() const { return access == "anyone"; }
    bool for_signed_in() const { return access == "any signed-in user"; }
    bool for_site_admins() const { return access == "site administrators"; }
    /// Decided by the caller's role in the {org} of the path.
    bool by_role() const;
    /// Whether a member with `role` (admin, assessor, approver, viewer) may call a by_role()
    /// operation, as the document says.
    bool allows(const std::string& role) const;
    bool reads() const { return method == "GET"; }
};

/// Every operation in an OpenAPI document, in its order.
std::vector<Operation> operations_of(const Json& openapi);

/// Real ids in one organisation, for the path parameters, and what valid writes need.
struct Ids {
    std::map<std::string, std::string, std::less<>> path; ///< {org}, {service}, {evaluation} …
    Json entry;                       ///< the {service}'s entry as GET returns it
    std::int64_t org_revision = 0;    ///< the organisation's revision
    std::int64_t action_revision = 0; ///< the {action}'s revision
    std::string password;             ///< the site administrator's, to make an API token
};

struct SampleRequest {
    std::string target;
    std::string body;
    Headers headers;
};

/// A request for `op` that succeeds for a caller allowed to make it.
SampleRequest sample_request(const Operation& op, const Ids& ids);

/// Orders operations so that reads come first and deletions last, the organisation's own
/// deletion the very last: a walk that makes every call then meets every id still there.
std::vector<Operation> walk_order(std::vector<Operation> operations);

/// An ApiTest that can walk every operation.
class WalkTest : public ApiTest {
  protected:
    /// The operations of the server's own OpenAPI document.
    std::vector<Operation> operations();
    /// Ids in `org` (an evidence file is uploaded and an evaluation and an action created
    /// when it has none); {user} is `member` (a member of `org`), {token} one of the site
    /// administrator's API tokens.
    Ids ids_in(const std::string& org, const std::string& member);
    HttpResponse send(const Caller& who, const Operation& op, const Ids& ids);
};

} // namespace cdcwb::testing
