// Evidence files: stored byte for byte (binary safe), deduplicated by content, only of accepted
// types whose content matches the declared type, and referable from service entries.
#include "store/sql.hpp"
#include "store_fixture.hpp"

#include <array>
#include <cstdint>

namespace cdcwb::testing {
namespace {

using domain::ErrorCode;

std::uint32_t crc32(std::string_view bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (char ch : bytes) {
        crc ^= static_cast<unsigned char>(ch);
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void put32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((v >> shift) & 0xFFu));
}

void chunk(std::string& png, const std::string& type, const std::string& data) {
    put32(png, static_cast<std::uint32_t>(data.size()));
    const std::string body = type + data;
    png += body;
    put32(png, crc32(body));
}

/// A valid 1x1 white RGB PNG whose pixel data is stored uncompressed, so the file holds the raw
/// bytes 0x00 (filter type) and 0xFF (white) among others.
std::string tiny_png() {
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    put32(ihdr, 1);                                 // width
    put32(ihdr, 1);                                 // height
    ihdr += std::string("\x08\x02\x00\x00\x00", 5); // 8 bits, RGB, deflate, no filter, no interlace
    chunk(png, "IHDR", ihdr);
    const std::string raw("\x00\xFF\xFF\xFF", 4); // filter byte, then one white pixel
    std::uint32_t a = 1, b = 0;
    for (char ch : raw) {
        a = (a + static_cast<unsigned char>(ch)) % 65521;
        b = (b + a) % 65521;
    }
    std::string zlib("\x78\x01", 2);                // deflate, no preset dictionary
    zlib += std::string("\x01\x04\x00\xFB\xFF", 5); // final stored block of 4 bytes
    zlib += raw;
    put32(zlib, (b << 16) | a);
    chunk(png, "IDAT", zlib);
    chunk(png, "IEND", "");
    return png;
}

const std::string kPdf = "%PDF-1.4\n"
                         "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                         "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                         "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
const std::string kText = "Incident review minutes, 2026-11-20.\nAttendees: CSIRT, ISO.\n";

bool is_hex_sha256(const std::string& s) {
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

class EvidenceStore : public StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        make_org();
    }
};

TEST_F(EvidenceStore, PngIsStoredAndReadBackByteForByte) {
    const std::string png = tiny_png();
    ASSERT_NE(png.find('\0'), std::string::npos);
    ASSERT_NE(png.find('\xFF'), std::string::npos);
    auto added = store().evidence.add_evidence(actor_, "acme", "pixel.png", "image/png", png);
    ASSERT_TRUE(added.ok()) << added.error().message;
    EXPECT_TRUE(is_hex_sha256(added->sha256)) << added->sha256;
    EXPECT_EQ(added->media_type, "image/png");
    EXPECT_EQ(added->filename, "pixel.png");
    EXPECT_EQ(added->size, static_cast<std::int64_t>(png.size()));
    EXPECT_EQ(added->created_by, "tester");
    EXPECT_EQ(added->created_at, "2026-11-22T09:00:00.000Z");
    EXPECT_EQ(added->reference(), "evidence:sha256:" + added->sha256);

    auto read = store().evidence.file("acme", added->sha256);
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->second, png);
    EXPECT_EQ(read->first.sha256, added->sha256);
    EXPECT_EQ(read->first.media_type, "image/png");
    EXPECT_EQ(read->first.filename, "pixel.png");
    EXPECT_EQ(read->first.size, added->size);
}

TEST_F(EvidenceStore, PdfAndPlainTextAreAccepted) {
    auto pdf = store().evidence.add_evidence(actor_, "acme", "policy.pdf", "application/pdf", kPdf);
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    auto text = store().evidence.add_evidence(actor_, "acme", "議事録.txt", "text/plain", kText);
    ASSERT_TRUE(text.ok()) << text.error().message;
    EXPECT_NE(pdf->sha256, text->sha256);
    auto read = store().evidence.file("acme", text->sha256);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->second, kText);
    EXPECT_EQ(read->first.filename, "議事録.txt");
    auto files = store().evidence.evidence_files("acme");
    ASSERT_TRUE(files.ok()) << files.error().message;
    EXPECT_EQ(files->size(), 2u);
}

TEST_F(EvidenceStore, SameContentTwiceIsStoredOnce) {
    auto first = store().evidence.add_evidence(actor_, "acme", "a.txt", "text/plain", kText);
    ASSERT_TRUE(first.ok()) << first.error().message;
    now_ += std::chrono::hours(1);
    auto second =
        store().evidence.add_evidence(actor_, "acme", "copy-of-a.txt", "text/plain", kText);
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_EQ(second->sha256, first->sha256);
    EXPECT_EQ(second->filename, "a.txt") << "the file already stored";
    EXPECT_EQ(second->created_at, first->created_at);
    auto files = store().evidence.evidence_files("acme");
    ASSERT_TRUE(files.ok());
    EXPECT_EQ(files->size(), 1u);
    store::Unit unit(db(), store::Unit::Mode::read);
    int rows = 0;
    unit.sql() << "select count(*) from evidence_files", soci::into(rows);
    EXPECT_EQ(rows, 1);
}

TEST_F(EvidenceStore, SameContentInTwoOrganisationsIsKeptApart) {
    make_org("beta");
    auto a = store().evidence.add_evidence(actor_, "acme", "a.txt", "text/plain", kText);
    auto b = store().evidence.add_evidence(actor_, "beta", "b.txt", "text/plain", kText);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->sha256, b->sha256);
    auto read = store().evidence.file("beta", b->sha256);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->first.filename, "b.txt");
}

TEST_F(EvidenceStore, ContentThatIsNotTheDeclaredTypeIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(
        store().evidence.add_evidence(actor_, "acme", "fake.png", "image/png", kText),
        ErrorCode::invalid_input, "media_type");
    EXPECT_REFUSED_UNCHANGED(
        store().evidence.add_evidence(actor_, "acme", "fake.pdf", "application/pdf", tiny_png()),
        ErrorCode::invalid_input, "media_type");
    EXPECT_REFUSED_UNCHANGED(
        store().evidence.add_evidence(actor_, "acme", "fake.txt", "text/plain", tiny_png()),
        ErrorCode::invalid_input, "media_type");
}

TEST_F(EvidenceStore, TypeThatIsNotAcceptedIsRefusedAndWritesNothing) {
    const std::string exe = std::string("MZ\x90\x00\x03\x00\x00\x00", 8) + std::string(120, '\0');
    EXPECT_REFUSED_UNCHANGED(
        store().evidence.add_evidence(actor_, "acme", "setup.exe", "application/x-msdownload", exe),
        ErrorCode::invalid_input, "media_type");
    EXPECT_REFUSED_UNCHANGED(store().evidence.add_evidence(actor_, "acme", "page.html", "text/html",
                                                           "<html><body>hi</body></html>"),
                             ErrorCode::invalid_input, "media_type");
}

TEST_F(EvidenceStore, EmptyFileIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(
        store().evidence.add_evidence(actor_, "acme", "empty.txt", "text/plain", ""),
        ErrorCode::invalid_input, "content");
}

TEST_F(EvidenceStore, FileOverTheLimitIsRefusedAndWritesNothing) {
    store().evidence.set_evidence_limits({kText.size()});
    auto at_limit = store().evidence.add_evidence(actor_, "acme", "a.txt", "text/plain", kText);
    EXPECT_TRUE(at_limit.ok()) << at_limit.error().message;
    EXPECT_REFUSED_UNCHANGED(
        store().evidence.add_evidence(actor_, "acme", "b.txt", "text/plain", kText + "!"),
        ErrorCode::invalid_input, "content");
}

TEST_F(EvidenceStore, TheOrganisationsQuotaOfFilesIsKeptAndPassingItWritesNothing) {
    make_org("beta");
    store::EvidenceLimits limits;
    limits.quota_files = 2;
    store().evidence.set_evidence_limits(limits);
    ASSERT_TRUE(store().evidence.add_evidence(actor_, "acme", "a.txt", "text/plain", kText).ok());
    ASSERT_TRUE(
        store().evidence.add_evidence(actor_, "acme", "b.pdf", "application/pdf", kPdf).ok());

    EXPECT_REFUSED_UNCHANGED(
        store().evidence.add_evidence(actor_, "acme", "c.png", "image/png", tiny_png()),
        ErrorCode::payload_too_large, "content");
    auto again = store().evidence.add_evidence(actor_, "acme", "a-again.txt", "text/plain", kText);
    EXPECT_TRUE(again.ok()) << "the same content is not a new file: "
                            << (again.ok() ? "" : again.error().message);
    EXPECT_TRUE(
        store().evidence.add_evidence(actor_, "beta", "c.png", "image/png", tiny_png()).ok())
        << "each organisation has its own quota";
}

TEST_F(EvidenceStore, TheOrganisationsQuotaOfBytesIsKeptAndPassingItWritesNothing) {
    store::EvidenceLimits limits;
    limits.quota_bytes = kText.size() + kPdf.size();
    store().evidence.set_evidence_limits(limits);
    ASSERT_TRUE(store().evidence.add_evidence(actor_, "acme", "a.txt", "text/plain", kText).ok());

    EXPECT_REFUSED_UNCHANGED(
        store().evidence.add_evidence(actor_, "acme", "b.pdf", "application/pdf", kPdf + "\n"),
        ErrorCode::payload_too_large, "content");
    auto refused =
        store().evidence.add_evidence(actor_, "acme", "b.pdf", "application/pdf", kPdf + "\n");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("--evidence-quota-bytes"), std::string::npos)
        << refused.error().message;
    auto exactly = store().evidence.add_evidence(actor_, "acme", "b.pdf", "application/pdf", kPdf);
    EXPECT_TRUE(exactly.ok()) << "up to the quota exactly: "
                              << (exactly.ok() ? "" : exactly.error().message);
}

TEST_F(EvidenceStore, FilenameWithAFolderOrEmptyIsRefusedAndWritesNothing) {
    for (const std::string& name :
         {std::string(), std::string("docs/a.txt"), std::string("..\\a.txt"),
          std::string("a\nb.txt"), std::string(256, 'n'), std::string("a\xff.txt")}) {
        SCOPED_TRACE("filename '" + name + "'");
        EXPECT_REFUSED_UNCHANGED(
            store().evidence.add_evidence(actor_, "acme", name, "text/plain", kText),
            ErrorCode::invalid_input, "filename");
    }
}

TEST_F(EvidenceStore, UnknownFileOrOrganisationIsNotFound) {
    auto missing = store().evidence.file("acme", std::string(64, '0'));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::not_found);
    EXPECT_EQ(missing.error().field, "sha256");
    EXPECT_REFUSED_UNCHANGED(
        store().evidence.add_evidence(actor_, "nope", "a.txt", "text/plain", kText),
        ErrorCode::not_found, "org");
    auto files = store().evidence.evidence_files("nope");
    ASSERT_FALSE(files.ok());
    EXPECT_EQ(files.error().code, ErrorCode::not_found);
}

TEST_F(EvidenceStore, EntryCanReferToAStoredFile) {
    auto file = store().evidence.add_evidence(actor_, "acme", "pixel.png", "image/png", tiny_png());
    ASSERT_TRUE(file.ok()) << file.error().message;
    auto e = store().entries.entry("acme", "A-1");
    ASSERT_TRUE(e.ok());
    auto entry = e->entry;
    entry.evidence = {file->reference(), "https://intranet.example/x"};
    auto updated = store().entries.update_entry(actor_, "acme", entry, e->revision);
    ASSERT_TRUE(updated.ok()) << updated.error().field << ": " << updated.error().message;
    auto read = store().entries.entry("acme", "A-1");
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->entry.evidence, entry.evidence);
}

TEST_F(EvidenceStore, EntryCannotReferToAnotherOrganisationsFile) {
    make_org("beta");
    auto file = store().evidence.add_evidence(actor_, "beta", "pixel.png", "image/png", tiny_png());
    ASSERT_TRUE(file.ok());
    auto e = store().entries.entry("acme", "A-1");
    ASSERT_TRUE(e.ok());
    auto entry = e->entry;
    entry.evidence = {file->reference()};
    EXPECT_REFUSED_UNCHANGED(store().entries.update_entry(actor_, "acme", entry, e->revision),
                             ErrorCode::invalid_input, "services.A-1.evidence[0]");
}

} // namespace
} // namespace cdcwb::testing
