// The Go scanner: turns one file's bytes into tokens, as go/scanner does.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "pkg/base/arena.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/token.h"

namespace gotool::syntax {

// ScanMode selects optional scanner behaviour (bit set).
enum ScanMode : unsigned {
  kScanComments = 1 << 0,     // return COMMENT tokens
  kDontInsertSemis = 1 << 1,  // do not insert automatic semicolons (for tests)
  // kScanCompilerErrors words some errors as cmd/compile's scanner does and scans
  // identifiers as it does: a non-ASCII character that is no letter or digit is
  // taken into the identifier, with an error.
  kScanCompilerErrors = 1 << 2,
};

// ScanErrorHandler receives each scanning error: its position and go/scanner's text.
using ScanErrorHandler = std::function<void(base::Pos, std::string_view msg)>;

// TokenInfo is one scanned token, with go/scanner's literal: the source text for
// identifiers, keywords, basic literals and comments (a view into the source, or into
// the arena when carriage returns had to be removed from a raw string or comment);
// ";" for a semicolon in the source and "\n" for an automatic one (at a newline or
// EOF); the offending character for ILLEGAL; empty for other tokens.
struct TokenInfo {
  base::Pos pos;
  Token tok = Token::ILLEGAL;
  std::string_view lit;
};

// Scanner tokenizes src, which must stay alive (and unmoved) while tokens are used.
// file must have size src.size(); the scanner gives it src as content (for its lazy
// line table) if it has none, records //line directives in it, and reports errors to
// the handler (which may be empty). arena may be null (the scanner then owns one).
class Scanner {
 public:
  Scanner(base::File* file, std::string_view src, base::Arena* arena,
          ScanErrorHandler on_error, unsigned mode = 0);

  // Scan returns the next token; after the end it keeps returning EOF_.
  TokenInfo Scan();

  // error_count returns the number of errors reported so far.
  int error_count() const { return error_count_; }

 private:
  // Character reading (scanner_chars.h, scanner.cpp).
  void Next();
  void NextSlow();
  uint8_t Peek() const;
  void SkipRun(uint16_t klass);
  void SkipPlain(uint16_t klass);
  void Error(int offset, std::string_view msg);
  void ErrorIllegal(int offset, int32_t ch);
  bool AtCompilerIdentChar();
  bool AtCompilerIdentStart();

  // Tokens, comments and semicolons (scanner.cpp).
  void SkipWhitespace();
  std::string_view ScanIdentifier();
  std::string_view ScanComment();
  bool FindLineEnd();
  Token Switch2(Token tok0, Token tok1);
  Token Switch3(Token tok0, Token tok1, int32_t ch2, Token tok2);
  Token Switch4(Token tok0, Token tok1, int32_t ch2, Token tok2, Token tok3);

  // Literals (scanner_literals.cpp).
  Token ScanNumber();  // the literal is the text scanned
  int Digits(int base, int* invalid);
  bool ScanEscape(int32_t quote);
  std::string_view ScanRune();
  std::string_view ScanString();
  std::string_view ScanRawString();

  // Line directives and '\r' stripping (scanner_line.cpp).
  void UpdateLineInfo(int next, int offs, std::string_view text);
  std::string_view StripCR(std::string_view lit, bool comment);

  base::File* file_;
  const char* src_;
  int size_;
  base::Arena* arena_;
  std::unique_ptr<base::Arena> own_arena_;
  ScanErrorHandler on_error_;
  unsigned mode_;
  std::string dir_;      // directory part of the file name, for //line filenames
  int offset_ = 0;       // offset of ch_
  int rd_offset_ = 0;    // offset after ch_
  int32_t ch_ = ' ';     // current character (rune), -1 at EOF
  bool insert_semi_ = false;
  int error_count_ = 0;
};

}  // namespace gotool::syntax
