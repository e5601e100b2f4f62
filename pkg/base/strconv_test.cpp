// Tests of Go string quoting against values printed by Go's strconv.
#include "pkg/base/strconv.h"

#include <gtest/gtest.h>

namespace gotool::base {
namespace {

TEST(StrconvTest, QuoteToASCIIMatchesGo) {
  // Expected values printed by Go's strconv.QuoteToASCII.
  EXPECT_EQ(QuoteToASCII(""), R"("")");
  EXPECT_EQ(QuoteToASCII("plain"), R"("plain")");
  EXPECT_EQ(QuoteToASCII("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(QuoteToASCII(std::string_view("\a\b\f\n\r\t\v\x00\x1f\x7f", 10)),
            R"("\a\b\f\n\r\t\v\x00\x1f\x7f")");
  EXPECT_EQ(QuoteToASCII("\xc3\xa9\xf0\x9f\x98\x80"), R"("\u00e9\U0001f600")");
  EXPECT_EQ(QuoteToASCII("\xff\xc3"), R"("\xff\xc3")");
  EXPECT_EQ(QuoteToASCII("\xed\xa0\x80"), R"("\xed\xa0\x80")");  // surrogate half
  EXPECT_EQ(QuoteToASCII("\xef\xbf\xbd"), R"("\ufffd")");
  EXPECT_EQ(QuoteToASCII("\xf4\x90\x80\x80"), R"("\xf4\x90\x80\x80")");  // > U+10FFFF
  EXPECT_EQ(QuoteToASCII("\xc0\xaf"), R"("\xc0\xaf")");                  // overlong
}

TEST(StrconvTest, QuoteMatchesGo) {
  // Expected values printed by Go's strconv.Quote.
  EXPECT_EQ(Quote("a\"b\\c\n"), R"("a\"b\\c\n")");
  EXPECT_EQ(Quote("\x01\xff"), R"("\x01\xff")");
  EXPECT_EQ(Quote("\xc3\xa9\xf0\x9f\x98\x80"), "\"\xc3\xa9\xf0\x9f\x98\x80\"");  // printable: kept
  EXPECT_EQ(Quote("\xc2\xa0"), R"("\u00a0")");           // no-break space is not printable
  EXPECT_EQ(Quote("\xed\xa0\x80"), R"("\xed\xa0\x80")");  // surrogate half
  EXPECT_EQ(Quote("\x7f\t"), R"("\x7f\t")");
  EXPECT_EQ(Quote("\xf3\xa0\x80\x81"), R"("\U000e0001")");  // a format character
}

}  // namespace
}  // namespace gotool::base
