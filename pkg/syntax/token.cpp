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

namespace {

// Keywords are found through a perfect hash of (first byte, second byte, length) into
// 64 slots, so an identifier costs one table probe and at most one compare.
constexpr size_t kKeywordSlots = 64;

constexpr size_t KeywordHash(char c0, char c1, size_t len) {
  return (size_t(uint8_t(c0)) + size_t(uint8_t(c1)) * 4 + len * 6) & (kKeywordSlots - 1);
}

constexpr std::array<Token, kKeywordSlots> MakeKeywordTable() {
  std::array<Token, kKeywordSlots> table{};
  for (Token& t : table) t = Token::IDENT;
  for (size_t i = size_t(Token::BREAK); i <= size_t(Token::VAR); i++) {
    std::string_view kw = kTokenStrings[i];
    size_t h = KeywordHash(kw[0], kw[1], kw.size());
    // A collision leaves a non-IDENT entry; the static_assert below then fails.
    if (table[h] != Token::IDENT) return {};
    table[h] = Token(i);
  }
  return table;
}

constexpr std::array<Token, kKeywordSlots> kKeywordTable = MakeKeywordTable();

constexpr bool KeywordTableComplete() {
  size_t n = 0;
  for (Token t : kKeywordTable) n += t >= Token::BREAK && t <= Token::VAR;
  return n == size_t(Token::VAR) - size_t(Token::BREAK) + 1;
}
static_assert(KeywordTableComplete(), "keyword hash has collisions");

}  // namespace

Token LookupKeyword(std::string_view ident) {
  // Keywords are 2..11 bytes long.
  if (ident.size() < 2 || ident.size() > 11) return Token::IDENT;
  Token t = kKeywordTable[KeywordHash(ident[0], ident[1], ident.size())];
  if (t == Token::IDENT) return t;
  std::string_view kw = kTokenStrings[size_t(t)];
  if (kw.size() != ident.size()) return Token::IDENT;
  // A byte loop: these strings are too short for a memcmp call to pay off.
  for (size_t i = 0; i < kw.size(); i++) {
    if (kw[i] != ident[i]) return Token::IDENT;
  }
  return t;
}

}  // namespace gotool::syntax
