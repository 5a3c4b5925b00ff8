// Wiping a password once it has been used (ASVS 8.3.6): the bytes of the buffer itself become
// zeros, whether the text lives inside the string (short) or on the heap (long), and a scope
// guard does it however the scope ends.
#include "store/secrets.hpp"

#include <gtest/gtest.h>
#include <optional>
#include <stdexcept>
#include <string>

namespace cdcwb::store::secrets {
namespace {

/// Whether the `n` bytes at `p` are all zero. The string they belong to is still alive and keeps
/// its buffer (clear() does not give it back), so reading them is well defined.
bool zeros(const char* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        if (p[i] != '\0') return false;
    return true;
}

TEST(Secrets, WipeOverwritesTheBytesThenEmptiesTheText) {
    for (const std::string& password :
         {std::string("short pw"), std::string("correct horse battery staple, long enough")}) {
        std::string text = password;
        const char* bytes = text.data();
        const std::size_t size = text.size();
        wipe(text);
        EXPECT_TRUE(text.empty());
        EXPECT_EQ(text.data(), bytes) << "the same buffer, not a new one";
        EXPECT_TRUE(zeros(bytes, size)) << password;
    }
    std::string empty;
    wipe(empty);
    EXPECT_TRUE(empty.empty());
}

TEST(Secrets, WipeOnExitWipesWhenTheScopeEndsEvenByAnException) {
    std::string text = "correct horse battery staple, long enough";
    std::optional<std::string> maybe = std::string("another long password of the user");
    std::optional<std::string> none;
    const char* bytes = text.data();
    const char* other = maybe->data();
    const std::size_t size = text.size(), other_size = maybe->size();
    try {
        const WipeOnExit wipe_text(text), wipe_maybe(maybe), wipe_none(none);
        throw std::runtime_error("the request failed half-way");
    } catch (const std::runtime_error&) {
    }
    EXPECT_TRUE(text.empty());
    EXPECT_TRUE(zeros(bytes, size));
    ASSERT_TRUE(maybe.has_value());
    EXPECT_TRUE(maybe->empty());
    EXPECT_TRUE(zeros(other, other_size));
    EXPECT_FALSE(none.has_value());
}

} // namespace
} // namespace cdcwb::store::secrets
