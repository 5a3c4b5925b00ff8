#include "targets.hpp"

#include "catalogue/library.hpp"
#include "http/json_io.hpp"
#include "http/json_mapping.hpp"
#include "http/request_head.hpp"
#include "report/assessment_file.hpp"

#include <cstdio>
#include <cstdlib>

namespace cdcwb::fuzz {

namespace {

/// A property that must hold for every input: stops the run (a crash libFuzzer keeps, a failed
/// test in the regression suite) when it does not.
void expect(bool holds, const char* what) {
    if (holds) return;
    std::fprintf(stderr, "fuzz property broken: %s\n", what);
    std::abort();
}

const catalogue::Library& library() {
    static const catalogue::LoadResult loaded = catalogue::load_library();
    return loaded.library;
}

template <class T> void decodes_or_refuses(const domain::Result<T>& result) {
    if (!result)
        expect(result.error().code == domain::ErrorCode::invalid_input,
               "a decoder refused a JSON body with an error other than invalid_input");
}

} // namespace

void json_body(std::string_view input) {
    http::Request request;
    request.headers["content-type"] = "application/json";
    request.body = std::string(input);
    const auto body = http::parse_body(request);
    if (!body) {
        expect(body.error().code == domain::ErrorCode::invalid_input,
               "parse_body refused a body with an error other than invalid_input");
        expect(!http::error_response(body.error()).body.empty(), "an error answer has no body");
        return;
    }
    const http::Json& json = *body;
    const auto today = *domain::Date::parse("2026-01-15");
    decodes_or_refuses(http::entry_from_json(json, "A-1"));
    decodes_or_refuses(http::account_change_from_json(json, http::AccountChangeBy::site_admin));
    decodes_or_refuses(http::account_change_from_json(json, http::AccountChangeBy::self));
    decodes_or_refuses(http::new_organisation_from_json(json));
    decodes_or_refuses(http::new_user_from_json(json));
    decodes_or_refuses(http::role_from_json(json));
    decodes_or_refuses(http::new_token_from_json(json));
    decodes_or_refuses(http::credentials_from_json(json));
    decodes_or_refuses(http::password_change_from_json(json));
    decodes_or_refuses(http::settings_from_json(json));
    decodes_or_refuses(http::entry_updates_from_json(json));
    decodes_or_refuses(http::escalation_from_json(json, today));
    decodes_or_refuses(http::new_evaluation_from_json(json, today));
    decodes_or_refuses(http::approval_from_json(json));
    decodes_or_refuses(http::action_from_json(json, "ACT-1"));
    decodes_or_refuses(http::custom_service_from_json(json));
    decodes_or_refuses(http::event_from_json(json));
    // What parsed is written back out as an answer would be.
    expect(!http::json_response(json).body.empty(), "a parsed body writes as nothing");
}

void assessment_file(std::string_view input) {
    const auto read = report::read_assessment("fuzz.yaml", input, library());
    if (!read.assessment) {
        expect(!read.problems.empty(), "an assessment file was refused without a problem");
        return;
    }
    // What reads must write and read back to the same text.
    const auto& a = *read.assessment;
    const auto* loaded = library().catalogue(a.catalogue_id);
    expect(loaded != nullptr, "an assessment read on a catalogue that is not loaded");
    auto directory = domain::ServiceDirectory::build(loaded->catalogue, a.custom_services);
    expect(directory.ok(), "an assessment read whose custom services do not build a directory");
    const std::string written = report::write_assessment(a, *directory);
    const auto again = report::read_assessment("fuzz.yaml", written, library());
    if (!again.assessment) {
        for (const auto& p : again.problems)
            std::fprintf(stderr, "%s: %s\n", p.field.c_str(), p.message.c_str());
        std::fprintf(stderr, "--- written:\n%s\n", written.c_str());
    }
    expect(again.assessment.has_value(), "an assessment as written does not read back");
    expect(report::write_assessment(*again.assessment, *directory) == written,
           "an assessment read back writes a different text");
}

void catalogue_file(std::string_view input) {
    catalogue::Library added;
    const auto problems = added.add_file("fuzz.yaml", input, false);
    const bool took =
        !added.catalogues().empty() || !added.crosswalks().empty() || !added.templates().empty();
    expect(took == problems.empty(),
           "a catalogue file was refused without a problem, or taken with one");
    catalogue::Library all = library();
    all.merge(std::move(added));
    (void)all.check_references();
}

void http_request(std::string_view input) {
    http::RequestLimits limits;
    limits.header_limit = 2048;
    limits.body_limit = 4096;
    limits.peer = "127.0.0.1";
    for (const char* proxy : {"127.0.0.0/8", "::1", "10.0.0.0/8", "fd00::/8"})
        limits.trusted_proxies.push_back(*http::parse_address_range(proxy, "proxy"));
    const auto request = http::parse_request(input, limits);
    if (!request) {
        const auto code = request.error().code;
        expect(code == domain::ErrorCode::bad_request ||
                   code == domain::ErrorCode::headers_too_large ||
                   code == domain::ErrorCode::payload_too_large,
               "a request was refused with an error other than 400, 413 or 431");
        return;
    }
    expect(request->body.size() <= limits.body_limit, "a body over the limit was read");
    expect(!request->remote_address.empty(), "a request has no client address");
    // What the handlers read of a request next.
    (void)request->cookie("cdcwb_session");
    (void)http::parse_optional_body(*request);
    (void)http::etag_matches(request->header("if-none-match"), "\"0123\"");
}

void cookie(std::string_view input) {
    const auto newline = input.find('\n');
    const std::string name(newline == std::string_view::npos ? "cdcwb_session"
                                                             : input.substr(0, newline));
    http::Request request;
    request.headers["cookie"] =
        std::string(newline == std::string_view::npos ? input : input.substr(newline + 1));
    const std::string value = request.cookie(name);
    expect(request.headers["cookie"].find(value) != std::string::npos,
           "a cookie's value is not part of the header");
}

void query_string(std::string_view input) {
    const auto query = http::parse_query(input);
    for (const auto& [key, value] : query) {
        expect(!key.empty(), "a query string gave an empty name");
        expect(key.size() + value.size() <= input.size(), "a decoded pair is longer than its text");
    }
    std::string out;
    for (bool plus_is_space : {false, true})
        if (http::percent_decode(input, out, plus_is_space))
            expect(out.size() <= input.size(), "percent-decoding made the text longer");
}

const std::vector<Target>& targets() {
    static const std::vector<Target> all{
        {"json_body", json_body},
        {"assessment_file", assessment_file},
        {"catalogue_file", catalogue_file},
        {"http_request", http_request},
        {"cookie", cookie},
        {"query_string", query_string},
    };
    return all;
}

} // namespace cdcwb::fuzz
