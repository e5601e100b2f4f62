// UTF-8 decoding and encoding with Go's rules, and the Unicode predicates Go's
// identifiers and %#U formatting need.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gotool::base {

inline constexpr int32_t kRuneError = 0xFFFD;  // what invalid encodings decode to
inline constexpr int32_t kRuneSelf = 0x80;     // runes below this are single bytes
inline constexpr int32_t kMaxRune = 0x10FFFF;  // largest valid code point
inline constexpr int kUTFMax = 4;              // maximum bytes of one encoded rune

// DecodedRune is a rune and the number of bytes it occupied.
struct DecodedRune {
  int32_t rune;
  int width;
};

// DecodeRune decodes the first rune of s as Go's utf8.DecodeRune does: an empty s
// gives {kRuneError, 0}; an invalid or non-shortest encoding, a surrogate half or a
// code point above kMaxRune gives {kRuneError, 1}.
DecodedRune DecodeRune(std::string_view s);

// DecodeLastRune decodes the last rune of s with the same rules as DecodeRune.
DecodedRune DecodeLastRune(std::string_view s);

// EncodeRune writes the UTF-8 encoding of r to buf (at least kUTFMax bytes) and
// returns the number of bytes written; invalid runes encode as kRuneError.
int EncodeRune(int32_t r, char* buf);

// AppendRune appends the UTF-8 encoding of r to out.
void AppendRune(std::string* out, int32_t r);

// RuneLen returns the number of bytes needed to encode r, or -1 if r is invalid.
int RuneLen(int32_t r);

// ValidRune reports whether r is a valid Unicode scalar value.
inline bool ValidRune(int32_t r) { return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= kMaxRune); }

// ValidUTF8 reports whether s consists entirely of valid UTF-8 encoded runes.
bool ValidUTF8(std::string_view s);

// RuneCount returns the number of runes in s, counting each invalid byte as one.
int RuneCount(std::string_view s);

// IsLetter reports whether r is a letter (category L), as Go's unicode.IsLetter.
bool IsLetter(int32_t r);
// IsDigit reports whether r is a decimal digit (category Nd), as unicode.IsDigit.
bool IsDigit(int32_t r);
// IsSpace reports whether r is white space as unicode.IsSpace defines it.
bool IsSpace(int32_t r);
// TrimSpace removes leading and trailing white space (IsSpace), as strings.TrimSpace.
std::string_view TrimSpace(std::string_view s);
// TrimRightSpace removes trailing white space, as strings.TrimRightFunc with
// unicode.IsSpace.
std::string_view TrimRightSpace(std::string_view s);

// IsPrint reports whether r is printable as Go's strconv.IsPrint defines it: a
// letter, mark, number, punctuation or symbol, or the ASCII space.
bool IsPrint(int32_t r);

// FormatRuneU formats r as Go's fmt verb %#U does: "U+0041 'A'", or "U+0000" when r
// is not printable.
std::string FormatRuneU(int32_t r);

}  // namespace gotool::base
