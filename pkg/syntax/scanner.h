// The Go scanner: turns one file's bytes into tokens, as go/scanner does.
#pragma once

#include <cstdint>
#include <functional>
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
};

// ScanErrorHandler receives each scanning error: its position and go/scanner's text.
using ScanErrorHandler = std::function<void(base::Pos, std::string_view msg)>;

// TokenInfo is one scanned token. lit is the literal text for identifiers, basic
// literals and comments (a view into the source, or into the arena when carriage
// returns had to be removed from a raw string or comment); "\n" or "semicolon" for
// SEMICOLON (automatic or explicit, as go/scanner); empty for other tokens.
struct TokenInfo {
  base::Pos pos;
  Token tok = Token::ILLEGAL;
  std::string_view lit;
};

// Scanner tokenizes src, which must stay alive (and unmoved) while tokens are used.
// It records //line directives in file and reports errors to the handler.
class Scanner {
 public:
  Scanner(base::File* file, std::string_view src, base::Arena* arena,
          ScanErrorHandler on_error, unsigned mode = 0);

  // Scan returns the next token; after the end it keeps returning EOF_.
  TokenInfo Scan();

  int error_count() const { return error_count_; }

 private:
  // Implementation state (see scanner.cpp).
  base::File* file_;
  std::string_view src_;
  base::Arena* arena_;
  ScanErrorHandler on_error_;
  unsigned mode_;
  int offset_ = 0;       // offset of ch_
  int rd_offset_ = 0;    // offset after ch_
  int32_t ch_ = -1;      // current character (rune), -1 at EOF
  bool insert_semi_ = false;
  int error_count_ = 0;
  friend class ScannerImpl;
  void Next();
  void Error(int offset, std::string_view msg);
};

}  // namespace gotool::syntax
