// Tests for doc-comment reformatting. FormatDocComment expectations are what Go 1.19's
// gofmt prints for the comment placed before "func F() {}"; ReformatCommentText
// expectations are go/doc/comment's Parser.Parse + Printer.Comment output.
#include "fmt/doccomment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gotool::gofmt {
namespace {

struct FormatCase {
  const char* name;
  std::vector<std::string_view> comments;
  std::string_view want;  // the comment lines as gofmt prints them
};

const FormatCase kFormatCases[] = {
    {"ParagraphsAndHeading",
     {"// Package-level doc.", "//", "//Second paragraph", "// # Usage", "// More text."},
     "// Package-level doc.\n//\n// Second paragraph\n// # Usage\n// More text.\n"},
    {"OldStyleHeading",
     {"// Intro text.", "//", "// Old Style Heading", "//", "// Body text."},
     "// Intro text.\n//\n// # Old Style Heading\n//\n// Body text.\n"},
    {"ListsGetCanonicalMarkers",
     {"// Items:", "//   * one", "//   * two", "// 1) first", "// 2) second"},
     "// Items:\n//   - one\n//   - two\n//\n// 1) first\n// 2) second\n"},
    {"LooseList",
     {"// Items:", "//", "//  - one", "//", "//  - two"},
     "// Items:\n//\n//   - one\n//\n//   - two\n"},
    {"CodeBlock",
     {"// Example:", "//      x := 1", "//      if x > 0 {", "//          y()", "//      }",
      "// Done."},
     "// Example:\n//\n//\tx := 1\n//\tif x > 0 {\n//\t    y()\n//\t}\n//\n// Done.\n"},
    {"UnindentedCodeAfterBrace",
     {"// Example:", "// func f() {", "//   return", "// }"},
     "// Example:\n//\n//\tfunc f() {\n//\t  return\n//\t}\n"},
    {"Directives",
     {"//go:generate stringer -type=X", "// F does things.", "//go:noinline", "//line foo.go:1"},
     "// F does things.\n//\n//go:generate stringer -type=X\n//go:noinline\n//line foo.go:1\n"},
    {"OnlyDirectives", {"//go:noinline"}, "//go:noinline\n"},
    {"LinkDefinitions",
     {"// See [Go] and [spec].", "//", "// [spec]: https://go.dev/ref/spec",
      "// [unused]: https://example.com", "// [Go]: https://go.dev"},
     "// See [Go] and [spec].\n//\n// [spec]: https://go.dev/ref/spec\n// [Go]: "
     "https://go.dev\n//\n// [unused]: https://example.com\n"},
    {"QuotesRewritten",
     {"// A ``quoted'' word, ```kept```, and https://x.org/a''b."},
     "// A \xe2"
     "\x80"
     "\x9c"
     "quoted\xe2"
     "\x80"
     "\x9d"
     " word, ```kept```, and https://x.org/a''b.\n"},
    {"BlockComment",
     {"/*\n F does things.\n\n   code here\n More.*/"},
     "/*\nF does things.\n\n\tcode here\n\nMore.\n*/\n"},
    {"BlockCommentOneLine", {"/* F does things. */"}, "/* F does things. */\n"},
    {"BlockCommentStars",
     {"/*\n * F does things.\n * More.\n */"},
     "/*\n * F does things.\n * More.\n */\n"},
    {"EmptyComment", {"//"}, ""},
    {"NoSpaceAfterSlashes", {"//F does things.", "//\tcode"}, "// F does things.\n//\n//\tcode\n"},
};

// Printed joins the comments as gofmt prints them at top level, one per line.
std::string Printed(const std::vector<std::string>& comments) {
  std::string s;
  for (const std::string& c : comments) s += c + "\n";
  return s;
}

TEST(FormatDocCommentTest, MatchesGofmt) {
  for (const FormatCase& c : kFormatCases) {
    auto got = FormatDocComment(c.comments);
    std::vector<std::string> printed;
    if (got) {
      printed = *got;
    } else {
      printed.assign(c.comments.begin(), c.comments.end());
    }
    EXPECT_EQ(Printed(printed), c.want) << c.name;
  }
}

TEST(FormatDocCommentTest, LeavesUnformattableAlone) {
  std::vector<std::string_view> one_line = {"/* F does things. */"};
  EXPECT_FALSE(FormatDocComment(one_line).has_value());
  std::vector<std::string_view> directives_only = {"//go:noinline"};
  EXPECT_FALSE(FormatDocComment(directives_only).has_value());
  std::vector<std::string_view> mixed = {"// a", "/* b */"};
  EXPECT_FALSE(FormatDocComment(mixed).has_value());
}

TEST(FormatDocCommentTest, EmptyTextRemovesComment) {
  std::vector<std::string_view> empty = {"//", "//  "};
  auto got = FormatDocComment(empty);
  ASSERT_TRUE(got.has_value());
  EXPECT_TRUE(got->empty());
}

TEST(IsDirectiveTest, Recognises) {
  EXPECT_TRUE(IsDirective("go:generate x"));
  EXPECT_TRUE(IsDirective("line foo.go:10"));
  EXPECT_TRUE(IsDirective("export F"));
  EXPECT_TRUE(IsDirective("extern f"));
  EXPECT_TRUE(IsDirective("lint:ignore"));
  EXPECT_FALSE(IsDirective(" go:generate"));
  EXPECT_FALSE(IsDirective("Go:generate"));
  EXPECT_FALSE(IsDirective("go:"));
  EXPECT_FALSE(IsDirective("go: x"));
  EXPECT_FALSE(IsDirective("TODO: x"));
}

struct TextCase {
  const char* name;
  std::string_view text;
  std::string_view want;
};

const TextCase kTextCases[] = {
    {"ListItemParagraphs", "Steps:\n  - one\n    continued\n\n  - two\n",
     "Steps:\n\n  - one\n    continued\n\n  - two\n"},
    {"NumberedUnindentedAfterText", "Do this:\n1. first\n2. second\nthen more\n",
     "Do this:\n1. first\n2. second\nthen more\n"},
    {"LinkInsideListAndUnusedDef",
     "Items:\n  - see [Doc]\n\n[Doc]: https://go.dev/doc\n[Other]: http://x.org\n",
     "Items:\n  - see [Doc]\n\n[Doc]: https://go.dev/doc\n\n[Other]: http://x.org\n"},
    {"DocLinkAfterURL", "x https://ex.com/[fmt.Println]''y\n",
     "x https://ex.com/[fmt.Println]\xe2"
     "\x80"
     "\x9d"
     "y\n"},
    {"NotALinkDef", "[Go]: go.dev is not a URL\n", "[Go]: go.dev is not a URL\n"},
    {"UnicodeSpaceTrim",
     "intro\n\n\xc2"
     "\xa0"
     "Heading Text Here\xc2"
     "\xa0"
     "\n\ntext\n",
     "intro\n\n# Heading Text Here\n\ntext\n"},
    {"CommonIndentRemoved", "   a\n   b\n\n     code\n", "a\nb\n\n\tcode\n"},
};

TEST(ReformatCommentTextTest, MatchesGoDocComment) {
  for (const TextCase& c : kTextCases) {
    EXPECT_EQ(ReformatCommentText(c.text), c.want) << c.name;
  }
}

}  // namespace
}  // namespace gotool::gofmt
