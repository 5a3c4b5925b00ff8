// The migration files of src/store/migrations, compiled into the binary at build time.
#pragma once

#include "catalog/embedded.hpp"

#include <span>

namespace cdcwb::store {

std::span<const catalog::EmbeddedFile> embedded_migrations();

} // namespace cdcwb::store
