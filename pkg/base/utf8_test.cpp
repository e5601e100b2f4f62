// Tests for UTF-8 decoding and the Unicode predicates.
#include "pkg/base/utf8.h"

#include <gtest/gtest.h>

namespace gotool::base {
namespace {

TEST(Utf8Test, Decode) {
  struct Case {
    std::string in;
    int32_t rune;
    int width;
  } cases[] = {
      {"", kRuneError, 0},
      {"a", 'a', 1},
      {std::string("\0", 1), 0, 1},
      {"\xC3\xA9", 0xE9, 2},
      {"\xE2\x82\xAC", 0x20AC, 3},
      {"\xF0\x9F\x98\x80", 0x1F600, 4},
      {"\xEF\xBF\xBD", kRuneError, 3},  // a real U+FFFD is 3 bytes wide
      {"\xEF\xBB\xBF", 0xFEFF, 3},
      {"\x80", kRuneError, 1},              // lone continuation byte
      {"\xC0\x80", kRuneError, 1},          // overlong
      {"\xC1\xBF", kRuneError, 1},          // overlong
      {"\xE0\x80\x80", kRuneError, 1},      // overlong
      {"\xED\xA0\x80", kRuneError, 1},      // surrogate half
      {"\xF4\x90\x80\x80", kRuneError, 1},  // above U+10FFFF
      {"\xF5\x80\x80\x80", kRuneError, 1},
      {"\xE2\x82", kRuneError, 1},      // truncated
      {"\xF0\x9F\x98", kRuneError, 1},  // truncated
      {"\xC3(", kRuneError, 1},
  };
  for (const Case& c : cases) {
    DecodedRune d = DecodeRune(c.in);
    EXPECT_EQ(d.rune, c.rune) << c.in;
    EXPECT_EQ(d.width, c.width) << c.in;
  }
}

TEST(Utf8Test, DecodeLast) {
  EXPECT_EQ(DecodeLastRune("a\xE2\x82\xAC").rune, 0x20AC);
  EXPECT_EQ(DecodeLastRune("a\xE2\x82\xAC").width, 3);
  EXPECT_EQ(DecodeLastRune("a\x82").width, 1);
  EXPECT_EQ(DecodeLastRune("a\x82").rune, kRuneError);
  EXPECT_EQ(DecodeLastRune("").width, 0);
}

TEST(Utf8Test, EncodeRoundTrip) {
  for (int32_t r : {0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF}) {
    char buf[kUTFMax];
    int n = EncodeRune(r, buf);
    EXPECT_EQ(n, RuneLen(r));
    DecodedRune d = DecodeRune(std::string_view(buf, size_t(n)));
    EXPECT_EQ(d.rune, r);
    EXPECT_EQ(d.width, n);
  }
  std::string s;
  AppendRune(&s, 0xD800);  // invalid runes encode as U+FFFD
  EXPECT_EQ(s, "\xEF\xBF\xBD");
  EXPECT_EQ(RuneLen(0xD800), -1);
  EXPECT_EQ(RuneLen(0x110000), -1);
}

TEST(Utf8Test, ValidAndCount) {
  EXPECT_TRUE(ValidUTF8("héllo €"));
  EXPECT_FALSE(ValidUTF8("a\xFF"));
  EXPECT_EQ(RuneCount("héllo"), 5);
  EXPECT_EQ(RuneCount("a\xFF\xFE"), 3);
}

TEST(UnicodeTest, Predicates) {
  EXPECT_TRUE(IsLetter('a'));
  EXPECT_TRUE(IsLetter('Z'));
  EXPECT_FALSE(IsLetter('_'));
  EXPECT_FALSE(IsLetter('1'));
  EXPECT_TRUE(IsLetter(0xE9));     // é
  EXPECT_TRUE(IsLetter(0x4E16));   // CJK
  EXPECT_TRUE(IsLetter(0x3B1));    // α
  EXPECT_FALSE(IsLetter(0xFEFF));  // BOM is Cf
  EXPECT_FALSE(IsLetter(kRuneError));
  EXPECT_FALSE(IsLetter(0xB5 + 1));  // ¶ is punctuation
  EXPECT_TRUE(IsDigit('7'));
  EXPECT_TRUE(IsDigit(0x663));  // Arabic-Indic three
  EXPECT_FALSE(IsDigit(0xB2));  // superscript two is No
  EXPECT_FALSE(IsDigit('a'));
  EXPECT_TRUE(IsPrint(' '));
  EXPECT_FALSE(IsPrint('\t'));
  EXPECT_FALSE(IsPrint(0xA0));  // no-break space is not printable for Go
  EXPECT_TRUE(IsPrint(kRuneError));
  EXPECT_FALSE(IsPrint(0xFEFF));
}

TEST(UnicodeTest, FormatRuneU) {
  EXPECT_EQ(FormatRuneU('A'), "U+0041 'A'");
  EXPECT_EQ(FormatRuneU(0), "U+0000");
  EXPECT_EQ(FormatRuneU('\n'), "U+000A");
  EXPECT_EQ(FormatRuneU(0x20AC), "U+20AC '€'");
  EXPECT_EQ(FormatRuneU(0x1F600), "U+1F600 '😀'");
  EXPECT_EQ(FormatRuneU(0xFEFF), "U+FEFF");
}

TEST(UnicodeTest, TrimSpaceUsesUnicodeWhiteSpace) {
  EXPECT_EQ(TrimSpace(" \t\n x y \r\v\f"), "x y");
  EXPECT_EQ(TrimSpace("\u3000\u00a0x\u0085"), "x");  // ideographic, no-break, NEL
  EXPECT_EQ(TrimSpace("\u200bx"), "\u200bx");        // zero width space is not a space
  EXPECT_EQ(TrimSpace("   "), "");
  EXPECT_EQ(TrimSpace("\xffx\xff"), "\xffx\xff");  // invalid bytes stay
  EXPECT_EQ(TrimRightSpace(" x \u2003"), " x");
}

}  // namespace
}  // namespace gotool::base
