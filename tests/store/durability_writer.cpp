// The writer the durability test kills: updates service entries one by one, as fast as it can,
// and after each committed update prints "ack <n> <service>" (flushed), so the test knows which
// changes were acknowledged before it sent SIGKILL.
// Usage: durability_writer DATABASE_URL ORG FIRST_N
#include "store/store.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    using namespace cdcwb;
    if (argc != 4) {
        std::fprintf(stderr, "usage: durability_writer DATABASE_URL ORG FIRST_N\n");
        return 2;
    }
    auto url = store::parse_database_url(argv[1]);
    if (!url) return 2;
    auto db = store::Database::open(*url, {});
    if (!db) {
        std::fprintf(stderr, "open: %s\n", db.error().message.c_str());
        return 3;
    }
    auto loaded = catalogue::load_library();
    store::Store s(**db, loaded.library);
    const std::string org = argv[2];
    auto state = s.organisations.load(org);
    if (!state) return 3;
    auto entries = state->entries;
    const store::Actor actor{"durability-writer", std::nullopt};
    for (long long n = std::atoll(argv[3]);; ++n) {
        auto& record = entries[static_cast<std::size_t>(n) % entries.size()];
        auto entry = record.entry;
        entry.rationale = "write " + std::to_string(n);
        auto written = s.entries.update_entry(actor, org, entry, record.revision);
        if (!written) {
            std::fprintf(stderr, "update: %s\n", written.error().message.c_str());
            return 4;
        }
        record = *written;
        std::printf("ack %lld %s\n", n, entry.service_id.c_str());
        std::fflush(stdout);
    }
}
