#include "cli/demo.hpp"

#include "report/assessment_file.hpp"

#include <ostream>
#include <sodium.h>
#include <span>

namespace cdcwb::cli {

namespace {

/// 16 characters from an alphabet without look-alikes.
std::string random_password() {
    static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    std::string out;
    for (int i = 0; i < 16; ++i)
        out += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(sizeof kAlphabet - 1))];
    return out;
}

} // namespace

domain::Status seed_demo(store::Store& store, const catalogue::Library& library,
                         std::ostream& out) {
    auto orgs = store.organisations.list();
    if (!orgs) return orgs.error();
    if (!orgs->empty()) {
        out << "demo: the database already has organisations; nothing was added\n";
        return {};
    }
    const auto files = embedded_examples();
    if (files.empty()) return domain::invalid("the demo data is not compiled in", "demo");
    auto read =
        report::read_assessment(std::string(files.front().path), files.front().text, library);
    if (!read.assessment)
        return domain::invalid("the demo data does not load: " +
                                   (read.problems.empty() ? std::string("unknown problem")
                                                          : read.problems.front().describe()),
                               "demo");
    const store::Actor actor{"demo-setup", std::nullopt};
    const std::string slug = read.assessment->organisation.id.empty()
                                 ? std::string("kasumi-logistics")
                                 : read.assessment->organisation.id;
    if (auto imported = store.organisations.import_assessment(actor, slug, *read.assessment);
        !imported)
        return imported.error();
    struct DemoUser {
        const char* name;
        const char* display;
        bool admin;
        std::optional<domain::Role> role;
        const char* lang;
    };
    const DemoUser users[] = {
        {"demo-admin", "Demo administrator", true, std::nullopt, "en"},
        {"demo-ciso", "Demo CISO (approver)", false, domain::Role::approver, "ja"},
        {"demo-assessor", "Demo assessor", false, domain::Role::assessor, "ja"},
        {"demo-viewer", "Demo viewer", false, domain::Role::viewer, "en"},
    };
    out << "demo: created the organisation '" << slug << "' (" << read.assessment->organisation.name
        << ") and these users (passwords shown once):\n";
    for (const auto& u : users) {
        const std::string password = random_password();
        auto created =
            store.users.create_user(actor, {u.name, u.display, password, u.admin, u.lang});
        if (!created) return created.error();
        if (u.role)
            if (auto granted = store.users.set_role(actor, slug, u.name, *u.role); !granted)
                return granted.error();
        out << "  " << u.name << "  " << password << "  ("
            << (u.admin ? std::string("site administrator")
                        : std::string(domain::to_string(*u.role)))
            << ")\n";
    }
    return {};
}

} // namespace cdcwb::cli
