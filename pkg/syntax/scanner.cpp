// The Go scanner: whitespace, identifiers, comments, operators and semicolon insertion.
#include "pkg/syntax/scanner.h"

#include <fmt/format.h>

#include "pkg/base/utf8.h"
#include "pkg/syntax/scanner_chars.h"

namespace gotool::syntax {

using namespace scan;

Scanner::Scanner(base::File* file, std::string_view src, base::Arena* arena,
                 ScanErrorHandler on_error, unsigned mode)
    : file_(file),
      src_(src.data()),
      size_(int(src.size())),
      arena_(arena),
      on_error_(std::move(on_error)),
      mode_(mode) {
  if (file_->content().empty() && !src.empty()) file_->SetContent(src);
  const std::string& name = file_->name();
  size_t slash = name.rfind('/');
  if (slash != std::string::npos) dir_ = name.substr(0, slash + 1);
  if (arena_ == nullptr) {
    own_arena_ = std::make_unique<base::Arena>();
    arena_ = own_arena_.get();
  }
  Next();
  if (ch_ == kBOM) Next();  // a BOM is ignored at the very beginning only
}

// NextSlow decodes a NUL or non-ASCII character at rd_offset_ and reports it if bad.
void Scanner::NextSlow() {
  uint8_t b = uint8_t(src_[rd_offset_]);
  int32_t r = b;
  int w = 1;
  if (b == 0) {
    Error(offset_, "illegal character NUL");
  } else {
    base::DecodedRune d =
        base::DecodeRune(std::string_view(src_ + rd_offset_, size_t(size_ - rd_offset_)));
    r = d.rune;
    w = d.width;
    if (r == base::kRuneError && w == 1) {
      Error(offset_, "illegal UTF-8 encoding");
    } else if (r == kBOM && offset_ > 0) {
      Error(offset_, "illegal byte order mark");
    }
  }
  rd_offset_ += w;
  ch_ = r;
}

// ErrorIllegal reports an unexpected character; kept out of line so that Scan's hot
// path does not pay for string formatting.
[[gnu::cold, gnu::noinline]] void Scanner::ErrorIllegal(int offset, int32_t ch) {
  Error(offset, fmt::format("illegal character {}", base::FormatRuneU(ch)));
}

void Scanner::Error(int offset, std::string_view msg) {
  if (on_error_) on_error_(file_->PosAt(offset), msg);
  error_count_++;
}

std::string_view Scanner::ScanComment() {
  // The initial '/' is consumed; ch_ is '/' or '*'.
  int offs = offset_ - 1;
  int next = -1;  // offset just after the comment; < 0 if it is not terminated
  int num_cr = 0;

  if (ch_ == '/') {
    // A //-comment ends before the newline.
    Next();
    for (;;) {
      SkipPlain(kPlainLine);
      if (ch_ == '\n' || ch_ < 0) break;
      if (ch_ == '\r') num_cr++;
      Next();
    }
    next = offset_;
    if (ch_ == '\n') next++;
  } else {
    Next();
    while (ch_ >= 0) {
      SkipPlain(kPlainBlock);
      if (ch_ < 0) break;
      int32_t ch = ch_;
      if (ch == '\r') num_cr++;
      Next();
      if (ch == '*' && ch_ == '/') {
        Next();
        next = offset_;
        break;
      }
    }
    if (next < 0) Error(offs, "comment not terminated");
  }

  std::string_view lit(src_ + offs, size_t(offset_ - offs));
  // A //-comment line may end in "\r\n": drop that '\r' before looking for a line
  // directive; any other '\r' goes after.
  if (num_cr > 0 && lit[1] == '/' && lit.back() == '\r') {
    lit.remove_suffix(1);
    num_cr--;
  }
  // //line directives count only at the start of a line; /*line */ anywhere.
  bool at_line_start = offs == 0 || src_[offs - 1] == '\n';
  if (next >= 0 && (lit[1] == '*' || at_line_start) && lit.substr(2).starts_with("line ")) {
    UpdateLineInfo(next, offs, lit);
  }
  if (num_cr > 0) lit = StripCR(lit, lit[1] == '*');
  return lit;
}

// FindLineEnd reports whether the comments starting at the current '/' (already
// consumed) are followed by a newline or EOF before any other token. The scanner
// state is restored afterwards.
bool Scanner::FindLineEnd() {
  int start = offset_ - 1;
  bool found = false;
  while (ch_ == '/' || ch_ == '*') {
    if (ch_ == '/') {
      found = true;  // a //-comment always ends at a newline or EOF
      break;
    }
    Next();
    bool newline = false;
    while (ch_ >= 0) {
      int32_t ch = ch_;
      if (ch == '\n') {
        newline = true;
        break;
      }
      Next();
      if (ch == '*' && ch_ == '/') {
        Next();
        break;
      }
    }
    if (newline) {
      found = true;
      break;
    }
    SkipWhitespace();  // insert_semi_ is set, so this stops at '\n'
    if (ch_ < 0 || ch_ == '\n') {
      found = true;
      break;
    }
    if (ch_ != '/') break;  // another token follows
    Next();                 // consume the '/' of the next comment
  }
  // Back to where we were: just past the initial '/'.
  ch_ = '/';
  offset_ = start;
  rd_offset_ = start + 1;
  Next();
  return found;
}

// AtCompilerIdentChar reports (with kScanCompilerErrors) a non-ASCII character that
// cmd/compile takes into an identifier although it is no letter or digit.
bool Scanner::AtCompilerIdentChar() {
  if (!(mode_ & kScanCompilerErrors) || ch_ < 0x80 || IsLetterCh(ch_) || IsDigitCh(ch_)) {
    return false;
  }
  Error(offset_, fmt::format("invalid character {} in identifier", base::FormatRuneU(ch_)));
  return true;
}

// AtCompilerIdentStart reports (with kScanCompilerErrors) a non-ASCII character that
// is no letter but starts an identifier for cmd/compile, with an error.
bool Scanner::AtCompilerIdentStart() {
  if (!(mode_ & kScanCompilerErrors) || ch_ < 0x80 || ch_ == kBOM) return false;
  if (IsDigitCh(ch_)) {
    Error(offset_, fmt::format("identifier cannot begin with digit {}", base::FormatRuneU(ch_)));
  } else {
    Error(offset_, fmt::format("invalid character {} in identifier", base::FormatRuneU(ch_)));
  }
  return true;
}

std::string_view Scanner::ScanIdentifier() {
  int offs = offset_;
  // ASCII fast path; fall back to decoding at the first non-ASCII byte.
  int i = rd_offset_;
  while (i < size_ && (kClass[uint8_t(src_[i])] & kIdentChar)) i++;
  if (i >= size_) {
    offset_ = size_;
    rd_offset_ = size_;
    ch_ = kEOF;
  } else if (uint8_t b = uint8_t(src_[i]); b != 0 && b < 0x80) {
    ch_ = b;
    offset_ = i;
    rd_offset_ = i + 1;
  } else {
    rd_offset_ = i;
    Next();
    while (IsLetterCh(ch_) || IsDigitCh(ch_) || AtCompilerIdentChar()) Next();
  }
  return std::string_view(src_ + offs, size_t(offset_ - offs));
}

// SkipWhitespace skips blanks, and newlines unless a semicolon may be inserted.
inline void Scanner::SkipWhitespace() {
  uint16_t klass = insert_semi_ ? kSpace : kSpaceNL;
  if (uint32_t(ch_) < 0x80 && (kClass[size_t(ch_)] & klass)) {
    SkipRun(klass);
    Next();
  }
}

// Switch2..Switch4 scan the rest of multi-character operators: a trailing '=' gives
// tok1 (or tok3 after ch2), ch2 gives tok2, anything else leaves tok0.
Token Scanner::Switch2(Token tok0, Token tok1) {
  if (ch_ == '=') {
    Next();
    return tok1;
  }
  return tok0;
}

Token Scanner::Switch3(Token tok0, Token tok1, int32_t ch2, Token tok2) {
  if (ch_ == '=') {
    Next();
    return tok1;
  }
  if (ch_ == ch2) {
    Next();
    return tok2;
  }
  return tok0;
}

Token Scanner::Switch4(Token tok0, Token tok1, int32_t ch2, Token tok2, Token tok3) {
  if (ch_ == '=') {
    Next();
    return tok1;
  }
  if (ch_ == ch2) {
    Next();
    if (ch_ == '=') {
      Next();
      return tok3;
    }
    return tok2;
  }
  return tok0;
}

TokenInfo Scanner::Scan() {
  for (;;) {
    SkipWhitespace();
    // The token is assembled in locals and returned in one piece: filling a
    // TokenInfo field by field and copying it out stalls store forwarding.
    int pos_offset = offset_;
    base::Pos pos = file_->PosAt(pos_offset);
    Token tok = Token::ILLEGAL;
    std::string_view lit;
    bool insert_semi = false;
    int32_t ch = ch_;

    if (IsLetterCh(ch) || AtCompilerIdentStart()) {
      lit = ScanIdentifier();
      tok = Token::IDENT;
      insert_semi = true;
      // Keywords are longer than one letter.
      if (lit.size() > 1) {
        tok = LookupKeyword(lit);
        insert_semi = tok == Token::IDENT || tok == Token::BREAK ||
                      tok == Token::CONTINUE || tok == Token::FALLTHROUGH ||
                      tok == Token::RETURN;
      }
    } else if (IsDecimal(ch) || (ch == '.' && IsDecimal(Peek()))) {
      insert_semi = true;
      tok = ScanNumber();
      lit = std::string_view(src_ + pos_offset, size_t(offset_ - pos_offset));
    } else {
      Next();  // always make progress
      switch (ch) {
        case kEOF:
          if (insert_semi_) {
            insert_semi_ = false;  // EOF consumed
            tok = Token::SEMICOLON;
            lit = "\n";
            return TokenInfo{pos, tok, lit};
          }
          tok = Token::EOF_;
          break;
        case '\n':
          // Only reached when insert_semi_ stopped SkipWhitespace here.
          insert_semi_ = false;  // newline consumed
          tok = Token::SEMICOLON;
          lit = "\n";
          return TokenInfo{pos, tok, lit};
        case '"':
          insert_semi = true;
          tok = Token::STRING;
          lit = ScanString();
          break;
        case '\'':
          insert_semi = true;
          tok = Token::CHAR;
          lit = ScanRune();
          break;
        case '`':
          insert_semi = true;
          tok = Token::STRING;
          lit = ScanRawString();
          break;
        case ':':
          tok = Switch2(Token::COLON, Token::DEFINE);
          break;
        case '.':
          // Fractions starting with '.' were handled above.
          tok = Token::PERIOD;
          if (ch_ == '.' && Peek() == '.') {
            Next();
            Next();
            tok = Token::ELLIPSIS;
          }
          break;
        case ',':
          tok = Token::COMMA;
          break;
        case ';':
          tok = Token::SEMICOLON;
          lit = ";";
          break;
        case '(':
          tok = Token::LPAREN;
          break;
        case ')':
          insert_semi = true;
          tok = Token::RPAREN;
          break;
        case '[':
          tok = Token::LBRACK;
          break;
        case ']':
          insert_semi = true;
          tok = Token::RBRACK;
          break;
        case '{':
          tok = Token::LBRACE;
          break;
        case '}':
          insert_semi = true;
          tok = Token::RBRACE;
          break;
        case '+':
          tok = Switch3(Token::ADD, Token::ADD_ASSIGN, '+', Token::INC);
          insert_semi = tok == Token::INC;
          break;
        case '-':
          tok = Switch3(Token::SUB, Token::SUB_ASSIGN, '-', Token::DEC);
          insert_semi = tok == Token::DEC;
          break;
        case '*':
          tok = Switch2(Token::MUL, Token::MUL_ASSIGN);
          break;
        case '/':
          if (ch_ == '/' || ch_ == '*') {
            if (insert_semi_ && FindLineEnd()) {
              // The newline ending this line comes first: return it, then rescan
              // the comment from its beginning.
              ch_ = '/';
              offset_ = pos_offset;
              rd_offset_ = pos_offset + 1;
              insert_semi_ = false;  // newline consumed
              tok = Token::SEMICOLON;
              lit = "\n";
              return TokenInfo{pos, tok, lit};
            }
            std::string_view comment = ScanComment();
            if ((mode_ & kScanComments) == 0) {
              insert_semi_ = false;  // newline consumed
              continue;              // skip the comment
            }
            tok = Token::COMMENT;
            lit = comment;
          } else {
            tok = Switch2(Token::QUO, Token::QUO_ASSIGN);
          }
          break;
        case '%':
          tok = Switch2(Token::REM, Token::REM_ASSIGN);
          break;
        case '^':
          tok = Switch2(Token::XOR, Token::XOR_ASSIGN);
          break;
        case '<':
          if (ch_ == '-') {
            Next();
            tok = Token::ARROW;
          } else {
            tok = Switch4(Token::LSS, Token::LEQ, '<', Token::SHL, Token::SHL_ASSIGN);
          }
          break;
        case '>':
          tok = Switch4(Token::GTR, Token::GEQ, '>', Token::SHR, Token::SHR_ASSIGN);
          break;
        case '=':
          tok = Switch2(Token::ASSIGN, Token::EQL);
          break;
        case '!':
          tok = Switch2(Token::NOT, Token::NEQ);
          break;
        case '&':
          if (ch_ == '^') {
            Next();
            tok = Switch2(Token::AND_NOT, Token::AND_NOT_ASSIGN);
          } else {
            tok = Switch3(Token::AND, Token::AND_ASSIGN, '&', Token::LAND);
          }
          break;
        case '|':
          tok = Switch3(Token::OR, Token::OR_ASSIGN, '|', Token::LOR);
          break;
        case '~':
          tok = Token::TILDE;
          break;
        default:
          // Next already reported a misplaced BOM; do not repeat it.
          if (ch != kBOM) ErrorIllegal(pos_offset, ch);
          insert_semi = insert_semi_;  // keep the semicolon state
          tok = Token::ILLEGAL;
          if (ch == base::kRuneError && offset_ - pos_offset == 1) {
            lit = "\xEF\xBF\xBD";  // an invalid byte decodes to U+FFFD
          } else {
            lit = std::string_view(src_ + pos_offset, size_t(offset_ - pos_offset));
          }
          break;
      }
    }
    if ((mode_ & kDontInsertSemis) == 0) insert_semi_ = insert_semi;
    return TokenInfo{pos, tok, lit};
  }
}

}  // namespace gotool::syntax
