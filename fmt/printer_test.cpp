// Golden tests for the gofmt pipeline: each testdata/printer/NAME.input formats to
// NAME.golden (testdata/simplify: with -s), and every golden file is a fixed point.
// The golden files were produced by Go 1.19's gofmt; GOTOOL_UPDATE_GOLDEN=1
// rewrites them from our output (check any change against gofmt before committing).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fmt/gofmt.h"
#include "fmt/printer.h"
#include "pkg/syntax/parser.h"

namespace gotool::gofmt {
namespace {

namespace fs = std::filesystem;

struct GoldenDir {
  const char* path;
  bool simplify;
};
const GoldenDir kDirs[] = {{"fmt/testdata/printer", false}, {"fmt/testdata/simplify", true}};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string MustFormat(const std::string& name, const std::string& src, bool simplify) {
  SourceOptions options;
  options.simplify = simplify;
  SourceResult r = FormatSource(name, src, options);
  EXPECT_TRUE(r.errors.empty()) << name << ": " << r.errors.Error();
  return r.output;
}

TEST(PrinterGoldenTest, InputsMatchGolden) {
  bool update = std::getenv("GOTOOL_UPDATE_GOLDEN") != nullptr;
  for (const GoldenDir& dir : kDirs) {
    int n = 0;
    for (const fs::directory_entry& e : fs::directory_iterator(dir.path)) {
      if (e.path().extension() != ".input") continue;
      n++;
      fs::path golden = e.path();
      golden.replace_extension(".golden");
      std::string got = MustFormat(e.path().string(), ReadFile(e.path()), dir.simplify);
      if (update) {
        std::ofstream(golden, std::ios::binary) << got;
        continue;
      }
      EXPECT_EQ(got, ReadFile(golden)) << e.path();
    }
    EXPECT_GT(n, 0) << "no inputs in " << dir.path;
  }
}

TEST(PrinterGoldenTest, GoldenIsFixedPoint) {
  for (const GoldenDir& dir : kDirs) {
    for (const fs::directory_entry& e : fs::directory_iterator(dir.path)) {
      if (e.path().extension() != ".golden") continue;
      std::string src = ReadFile(e.path());
      EXPECT_EQ(MustFormat(e.path().string(), src, dir.simplify), src) << e.path();
    }
  }
}

TEST(PrinterTest, ReportsParseErrors) {
  SourceResult r = FormatSource("bad.go", "package p\nfunc {\n");
  EXPECT_FALSE(r.errors.empty());
}

TEST(PrinterTest, RawFormatSkipsAlignment) {
  std::string src = "package p\n\nvar (\n\ta = 1 // x\n\tbbb = 2 // y\n)\n";
  base::FileSet fset;
  base::Arena arena;
  syntax::ParseResult parsed =
      syntax::ParseFile(fset, "raw.go", src, arena, syntax::kParseComments);
  ASSERT_TRUE(parsed.errors.empty());
  FormatOptions raw;
  raw.raw_format = true;
  // As go/printer with RawFormat prints it (checked with Go 1.19).
  EXPECT_EQ(Format(*parsed.file, fset, src, raw).output,
            "package p\n\nvar (\n\ta\t= 1\t\t// x\n\tbbb\t= 2\t\t// y\n)\n");
}

TEST(PrinterTest, FragmentsAsGofmtReadsStandardInput) {
  // Expectations: gofmt (Go 1.19) reading each input on standard input.
  SourceOptions stdin_mode;
  stdin_mode.fragment_ok = true;
  SourceResult stmts =
      FormatSource("<standard input>", "\n\n  x := 1\n  if x>0 {\n y()\n }\n\n", stdin_mode);
  ASSERT_TRUE(stmts.errors.empty());
  EXPECT_EQ(stmts.output, "\n\n\tx := 1\n\tif x > 0 {\n\t\ty()\n\t}\n\n");
  SourceResult decls = FormatSource("<standard input>", "\tfunc f(){}\n\nvar x=1\n", stdin_mode);
  ASSERT_TRUE(decls.errors.empty());
  EXPECT_EQ(decls.output, "\tfunc f() {}\n\n\tvar x = 1\n");
  EXPECT_FALSE(FormatSource("<standard input>", "x :=", stdin_mode).errors.empty());
  // Without fragment_ok, a package clause is required.
  EXPECT_FALSE(FormatSource("x.go", "var x = 1\n").errors.empty());
}

}  // namespace
}  // namespace gotool::gofmt
