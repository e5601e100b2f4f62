// UTF-8 decoding/encoding with Go's rules and generated Unicode range tables.
#include "pkg/base/utf8.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace gotool::base {

namespace {

struct RuneRange {
  uint32_t lo;
  uint32_t hi;
};

#include "pkg/base/unicode_tables.inc"

template <size_t N>
bool InRanges(const RuneRange (&table)[N], int32_t r) {
  uint32_t u = uint32_t(r);
  // First range whose hi >= u; r is in it iff lo <= u.
  const RuneRange* it = std::lower_bound(std::begin(table), std::end(table), u,
                                         [](const RuneRange& rr, uint32_t v) { return rr.hi < v; });
  return it != std::end(table) && it->lo <= u;
}

// Accepted range of the second byte for a given lead byte (first-byte classes of
// the UTF-8 grammar in RFC 3629).
struct LeadInfo {
  int size;        // total encoded length, 0 if the byte cannot start a rune
  uint8_t lo, hi;  // valid range of the second byte
};

constexpr LeadInfo LeadFor(uint8_t b) {
  if (b < 0x80) return {1, 0, 0};
  if (b < 0xC2) return {0, 0, 0};
  if (b < 0xE0) return {2, 0x80, 0xBF};
  if (b == 0xE0) return {3, 0xA0, 0xBF};
  if (b == 0xED) return {3, 0x80, 0x9F};
  if (b < 0xF0) return {3, 0x80, 0xBF};
  if (b == 0xF0) return {4, 0x90, 0xBF};
  if (b < 0xF4) return {4, 0x80, 0xBF};
  if (b == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

inline bool IsCont(uint8_t b) { return (b & 0xC0) == 0x80; }

}  // namespace

DecodedRune DecodeRune(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  uint8_t b0 = p[0];
  if (b0 < 0x80) return {b0, 1};
  LeadInfo li = LeadFor(b0);
  if (li.size == 0 || s.size() < size_t(li.size)) {
    // A truncated sequence is still invalid byte by byte.
    return {kRuneError, 1};
  }
  uint8_t b1 = p[1];
  if (b1 < li.lo || b1 > li.hi) return {kRuneError, 1};
  if (li.size == 2) return {int32_t(b0 & 0x1F) << 6 | int32_t(b1 & 0x3F), 2};
  uint8_t b2 = p[2];
  if (!IsCont(b2)) return {kRuneError, 1};
  if (li.size == 3) {
    return {int32_t(b0 & 0x0F) << 12 | int32_t(b1 & 0x3F) << 6 | int32_t(b2 & 0x3F), 3};
  }
  uint8_t b3 = p[3];
  if (!IsCont(b3)) return {kRuneError, 1};
  return {int32_t(b0 & 0x07) << 18 | int32_t(b1 & 0x3F) << 12 | int32_t(b2 & 0x3F) << 6 |
              int32_t(b3 & 0x3F),
          4};
}

DecodedRune DecodeLastRune(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  size_t end = s.size();
  if (uint8_t(s[end - 1]) < 0x80) return {uint8_t(s[end - 1]), 1};
  // Back up to the start of the last rune, at most kUTFMax bytes.
  size_t lim = end >= size_t(kUTFMax) ? end - kUTFMax : 0;
  size_t start = end - 1;
  while (start > lim && IsCont(uint8_t(s[start]))) start--;
  DecodedRune d = DecodeRune(s.substr(start));
  if (start + size_t(d.width) != end) return {kRuneError, 1};
  return d;
}

int RuneLen(int32_t r) {
  if (r < 0) return -1;
  if (r < 0x80) return 1;
  if (r < 0x800) return 2;
  if (r >= 0xD800 && r <= 0xDFFF) return -1;
  if (r < 0x10000) return 3;
  if (r <= kMaxRune) return 4;
  return -1;
}

int EncodeRune(int32_t r, char* buf) {
  if (!ValidRune(r)) r = kRuneError;
  uint32_t u = uint32_t(r);
  if (u < 0x80) {
    buf[0] = char(u);
    return 1;
  }
  if (u < 0x800) {
    buf[0] = char(0xC0 | (u >> 6));
    buf[1] = char(0x80 | (u & 0x3F));
    return 2;
  }
  if (u < 0x10000) {
    buf[0] = char(0xE0 | (u >> 12));
    buf[1] = char(0x80 | ((u >> 6) & 0x3F));
    buf[2] = char(0x80 | (u & 0x3F));
    return 3;
  }
  buf[0] = char(0xF0 | (u >> 18));
  buf[1] = char(0x80 | ((u >> 12) & 0x3F));
  buf[2] = char(0x80 | ((u >> 6) & 0x3F));
  buf[3] = char(0x80 | (u & 0x3F));
  return 4;
}

void AppendRune(std::string* out, int32_t r) {
  char buf[kUTFMax];
  out->append(buf, size_t(EncodeRune(r, buf)));
}

bool ValidUTF8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (uint8_t(s[i]) < 0x80) {
      i++;
      continue;
    }
    DecodedRune d = DecodeRune(s.substr(i));
    if (d.rune == kRuneError && d.width == 1) return false;
    i += size_t(d.width);
  }
  return true;
}

int RuneCount(std::string_view s) {
  int n = 0;
  size_t i = 0;
  // An ASCII prefix counts eight bytes at a time.
  for (uint64_t word; i + 8 <= s.size(); i += 8, n += 8) {
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ull) break;
  }
  while (i < s.size()) {
    i += uint8_t(s[i]) < 0x80 ? 1 : size_t(DecodeRune(s.substr(i)).width);
    n++;
  }
  return n;
}

bool IsSpace(int32_t r) {
  switch (r) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
  }
  return r >= 0x2000 && r <= 0x200A;
}

bool IsLetter(int32_t r) {
  if (uint32_t(r) < 0x80) {
    uint32_t l = uint32_t(r) | 0x20;
    return l >= 'a' && l <= 'z';
  }
  return r > 0 && InRanges(kLetterRanges, r);
}

bool IsDigit(int32_t r) {
  if (uint32_t(r) < 0x80) return r >= '0' && r <= '9';
  return r > 0 && InRanges(kDigitRanges, r);
}

bool IsPrint(int32_t r) {
  if (uint32_t(r) < 0x80) return r >= 0x20 && r < 0x7F;
  return r > 0 && InRanges(kPrintRanges, r);
}

std::string FormatRuneU(int32_t r) {
  std::string s = fmt::format("U+{:04X}", uint32_t(r));
  if (IsPrint(r)) {
    s += " '";
    AppendRune(&s, r);
    s += '\'';
  }
  return s;
}

std::string_view TrimRightSpace(std::string_view s) {
  while (!s.empty()) {
    DecodedRune r = DecodeLastRune(s);
    if (!IsSpace(r.rune)) break;
    s.remove_suffix(size_t(r.width));
  }
  return s;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty()) {
    DecodedRune r = DecodeRune(s);
    if (!IsSpace(r.rune)) break;
    s.remove_prefix(size_t(r.width));
  }
  return TrimRightSpace(s);
}

}  // namespace gotool::base
