// Character classes and the inline character reader shared by the scanner's files.
// Internal to the scanner: include only from pkg/syntax/scanner*.cpp.
#pragma once

#include <array>
#include <cstdint>

#include "pkg/base/utf8.h"
#include "pkg/syntax/scanner.h"

namespace gotool::syntax {

namespace scan {

inline constexpr int32_t kEOF = -1;
inline constexpr int32_t kBOM = 0xFEFF;

// Character classes of ASCII bytes. The kPlain* classes are the bytes a fast loop may
// skip inside a comment or literal without any bookkeeping: never NUL or non-ASCII
// (those need decoding and may be errors), never a byte the loop stops at.
enum : uint16_t {
  kLetter = 1 << 0,      // a-z A-Z _
  kDigit = 1 << 1,       // 0-9
  kIdentChar = 1 << 2,   // letter or digit
  kPlainLine = 1 << 3,   // inside a //-comment: not '\n' or '\r'
  kPlainBlock = 1 << 4,  // inside a /*-comment: not '*' or '\r'
  kPlainStr = 1 << 5,    // inside "...": not '"', '\\' or '\n'
  kPlainRaw = 1 << 6,    // inside `...`: not '`' or '\r'
  kSpace = 1 << 7,       // ' ', '\t', '\r'
  kSpaceNL = 1 << 8,     // kSpace or '\n'
};

constexpr std::array<uint16_t, 256> MakeClasses() {
  std::array<uint16_t, 256> t{};
  for (int c = 1; c < 0x80; c++) {
    uint16_t k = 0;
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    bool digit = c >= '0' && c <= '9';
    if (letter) k |= kLetter;
    if (digit) k |= kDigit;
    if (letter || digit) k |= kIdentChar;
    if (c != '\n' && c != '\r') k |= kPlainLine;
    if (c != '*' && c != '\r') k |= kPlainBlock;
    if (c != '"' && c != '\\' && c != '\n') k |= kPlainStr;
    if (c != '`' && c != '\r') k |= kPlainRaw;
    if (c == ' ' || c == '\t' || c == '\r') k |= kSpace | kSpaceNL;
    if (c == '\n') k |= kSpaceNL;
    t[size_t(c)] = k;
  }
  return t;
}

inline constexpr std::array<uint16_t, 256> kClass = MakeClasses();

inline bool IsDecimal(int32_t ch) { return ch >= '0' && ch <= '9'; }
inline int32_t Lower(int32_t ch) { return ('a' - 'A') | ch; }  // lower case iff ASCII letter
inline bool IsHex(int32_t ch) {
  return IsDecimal(ch) || (Lower(ch) >= 'a' && Lower(ch) <= 'f');
}

inline bool IsLetterCh(int32_t ch) {
  if (uint32_t(ch) < 0x80) return kClass[size_t(ch)] & kLetter;
  return ch > 0 && base::IsLetter(ch);
}

inline bool IsDigitCh(int32_t ch) {
  if (uint32_t(ch) < 0x80) return IsDecimal(ch);
  return ch > 0 && base::IsDigit(ch);
}

}  // namespace scan

// Next reads the next character into ch_; ch_ < 0 means end of file.
inline void Scanner::Next() {
  if (rd_offset_ < size_) {
    offset_ = rd_offset_;
    uint8_t b = uint8_t(src_[rd_offset_]);
    if (b != 0 && b < 0x80) {
      ch_ = b;
      rd_offset_++;
      return;
    }
    NextSlow();
  } else {
    offset_ = size_;
    ch_ = scan::kEOF;
  }
}

// Peek returns the byte after the current character, or 0 at the end.
inline uint8_t Scanner::Peek() const {
  return rd_offset_ < size_ ? uint8_t(src_[rd_offset_]) : 0;
}

// SkipRun makes the last byte of the run of klass bytes after ch_ the current
// character. Those bytes need no checks, so this is what calling Next for each of
// them would do.
inline void Scanner::SkipRun(uint16_t klass) {
  int i = rd_offset_;
  while (i < size_ && (scan::kClass[uint8_t(src_[i])] & klass)) i++;
  if (i > rd_offset_) {
    offset_ = i - 1;
    ch_ = uint8_t(src_[i - 1]);
    rd_offset_ = i;
  }
}

// SkipPlain moves past ch_ and the bytes after it while they are in klass.
inline void Scanner::SkipPlain(uint16_t klass) {
  if (uint32_t(ch_) < 0x80 && (scan::kClass[size_t(ch_)] & klass)) {
    SkipRun(klass);
    Next();
  }
}

}  // namespace gotool::syntax
