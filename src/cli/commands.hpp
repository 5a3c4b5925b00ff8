// The CLI's commands. Each parses nothing itself (app.cpp does), calls the layers below, and
// prints the result as a table or as JSON. Each returns an exit code.
#pragma once

#include "cli/context.hpp"
#include "store/store.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cdcwb::cli {

int catalogue_list(Context& ctx, bool json);
int catalogue_show(Context& ctx, const std::string& id, bool json, bool full);
int crosswalk_lookup(Context& ctx, const std::string& id, const std::string& catalogue_id,
                     bool json);
int template_list(Context& ctx, bool json);
int template_show(Context& ctx, const std::string& id, bool json);

struct EvaluateOptions {
    std::string file;
    bool json = false;
    std::string fail_on; ///< "", "error", "warning" or "info"
    std::string date;    ///< "" = today
    std::string reference;
    bool drafts = false;
};
int evaluate(Context& ctx, const EvaluateOptions& options);

struct NewOptions {
    std::string file;
    std::string template_id;
    std::string organisation;
    bool force = false;
};
int new_assessment(Context& ctx, const NewOptions& options);

// Commands on the database (store_commands.cpp) --------------------------------------------

struct OpenedStore {
    std::unique_ptr<store::Database> db;
    std::unique_ptr<store::Store> store;
};
/// Opens the database named by --db (or the default), printing which. On failure prints why and
/// sets `code`: 2 for a malformed URL, 3 when the database cannot be used.
std::optional<OpenedStore> open_database(Context& ctx, int& code, std::size_t pool_size = 4);

int init_database(Context& ctx);
int migrate_database(Context& ctx);

struct UserAddOptions {
    std::string username;
    std::string display_name;
    std::string lang = "en";
    bool admin = false;
    bool password_stdin = false;
};
int user_add(Context& ctx, const UserAddOptions& options);
int user_list(Context& ctx, bool json);
int user_passwd(Context& ctx, const std::string& username, bool password_stdin);
int user_set_disabled(Context& ctx, const std::string& username, bool disabled);
/// Turns a user's two-factor sign-in off (lost device) and ends their sessions.
int user_reset_two_factor(Context& ctx, const std::string& username);

struct OrgAddOptions {
    std::string slug;
    std::string name;
    std::string catalogue_id = "x1060-2021";
    std::string template_id;
};
int org_add(Context& ctx, const OrgAddOptions& options);
int org_list(Context& ctx, bool json);
int org_grant(Context& ctx, const std::string& org, const std::string& user,
              const std::string& role);
int org_revoke(Context& ctx, const std::string& org, const std::string& user);
int org_members(Context& ctx, const std::string& org, bool json);

int import_file(Context& ctx, const std::string& file, const std::string& org);
int export_file(Context& ctx, const std::string& org, const std::string& out_file);
int backup_database(Context& ctx, const std::string& to);
/// Checks the audit chains (one organisation's, or all): exit 1 when one is broken.
int audit_verify(Context& ctx, const std::string& org, bool json);
int restore_database(Context& ctx, const std::string& from, bool yes);

struct ServeOptions {
    std::string listen = "127.0.0.1:8080";
    bool demo = false;
    int workers = 0;    ///< 0: one per core, at least two
    int io_threads = 0; ///< 0: two, or one on a single-core machine
    bool secure_cookies = false;
    std::size_t max_connections = 4096;
    std::size_t max_connections_per_address = 256;
    int read_timeout = 5;    ///< seconds for a request's headers (and a small body)
    int upload_timeout = 60; ///< seconds for a larger body
    std::vector<std::string> trusted_proxies; ///< ADDR or ADDR/PREFIX each
    std::string session_idle_timeout = "30m"; ///< seconds, or with s, m or h
    std::string tls_cert; ///< PEM certificate (chain): serve HTTPS (with tls_key)
    std::string tls_key;  ///< PEM private key of tls_cert
    std::string evidence_quota_bytes = "1G"; ///< per organisation: bytes, or with K, M or G
    int evidence_quota_files = 10000;        ///< per organisation
    std::string answer_cache =
        "64M"; ///< cached answers' bytes in all: as evidence_quota_bytes; 0 off
};
int serve(Context& ctx, const ServeOptions& options);
/// `cdcwb openapi`: prints the API's OpenAPI document (what GET /api/v1/openapi.json answers),
/// without a database or a server: the web build generates its API types from it.
int openapi(Context& ctx);

} // namespace cdcwb::cli
