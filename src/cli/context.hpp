// What every command shares: the global options, the loaded catalogue library, the output
// language, exit codes, and printing errors the same way everywhere.
#pragma once

#include "catalogue/library.hpp"
#include "domain/text.hpp"

#include <iosfwd>
#include <optional>
#include <string>

namespace cdcwb::cli {

/// 0 ok; 1 findings at or above --fail-on; 2 bad input (including unknown names and conflicts);
/// 3 the database or the system failed.
enum ExitCode : int { kOk = 0, kFindings = 1, kBadInput = 2, kFailure = 3 };

struct GlobalOptions {
    std::string catalogue_dir;
    std::string lang; ///< "en", "ja" or empty (then CDCWB_LANG / LANG decide)
    std::string db;   ///< database URL; empty: CDCWB_DB, else the default SQLite file
};

struct Context {
    catalogue::Library library;
    domain::Lang lang = domain::Lang::en;
    std::string db; ///< as given by --db or CDCWB_DB; empty for the default
    std::ostream* out = nullptr;
    std::ostream* err = nullptr;
};

/// Loads the library; prints every problem to `err` and returns nullopt when there are any.
std::optional<Context> make_context(const GlobalOptions& options, std::ostream& out,
                                    std::ostream& err);

/// Prints an error the one way the CLI does: "error: [file:line: ][[id] ][field: ]message".
void print_error(std::ostream& err, const domain::Error& error);
/// Prints every error, one a line.
void print_errors(std::ostream& err, const domain::Errors& errors);
/// Prints the error and returns its exit code: kFailure when the system failed (internal,
/// unavailable), kBadInput otherwise.
int fail(std::ostream& err, const domain::Error& error);

/// The language to use when none is given: CDCWB_LANG, else LANG starting with "ja", else en.
domain::Lang default_lang();

} // namespace cdcwb::cli
