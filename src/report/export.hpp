// Writing an organisation kept in the store as a `cdcwb/v1` file: what `cdcwb export` and
// GET /api/v1/orgs/{org}/export give.
#pragma once

#include "domain/result.hpp"
#include "store/store.hpp"

#include <string>
#include <string_view>

namespace cdcwb::report {

/// The organisation `slug` as `cdcwb/v1` YAML (services in catalogue order, custom ones last).
domain::Result<std::string> export_organisation(store::Store& store, std::string_view slug);

} // namespace cdcwb::report
