// The command line: `cdcwb <command> …`. Builds the CLI11 parser and dispatches.
#pragma once

#include <iosfwd>

namespace cdcwb::cli {

/// Runs the CLI; returns the process exit code (0 ok, 1 findings with --fail-on, 2 bad input).
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace cdcwb::cli
