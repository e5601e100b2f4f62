// Token spellings, precedences and keyword lookup.
#include "pkg/syntax/token.h"

#include <array>

namespace gotool::syntax {

namespace {
constexpr std::array<std::string_view, size_t(Token::kCount)> kTokenStrings = {
#define TOKEN(name, text) text,
#include "pkg/syntax/token.def"
#undef TOKEN
};
}  // namespace

std::string_view TokenString(Token t) {
  size_t i = size_t(t);
  return i < kTokenStrings.size() ? kTokenStrings[i] : std::string_view("token(?)");
}

int Precedence(Token t) {
  switch (t) {
    case Token::LOR:
      return 1;
    case Token::LAND:
      return 2;
    case Token::EQL:
    case Token::NEQ:
    case Token::LSS:
    case Token::LEQ:
    case Token::GTR:
    case Token::GEQ:
      return 3;
    case Token::ADD:
    case Token::SUB:
    case Token::OR:
    case Token::XOR:
      return 4;
    case Token::MUL:
    case Token::QUO:
    case Token::REM:
    case Token::SHL:
    case Token::SHR:
    case Token::AND:
    case Token::AND_NOT:
      return 5;
    default:
      return kLowestPrec;
  }
}

Token LookupKeyword(std::string_view ident) {
  // Keywords are 2..11 bytes and start with a lower-case letter; a linear scan over the
  // 25 keywords is only reached for such identifiers.
  if (ident.size() < 2 || ident.size() > 11 || ident[0] < 'b' || ident[0] > 'v') {
    return Token::IDENT;
  }
  for (size_t i = size_t(Token::BREAK); i <= size_t(Token::VAR); i++) {
    if (kTokenStrings[i] == ident) return Token(i);
  }
  return Token::IDENT;
}

}  // namespace gotool::syntax
