// What every command shares: the global options, the loaded catalogue library, the output
// language, exit codes, and printing errors the same way everywhere.
#pragma once

#include "catalog/library.hpp"
#include "domain/text.hpp"

#include <iosfwd>
#include <optional>
#include <string>

namespace cdcwb::cli {

enum ExitCode : int { kOk = 0, kFindings = 1, kBadInput = 2 };

struct GlobalOptions {
    std::string catalog_dir;
    std::string lang; ///< "en", "ja" or empty (then CDCWB_LANG / LANG decide)
};

struct Context {
    catalog::Library library;
    domain::Lang lang = domain::Lang::en;
    std::ostream* out = nullptr;
    std::ostream* err = nullptr;
};

/// Loads the library; prints every problem to `err` and returns nullopt when there are any.
std::optional<Context> make_context(const GlobalOptions& options, std::ostream& out,
                                    std::ostream& err);

/// The language to use when none is given: CDCWB_LANG, else LANG starting with "ja", else en.
domain::Lang default_lang();

} // namespace cdcwb::cli
