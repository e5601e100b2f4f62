// Tests for Tabwriter; expectations were produced by Go 1.19's text/tabwriter with the
// same configuration, input and flags.
#include "fmt/tabwriter.h"

#include <gtest/gtest.h>

#include <string>

namespace gotool::gofmt {
namespace {

struct TabCase {
  const char* name;
  TabwriterConfig config;
  std::string_view input;
  std::string_view want;
};

// Flags: 24 = DiscardEmptyColumns|TabIndent (go/printer under gofmt).
const TabCase kCases[] = {
    {"PlainLines", {0, 8, 1, ' ', 24}, "hello\nworld\n", "hello\nworld\n"},
    {"TwoColumns",
     {0, 8, 1, ' ', 24},
     "a\tb\tc\naaa\tbbbb\tc\nx\ty\n",
     "a   b    c\naaa bbbb c\nx   y\n"},
    {"BlockEndsAtLineWithoutCell",
     {0, 8, 1, ' ', 24},
     "a\tb\nccc\td\nno tabs\nlonger\tz\n",
     "a   b\nccc d\nno tabs\nlonger z\n"},
    {"IndentWithTabs",
     {0, 8, 1, ' ', 24},
     "\tx := 1\n\t\tif y {\n\t\t\tz\n\t}\n",
     "\tx := 1\n\t\tif y {\n\t\t\tz\n\t}\n"},
    {"IndentThenAlignedComments",
     {0, 8, 1, ' ', 24},
     "\ta := 1\t// one\n\tbbbbb := 2\t// two\n\tc\t// three\n",
     "\ta := 1     // one\n\tbbbbb := 2 // two\n\tc          // three\n"},
    {"DiscardEmptySoftColumn", {0, 8, 1, ' ', 24}, "a\v\vb\ncc\v\vd\n", "a  b\ncc d\n"},
    {"EmptyHardColumnKept", {0, 8, 1, ' ', 24}, "a\t\tb\ncc\t\td\n", "a   b\ncc  d\n"},
    {"FormfeedFlushes", {0, 8, 1, ' ', 24}, "a\tb\flong cell\tc\n", "a b\nlong cell c\n"},
    {"EscapedTextIsOpaque",
     {0, 8, 1, ' ', 24},
     "x\t\xff"
     "/* a\tb\n */\xff"
     "\tend\nyyyy\tz\tend\n",
     "x    \xff"
     "/* a\tb\n */\xff"
     " end\nyyyy z          end\n"},
    {"UnicodeWidthInRunes",
     {0, 8, 1, ' ', 24},
     "\xe6"
     "\x97"
     "\xa5"
     "\xe6"
     "\x9c"
     "\xac"
     "\tx\nab\ty\n",
     "\xe6"
     "\x97"
     "\xa5"
     "\xe6"
     "\x9c"
     "\xac"
     " x\nab y\n"},
    {"InvalidUTF8CountsBytes",
     {0, 8, 1, ' ', 24},
     "\x80"
     "\x81"
     "\tx\nabc\ty\n",
     "\x80"
     "\x81"
     "  x\nabc y\n"},
    {"UnterminatedLastLine", {0, 8, 1, ' ', 24}, "a\tb\nc", "a b\nc"},
    {"TrailingTabsInLine", {0, 8, 1, ' ', 24}, "a\t\nbbb\t\n", "a   \nbbb \n"},
    {"NestedColumns",
     {0, 8, 1, ' ', 24},
     "a\tb\tc\td\naa\tbb\nx\ty\tzzz\tw\n",
     "a  b c d\naa bb\nx  y zzz w\n"},
    {"TabPadding", {8, 8, 1, '\t', 0}, "a\tb\naaaaaaaaa\tc\n", "a\t\tb\naaaaaaaaa\tc\n"},
    {"AlignRightDots",
     {4, 0, 2, '.', 4},
     "1\t22\t333\n4444\t5\t6\n",
     ".....1..22333\n..4444...56\n"},
    {"FilterHTMLAndStrip",
     {0, 8, 1, '-', 3},
     "<b>x</b>\t&amp;\ty\nab\tc\td\n\xff"
     "q\tr\xff"
     "\ts\n",
     "<b>x</b>---&amp;-y\nab--c-d\nq\tr-s\n"},
    {"DebugBars", {0, 8, 1, ' ', 32}, "a\tb\tc\fdd\te\n", "a |b |c\n---\ndd |e\n"},
};

TEST(TabwriterTest, MatchesTextTabwriter) {
  for (const TabCase& c : kCases) {
    // Whole input in one write.
    std::string out;
    Tabwriter w(&out, c.config);
    w.Write(c.input);
    w.Flush();
    EXPECT_EQ(out, c.want) << c.name;

    // Byte-at-a-time writes must give the same result.
    std::string out2;
    Tabwriter w2(&out2, c.config);
    for (char ch : c.input) w2.Write(std::string_view(&ch, 1));
    w2.Flush();
    EXPECT_EQ(out2, c.want) << c.name << " (bytewise)";
  }
}

TEST(TabwriterTest, ReusableAfterFlush) {
  std::string out;
  Tabwriter w(&out);
  w.Write("a\tb\nccc\td\n");
  w.Flush();
  w.Write("x\ty\n");
  w.Flush();
  EXPECT_EQ(out, "a   b\nccc d\nx y\n");
}

TEST(TabwriterTest, LineWithoutCellsFlushesEarly) {
  std::string out;
  Tabwriter w(&out);
  w.Write("a\tb\nplain\n");
  // The plain line ended the block, so everything is already out before Flush.
  EXPECT_EQ(out, "a b\nplain\n");
  w.Write("c\td\n");
  EXPECT_EQ(out, "a b\nplain\n");
  w.Flush();
  EXPECT_EQ(out, "a b\nplain\nc d\n");
}

TEST(TabwriterTest, ManyIndentTabs) {
  // More than eight indentation tabs exercise the chunked tab padding.
  std::string in(11, '\t');
  in += "x\n";
  std::string out;
  Tabwriter w(&out);
  w.Write(in);
  w.Flush();
  EXPECT_EQ(out, in);
}

}  // namespace
}  // namespace gotool::gofmt
