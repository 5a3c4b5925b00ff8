// What the API test programs share to set up: the engine under test, one PostgreSQL server per
// program, and a database seeded as an operator would (api_fixture.cpp defines them).
#pragma once

#include <string>

namespace cdcwb::testing {

class PostgresServer;

/// Whether CDCWB_TEST_ENGINE asks for PostgreSQL (else SQLite).
bool postgresql_under_test();

/// One PostgreSQL server for the whole test program, started on first use; throws when it
/// cannot start.
PostgresServer& shared_postgres();

/// Adds the site administrator kAdmin with `password` and imports the example organisation as
/// kOrg into `db_url`, with the CLI; throws when either fails.
void seed_example(const std::string& db_url, const std::string& password);

} // namespace cdcwb::testing
