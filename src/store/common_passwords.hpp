// The list of the most common passwords (data/common-passwords.txt, compiled into the binary),
// which no new password may be (domain::validate_new_password).
#pragma once

#include "catalogue/embedded.hpp"
#include "domain/user.hpp"

#include <span>

namespace cdcwb::store {

/// The files of data/ compiled into the binary (generated at build time).
std::span<const catalogue::EmbeddedFile> embedded_data();

/// The list, parsed once.
const domain::PasswordList& common_passwords();

} // namespace cdcwb::store
