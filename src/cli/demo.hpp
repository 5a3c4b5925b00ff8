// The demonstration installation `cdcwb serve --demo` creates: the fictional Kasumi Logistics
// (examples/example-corp.yaml, compiled in) with two evaluations and open actions, and one user
// per role with a random password printed once.
#pragma once

#include "catalogue/embedded.hpp"
#include "store/store.hpp"

#include <iosfwd>
#include <span>

namespace cdcwb::cli {

/// examples/example-corp.yaml, compiled in.
std::span<const catalogue::EmbeddedFile> embedded_examples();

/// Seeds an empty database; does nothing (and says so) when it already has organisations.
domain::Status seed_demo(store::Store& store, const catalogue::Library& library, std::ostream& out);

} // namespace cdcwb::cli
