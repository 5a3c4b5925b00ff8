#include "cli/context.hpp"

#include <cstdlib>
#include <ostream>

namespace cdcwb::cli {

void print_error(std::ostream& err, const domain::Error& error) {
    err << "error: " << error.describe() << "\n";
    if (!error.cause.empty()) err << "  cause: " << error.cause << "\n";
}

void print_errors(std::ostream& err, const domain::Errors& errors) {
    for (const auto& e : errors) print_error(err, e);
}

int fail(std::ostream& err, const domain::Error& error) {
    print_error(err, error);
    const bool system =
        error.code == domain::ErrorCode::internal || error.code == domain::ErrorCode::unavailable;
    return system ? kFailure : kBadInput;
}

domain::Lang default_lang() {
    if (const char* v = std::getenv("CDCWB_LANG"))
        if (auto lang = domain::parse_lang(v)) return *lang;
    if (const char* v = std::getenv("LANG"))
        if (std::string_view(v).substr(0, 2) == "ja") return domain::Lang::ja;
    return domain::Lang::en;
}

std::optional<Context> make_context(const GlobalOptions& options, std::ostream& out,
                                    std::ostream& err) {
    Context ctx;
    ctx.out = &out;
    ctx.err = &err;
    ctx.db = options.db;
    if (const char* v = std::getenv("CDCWB_DB"); ctx.db.empty() && v) ctx.db = v;
    ctx.lang = options.lang.empty() ? default_lang() : *domain::parse_lang(options.lang);
    auto loaded =
        catalogue::load_library(options.catalogue_dir.empty()
                                    ? std::nullopt
                                    : std::optional<std::filesystem::path>(options.catalogue_dir));
    if (!loaded.problems.empty()) {
        print_errors(err, loaded.problems);
        err << loaded.problems.size() << " problem(s) in the catalogue files\n";
        return std::nullopt;
    }
    ctx.library = std::move(loaded.library);
    return ctx;
}

} // namespace cdcwb::cli
