#include "api/operations.hpp"

#include <algorithm>
#include <stdexcept>

namespace cdcwb::testing {

namespace {

std::string uppercase(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

Json must_be(const HttpResponse& r, int status, const std::string& what) {
    if (r.status != status)
        throw std::runtime_error(what + ": status " + std::to_string(r.status) + " " + r.body);
    return json_of(r);
}

} // namespace

bool Operation::by_role() const {
    return access.rfind("members of the organisation", 0) == 0 ||
           access.rfind("the organisation's", 0) == 0;
}

bool Operation::allows(const std::string& role) const {
    if (access == "members of the organisation (any role)") return true;
    if (access == "the organisation's admins and assessors")
        return role == "admin" || role == "assessor";
    if (access == "the organisation's admins and approvers")
        return role == "admin" || role == "approver";
    if (access == "the organisation's admins") return role == "admin";
    throw std::runtime_error("unknown access '" + access + "' on " + name());
}

std::vector<Operation> operations_of(const Json& openapi) {
    std::vector<Operation> out;
    for (const auto& [path, item] : openapi.at("paths").items())
        for (const auto& [method, operation] : item.items())
            out.push_back(
                {uppercase(method), path, operation.at("x-cdcwb-access").get<std::string>()});
    return out;
}

std::vector<Operation> walk_order(std::vector<Operation> operations) {
    const auto rank = [](const Operation& op) {
        if (op.method == "GET") return 0;
        if (op.method != "DELETE") return 1;
        if (op.pattern == "/api/v1/orgs/{org}") return 3;
        return 2;
    };
    std::stable_sort(operations.begin(), operations.end(),
                     [&](const Operation& a, const Operation& b) { return rank(a) < rank(b); });
    return operations;
}

SampleRequest sample_request(const Operation& op, const Ids& ids) {
    SampleRequest r;
    r.target = fill_path(op.pattern, ids.path);
    const auto& m = op.method;
    const auto& p = op.pattern;
    Json body;
    if (m == "POST" && p == "/api/v1/session") {
        body = Json::object(); // refused as incomplete: no sign-in, no failure counted
    } else if (m == "POST" && p == "/api/v1/tokens") {
        body = {{"name", "walk"}, {"scope", "read"}, {"password", ids.password}};
    } else if (m == "PATCH" && p == "/api/v1/me") {
        body = {{"lang", "ja"}};
    } else if (m == "POST" && p == "/api/v1/users") {
        body = {{"username", "walk-user"}, {"password", "walk-password-long-enough"}};
    } else if (m == "PATCH" && p == "/api/v1/users/{user}") {
        body = {{"disabled", true}};
    } else if (m == "POST" && p == "/api/v1/orgs") {
        body = {{"id", "walk-org"}, {"name", "Walk"}, {"template", "small-company"}};
    } else if (m == "PATCH" && p == "/api/v1/orgs/{org}") {
        body = {{"name", "Renamed by a walk"}, {"revision", ids.org_revision}};
    } else if (m == "PUT" && p == "/api/v1/orgs/{org}/members/{user}") {
        body = {{"role", "admin"}};
    } else if (m == "PUT" && p == "/api/v1/orgs/{org}/services/{service}") {
        body = ids.entry;
        body["rationale"] = "changed by a walk";
    } else if (m == "PATCH" && p == "/api/v1/orgs/{org}/services") {
        Json entry = ids.entry;
        entry["rationale"] = "changed by a walk";
        body = {{"services", Json::array({entry})}};
    } else if (m == "POST" && p == "/api/v1/orgs/{org}/custom-services") {
        body = {{"id", "WALK-1"},
                {"category", "A"},
                {"name", {{"en", "Walk service"}, {"ja", "ウォーク"}}},
                {"description", {{"en", "Added by a walk"}, {"ja", "ウォーク"}}}};
    } else if (m == "POST" && p == "/api/v1/orgs/{org}/evidence") {
        r.target += "?filename=walk.png";
        r.body = tiny_png() + "walk"; // another file than the one already there
        r.headers.emplace_back("Content-Type", "image/png");
        return r;
    } else if (m == "POST" && p == "/api/v1/orgs/{org}/evaluations") {
        body = {{"note", "run by a walk"}};
    } else if (m == "POST" && p == "/api/v1/orgs/{org}/events") {
        body = {{"date", "2026-01-10"}, {"kind", "new_threat"}, {"note", "walk"}};
    } else if (m == "POST" && p == "/api/v1/orgs/{org}/actions") {
        body = {{"title", "Walk action"}, {"services", {"D-2"}}};
    } else if (m == "PUT" && p == "/api/v1/orgs/{org}/actions/{action}") {
        body = {{"title", "Renamed by a walk"},
                {"services", {"D-2"}},
                {"revision", ids.action_revision}};
    } else if (m == "POST" && p == "/api/v1/orgs/{org}/actions/{action}/escalation") {
        body = {{"note", "walk"}, {"revision", ids.action_revision}};
    } else if (m == "DELETE" && p == "/api/v1/orgs/{org}/actions/{action}") {
        r.headers.emplace_back("If-Match", "\"" + std::to_string(ids.action_revision) + "\"");
    } else if (m == "GET" && p == "/api/v1/orgs/{org}/changes") {
        r.target += "?from=" + ids.path.at("evaluation");
    } else if (m != "GET" && m != "DELETE") {
        body = Json::object();
    }
    if (!body.is_null()) {
        r.body = body.dump();
        r.headers.emplace_back("Content-Type", "application/json");
    }
    return r;
}

std::vector<Operation> WalkTest::operations() {
    const auto r = get({}, "/api/v1/openapi.json");
    return operations_of(must_be(r, 200, "GET /api/v1/openapi.json"));
}

Ids WalkTest::ids_in(const std::string& org, const std::string& member) {
    const std::string base = "/api/v1/orgs/" + org;
    Ids ids;
    ids.org_revision = must_be(get(admin(), base), 200, "organisation").at("revision");
    ids.entry = must_be(get(admin(), base + "/services/D-2"), 200, "service D-2");

    auto evaluations = must_be(get(admin(), base + "/evaluations"), 200, "evaluations");
    if (evaluations.at("evaluations").empty()) {
        must_be(post(admin(), base + "/evaluations", Json::object()), 201, "run an evaluation");
        evaluations = must_be(get(admin(), base + "/evaluations"), 200, "evaluations");
    }
    auto actions = must_be(get(admin(), base + "/actions"), 200, "actions");
    if (actions.at("actions").empty()) {
        must_be(post(admin(), base + "/actions", Json{{"title", "First"}, {"services", {"D-2"}}}),
                201, "create an action");
        actions = must_be(get(admin(), base + "/actions"), 200, "actions");
    }
    auto evidence = must_be(get(admin(), base + "/evidence"), 200, "evidence");
    if (evidence.at("evidence").empty()) {
        must_be(call(admin(), "POST", base + "/evidence?filename=first.png", tiny_png(),
                     {{"Content-Type", "image/png"}}),
                201, "upload evidence");
        evidence = must_be(get(admin(), base + "/evidence"), 200, "evidence");
    }
    const auto token = must_be(post(admin(), "/api/v1/tokens",
                                    Json{{"name", "walk"},
                                         {"scope", "read_write"},
                                         {"password", password_for(std::string(kAdmin))}}),
                               201, "create an API token");
    // A session of the administrator's own for the walk to end ({session}).
    const Caller spare = sign_in(std::string(kAdmin), password_for(std::string(kAdmin)));
    const Json spare_sessions =
        must_be(get(spare, "/api/v1/me/sessions"), 200, "sessions").at("sessions");
    std::string spare_id;
    for (const auto& s : spare_sessions)
        if (s.at("current").get<bool>()) spare_id = s.at("id");

    const auto& action = actions.at("actions").front();
    ids.action_revision = action.at("revision");
    ids.password = password_for(std::string(kAdmin));
    ids.path = {{"org", org},
                {"service", "D-2"},
                {"evaluation", evaluations.at("evaluations").back().at("id")},
                {"action", action.at("id")},
                {"sha256", evidence.at("evidence").front().at("sha256")},
                {"user", member},
                {"token", std::to_string(token.at("id").get<long long>())},
                {"session", spare_id},
                {"catalog", "x1060-2021"},
                {"template", "small-company"},
                {"crosswalk", "crosswalk-x1060-first"}};
    return ids;
}

HttpResponse WalkTest::send(const Caller& who, const Operation& op, const Ids& ids) {
    const auto r = sample_request(op, ids);
    return call(who, op.method, r.target, r.body, r.headers);
}

} // namespace cdcwb::testing
