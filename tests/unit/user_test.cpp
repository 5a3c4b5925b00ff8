// Account rules: user names, passwords and languages.
#include "domain/user.hpp"

#include <gtest/gtest.h>
#include <tuple>
#include <vector>

namespace {

using namespace cdcwb::domain;

TEST(User, NamesAreShortAsciiWordsOrEmailAddresses) {
    for (const char* ok : {"alice", "a", "alice.sato@example.jp", "bob_1-x", "9lives"})
        EXPECT_TRUE(validate_username(ok, "username").ok()) << ok;
    for (std::string bad :
         {std::string(), std::string("has space"), std::string(".dot"), std::string("-dash"),
          std::string(65, 'a'), std::string("名前"), std::string("semi;colon")}) {
        auto s = validate_username(bad, "username");
        ASSERT_FALSE(s.ok()) << bad;
        EXPECT_EQ(s.error().field, "username");
        EXPECT_NE(s.error().message.find("1 to 64"), std::string::npos);
    }
    EXPECT_TRUE(validate_username(std::string(64, 'a'), "username").ok());
}

TEST(User, PasswordsNeedTwelveCharactersCountedAsCodePoints) {
    EXPECT_TRUE(validate_password("correct horse", "password").ok());
    EXPECT_FALSE(validate_password("elevenchars", "password").ok());
    // Twelve Japanese characters are twelve characters, though 36 bytes.
    EXPECT_TRUE(validate_password("情報セキュリティ対策推進室", "password").ok());
    EXPECT_FALSE(validate_password("情報セキュリティ対策", "password").ok()); // 10
    auto broken = validate_password("valid start \xff\xfe and more", "password");
    ASSERT_FALSE(broken.ok());
    EXPECT_NE(broken.error().message.find("UTF-8"), std::string::npos);
    EXPECT_FALSE(validate_password(std::string(kMaxPasswordBytes + 1, 'x'), "password").ok());
    EXPECT_TRUE(validate_password(std::string(kMaxPasswordBytes, 'x'), "password").ok());
}

TEST(User, LanguageIsEnOrJa) {
    EXPECT_TRUE(validate_lang("en", "lang").ok());
    EXPECT_TRUE(validate_lang("ja", "lang").ok());
    auto s = validate_lang("fr", "lang");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "lang");
}

TEST(User, TokenLivesOneTo3660DaysOrUntilRevoked) {
    auto forever = token_lifetime(std::nullopt, "days");
    ASSERT_TRUE(forever.ok());
    EXPECT_FALSE(forever->has_value());
    auto one = token_lifetime(1, "days");
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(**one, std::chrono::hours(24));
    EXPECT_TRUE(token_lifetime(kMaxTokenDays, "days").ok());
    for (const long long bad : {0LL, -5LL, kMaxTokenDays + 1, 1LL << 40}) {
        auto refused = token_lifetime(bad, "days");
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_EQ(refused.error().field, "days");
        EXPECT_NE(refused.error().message.find("1 to 3660"), std::string::npos);
    }
}

TEST(User, APasswordListIgnoresCaseCommentsAndBlankLines) {
    const auto list = PasswordList::parse("# a comment\npassword123456\r\n\nQwertyuiop123\n");
    EXPECT_EQ(list.size(), 2u);
    EXPECT_TRUE(list.contains("PASSWORD123456"));
    EXPECT_TRUE(list.contains("qwertyuiop123"));
    EXPECT_FALSE(list.contains("# a comment"));
    EXPECT_FALSE(list.contains("password12345"));
}

TEST(User, ANewPasswordIsNeitherCommonNorTheUserName) {
    const auto common = PasswordList::parse("iloveyou1234\n");
    EXPECT_TRUE(validate_new_password("a sound passphrase", "alice", common, "password").ok());

    for (const auto& [password, username, says] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"ILoveYou1234", "alice", "common"},
             {"alice.sato@example", "alice.sato@example", "user name"},
             {"my-name-is-ALICE-ok", "alice", "user name"},
             {"short", "alice", "at least 12"}}) {
        const auto s = validate_new_password(password, username, common, "password");
        ASSERT_FALSE(s.ok()) << password;
        EXPECT_EQ(s.error().field, "password");
        EXPECT_NE(s.error().message.find(says), std::string::npos) << s.error().message;
    }
    // A name shorter than kMinUsernameInPassword may appear inside, not be the whole password.
    EXPECT_TRUE(validate_new_password("bob is my uncle, ok", "bob", common, "password").ok());
}

} // namespace
