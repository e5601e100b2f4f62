// Tests for token spellings, precedences and keyword lookup.
#include "pkg/syntax/token.h"

#include <gtest/gtest.h>

namespace gotool::syntax {
namespace {

TEST(TokenTest, Strings) {
  EXPECT_EQ(TokenString(Token::EOF_), "EOF");
  EXPECT_EQ(TokenString(Token::IDENT), "IDENT");
  EXPECT_EQ(TokenString(Token::AND_NOT_ASSIGN), "&^=");
  EXPECT_EQ(TokenString(Token::ELLIPSIS), "...");
  EXPECT_EQ(TokenString(Token::TILDE), "~");
  EXPECT_EQ(TokenString(Token::FALLTHROUGH), "fallthrough");
}

TEST(TokenTest, KeywordsRoundTrip) {
  for (size_t i = size_t(Token::BREAK); i <= size_t(Token::VAR); i++) {
    Token t = Token(i);
    EXPECT_TRUE(IsKeyword(t));
    EXPECT_EQ(LookupKeyword(TokenString(t)), t) << TokenString(t);
  }
}

TEST(TokenTest, NonKeywords) {
  for (std::string_view s : {"", "b", "x", "breaks", "Break", "fo", "gox", "iff", "maps", "var_",
                             "typ", "_", "interfaces", "fallthroughs", "len", "string", "ty"}) {
    EXPECT_EQ(LookupKeyword(s), Token::IDENT) << s;
  }
}

TEST(TokenTest, Precedence) {
  EXPECT_EQ(Precedence(Token::LOR), 1);
  EXPECT_EQ(Precedence(Token::LAND), 2);
  EXPECT_EQ(Precedence(Token::EQL), 3);
  EXPECT_EQ(Precedence(Token::OR), 4);
  EXPECT_EQ(Precedence(Token::AND_NOT), 5);
  EXPECT_EQ(Precedence(Token::ASSIGN), kLowestPrec);
  EXPECT_TRUE(IsLiteral(Token::CHAR));
  EXPECT_TRUE(IsOperator(Token::ARROW));
  EXPECT_FALSE(IsOperator(Token::IDENT));
}

}  // namespace
}  // namespace gotool::syntax
