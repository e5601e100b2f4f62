// Tests for go.mod parsing, printing and editing; expected texts follow the go
// command's output for the same inputs and edits.
#include "modcache/modfile.h"

#include <gtest/gtest.h>

namespace gotool::modcache::modfile {
namespace {

std::unique_ptr<File> MustParse(std::string_view text) {
  std::vector<Error> errs;
  auto f = Parse("go.mod", text, nullptr, &errs);
  EXPECT_TRUE(f) << ErrorMessages(errs);
  return f;
}

std::string ParseError(std::string_view text) {
  std::vector<Error> errs;
  auto f = Parse("go.mod", text, nullptr, &errs);
  EXPECT_FALSE(f);
  return ErrorMessages(errs);
}

std::string Edited(File* f) {
  f->SortBlocks();
  f->Cleanup();
  return f->Format();
}

TEST(Modfile, RoundTripsFormattedFiles) {
  const char* kFormatted[] = {
      "module example.com/m\n\ngo 1.19\n",
      "// c\nmodule example.com/m // x\n\nrequire (\n\tA.com v1.0.0 // indirect\n\n\t// c\n\tb.com "
      "v1.2.3\n)\n\nretract [v1.0.0, v1.1.0] // why\n",
      "replace x.com => \"./a b\"\n\nexclude x.com v1.0.0\n",
  };
  for (const char* text : kFormatted) EXPECT_EQ(MustParse(text)->Format(), text);
}

TEST(Modfile, FormatsLayout) {
  auto f = MustParse(
      "module \"example.com/m\"\ngo 1.19\n\n\n\nrequire (\n\n\tx.com v1.0.0\n\n\n\ty.com "
      "v1.0.0\n)\n"
      "require ()\n// tail\n");
  EXPECT_EQ(Edited(f.get()),
            "module example.com/m\n\ngo 1.19\n\nrequire (\n\tx.com v1.0.0\n\n\ty.com v1.0.0\n)\n\n"
            "// tail\n");
}

TEST(Modfile, ParsesStatements) {
  auto f = MustParse(
      "// Deprecated: use v2.\nmodule example.com/m\ngo 1.21.0\ntoolchain go1.22.1\n"
      "godebug (\n\tpanicnil=1\n)\nrequire (\n\ta.com v1.0.0 // indirect\n\tb.com v1.2 // "
      "indirect; pinned\n)\nexclude c.com v1.0.0\nreplace d.com v1.0.0 => ../d\nretract (\n\t// "
      "Oops.\n\t[v1.0.0, v1.0.5]\n)\n");
  EXPECT_EQ(f->module->mod.path, "example.com/m");
  EXPECT_EQ(f->module->deprecated, "use v2.");
  EXPECT_EQ(f->go->version, "1.21.0");
  EXPECT_EQ(f->toolchain->name, "go1.22.1");
  ASSERT_EQ(f->godebug.size(), 1u);
  EXPECT_EQ(f->godebug[0]->key, "panicnil");
  ASSERT_EQ(f->require.size(), 2u);
  EXPECT_TRUE(f->require[0]->indirect);
  EXPECT_EQ(f->require[1]->mod.version, "v1.2.0");  // canonicalised
  EXPECT_TRUE(f->require[1]->indirect);
  EXPECT_EQ(f->replace[0]->new_mod.path, "../d");
  EXPECT_EQ(f->retract[0]->interval.low, "v1.0.0");
  EXPECT_EQ(f->retract[0]->interval.high, "v1.0.5");
  EXPECT_EQ(f->retract[0]->rationale, "Oops.");
}

TEST(Modfile, ReportsErrors) {
  EXPECT_EQ(ParseError("module m\nfoo\n"), "go.mod:2: unknown directive: foo");
  EXPECT_EQ(ParseError("module m\nrequire a.com v1 /* x */\n"),
            "go.mod:2:18: mod files must use // comments (not /* */ comments)");
  EXPECT_EQ(ParseError("require (\n"),
            "go.mod:2: syntax error (unterminated block started at go.mod:1:1)");
  EXPECT_EQ(ParseError("require a.com/v2 v1.0.0\ngo 1\n"),
            "go.mod:1: require a.com/v2: version \"v1.0.0\" invalid: should be v2, not v1\n"
            "go.mod:2: invalid go version '1': must match format 1.23");
  EXPECT_EQ(ParseError("require (\n\ta.com v1.0.0\n) x\n"),
            "go.mod:3:4: syntax error (expected newline after closing paren)");
  EXPECT_EQ(ParseError("foo (\n)\n"), "go.mod:1: unknown block type: foo");
}

TEST(Modfile, LaxIgnoresMainModuleStatements) {
  std::vector<Error> errs;
  auto f = ParseLax("go.mod", "module m\nfoo bar\nreplace x => ../x\ngo 1.17rc1\n", nullptr, &errs);
  ASSERT_TRUE(f) << ErrorMessages(errs);
  EXPECT_TRUE(f->replace.empty());
  EXPECT_EQ(f->go->version, "1.17rc1");
}

TEST(Modfile, AddRequireJoinsTheLastRequire) {
  auto f = MustParse("module m\n\nrequire a.com v1.0.0\n\nexclude x.com v1.0.0\n");
  f->AddRequire("c.com", "v1.1.0");
  f->AddRequire("b.com", "v1.0.0");
  f->AddRequire("a.com", "v1.2.0");
  EXPECT_EQ(Edited(f.get()),
            "module m\n\nrequire (\n\ta.com v1.2.0\n\tb.com v1.0.0\n\tc.com v1.1.0\n)\n\n"
            "exclude x.com v1.0.0\n");
  f->DropRequire("b.com");
  f->DropRequire("c.com");
  EXPECT_EQ(Edited(f.get()), "module m\n\nrequire a.com v1.2.0\n\nexclude x.com v1.0.0\n");
}

TEST(Modfile, AddExcludeAndReplaceAppendWithoutSamePath) {
  auto f = MustParse("module m\n\nexclude a.com v1.0.0\n\nreplace b.com => ../b\n\ngo 1.19\n");
  EXPECT_EQ(f->AddExclude("c.com", "v1.0.0"), "");
  EXPECT_EQ(f->AddExclude("a.com", "v1.1.0"), "");
  f->AddReplace("b.com", "v1.0.0", "../b1", "");
  f->AddReplace("d.com", "", "e.com", "v1.0.0");
  EXPECT_EQ(Edited(f.get()),
            "module m\n\nexclude (\n\ta.com v1.0.0\n\ta.com v1.1.0\n)\n\nreplace (\n\tb.com => "
            "../b\n\tb.com v1.0.0 => ../b1\n)\n\ngo 1.19\n\nexclude c.com v1.0.0\n\nreplace d.com "
            "=> e.com v1.0.0\n");
  EXPECT_EQ(f->AddExclude("a.com", "v1"), "version \"v1\" invalid: must be of the form v1.2.3");
}

TEST(Modfile, AddRetractSortsDescending) {
  auto f = MustParse("module m\n\nretract v1.0.0\n");
  EXPECT_EQ(f->AddRetract({"v1.1.0", "v1.2.0"}, "broken\nreally"), "");
  EXPECT_EQ(f->AddRetract({"v0.1.0", "v0.1.0"}, ""), "");
  EXPECT_EQ(Edited(f.get()),
            "module m\n\nretract (\n\t// broken\n\t// really\n\t[v1.1.0, v1.2.0]\n\tv1.0.0\n\t"
            "v0.1.0\n)\n");
}

TEST(Modfile, SetRequireKeepsCommentsAndMarksIndirect) {
  auto f = MustParse("module m\n\nrequire (\n\ta.com v1.0.0 // note\n\tb.com v1.0.0\n)\n");
  f->SetRequire({{{"a.com", "v1.1.0"}, true, nullptr}, {{"c.com", "v0.1.0"}, false, nullptr}});
  EXPECT_EQ(Edited(f.get()),
            "module m\n\nrequire (\n\ta.com v1.1.0 // indirect; note\n\tc.com v0.1.0\n)\n");
}

TEST(Modfile, SetRequireSeparateIndirectSplitsOneBlock) {
  auto f = MustParse(
      "module m\n\ngo 1.17\n\nrequire (\n\ta.com v1.0.0\n\tb.com v1.0.0 // indirect\n\tc.com "
      "v1.0.0\n)\n");
  f->SetRequireSeparateIndirect({{{"a.com", "v1.0.0"}, false, nullptr},
                                 {{"b.com", "v1.0.0"}, true, nullptr},
                                 {{"c.com", "v1.1.0"}, true, nullptr},
                                 {{"d.com", "v1.0.0"}, false, nullptr}});
  EXPECT_EQ(Edited(f.get()),
            "module m\n\ngo 1.17\n\nrequire (\n\ta.com v1.0.0\n\td.com v1.0.0\n)\n\nrequire (\n\t"
            "b.com v1.0.0 // indirect\n\tc.com v1.1.0 // indirect\n)\n");
}

TEST(Modfile, SetRequireSeparateIndirectLeavesStandaloneLines) {
  // A single-line require that turns indirect stays where it is.
  auto f = MustParse(
      "module m\n\ngo 1.17\n\nrequire a.com v1.0.0\n\nrequire (\n\tb.com v1.0.0 // indirect\n)\n");
  f->SetRequireSeparateIndirect({{{"a.com", "v1.0.0"}, true, nullptr},
                                 {{"b.com", "v1.0.0"}, true, nullptr},
                                 {{"e.com", "v1.0.0"}, false, nullptr}});
  EXPECT_EQ(Edited(f.get()),
            "module m\n\ngo 1.17\n\nrequire (\n\ta.com v1.0.0 // indirect\n\te.com v1.0.0\n)\n\n"
            "require b.com v1.0.0 // indirect\n");
}

TEST(Modfile, GoAndToolchainStatements) {
  auto f = MustParse("// c\nmodule m\n\nrequire a.com v1.0.0\n");
  EXPECT_EQ(f->AddGoStmt("1.21"), "");
  EXPECT_EQ(f->AddToolchainStmt("go1.22.0"), "");
  EXPECT_EQ(Edited(f.get()),
            "// c\nmodule m\n\ngo 1.21\n\ntoolchain go1.22.0\n\nrequire a.com v1.0.0\n");
  EXPECT_EQ(f->AddGoStmt("1.x"), "invalid language version string \"1.x\"");
  f->DropToolchainStmt();
  f->DropGoStmt();
  EXPECT_EQ(Edited(f.get()), "// c\nmodule m\n\nrequire a.com v1.0.0\n");
}

TEST(Modfile, QuotingAndModulePath) {
  EXPECT_TRUE(MustQuote("a b"));
  EXPECT_TRUE(MustQuote(""));
  EXPECT_TRUE(MustQuote("a//b"));
  EXPECT_TRUE(MustQuote("(x"));
  EXPECT_FALSE(MustQuote("("));
  EXPECT_FALSE(MustQuote("example.com/x"));
  EXPECT_EQ(AutoQuote("a\tb"), "\"a\\tb\"");
  std::string out;
  EXPECT_TRUE(Unquote("\"a\\x41\\u00e9\\101\"", &out));
  EXPECT_EQ(out,
            "aA\xc3\xa9"
            "A");
  EXPECT_FALSE(Unquote("\"a\\q\"", &out));
  EXPECT_EQ(ModulePath("// x\nmodule \"example.com/q\" // c\n"), "example.com/q");
  EXPECT_EQ(ModulePath("modulex y\n"), "");
  EXPECT_EQ(ModulePath("go 1.19\n"), "");
}

// IsGoVersion agrees with the go command's regexp
// ^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$.
TEST(ModFile, IsGoVersion) {
  for (const char* v : {"1.19", "1.0", "1.21.0", "1.21rc1", "10.200.3", "1.22.1beta2", "2.0"})
    EXPECT_TRUE(modfile::IsGoVersion(v)) << v;
  for (const char* v : {"", "1", "1.", ".1", "01.2", "1.02", "1.2.", "1.2.03", "1.2rc", "1.2.3rc",
                        "1.2RC1", "1.2.3.4", "v1.2", "1.2 ", "1.2-rc1", "0.1"})
    EXPECT_FALSE(modfile::IsGoVersion(v)) << v;
}

}  // namespace
}  // namespace gotool::modcache::modfile
