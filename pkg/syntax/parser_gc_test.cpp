// Tests of kCompilerErrors: cmd/compile's syntax errors. Every expected list below
// is what `go tool compile -e` (Go 1.19) prints for the same source (file x.go).
#include <gtest/gtest.h>

#include <string>

#include "pkg/syntax/parser.h"

namespace gotool::syntax {
namespace {

// CompilerErrors parses src in compiler mode and returns its errors, one
// "line:col: msg" line each.
std::string CompilerErrors(const std::string& src) {
  base::FileSet fset;
  base::Arena arena;
  ParseResult r = ParseFile(fset, "x.go", src, arena, kCompilerErrors | kAllErrors);
  std::string out;
  for (const base::PositionedError& e : r.errors) {
    out += std::to_string(e.pos.line) + ":" + std::to_string(e.pos.column) + ": " + e.msg + "\n";
  }
  return out;
}

struct Case {
  const char* src;
  const char* want;
};

TEST(ParserCompilerErrorsTest, Statements) {
  const Case cases[] = {
      {"package p\nfunc f() {\n\tx := 1 2\n}\n",
       "3:9: syntax error: unexpected literal 2 at end of statement\n"},
      {"package p\nfunc f() {\n\tf(1, 2 // c\n}\n",
       "3:13: syntax error: unexpected newline in argument list; possibly missing comma or )\n"},
      {"package p\nfunc f() {\n\tif x := 1 {\n\t}\n}\n",
       "3:7: syntax error: cannot use x := 1 as value\n"},
      {"package p\nfunc f() {\n\tif true {\n\t} else for {\n\t}\n}\n",
       "4:9: syntax error: else must be followed by if or statement block\n"},
      {"package p\nfunc f() {\n\tfor var i = 0; i < 1; i++ {\n\t}\n}\n",
       "3:10: syntax error: var declaration not allowed in for initializer\n"},
      {"package p\nfunc f() {\n\tswitch x {\n\tif\n\t}\n}\n",
       "4:2: syntax error: unexpected if, expecting case or default or }\n"},
      {"package p\nfunc g() {\n\tswitch {\n\tcase true:\n\tL:\n\tcase false:\n\t}\n}\n",
       "5:3: syntax error: missing statement after label\n"},
      // A header going on after its init statement: cmd/compile asks for the '{'.
      {"package p\nfunc f() {\n\tswitch i := g()); i {\n\t}\n}\n",
       "3:17: syntax error: unexpected ), expecting {\n"},
      // A missing operand skips to a closing bracket, which ends what it closes; a
      // go statement without even a bad expression still wants a call.
      {"package p\nfunc f() {\n\tgo func() {\n\t\tsend <-\n\t}()\n\t_ = (1 +)\n}\nfunc g() { go",
       "5:2: syntax error: unexpected }, expecting expression\n"
       "6:10: syntax error: unexpected ), expecting expression\n"
       "8:14: expression in go must be function call\n"},
      // A receive of a channel type that is no channel type: at the token after it.
      {"package p\nfunc f() {\n\t<-<-chan int\n\t<-chan<-int // c\n}\n",
       "3:14: syntax error: unexpected <-, expecting chan\n"
       "4:18: syntax error: unexpected int, expecting chan\n"},
  };
  for (const Case& c : cases) EXPECT_EQ(CompilerErrors(c.src), c.want) << c.src;
}

TEST(ParserCompilerErrorsTest, Declarations) {
  const Case cases[] = {
      {"type T int\n", "1:1: syntax error: package statement must be first\n"},
      {"package p\nvar z = 3 )\n",
       "2:11: syntax error: unexpected ) after top level declaration\n"},
      {"package p\nimport 42\n", "2:10: syntax error: import path must be a string\n"},
      {"package p\nvar x\nvar y int\n", "2:6: syntax error: unexpected newline, expecting type\n"},
      {"package p\ntype T\n", "2:7: syntax error: unexpected newline in type declaration\n"},
      {"package p\nfunc f(a int, *int)\n",
       "2:15: syntax error: mixed named and unnamed parameters\n"},
      {"package p\nvar c chan\n", "3:1: syntax error: missing channel element type\n"},
      {"package p\nfunc f()\n{\n}\n",
       "3:1: syntax error: unexpected semicolon or newline before {\n"},
      {"package p\nvar _ = x.3\n",
       "2:10: syntax error: unexpected literal .3 after top level declaration\n"},
  };
  for (const Case& c : cases) EXPECT_EQ(CompilerErrors(c.src), c.want) << c.src;
}

TEST(ParserCompilerErrorsTest, ReceiverCount) {
  // Not syntax errors: type checking goes on, with no receiver or the first one.
  EXPECT_EQ(CompilerErrors("package p\nfunc () f()\nfunc (a, b T) g()\ntype T int\n"),
            "2:9: method has no receiver\n3:15: method has multiple receivers\n");
}

TEST(ParserCompilerErrorsTest, ScannerErrors) {
  const Case cases[] = {
      {"package p\nvar \xdb\xb6x = 1\n",
       "2:5: identifier cannot begin with digit U+06F6 '\xdb\xb6'\n"},
      {"package p\nvar x\xe2\x8a\x9by int\n",
       "2:6: invalid character U+229B '\xe2\x8a\x9b' in identifier\n"},
      {"package p\nvar s = \"\\x'1\"\n", "2:12: invalid character '\\'' in hexadecimal escape\n"},
      // A scanner error does not hide the syntax error on its line.
      {"package p\nvar x = 1 @ 2\n",
       "2:11: invalid character U+0040 '@'\n"
       "2:13: syntax error: unexpected literal 2 after top level declaration\n"},
  };
  for (const Case& c : cases) EXPECT_EQ(CompilerErrors(c.src), c.want) << c.src;
}

TEST(ParserCompilerErrorsTest, RuneAndStringLiterals) {
  EXPECT_EQ(CompilerErrors("package p\nvar a = 'ab'\nvar b = ''\nvar c = 'x\n"),
            "2:9: more than one character in rune literal\n"
            "3:10: empty rune literal or unescaped '\n"
            "4:11: newline in rune literal\n");
  EXPECT_EQ(CompilerErrors("package p\nvar s = \"abc\nvar t = 1\n"), "2:13: newline in string\n");
}

// One syntax error per line, and none at EOF after the first (base.ErrorfAt and
// syntaxErrorAt), where go/parser reports several.
TEST(ParserCompilerErrorsTest, Filtering) {
  EXPECT_EQ(CompilerErrors("package p\nfunc f() {\n\tx := (1 +\n"),
            "4:1: syntax error: unexpected EOF, expecting expression\n");
  EXPECT_EQ(CompilerErrors("package p\nvar a, b = 1 2 3\nvar c = 1 2\n"),
            "2:14: syntax error: unexpected literal 2 after top level declaration\n"
            "3:11: syntax error: unexpected literal 2 after top level declaration\n");
}

// LateErrors lists the errors cmd/compile reports only when there is no other.
std::string LateErrors(const std::string& src) {
  base::FileSet fset;
  base::Arena arena;
  ParseResult r = ParseFile(fset, "x.go", src, arena, kCompilerErrors | kAllErrors);
  std::string out;
  for (const base::PositionedError& e : r.late_errors) {
    out += std::to_string(e.pos.line) + ":" + std::to_string(e.pos.column) + ": " + e.msg + "\n";
  }
  return out;
}

TEST(ParserCompilerErrorsTest, Directives) {
  // A directive not on a line of its own, or before a statement, is misplaced at once.
  EXPECT_EQ(CompilerErrors("package p\n\nfunc f() {\n\t//go:noinline\n\tx := 1\n\t_ = x\n}\n"),
            "4:4: misplaced compiler directive\n");
  EXPECT_EQ(
      CompilerErrors("package p\n\nfunc f2() {}\n\n//go:noinline\n\n//go:noinline\nvar x int\n\n"
                     "//go:noinline\nconst c = 1\n"),
      "");
  EXPECT_EQ(LateErrors("package p\n\nfunc f2() {}\n\n//go:noinline\n\n//go:noinline\nvar x int\n\n"
                       "//go:noinline\nconst c = 1\n"),
            "5:3: misplaced compiler directive\n7:3: misplaced compiler directive\n"
            "10:3: misplaced compiler directive\n");
  // go build reports the declarations' directives only when nothing else is wrong.
  std::string src =
      "//go:build ignore\n\n//go:noinline\npackage p\n\n//go:notinheap\ntype T int\n\n"
      "//go:notinheap\nfunc f() {} //go:nosplit\n\n//go:noinline\n";
  EXPECT_EQ(CompilerErrors(src),
            "10:15: misplaced compiler directive\n12:3: misplaced compiler directive\n");
  EXPECT_EQ(LateErrors(src),
            "3:3: misplaced compiler directive\n9:3: misplaced compiler directive\n");
  EXPECT_EQ(LateErrors("package p\n\nimport \"embed\"\n\nvar _ embed.FS\n\nfunc f() {\n"
                       "\t//go:embed x.txt\n\tvar s string\n\t_ = s\n}\n"),
            "8:4: go:embed cannot apply to var inside func\n");
}

TEST(ParserCompilerErrorsTest, ReservedDirectives) {
  // The runtime's and cgo's directives, and their arguments, as go tool compile -p p.
  std::string src =
      "package p\n\n//go:nowritebarrier\nfunc f() {}\n\n//go:cgo_ldflag \"-x\"\n"
      "//go:cgo_import_static a b\n//go:uintptrkeepalive\nfunc g(uintptr) {}\n\n"
      "//go:linkname\n//go:linkname a b c d\nfunc h() {}\n";
  EXPECT_EQ(CompilerErrors(src),
            "3:3: //go:nowritebarrier only allowed in runtime\n"
            "6:3: //go:cgo_ldflag \"-x\" only allowed in cgo-generated code\n"
            "7:3: //go:cgo_import_static a b only allowed in cgo-generated code\n"
            "7:3: usage: //go:cgo_import_static local\n"
            "8:3: //go:uintptrkeepalive is only allowed in the standard library\n"
            "12:3: usage: //go:linkname localname [linkname]\n");
  // The runtime's own packages may use them all; the standard library the cgo ones.
  base::FileSet fset;
  base::Arena arena;
  unsigned runtime = kCompilerErrors | kCompilingStd | kCompilingRuntime;
  EXPECT_EQ(ParseFile(fset, "x.go", src, arena, runtime).errors.size(), 2u);  // the usages
  EXPECT_EQ(ParseFile(fset, "x.go", src, arena, kCompilerErrors | kCompilingStd).errors.size(), 3u);
  // go:linkname wants import "unsafe" (reported late); the rest is the type checker's.
  ParseResult r = ParseFile(fset, "x.go", "package p\n\n//go:linkname x a\nvar x int\n", arena,
                            kCompilerErrors);
  EXPECT_TRUE(r.linknames.empty());
  EXPECT_EQ(LateErrors("package p\n\n//go:linkname x a\nvar x int\n"),
            "3:3: //go:linkname only allowed in Go files that import \"unsafe\"\n");
  r = ParseFile(fset, "x.go", "package p\n\nimport _ \"unsafe\"\n\n//go:linkname x a\nvar x int\n",
                arena, kCompilerErrors);
  ASSERT_EQ(r.linknames.size(), 1u);
  EXPECT_EQ(r.linknames[0].local, "x");
  EXPECT_EQ(r.linknames[0].pos.line, 5);
}

// The default mode keeps go/parser's errors.
TEST(ParserCompilerErrorsTest, DefaultModeUnchanged) {
  base::FileSet fset;
  base::Arena arena;
  std::string src = "package p\nfunc f() {\n\tx := 1 2\n}\n";
  ParseResult r = ParseFile(fset, "x.go", src, arena, 0);
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors[0].msg, "expected ';', found 2");
}

}  // namespace
}  // namespace gotool::syntax
