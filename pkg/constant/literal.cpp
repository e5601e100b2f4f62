// MakeFromLiteral (Go's integer, float, imaginary, rune and string literals) and
// strconv.Quote for String forms.
#include <algorithm>
#include <cctype>
#include <climits>
#include <optional>

#include "pkg/base/utf8.h"
#include "pkg/constant/value.h"
#include "pkg/constant/value_internal.h"

namespace gotool::constant {

namespace {

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

// Number is a parsed numeric literal: digits * base^-frac_digits * exp_base^exp.
struct Number {
  bool neg = false;
  int base = 10;
  mpz_class digits;
  int64_t frac_digits = 0;
  int exp_base = 10;  // 10 for 'e', 2 for 'p'
  int64_t exp = 0;
};

// ParseNumber parses an optionally signed integer (allow_float false) or float
// literal with Go's base prefixes and '_' separators ('_' only between digits or
// after a prefix). A leading 0 means octal for integers only.
std::optional<Number> ParseNumber(std::string_view s, bool allow_float) {
  Number n;
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) n.neg = s[i++] == '-';
  bool prefixed = false;
  if (s.size() - i >= 2 && s[i] == '0') {
    char p = char(std::tolower(static_cast<unsigned char>(s[i + 1])));
    if (p == 'x' || p == 'b' || p == 'o') {
      n.base = p == 'x' ? 16 : (p == 'b' ? 2 : 8);
      prefixed = true;
      i += 2;
    }
  }
  bool octal0 = !prefixed && !allow_float && s.size() - i >= 2 && s[i] == '0';
  if (octal0) n.base = 8;
  std::string digits;
  bool prev_digit_or_prefix = prefixed, any_digit = false, seen_point = false;
  for (; i < s.size(); i++) {
    char c = s[i];
    if (c == '_') {
      if (!prev_digit_or_prefix) return std::nullopt;
      if (i + 1 >= s.size() || DigitValue(s[i + 1]) >= n.base) return std::nullopt;
      prev_digit_or_prefix = false;
      continue;
    }
    if (c == '.' && allow_float && !seen_point) {
      seen_point = true;
      prev_digit_or_prefix = false;
      continue;
    }
    int d = DigitValue(c);
    if (d >= n.base) break;
    digits += c;
    any_digit = true;
    if (seen_point) n.frac_digits++;
    prev_digit_or_prefix = true;
  }
  if (!any_digit) return std::nullopt;
  if (n.digits.set_str(digits, n.base) != 0) return std::nullopt;
  if (i < s.size()) {
    if (!allow_float) return std::nullopt;
    char e = char(std::tolower(static_cast<unsigned char>(s[i])));
    if (e == 'p') {
      n.exp_base = 2;
    } else if (e != 'e' || n.base != 10) {
      return std::nullopt;
    }
    i++;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    if (i >= s.size()) return std::nullopt;
    int64_t x = 0;
    for (; i < s.size(); i++) {
      if (s[i] == '_') continue;
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      if (x < (int64_t(1) << 40)) x = x * 10 + (s[i] - '0');
    }
    n.exp = eneg ? -x : x;
  }
  return n;
}

mpz_class Pow(int base, int64_t e) {
  mpz_class r;
  mpz_ui_pow_ui(r.get_mpz_t(), unsigned(base), static_cast<unsigned long>(e));
  return r;
}

// Pow5 returns 5^n as big.Float's decimal conversion computes it: exact up to 5^27,
// then by repeated squaring, the result at prec bits and the squares at prec+64.
// (Reproducing its rounding makes huge literals agree with go/constant bit for bit.)
BigFloat Pow5(uint64_t n, int prec) {
  constexpr uint64_t kExact = 27;  // 5^27 is the largest power of 5 in a uint64
  if (n <= kExact) return BigFloat::FromInt(Pow(5, int64_t(n)), prec);
  BigFloat z = BigFloat::FromInt(Pow(5, kExact), prec);
  n -= kExact;
  BigFloat f = BigFloat::FromInt(5, prec + 64);
  for (; n > 0; n >>= 1) {
    if (n & 1) z = BigFloat::Mul(z, f, prec);
    f = BigFloat::Mul(f, f, prec + 64);
  }
  return z;
}

// ExactRat returns the literal's value as a rational: digits * 2^e2 * 10^e10.
mpq_class ExactRat(const Number& n, int64_t e2, int64_t e10) {
  mpq_class q(n.digits);
  if (e10 > 0) q *= Pow(10, e10);
  if (e10 < 0) q /= Pow(10, -e10);
  if (e2 > 0) q.get_num() <<= mp_bitcnt_t(e2);
  if (e2 < 0) q.get_den() <<= mp_bitcnt_t(-e2);
  q.canonicalize();
  if (n.neg) q = -q;
  return q;
}

// MakeFloatFromNumber returns the value of a float literal as go/constant computes
// it: parsed to a 512-bit float the way big.Float.SetString does; if that has a
// moderate exponent (smallFloat), the exact rational instead.
Value MakeFloatFromNumber(const Number& n) {
  // value = digits * 2^e2 * 10^e10
  int64_t e2 = 0, e10 = 0;
  if (n.base == 10) {
    e10 = -n.frac_digits;
  } else {
    int bits = n.base == 16 ? 4 : (n.base == 8 ? 3 : 1);
    e2 = -n.frac_digits * bits;
  }
  (n.exp_base == 10 ? e10 : e2) += n.exp;
  if (sgn(n.digits) == 0) return MakeRatRepr(mpq_class(0));
  // big.Float rejects a binary exponent (before the power of 5) beyond int32.
  int64_t top = BitLen(n.digits) + e2 + e10;
  if (top < INT32_MIN || top > INT32_MAX) return Value();
  // The digits stay exact until the single rounding by the power of five.
  BigFloat digits = BigFloat::Round(n.neg, n.digits, e2 + e10, false,
                                    int(std::max<int64_t>(BitLen(n.digits), 1)));
  BigFloat f;
  constexpr int kPowPrec = BigFloat::kPrec + 64;
  if (e10 == 0) {
    f = digits.WithPrec(BigFloat::kPrec, RoundingMode::kNearestEven);
  } else if (e10 > 0) {
    f = BigFloat::Mul(digits, Pow5(uint64_t(e10), kPowPrec));
  } else {
    f = BigFloat::Quo(digits, Pow5(uint64_t(-e10), kPowPrec));
  }
  if (SmallFloat(f)) {
    if (f.Sign() == 0) return MakeRatRepr(mpq_class(0));  // underflowed: just 0
    return MakeRatRepr(ExactRat(n, e2, e10));
  }
  return MakeFloat(f);
}

Value MakeFloatFromLiteral(std::string_view lit) {
  std::optional<Number> n = ParseNumber(lit, true);
  return n ? MakeFloatFromNumber(*n) : Value();
}

Value MakeIntFromLiteral(std::string_view lit) {
  std::optional<Number> n = ParseNumber(lit, false);
  if (!n) return Value();
  return MakeInt(n->neg ? mpz_class(-n->digits) : n->digits);
}

int HexVal(char c) {
  int d = DigitValue(c);
  return d < 16 ? d : -1;
}

// UnquoteChar decodes the first character or escape of s (the part of a literal
// between its quotes) as strconv.UnquoteChar: the rune, whether it must be encoded
// as UTF-8 (false for \x and octal byte escapes), and its length; nullopt if invalid.
struct Char {
  int32_t value;
  bool multibyte;
  size_t len;
};

std::optional<Char> UnquoteChar(std::string_view s, char quote) {
  if (s.empty()) return std::nullopt;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c == static_cast<unsigned char>(quote) && (quote == '\'' || quote == '"')) {
    return std::nullopt;
  }
  if (c >= 0x80) {
    base::DecodedRune r = base::DecodeRune(s);
    return Char{r.rune, true, size_t(r.width)};
  }
  if (c != '\\') return Char{c, false, 1};
  if (s.size() <= 1) return std::nullopt;
  char e = s[1];
  switch (e) {
    case 'a':
      return Char{'\a', false, 2};
    case 'b':
      return Char{'\b', false, 2};
    case 'f':
      return Char{'\f', false, 2};
    case 'n':
      return Char{'\n', false, 2};
    case 'r':
      return Char{'\r', false, 2};
    case 't':
      return Char{'\t', false, 2};
    case 'v':
      return Char{'\v', false, 2};
    case '\\':
      return Char{'\\', false, 2};
    case '\'':
    case '"':
      if (e != quote) return std::nullopt;
      return Char{e, false, 2};
    case 'x':
    case 'u':
    case 'U': {
      size_t n = e == 'x' ? 2 : (e == 'u' ? 4 : 8);
      if (s.size() < 2 + n) return std::nullopt;
      int64_t v = 0;
      for (size_t k = 0; k < n; k++) {
        int d = HexVal(s[2 + k]);
        if (d < 0) return std::nullopt;
        v = v << 4 | d;
      }
      if (e == 'x') return Char{int32_t(v), false, 2 + n};
      if (!base::ValidRune(int32_t(v)) || v > base::kMaxRune) return std::nullopt;
      return Char{int32_t(v), true, 2 + n};
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      if (s.size() < 4) return std::nullopt;
      int v = 0;
      for (size_t k = 1; k < 4; k++) {
        if (s[k] < '0' || s[k] > '7') return std::nullopt;
        v = v * 8 + (s[k] - '0');
      }
      if (v > 255) return std::nullopt;
      return Char{v, false, 4};
    }
    default:
      return std::nullopt;
  }
}

// Unquote interprets a Go string literal ("..." or `...`) as strconv.Unquote.
std::optional<std::string> Unquote(std::string_view lit) {
  if (lit.size() < 2 || lit.front() != lit.back()) return std::nullopt;
  std::string_view body = lit.substr(1, lit.size() - 2);
  std::string out;
  if (lit.front() == '`') {
    for (char c : body) {
      if (c == '`') return std::nullopt;
      if (c != '\r') out += c;
    }
    return out;
  }
  if (lit.front() != '"') return std::nullopt;
  while (!body.empty()) {
    if (body[0] == '\n') return std::nullopt;
    std::optional<Char> ch = UnquoteChar(body, '"');
    if (!ch) return std::nullopt;
    // Invalid UTF-8 decodes to U+FFFD here, as in strconv.Unquote.
    if (ch->value < base::kRuneSelf || !ch->multibyte) {
      out += char(ch->value);
    } else {
      base::AppendRune(&out, ch->value);
    }
    body.remove_prefix(ch->len);
  }
  return out;
}

}  // namespace

Value MakeFromLiteral(std::string_view lit, Token tok) {
  switch (tok) {
    case Token::INT:
      return MakeIntFromLiteral(lit);
    case Token::FLOAT:
      return MakeFloatFromLiteral(lit);
    case Token::IMAG:
      if (!lit.empty() && lit.back() == 'i') {
        Value im = MakeFloatFromLiteral(lit.substr(0, lit.size() - 1));
        if (im.kind() != Kind::kUnknown) return MakeComplex(MakeInt64(0), im);
      }
      return Value();
    case Token::CHAR:
      if (lit.size() >= 2) {
        std::optional<Char> ch = UnquoteChar(lit.substr(1, lit.size() - 2), '\'');
        if (ch) return MakeInt64(ch->value);
      }
      return Value();
    case Token::STRING: {
      std::optional<std::string> s = Unquote(lit);
      return s ? MakeString(std::move(*s)) : Value();
    }
    default:
      return Value();
  }
}


}  // namespace gotool::constant
