// The fuzz targets' entry functions: each feeds one input, as bytes from outside, through the
// parser the product uses for it, and checks what must hold whatever the input (no crash, no
// escaping exception, the answer is a value or an error of the expected kind). libFuzzer calls
// them from fuzz_main.cpp (clang, `make fuzz`); fuzz_regression_test.cpp feeds them every seed and
// regression input under tests/fuzz/ in the normal build (`make test`).
#pragma once

#include <string_view>
#include <vector>

namespace cdcwb::fuzz {

/// A request body as the API reads it (http::parse_body, its limits), then every decoder of the
/// routes on what parses.
void json_body(std::string_view input);
/// A `cdcwb/v1` assessment file (report::read_assessment); what reads is written and read back.
void assessment_file(std::string_view input);
/// A catalogue, crosswalk or template file added to the built-in library.
void catalogue_file(std::string_view input);
/// Bytes from a connection: the request line, headers and body as the server reads them.
void http_request(std::string_view input);
/// A Cookie header, the first line of the input naming the cookie looked up.
void cookie(std::string_view input);
/// A query string (http::parse_query and percent_decode).
void query_string(std::string_view input);

struct Target {
    std::string_view name; ///< also its folder: tests/fuzz/<name>/{seeds,regressions}
    void (*entry)(std::string_view);
};

/// Every target, in the order `make fuzz` runs them.
const std::vector<Target>& targets();

} // namespace cdcwb::fuzz
