// Go's lexical tokens (the go/token set), their spellings and binary precedences.
#pragma once

#include <cstdint>
#include <string_view>

namespace gotool::syntax {

// Token is one lexical token kind; the list lives in token.def.
enum class Token : uint8_t {
#define TOKEN(name, text) name,
#include "pkg/syntax/token.def"
#undef TOKEN
  kCount
};

// TokenString returns the spelling go/token's Token.String() gives (e.g. "+", "break",
// "IDENT", "EOF").
std::string_view TokenString(Token t);

// Precedence returns the binary-operator precedence of t (1..5) as go/token does, or
// 0 if t is not a binary operator.
int Precedence(Token t);

inline constexpr int kLowestPrec = 0;
inline constexpr int kUnaryPrec = 6;
inline constexpr int kHighestPrec = 7;

inline bool IsLiteral(Token t) { return t >= Token::IDENT && t <= Token::STRING; }
inline bool IsOperator(Token t) { return t >= Token::ADD && t <= Token::TILDE; }
inline bool IsKeyword(Token t) { return t >= Token::BREAK && t <= Token::VAR; }

// LookupKeyword maps an identifier to its keyword token, or IDENT.
Token LookupKeyword(std::string_view ident);

}  // namespace gotool::syntax
