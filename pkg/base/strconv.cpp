// Go's string quoting: one escaping routine for Quote and QuoteToASCII.
#include "pkg/base/strconv.h"

#include <cstdint>

#include "pkg/base/utf8.h"

namespace gotool::base {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendHex(std::string* out, const char* prefix, uint32_t value, int digits) {
  *out += prefix;
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) *out += kHex[(value >> shift) & 15];
}

// ShortEscape returns Go's one-letter escape for c, or nullptr if it has none.
const char* ShortEscape(int32_t c) {
  switch (c) {
    case '\a':
      return "\\a";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    case '\v':
      return "\\v";
    default:
      return nullptr;
  }
}

std::string QuoteWith(std::string_view s, bool ascii_only) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  while (!s.empty()) {
    DecodedRune r = DecodeRune(s);
    if (r.width == 1 && r.rune == kRuneError) {
      AppendHex(&out, "\\x", static_cast<unsigned char>(s[0]), 2);  // invalid UTF-8 byte
      s.remove_prefix(1);
      continue;
    }
    std::string_view text = s.substr(0, size_t(r.width));
    s.remove_prefix(size_t(r.width));
    int32_t c = r.rune;
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (ascii_only ? (c < kRuneSelf && IsPrint(c)) : IsPrint(c)) {
      out += text;
    } else if (const char* esc = ShortEscape(c)) {
      out += esc;
    } else if (c < ' ' || c == 0x7f) {
      AppendHex(&out, "\\x", uint32_t(c), 2);
    } else if (c < 0x10000) {
      AppendHex(&out, "\\u", uint32_t(c), 4);
    } else {
      AppendHex(&out, "\\U", uint32_t(c), 8);
    }
  }
  out += '"';
  return out;
}

}  // namespace

std::string Quote(std::string_view s) { return QuoteWith(s, false); }

std::string QuoteToASCII(std::string_view s) { return QuoteWith(s, true); }

}  // namespace gotool::base
