#include "cli/context.hpp"

#include <cstdlib>
#include <ostream>

namespace cdcwb::cli {

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
    auto loaded = catalog::load_library(
        options.catalog_dir.empty() ? std::nullopt
                                    : std::optional<std::filesystem::path>(options.catalog_dir));
    if (!loaded.problems.empty()) {
        for (const auto& p : loaded.problems) err << "error: " << p.describe() << "\n";
        err << loaded.problems.size() << " problem(s) in the catalogue files\n";
        return std::nullopt;
    }
    ctx.library = std::move(loaded.library);
    return ctx;
}

} // namespace cdcwb::cli
