// The Go scanner's literals: numbers, escapes, rune, string and raw string literals.
#include <fmt/format.h>

#include "pkg/base/utf8.h"
#include "pkg/syntax/scanner.h"
#include "pkg/syntax/scanner_chars.h"

namespace gotool::syntax {

using namespace scan;

namespace {

int DigitVal(int32_t ch) {
  if (IsDecimal(ch)) return ch - '0';
  int32_t l = Lower(ch);
  if (l >= 'a' && l <= 'f') return l - 'a' + 10;
  return 16;  // larger than any legal digit
}

// LitName names the kind of number a base prefix ('x', 'o', 'b', '0' or none) starts.
std::string_view LitName(char prefix) {
  switch (prefix) {
    case 'x':
      return "hexadecimal literal";
    case 'o':
    case '0':
      return "octal literal";
    case 'b':
      return "binary literal";
    default:
      return "decimal literal";
  }
}

// InvalidSeparator returns the index of the first '_' in the number literal lit that
// does not sit between two digits (a base prefix counts as a digit), or -1.
int InvalidSeparator(std::string_view lit) {
  bool hex = false;
  char prev = '.';  // '0' after a digit, '_' after a separator, '.' otherwise
  size_t i = 0;
  if (lit.size() >= 2 && lit[0] == '0') {
    char p = char(Lower(uint8_t(lit[1])));
    if (p == 'x' || p == 'o' || p == 'b') {
      hex = p == 'x';
      prev = '0';
      i = 2;
    }
  }
  for (; i < lit.size(); i++) {
    char c = lit[i];
    if (c == '_') {
      if (prev != '0') return int(i);
      prev = '_';
    } else if (IsDecimal(c) || (hex && IsHex(uint8_t(c)))) {
      prev = '0';
    } else {
      if (prev == '_') return int(i) - 1;
      prev = '.';
    }
  }
  return prev == '_' ? int(lit.size()) - 1 : -1;
}

}  // namespace

// Digits accepts { digit | '_' } and returns bit 0 if there was a digit, bit 1 if a
// separator. For base <= 10 any decimal digit is accepted, and the offset of the
// first digit >= base is recorded in *invalid (if not yet set).
int Scanner::Digits(int base, int* invalid) {
  int digsep = 0;
  if (base <= 10) {
    int32_t max = '0' + base;
    while (IsDecimal(ch_) || ch_ == '_') {
      if (ch_ == '_') {
        digsep |= 2;
      } else {
        digsep |= 1;
        if (ch_ >= max && *invalid < 0) *invalid = offset_;
      }
      Next();
    }
  } else {
    while (IsHex(ch_) || ch_ == '_') {
      digsep |= ch_ == '_' ? 2 : 1;
      Next();
    }
  }
  return digsep;
}

Token Scanner::ScanNumber() {
  int offs = offset_;
  Token tok = Token::ILLEGAL;
  int base = 10;
  char prefix = 0;  // 0 (decimal), '0' (old octal), 'x', 'o' or 'b'
  int digsep = 0;   // bit 0: a digit seen, bit 1: a '_' seen
  int invalid = -1;  // offset of the first digit too large for base

  // Integer part.
  if (ch_ != '.') {
    tok = Token::INT;
    if (ch_ == '0') {
      Next();
      switch (Lower(ch_)) {
        case 'x':
          Next();
          base = 16;
          prefix = 'x';
          break;
        case 'o':
          Next();
          base = 8;
          prefix = 'o';
          break;
        case 'b':
          Next();
          base = 2;
          prefix = 'b';
          break;
        default:
          base = 8;
          prefix = '0';
          digsep = 1;  // the leading 0 is a digit
      }
    }
    digsep |= Digits(base, &invalid);
  }

  // Fractional part.
  if (ch_ == '.') {
    tok = Token::FLOAT;
    if (prefix == 'o' || prefix == 'b') {
      Error(offset_, fmt::format("invalid radix point in {}", LitName(prefix)));
    }
    Next();
    digsep |= Digits(base, &invalid);
  }
  if ((digsep & 1) == 0) Error(offset_, fmt::format("{} has no digits", LitName(prefix)));

  // Exponent.
  int32_t e = Lower(ch_);
  if (e == 'e' || e == 'p') {
    if (e == 'e' && prefix != 0 && prefix != '0') {
      Error(offset_, fmt::format("'{}' exponent requires decimal mantissa", char(ch_)));
    } else if (e == 'p' && prefix != 'x') {
      Error(offset_, fmt::format("'{}' exponent requires hexadecimal mantissa", char(ch_)));
    }
    Next();
    tok = Token::FLOAT;
    if (ch_ == '+' || ch_ == '-') Next();
    int no_invalid = 0;  // base 10 never records an invalid digit
    int ds = Digits(10, &no_invalid);
    digsep |= ds;
    if ((ds & 1) == 0) Error(offset_, "exponent has no digits");
  } else if (prefix == 'x' && tok == Token::FLOAT) {
    Error(offset_, "hexadecimal mantissa requires a 'p' exponent");
  }

  // Imaginary suffix.
  if (ch_ == 'i') {
    tok = Token::IMAG;
    Next();
  }

  std::string_view lit(src_ + offs, size_t(offset_ - offs));
  if (tok == Token::INT && invalid >= 0) {
    Error(invalid, fmt::format("invalid digit '{}' in {}", src_[invalid], LitName(prefix)));
  }
  if (digsep & 2) {
    if (int i = InvalidSeparator(lit); i >= 0) {
      Error(offs + i, "'_' must separate successive digits");
    }
  }
  return tok;
}

// ScanEscape scans an escape sequence after '\\' whose quote is the escaped quote
// character. On error it stops at the offending character and returns false.
// QuoteRune quotes ch as Go's %q verb does for the characters escapes can meet.
static std::string QuoteRune(int32_t ch) {
  switch (ch) {
    case '\'':
      return "'\\''";
    case '\\':
      return "'\\\\'";
    case '\n':
      return "'\\n'";
    case '\t':
      return "'\\t'";
    case '\r':
      return "'\\r'";
    default:
      break;
  }
  if (ch >= 0x20 && ch < 0x7f) return std::string("'") + char(ch) + "'";
  if (ch < 0x80) return fmt::format("'\\x{:02x}'", ch);
  std::string s = "'";
  base::AppendRune(&s, ch);
  return s + "'";
}

bool Scanner::ScanEscape(int32_t quote) {
  int offs = offset_;
  int n = 0;
  uint32_t base = 0;
  uint32_t max = 0;
  switch (ch_) {
    case 'a':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
    case 'v':
    case '\\':
      Next();
      return true;
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
      n = 3, base = 8, max = 255;
      break;
    case 'x':
      Next();
      n = 2, base = 16, max = 255;
      break;
    case 'u':
      Next();
      n = 4, base = 16, max = uint32_t(base::kMaxRune);
      break;
    case 'U':
      Next();
      n = 8, base = 16, max = uint32_t(base::kMaxRune);
      break;
    default:
      if (ch_ == quote) {
        Next();
        return true;
      }
      Error(offs, ch_ < 0 ? "escape sequence not terminated" : "unknown escape sequence");
      return false;
  }

  uint32_t x = 0;
  for (; n > 0; n--) {
    uint32_t d = uint32_t(DigitVal(ch_));
    if (d >= base) {
      if (ch_ < 0) {
        Error(offset_, "escape sequence not terminated");
      } else if (mode_ & kScanCompilerErrors) {
        Error(offset_, fmt::format("invalid character {} in {} escape", QuoteRune(ch_),
                                   base == 8 ? "octal" : "hexadecimal"));
      } else {
        Error(offset_,
              fmt::format("illegal character {} in escape sequence", base::FormatRuneU(ch_)));
      }
      return false;
    }
    x = x * base + d;
    Next();
  }
  if (x > max || (x >= 0xD800 && x < 0xE000)) {
    Error(offs, "escape sequence is invalid Unicode code point");
    return false;
  }
  return true;
}

std::string_view Scanner::ScanRune() {
  // The opening '\'' is consumed.
  int offs = offset_ - 1;
  bool valid = true;
  int n = 0;
  for (;;) {
    int32_t ch = ch_;
    if (ch == '\n' || ch < 0) {
      // Report only if no error was reported yet.
      if (valid) {
        if (ch == '\n' && (mode_ & kScanCompilerErrors)) {
          Error(offset_, "newline in rune literal");
        } else {
          Error(offs, "rune literal not terminated");
        }
        valid = false;
      }
      break;
    }
    Next();
    if (ch == '\'') break;
    n++;
    if (ch == '\\' && !ScanEscape('\'')) valid = false;  // read on to the closing quote
  }
  if (valid && n != 1) {
    if (!(mode_ & kScanCompilerErrors)) {
      Error(offs, "illegal rune literal");
    } else if (n == 0) {
      Error(offset_ - 1, "empty rune literal or unescaped '");  // at the quote
    } else {
      Error(offs, "more than one character in rune literal");
    }
  }
  return std::string_view(src_ + offs, size_t(offset_ - offs));
}

std::string_view Scanner::ScanString() {
  // The opening '"' is consumed.
  int offs = offset_ - 1;
  for (;;) {
    SkipPlain(kPlainStr);
    int32_t ch = ch_;
    if (ch == '\n' || ch < 0) {
      if (!(mode_ & kScanCompilerErrors)) {
        Error(offs, "string literal not terminated");
      } else if (ch == '\n') {
        Error(offset_, "newline in string");
      } else {
        Error(offs, "string not terminated");
      }
      break;
    }
    Next();
    if (ch == '"') break;
    if (ch == '\\') ScanEscape('"');
  }
  return std::string_view(src_ + offs, size_t(offset_ - offs));
}

std::string_view Scanner::ScanRawString() {
  // The opening '`' is consumed.
  int offs = offset_ - 1;
  bool has_cr = false;
  for (;;) {
    SkipPlain(kPlainRaw);
    int32_t ch = ch_;
    if (ch < 0) {
      Error(offs, (mode_ & kScanCompilerErrors) ? "string not terminated"
                                                : "raw string literal not terminated");
      break;
    }
    Next();
    if (ch == '`') break;
    if (ch == '\r') has_cr = true;
  }
  std::string_view lit(src_ + offs, size_t(offset_ - offs));
  return has_cr ? StripCR(lit, false) : lit;
}

}  // namespace gotool::syntax
