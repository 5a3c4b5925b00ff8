// The work the API is for, end to end on a new organisation: scores, an evaluation and its
// approval, what changed since, trends, trigger events and what is due, improvement actions and
// their escalation, the live review, export, and evidence files.
#include "api/api_fixture.hpp"

#include <chrono>
#include <cstdio>
#include <map>

namespace cdcwb::testing {
namespace {

/// The UTC day `offset` days from now, as the API writes dates.
std::string utc_day(int offset = 0) {
    const std::chrono::year_month_day d{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
        std::chrono::days(offset)};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return text;
}

class FlowApi : public ApiTest {
  protected:
    /// A new organisation with the suite's assessor and approver.
    std::string new_org() {
        return create_org("flow", {{member("assessor").username, "assessor"},
                                   {member("approver").username, "approver"}});
    }

    /// Sets D-2 to insourced with these scores, as the assessor; returns the new entry.
    Json score_d2(const std::string& org, int as_is, int to_be) {
        const std::string d2 = "/api/v1/orgs/" + org + "/services/D-2";
        auto entry = json_of(get(member("assessor"), d2));
        entry["level"] = "basic";
        entry["assignment"] = "insource";
        entry["owner"] = "Security Operations";
        entry["insource"] = {{"as_is", as_is}, {"to_be", to_be}};
        const auto r = put(member("assessor"), d2, entry);
        EXPECT_TRUE(HasStatus(r, 200));
        return json_of(r);
    }
};

TEST_F(FlowApi, AnApprovedEvaluationIsTheBaselineForChangesAndTrends) {
    const std::string org = new_org();
    const std::string base = "/api/v1/orgs/" + org;
    const auto scored = score_d2(org, 2, 4);
    EXPECT_EQ(scored["insource"]["as_is"], "2");

    const auto run = post(member("assessor"), base + "/evaluations",
                          Json{{"date", "2026-01-15"}, {"note", "first"}});
    ASSERT_TRUE(HasStatus(run, 201));
    const auto evaluation = json_of(run);
    const std::string id = evaluation["id"];
    EXPECT_EQ(id, "2026-01-15");
    EXPECT_TRUE(evaluation["findings"].is_array());
    EXPECT_TRUE(evaluation["approved_by"].is_null());

    const auto approval = base + "/evaluations/" + id + "/approval";
    const auto approved = post(member("approver"), approval, Json::object());
    ASSERT_TRUE(HasStatus(approved, 200));
    EXPECT_EQ(json_of(approved)["approved_by"], member("approver").username);
    const auto before = fingerprint(org);
    EXPECT_TRUE(IsError(post(member("approver"), approval, Json::object()), 409, "conflict"));
    expect_unchanged(before, "a second approval", org);

    score_d2(org, 3, 4);
    const auto changes = get(member("viewer"), base + "/changes?from=" + id);
    ASSERT_TRUE(IsError(changes, 404, "not_found", "org")) << "the viewer is not a member here";
    const auto changed = get(member("assessor"), base + "/changes?from=" + id);
    ASSERT_TRUE(HasStatus(changed, 200));
    bool d2_as_is = false;
    const auto change_list = json_of(changed)["changes"];
    for (const auto& c : change_list)
        d2_as_is = d2_as_is || (c["service"] == "D-2" && c["before"] == "2" && c["after"] == "3");
    EXPECT_TRUE(d2_as_is) << changed.body;
    EXPECT_TRUE(IsError(get(member("assessor"), base + "/changes"), 400, "invalid_input", "from"));
    EXPECT_TRUE(IsError(get(member("assessor"), base + "/changes?from=1999-01-01"), 404,
                        "not_found", "from"));

    ASSERT_TRUE(HasStatus(post(member("assessor"), base + "/evaluations",
                               Json{{"date", "2026-02-15"}, {"kinds", {"portfolio"}}}),
                          201));
    const auto trends = get(member("approver"), base + "/trends");
    ASSERT_TRUE(HasStatus(trends, 200));
    const auto all = json_of(trends)["trends"];
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(all[0]["points"].size(), 2u) << trends.body;
    EXPECT_EQ(all[0]["points"][0]["evaluation"], id);
}

TEST_F(FlowApi, WithSeparateDutiesTheRecorderCannotApproveAndApprovalsAreDatedToday) {
    const std::string org = new_org();
    const std::string base = "/api/v1/orgs/" + org;
    const auto settings = json_of(get(admin(), base));
    EXPECT_EQ(settings["separate_approver"], false) << "off unless the organisation asks for it";
    EXPECT_TRUE(
        IsError(call(admin(), "PATCH", base,
                     Json{{"separate_approver", "yes"}, {"revision", settings["revision"]}}.dump()),
                400, "invalid_input", "separate_approver"));
    const auto changed =
        call(admin(), "PATCH", base,
             Json{{"separate_approver", true}, {"revision", settings["revision"]}}.dump());
    ASSERT_TRUE(HasStatus(changed, 200));
    EXPECT_EQ(json_of(changed)["separate_approver"], true);

    const auto run = post(admin(), base + "/evaluations", Json{{"date", "2026-01-15"}});
    ASSERT_TRUE(HasStatus(run, 201));
    const std::string id = json_of(run)["id"];
    const auto approval = base + "/evaluations/" + id + "/approval";
    const auto before = fingerprint(org);
    EXPECT_TRUE(IsError(post(admin(), approval, Json::object()), 403, "forbidden", "approved_by"))
        << "the admin recorded it, so the admin may not approve it";
    EXPECT_TRUE(IsError(post(member("approver"), approval, Json{{"date", "2999-01-01"}}), 400,
                        "invalid_input", "date"))
        << "an approval is dated the day it is given";
    EXPECT_TRUE(IsError(post(member("approver"), approval, Json{{"date", "2026-01-20"}}), 400,
                        "invalid_input", "date"));
    expect_unchanged(before, "a refused approval", org);

    const auto approved = post(member("approver"), approval, Json::object());
    ASSERT_TRUE(HasStatus(approved, 200));
    EXPECT_EQ(json_of(approved)["approved_on"], utc_day());

    const auto future =
        post(admin(), base + "/evaluations", Json{{"date", utc_day(2)}, {"id", "planned"}});
    ASSERT_TRUE(HasStatus(future, 201));
    EXPECT_TRUE(
        IsError(post(member("approver"), base + "/evaluations/planned/approval", Json::object()),
                400, "invalid_input", "approved_on"))
        << "an evaluation dated later cannot be approved before that day";
}

TEST_F(FlowApi, ATriggerEventMakesAnEvaluationDue) {
    const std::string org = new_org();
    const std::string base = "/api/v1/orgs/" + org;
    score_d2(org, 2, 4);
    ASSERT_TRUE(HasStatus(
        post(member("assessor"), base + "/evaluations", Json{{"date", "2026-01-15"}}), 201));
    const auto quiet = get(member("approver"), base + "/due?date=2026-02-01");
    ASSERT_TRUE(HasStatus(quiet, 200));
    EXPECT_TRUE(json_of(quiet)["due"].empty()) << quiet.body;

    const auto event =
        post(member("assessor"), base + "/events",
             Json{{"date", "2026-01-20"}, {"kind", "new_threat"}, {"note", "ransomware wave"}});

    ASSERT_TRUE(HasStatus(event, 201));
    EXPECT_EQ(json_of(event)["kind"], "new_threat");
    const auto events = get(member("approver"), base + "/events");
    EXPECT_EQ(json_of(events)["events"].size(), 1u);
    const auto due = get(member("approver"), base + "/due?date=2026-02-01");
    ASSERT_TRUE(HasStatus(due, 200));
    const auto list = json_of(due)["due"];
    ASSERT_FALSE(list.empty()) << due.body;
    EXPECT_EQ(list[0]["events"][0]["note"], "ransomware wave");
    EXPECT_TRUE(IsError(post(member("assessor"), base + "/events",
                             Json{{"date", "2026-01-20"}, {"kind", "meteor"}}),
                        400, "invalid_input", "kind"));
    EXPECT_TRUE(
        IsError(get(member("approver"), base + "/due?date=soon"), 400, "invalid_input", "date"));
}

TEST_F(FlowApi, AShortCycleActionEscalatesOnceThenConflicts) {
    const std::string org = new_org();
    const std::string base = "/api/v1/orgs/" + org;

    const auto created =
        post(member("assessor"), base + "/actions",
             Json{{"title", "Hire a second analyst"}, {"services", {"D-2"}}, {"cycle", "short"}});

    ASSERT_TRUE(HasStatus(created, 201));
    const auto action = json_of(created);
    const std::string id = action["id"];
    EXPECT_EQ(id, "A-1");
    EXPECT_EQ(action["cycle"], "short");
    EXPECT_EQ(created.header("etag"), "\"" + std::to_string(action["revision"].get<int>()) + "\"");
    const std::string escalation = base + "/actions/" + id + "/escalation";
    const auto escalated = post(member("assessor"), escalation,
                                Json{{"note", "needs budget"}, {"revision", action["revision"]}});
    ASSERT_TRUE(HasStatus(escalated, 200));
    const auto now = json_of(escalated);
    EXPECT_EQ(now["cycle"], "long");
    EXPECT_EQ(now["revision"], action["revision"].get<int>() + 1);
    const auto before = fingerprint(org);

    const auto again = post(member("assessor"), escalation,
                            Json{{"note", "once more"}, {"revision", now["revision"]}});
    const auto stale = post(member("assessor"), escalation,
                            Json{{"note", "stale"}, {"revision", action["revision"]}});

    EXPECT_TRUE(IsError(again, 409, "conflict", "cycle"));
    EXPECT_TRUE(IsError(stale, 409, "conflict"));
    EXPECT_TRUE(IsError(post(member("approver"), escalation, Json{{"revision", now["revision"]}}),
                        403, "forbidden", "org"));
    EXPECT_TRUE(
        IsError(post(member("assessor"), base + "/actions/A-99/escalation", Json{{"revision", 1}}),
                404, "not_found"));
    expect_unchanged(before, "refused escalations", org);
}

TEST_F(FlowApi, AStaleActionRevisionIs409AndChangesNothing) {
    const std::string org = new_org();
    const std::string actions = "/api/v1/orgs/" + org + "/actions";
    const auto created = post(member("assessor"), actions,
                              Json{{"title", "Write the runbook"}, {"services", {"D-2"}}});
    ASSERT_TRUE(HasStatus(created, 201));
    const auto action = json_of(created);
    auto edit = action;
    edit["title"] = "Write the runbook, version 2";
    ASSERT_TRUE(HasStatus(put(member("assessor"), actions + "/A-1", edit), 200));
    const auto before = fingerprint(org);

    edit["title"] = "The lost update";
    const auto stale_put = put(member("assessor"), actions + "/A-1", edit);
    const auto stale_delete =
        call(member("assessor"), "DELETE", actions + "/A-1", {},
             {{"If-Match", "\"" + std::to_string(action["revision"].get<int>()) + "\""}});
    const auto no_revision = call(member("assessor"), "DELETE", actions + "/A-1");

    EXPECT_TRUE(IsError(stale_put, 409, "conflict", "revision"));
    EXPECT_TRUE(IsError(stale_delete, 409, "conflict", "revision"));
    EXPECT_TRUE(IsError(no_revision, 400, "invalid_input", "revision"));
    expect_unchanged(before, "stale action writes", org);
}

TEST_F(FlowApi, AStaleActionRevisionAnswersTheCurrentAction) {
    const std::string org = new_org();
    const std::string actions = "/api/v1/orgs/" + org + "/actions";
    auto action = json_of(post(member("assessor"), actions,
                               Json{{"title", "Write the runbook"}, {"services", {"D-2"}}}));
    auto edit = action;
    edit["title"] = "Version 2";
    ASSERT_TRUE(HasStatus(put(member("assessor"), actions + "/A-1", edit), 200));

    const auto r = put(member("assessor"), actions + "/A-1", action);

    ASSERT_TRUE(IsError(r, 409, "conflict", "revision"));
    EXPECT_EQ(json_of(r)["current"]["title"], "Version 2");
}

TEST_F(FlowApi, AnActionsEtagIsItsQuotedRevision) {
    const std::string org = new_org();
    const std::string actions = "/api/v1/orgs/" + org + "/actions";
    ASSERT_TRUE(HasStatus(
        post(member("assessor"), actions, Json{{"title", "Runbook"}, {"services", {"D-2"}}}), 201));

    const auto r = get(member("assessor"), actions + "/A-1");

    ASSERT_TRUE(HasStatus(r, 200));
    EXPECT_EQ(r.header("etag"), "\"" + std::to_string(json_of(r)["revision"].get<int>()) + "\"");
}

TEST_F(FlowApi, TheReviewShowsScoresAndFindings) {
    const std::string org = new_org();
    score_d2(org, 2, 5);

    const auto r = get(member("approver"), "/api/v1/orgs/" + org + "/review?date=2026-03-01");

    ASSERT_TRUE(HasStatus(r, 200));
    const auto review = json_of(r);
    EXPECT_EQ(review["format"], "cdcwb/v1");
    EXPECT_EQ(review["organisation"]["id"], org);
    EXPECT_EQ(review["date"], "2026-03-01");
    EXPECT_TRUE(review["scores"]["overall"].is_object()) << review["scores"].dump();
    EXPECT_FALSE(review["findings"].empty());
    bool d2 = false;
    for (const auto& s : review["services"])
        if (s["id"] == "D-2") {
            d2 = true;
            EXPECT_EQ(s["score_state"], "scored");
            EXPECT_EQ(s["as_is"], 2);
            EXPECT_EQ(s["to_be"], 5);
            EXPECT_EQ(s["gap"], 3);
        }
    EXPECT_TRUE(d2);
    EXPECT_TRUE(IsError(get(member("approver"), "/api/v1/orgs/" + org + "/review?date=03/01"), 400,
                        "invalid_input", "date"));
}

TEST_F(FlowApi, AnEntrySaysWhatTheDomainDecidedAboutIt) {
    const std::string org = new_org();
    const std::string d2 = "/api/v1/orgs/" + org + "/services/D-2";
    auto entry = json_of(get(member("assessor"), d2));
    entry["level"] = "basic";
    entry["assignment"] = "both";
    entry["owner"] = "";
    entry["provider"] = "";
    entry["insource"] = {{"as_is", 2}, {"to_be", 5}};
    entry["outsource"] = {{"as_is", 3}, {"to_be", nullptr}};

    const auto written = put(member("assessor"), d2, entry);

    ASSERT_TRUE(HasStatus(written, 200));
    for (const Json& e : {json_of(written), json_of(get(member("assessor"), d2))}) {
        EXPECT_EQ(e["in_catalogue"], true);
        EXPECT_EQ(e["scored"], false); // the outsource to-be is missing
        EXPECT_EQ(e["score_pairs"], Json::array({"insource", "outsource"}));
        EXPECT_EQ(e["gaps"],
                  (Json{{"insource", 3}, {"outsource", nullptr}, {"unassigned", nullptr}}));
        EXPECT_EQ(e["gap"], nullptr);
        // The profile evaluation's findings for the row, in its order.
        Json issues =
            e["quadrant_mismatch"].is_null() ? Json::array() : Json::array({"quadrant_mismatch"});
        issues.push_back("missing_owner");
        issues.push_back("missing_provider");
        EXPECT_EQ(e["profile_issues"], issues);
    }

    entry = json_of(written);
    entry["outsource"] = {{"as_is", 3}, {"to_be", 4}};
    entry["owner"] = "SOC";
    entry["provider"] = "MSSP";
    const auto scored = json_of(put(member("assessor"), d2, entry));
    EXPECT_EQ(scored["scored"], true);
    EXPECT_EQ(scored["gap"], 2); // the lower of both rubrics: 2 → 4
    EXPECT_EQ(scored["profile_issues"], scored["quadrant_mismatch"].is_null()
                                            ? Json::array()
                                            : Json::array({"quadrant_mismatch"}));

    entry = scored;
    entry["level"] = "not_required";
    entry["assignment"] = "unassigned";
    entry["insource"] = {{"as_is", nullptr}, {"to_be", nullptr}};
    entry["outsource"] = {{"as_is", nullptr}, {"to_be", nullptr}};
    entry["unassigned"] = {{"as_is", nullptr}, {"to_be", 3}};
    const auto outside = json_of(put(member("assessor"), d2, entry));
    EXPECT_EQ(outside["in_catalogue"], false);
    EXPECT_EQ(outside["score_pairs"], Json::array({"unassigned"}));
    EXPECT_EQ(outside["gaps"]["unassigned"], 2);         // as-is counts as 1
    EXPECT_EQ(outside["profile_issues"], Json::array()); // outside the catalogue: not evaluated
    const auto review = json_of(get(member("approver"), "/api/v1/orgs/" + org + "/review"));
    for (const auto& s : review["services"])
        if (s["id"] == "D-2") {
            EXPECT_EQ(s["in_catalogue"], false);
        }
}

TEST_F(FlowApi, AnActionSaysWhetherItIsOpenAndOverdueAsOfTheServersToday) {
    const std::string org = new_org();
    const std::string actions = "/api/v1/orgs/" + org + "/actions";
    const auto make = [&](const std::string& title, const std::string& due,
                          const std::string& status) {
        const auto r =
            post(member("assessor"), actions,
                 Json{{"title", title}, {"services", {"D-2"}}, {"due", due}, {"status", status}});
        EXPECT_TRUE(HasStatus(r, 201)) << title;
        return json_of(r);
    };

    const auto late = make("late", "2000-01-01", "in_progress");
    const auto later = make("later", "2999-12-31", "open");
    const auto done = make("done", "2000-01-01", "done");

    EXPECT_EQ(late["open"], true);
    EXPECT_EQ(late["overdue"], true);
    EXPECT_EQ(later["open"], true);
    EXPECT_EQ(later["overdue"], false);
    EXPECT_EQ(done["open"], false);
    EXPECT_EQ(done["overdue"], false);
    EXPECT_EQ(later["can_escalate"], true) << "open and in the short cycle";
    EXPECT_EQ(done["can_escalate"], false) << "done";
    const auto escalated =
        post(member("assessor"), actions + "/" + later["id"].get<std::string>() + "/escalation",
             Json{{"note", "needs budget"}, {"revision", later["revision"]}});
    ASSERT_TRUE(HasStatus(escalated, 200));
    EXPECT_EQ(json_of(escalated)["can_escalate"], false) << "already in the long cycle";
    std::map<std::string, std::pair<bool, bool>> listed;
    const auto list = json_of(get(member("approver"), actions));
    for (const auto& a : list["actions"])
        listed[a["title"].get<std::string>()] = {a["open"].get<bool>(), a["overdue"].get<bool>()};
    EXPECT_EQ(listed,
              (std::map<std::string, std::pair<bool, bool>>{
                  {"late", {true, true}}, {"later", {true, false}}, {"done", {false, false}}}));
}

TEST_F(FlowApi, DraftActionsComeInBothLanguagesWithTheFiguresOfTheirFinding) {
    const std::string org = new_org();
    score_d2(org, 1, 5);

    const auto drafts = json_of(get(member("assessor"), "/api/v1/orgs/" + org + "/action-drafts"));
    const auto review = json_of(get(member("approver"), "/api/v1/orgs/" + org + "/review"));

    for (const Json& list : {drafts["drafts"], review["draft_actions"]}) {
        ASSERT_FALSE(list.empty());
        const Json* gap = nullptr;
        for (const auto& d : list) {
            EXPECT_EQ(d["texts"]["title"]["en"], d["title"]);
            EXPECT_EQ(d["texts"]["resources"]["en"], d["resources"]);
            EXPECT_FALSE(d["texts"]["title"]["ja"].get<std::string>().empty()) << d.dump();
            EXPECT_EQ(d["parameters"]["code"], d["finding"]);
            EXPECT_EQ(d["parameters"]["service"], d["services"][0]);
            EXPECT_EQ(d["open"], true);
            if (d["finding"] == "gap" && d["services"][0] == "D-2") gap = &d;
        }
        ASSERT_NE(gap, nullptr) << list.dump();
        EXPECT_EQ((*gap)["parameters"], (Json{{"code", "gap"},
                                              {"service", "D-2"},
                                              {"from", 1},
                                              {"to", 5},
                                              {"quadrant", nullptr}}));
        const std::string ja = (*gap)["texts"]["title"]["ja"];
        EXPECT_NE(ja.find("D-2"), std::string::npos) << ja;
        EXPECT_NE(ja.find("1 から 5"), std::string::npos) << ja;
    }
}

TEST_F(FlowApi, TheExportIsACdcwbV1YamlFile) {
    const std::string org = new_org();
    score_d2(org, 2, 4);

    const auto r = get(member("approver"), "/api/v1/orgs/" + org + "/export");

    ASSERT_TRUE(HasStatus(r, 200));
    EXPECT_EQ(r.header("content-type").rfind("application/yaml", 0), 0u)
        << r.header("content-type");
    EXPECT_NE(r.header("content-disposition").find(org + ".yaml"), std::string::npos);
    EXPECT_NE(r.body.find("cdcwb/v1"), std::string::npos) << r.body.substr(0, 300);
    EXPECT_NE(r.body.find("Security Operations"), std::string::npos);
    EXPECT_FALSE(r.body.empty() || r.body.front() == '{') << "YAML, not JSON";
}

TEST_F(FlowApi, AnUploadedEvidenceFileDownloadsAsTheSameBytes) {
    const std::string org = new_org();
    const std::string base = "/api/v1/orgs/" + org;
    const std::string png = tiny_png();

    const auto uploaded = call(member("assessor"), "POST", base + "/evidence?filename=matrix.png",
                               png, {{"Content-Type", "image/png"}});

    ASSERT_TRUE(HasStatus(uploaded, 201));
    const auto record = json_of(uploaded);
    EXPECT_EQ(record["media_type"], "image/png");
    EXPECT_EQ(record["filename"], "matrix.png");
    EXPECT_EQ(record["size"], png.size());
    const std::string sha = record["sha256"];
    EXPECT_EQ(record["reference"], "evidence:sha256:" + sha);
    const auto downloaded = get(member("approver"), base + "/evidence/" + sha);
    ASSERT_TRUE(HasStatus(downloaded, 200));
    EXPECT_EQ(downloaded.header("content-type"), "image/png");
    EXPECT_EQ(downloaded.body, png);
    EXPECT_NE(downloaded.header("content-disposition").find("matrix.png"), std::string::npos);
    const auto listed = get(member("approver"), base + "/evidence");
    EXPECT_EQ(json_of(listed)["evidence"].size(), 1u);

    auto entry = json_of(get(member("assessor"), base + "/services/D-2"));
    entry["evidence"] = {record["reference"]};
    EXPECT_TRUE(HasStatus(put(member("assessor"), base + "/services/D-2", entry), 200))
        << "an entry may cite the uploaded file";
}

TEST_F(FlowApi, EvidenceBelongsToItsOrganisationOnly) {
    const std::string theirs = new_org();
    const auto uploaded =
        call(member("assessor"), "POST", "/api/v1/orgs/" + theirs + "/evidence?filename=theirs.png",
             tiny_png(), {{"Content-Type", "image/png"}});
    ASSERT_TRUE(HasStatus(uploaded, 201));
    const auto record = json_of(uploaded);
    const std::string ours = "/api/v1/orgs/" + std::string(kOrg);
    auto entry = json_of(get(admin(), ours + "/services/D-2"));
    entry["evidence"] = {record["reference"]};
    const auto before = fingerprint();

    const auto download = get(admin(), ours + "/evidence/" + record["sha256"].get<std::string>());
    const auto cited = put(admin(), ours + "/services/D-2", entry);

    EXPECT_TRUE(IsError(download, 404, "not_found", "sha256"));
    EXPECT_TRUE(IsError(cited, 400, "invalid_input", "services.D-2.evidence[0]"));
    expect_unchanged(before, "citing another organisation's evidence");
}

TEST_F(FlowApi, EvidenceDeclaredAsTheWrongTypeIs400OnMediaType) {
    const std::string org = new_org();
    const std::string base = "/api/v1/orgs/" + org;
    const auto before = fingerprint(org);

    const auto as_jpeg = call(member("assessor"), "POST", base + "/evidence?filename=x.jpg",
                              tiny_png(), {{"Content-Type", "image/jpeg"}});
    const auto as_pdf = call(member("assessor"), "POST", base + "/evidence?filename=x.pdf",
                             tiny_png(), {{"Content-Type", "application/pdf"}});
    const auto unaccepted = call(member("assessor"), "POST", base + "/evidence?filename=x.exe",
                                 "MZ\x90", {{"Content-Type", "application/x-msdownload"}});

    EXPECT_TRUE(IsError(as_jpeg, 400, "invalid_input", "media_type"));
    EXPECT_TRUE(IsError(as_pdf, 400, "invalid_input", "media_type"));
    EXPECT_TRUE(IsError(unaccepted, 400, "invalid_input", "media_type"));
    expect_unchanged(before, "evidence of the wrong type", org);
    EXPECT_TRUE(json_of(get(admin(), base + "/evidence"))["evidence"].empty());
}

TEST_F(FlowApi, EvidenceOver10MiBIs413BeforeItIsRead) {
    const std::string org = new_org();
    const auto before = fingerprint(org);

    const auto r =
        call(member("assessor"), "POST", "/api/v1/orgs/" + org + "/evidence?filename=huge.txt",
             std::string(10 * 1024 * 1024 + 1, 'a'), {{"Content-Type", "text/plain"}});

    EXPECT_TRUE(IsError(r, 413, "payload_too_large"));
    expect_unchanged(before, "an evidence file over 10 MiB", org);
}

TEST_F(FlowApi, EvidenceWithoutAFilenameOrContentIs400) {
    const std::string org = new_org();
    const std::string base = "/api/v1/orgs/" + org;
    const auto before = fingerprint(org);

    EXPECT_TRUE(IsError(call(member("assessor"), "POST", base + "/evidence", tiny_png(),
                             {{"Content-Type", "image/png"}}),
                        400, "invalid_input", "filename"));
    EXPECT_TRUE(IsError(call(member("assessor"), "POST", base + "/evidence?filename=..%2Fx.png",
                             tiny_png(), {{"Content-Type", "image/png"}}),
                        400, "invalid_input", "filename"));
    EXPECT_TRUE(IsError(call(member("assessor"), "POST", base + "/evidence?filename=empty.png", "",
                             {{"Content-Type", "image/png"}}),
                        400, "invalid_input", "content"));
    EXPECT_TRUE(IsError(get(admin(), base + "/evidence/" + std::string(64, '0')), 404, "not_found",
                        "sha256"));
    expect_unchanged(before, "incomplete uploads", org);
}

} // namespace
} // namespace cdcwb::testing
