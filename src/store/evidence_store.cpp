// Evidence files, kept in the database itself (base64 text, which both engines store the same
// way): one file to back up, written in the same transaction as its audit record, and shared by
// every server on a PostgreSQL database. Files are content-addressed (SHA-256) per organisation.
#include "domain/user.hpp"
#include "store/rows.hpp"
#include "store/secrets.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <array>
#include <magic.h>
#include <mutex>

namespace cdcwb::store {

using namespace domain;
using codec::Json;

namespace {

constexpr std::array<std::string_view, 12> kAccepted{
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "text/plain",
    "text/csv",
    "text/markdown",
    "application/json",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

/// What the content is, by libmagic (the `file` command's library, made for exactly this).
std::string sniff(std::string_view content) {
    static std::mutex mutex; // a magic_t is not safe to share between threads
    static magic_t cookie = [] {
        magic_t m = magic_open(MAGIC_MIME_TYPE);
        if (m && magic_load(m, nullptr) != 0) {
            magic_close(m);
            m = nullptr;
        }
        return m;
    }();
    std::lock_guard lock(mutex);
    if (!cookie) throw std::runtime_error("the file type database (libmagic) is not available");
    const char* type = magic_buffer(cookie, content.data(), content.size());
    return type ? type : "application/octet-stream";
}

/// Whether content sniffed as `actual` may be stored as `declared`.
bool matches(std::string_view declared, std::string_view actual) {
    if (declared == actual) return true;
    const bool textual = declared == "text/plain" || declared == "text/csv" ||
                         declared == "text/markdown" || declared == "application/json";
    if (textual)
        return actual == "text/plain" || actual == "text/csv" || actual == "application/json";
    // Office files are zip archives; libmagic names some of them only as such.
    if (declared.rfind("application/vnd.openxmlformats-officedocument.", 0) == 0)
        return actual == "application/zip";
    return false;
}

Status check_filename(std::string_view name) {
    if (name.empty() || name.size() > 255)
        return invalid("a file name has 1 to 255 bytes", "filename");
    if (!valid_utf8(name)) return invalid("the file name is not valid UTF-8", "filename");
    for (char ch : name)
        if (const auto c = static_cast<unsigned char>(ch);
            c < 0x20 || c == 0x7f || c == '/' || c == '\\')
            return invalid("a file name has no folders or control characters", "filename");
    return {};
}

EvidenceRecord read_record(const std::string& sha, const std::string& media,
                           const std::string& name, long long size, const std::string& at,
                           const std::string& by) {
    return {sha, media, name, size, at, by};
}

} // namespace

namespace {

/// Whether one more file of `size` bytes fits the organisation's quota, inside the write unit
/// that adds it (two uploads cannot both take the last room).
Status check_quota(Session& sql, const OrganisationRecord& org, std::size_t size,
                   const EvidenceLimits& limits) {
    // The write unit holds the organisation (rows::in_organisation): two uploads queue here.
    long long files = 0, bytes = 0;
    sql << "select count(*), coalesce(sum(size_bytes), 0) from evidence_files where org_id = "
           ":org",
        soci::use(org.id), soci::into(files), soci::into(bytes);
    const auto kept_files = static_cast<std::uint64_t>(files);
    const auto kept_bytes = static_cast<std::uint64_t>(bytes);
    if (kept_files + 1 > limits.quota_files)
        return domain::make_error(
            ErrorCode::payload_too_large,
            "the organisation keeps " + std::to_string(kept_files) +
                " evidence files, its quota; delete unused files or ask the operator to raise "
                "cdcwb serve --evidence-quota-files",
            "content");
    if (kept_bytes + size > limits.quota_bytes)
        return domain::make_error(
            ErrorCode::payload_too_large,
            "the organisation's evidence files take " + std::to_string(kept_bytes) +
                " bytes; this file of " + std::to_string(size) + " bytes would pass its quota of " +
                std::to_string(limits.quota_bytes) +
                " bytes (the operator can raise cdcwb serve --evidence-quota-bytes)",
            "content");
    return {};
}

} // namespace

Result<EvidenceRecord> EvidenceStore::add_evidence(const Actor& actor, std::string_view slug,
                                                   std::string_view filename,
                                                   std::string_view media_type,
                                                   std::string_view content) {
    if (auto s = check_filename(filename); !s) return s.error();
    if (std::find(kAccepted.begin(), kAccepted.end(), media_type) == kAccepted.end()) {
        std::string allowed;
        for (auto t : kAccepted) allowed += (allowed.empty() ? "" : ", ") + std::string(t);
        return invalid("files of type '" + std::string(media_type) +
                           "' are not accepted; accepted: " + allowed,
                       "media_type");
    }
    if (content.empty()) return invalid("the file is empty", "content");
    if (content.size() > limits_.max_bytes)
        return invalid("the file has " + std::to_string(content.size()) + " bytes; the limit is " +
                           std::to_string(limits_.max_bytes),
                       "content");
    const std::string actual = sniff(content);
    if (!matches(media_type, actual))
        return invalid("the file is declared as " + std::string(media_type) +
                           " but its content is " + actual,
                       "media_type");
    const std::string sha = secrets::sha256_hex(content);
    return rows::change_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Result<EvidenceRecord> {
            std::string media, name, at, by;
            long long size = 0;
            sql << "select media_type, filename, size_bytes, created_at, created_by from "
                   "evidence_files where org_id = :org and sha256 = :sha",
                soci::use(org.id), soci::use(sha), soci::into(media), soci::into(name),
                soci::into(size), soci::into(at), soci::into(by);
            if (sql.got_data()) return read_record(sha, media, name, size, at, by); // same content
            if (auto room = check_quota(sql, org, content.size(), limits_); !room)
                return room.error();
            EvidenceRecord r{sha,
                             std::string(media_type),
                             std::string(filename),
                             static_cast<std::int64_t>(content.size()),
                             core_.now(),
                             actor.name};
            const std::string encoded = secrets::base64_encode(content);
            sql << "insert into evidence_files (org_id, sha256, media_type, size_bytes, filename, "
                   "content_base64, created_at, created_by) values (:org, :sha, :media, :size, "
                   ":name, :content, :at, :by)",
                soci::use(org.id), soci::use(r.sha256), soci::use(r.media_type), soci::use(r.size),
                soci::use(r.filename), soci::use(encoded), soci::use(r.created_at),
                soci::use(r.created_by);
            rows::audit(
                sql, r.created_at, actor, &org, "evidence", sha, "create", nullptr,
                Json{{"filename", r.filename}, {"media_type", r.media_type}, {"size", r.size}});
            return r;
        });
}

Result<std::vector<EvidenceRecord>> EvidenceStore::evidence_files(std::string_view slug) {
    return rows::read_organisation(
        core_, slug,
        [&](Session& sql, const OrganisationRecord& org) -> Result<std::vector<EvidenceRecord>> {
            std::string sha, media, name, at, by;
            long long size = 0;
            soci::statement st =
                (sql.prepare << "select sha256, media_type, filename, size_bytes, created_at, "
                                "created_by from evidence_files where org_id = :org order by "
                                "created_at, sha256",
                 soci::use(org.id), soci::into(sha), soci::into(media), soci::into(name),
                 soci::into(size), soci::into(at), soci::into(by));
            st.execute();
            std::vector<EvidenceRecord> out;
            while (st.fetch()) out.push_back(read_record(sha, media, name, size, at, by));
            return out;
        });
}

Result<std::pair<EvidenceRecord, std::string>> EvidenceStore::file(std::string_view slug,
                                                                   std::string_view sha256) {
    return rows::read_organisation(
        core_, slug,
        [&](Session& sql,
            const OrganisationRecord& org) -> Result<std::pair<EvidenceRecord, std::string>> {
            std::string sha(sha256), media, name, at, by, encoded;
            long long size = 0;
            sql << "select media_type, filename, size_bytes, created_at, created_by, "
                   "content_base64 "
                   "from evidence_files where org_id = :org and sha256 = :sha",
                soci::use(org.id), soci::use(sha), soci::into(media), soci::into(name),
                soci::into(size), soci::into(at), soci::into(by), soci::into(encoded);
            if (!sql.got_data()) return rows::not_found("no evidence file " + sha, "sha256");
            auto bytes = secrets::base64_decode(encoded);
            if (!bytes) throw std::runtime_error("stored data is damaged: evidence " + sha);
            return std::pair{read_record(sha, media, name, size, at, by), std::move(*bytes)};
        });
}

} // namespace cdcwb::store
