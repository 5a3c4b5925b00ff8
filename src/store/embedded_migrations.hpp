// The migration files of src/store/migrations, compiled into the binary at build time.
#pragma once

#include "catalogue/embedded.hpp"

#include <span>

namespace cdcwb::store {

std::span<const catalogue::EmbeddedFile> embedded_migrations();

} // namespace cdcwb::store
