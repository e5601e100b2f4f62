// Tests for `gotool build` checking: error formatting and runs over temporary trees.
#include "pkg/load/check_build.h"
#include "pkg/load/treetest_test.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace gotool::load {
namespace {

namespace fs = std::filesystem;

TEST(FormatCompileErrorsTest, OrderAndLimit) {
  base::ErrorList errs;
  // Reporting order: b.go first, then a.go; gc groups by file in that order.
  errs.Add(base::Position{"/w/p/b.go", 0, 3, 13}, "cannot use x");
  errs.Add(base::Position{"/w/p/a.go", 0, 9, 2}, "y declared and not used");
  errs.Add(base::Position{"/w/p/a.go", 0, 4, 2}, "undefined: z");
  errs.Add(base::Position{"/w/p/b.go", 0, 1, 1}, "first line");
  EXPECT_EQ(FormatCompileErrors(errs, "/w"),
            "p/b.go:1:1: first line\n"
            "p/b.go:3:13: cannot use x\n"
            "p/a.go:4:2: undefined: z\n"
            "p/a.go:9:2: y declared and not used\n");
  EXPECT_EQ(FormatCompileErrors(errs, "/w/p").substr(0, 20), "./b.go:1:1: first li");
}

TEST(FormatCompileErrorsTest, TiesKeepReportingOrderAndDuplicatesPrintOnce) {
  base::ErrorList errs;
  errs.Add(base::Position{"/w/a.go", 0, 2, 1}, "z second");
  errs.Add(base::Position{"/w/a.go", 0, 2, 1}, "a first");
  errs.Add(base::Position{"/w/a.go", 0, 1, 1}, "dup");
  errs.Add(base::Position{"/w/a.go", 0, 1, 1}, "dup");
  EXPECT_EQ(FormatCompileErrors(errs, "/w"),
            "./a.go:1:1: dup\n./a.go:2:1: z second\n./a.go:2:1: a first\n");
}

TEST(FormatCompileErrorsTest, TooManyErrors) {
  base::ErrorList errs;
  for (int i = 12; i >= 1; i--)
    errs.Add(base::Position{"/w/m.go", 0, i, 5}, "e" + std::to_string(i));
  std::string out = FormatCompileErrors(errs, "/w");
  // The first ten reported (lines 12..3), sorted, then the tenth reported's position.
  EXPECT_TRUE(out.starts_with("./m.go:3:5: e3\n./m.go:4:5: e4\n")) << out;
  EXPECT_TRUE(out.ends_with("./m.go:12:5: e12\n./m.go:3:5: too many errors\n")) << out;
}

class CheckBuildTest : public TreeTest {
 protected:
  void SetUp() override {
    Write("goroot/src/errors/errors.go",
          "package errors\n\nfunc New(s string) error { return nil }\n");
    Write("goroot/src/net/net.go",
          "package net\n\nimport \"golang.org/x/net/dns\"\n\nvar Port = dns.Port\n");
    Write("goroot/src/vendor/golang.org/x/net/dns/dns.go", "package dns\n\nconst Port = 53\n");
    Write("m/go.mod", "module example.com/m\n\ngo 1.19\n");
    Write("m/usenet/u.go", "package usenet\n\nimport \"net\"\n\nvar P int = net.Port\n");
    Write("m/ok/ok.go", "package ok\n\nimport \"errors\"\n\nvar E = errors.New(\"x\")\n");
    Write("m/bad/bad.go", "package bad\n\nfunc f() {\n\tundefinedName()\n}\n");
    Write("m/usebad/u.go", "package usebad\n\nimport _ \"example.com/m/bad\"\n");
    Write("m/cyc/a/a.go", "package a\n\nimport _ \"example.com/m/cyc/b\"\n");
    Write("m/cyc/b/b.go", "package b\n\nimport _ \"example.com/m/cyc/a\"\n");
    Write("m/cmd/main.go", "package main\n\nfunc main() {}\n");
    req_.context = ctx_;
    req_.cwd = Path("m");
  }
  BuildResult Build(std::vector<std::string> patterns) {
    req_.patterns = std::move(patterns);
    return CheckBuild(req_);
  }

  BuildRequest req_;
};

// Syntax errors are cmd/compile's, as go build 1.19 prints them for this package.
TEST_F(CheckBuildTest, SyntaxErrorsAsCompiler) {
  Write("m/syn/a.go",
        "package syn\n\nfunc f() {\n\tx := 1 2\n\tif x {\n\t}\n\tvar y int foo\n}\n\n"
        "var z = 3 )\n");
  BuildResult r = Build({"./syn"});
  EXPECT_EQ(r.stderr_text,
            "# example.com/m/syn\n"
            "syn/a.go:4:9: syntax error: unexpected literal 2 at end of statement\n"
            "syn/a.go:7:12: syntax error: unexpected foo at end of statement\n"
            "syn/a.go:10:11: syntax error: unexpected ) after top level declaration\n");
  EXPECT_EQ(r.exit_code, 2);
}

// Parse errors that are not syntax errors proper do not stop type checking; go build
// 1.19 prints both for this package.
TEST_F(CheckBuildTest, ParseAndTypeErrorsAsCompiler) {
  Write("m/mixed/a.go", "package mixed\n\nfunc f() {\n\tgo f\n\t_ = \"a\"[1::]\n\tvar x int\n}\n");
  BuildResult r = Build({"./mixed"});
  EXPECT_EQ(r.stderr_text,
            "# example.com/m/mixed\n"
            "mixed/a.go:4:5: expression in go must be function call\n"
            "mixed/a.go:5:12: middle index required in 3-index slice\n"
            "mixed/a.go:5:13: final index required in 3-index slice\n"
            "mixed/a.go:5:13: invalid operation: 3-index slice of string\n"
            "mixed/a.go:6:6: x declared but not used\n");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CheckBuildTest, OkPackage) {
  BuildResult r = Build({"./ok"});
  EXPECT_EQ(r.stderr_text, "");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.packages_checked, 2);
}

TEST_F(CheckBuildTest, StdVendoredImport) {
  BuildResult r = Build({"./usenet"});
  EXPECT_EQ(r.stderr_text, "");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.packages_checked, 3);
}

TEST_F(CheckBuildTest, TypeErrorsStopDependents) {
  BuildResult r = Build({"./usebad"});
  EXPECT_EQ(r.stderr_text, "# example.com/m/bad\nbad/bad.go:4:2: undefined: undefinedName\n");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(CheckBuildTest, LoadErrors) {
  BuildResult r = Build({"./cyc/a"});
  EXPECT_EQ(r.stderr_text,
            "package example.com/m/cyc/a\n\timports example.com/m/cyc/b\n\timports "
            "example.com/m/cyc/a: import cycle not allowed\n");
  EXPECT_EQ(r.exit_code, 1);
}

TEST_F(CheckBuildTest, ExecutableNotYet) {
  BuildResult r = Build({"./cmd"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.stderr_text.find("code generation is not supported yet"), std::string::npos);
  r = Build({"./..."});
  EXPECT_EQ(r.exit_code, 1);  // the cycle
}

}  // namespace
}  // namespace gotool::load

namespace gotool::load {
namespace {

// The check cache: a package recorded clean is not checked again until its files,
// a dependency, the build settings or the checker change.
TEST_F(CheckBuildTest, CacheSkipsPackagesThatCheckedClean) {
  req_.cache_dir = Path("cache");
  req_.tool_id = "gotool-test-1";
  BuildResult first = Build({"./ok"});
  EXPECT_EQ(first.stderr_text, "");
  EXPECT_EQ(first.packages_checked, 2);  // ok and errors
  BuildResult again = Build({"./ok"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.packages_checked, 0);

  // A changed dependency invalidates its importers too.
  Write("goroot/src/errors/errors.go",
        "package errors\n\nfunc New(s string) error { return nil }\n\n// changed\n");
  EXPECT_EQ(Build({"./ok"}).packages_checked, 2);
  // A changed importer alone is checked alone.
  Write("m/ok/ok.go", "package ok\n\nimport \"errors\"\n\nvar E, F = errors.New(\"x\"), 1\n");
  EXPECT_EQ(Build({"./ok"}).packages_checked, 1);
  EXPECT_EQ(Build({"./ok"}).packages_checked, 0);

  // Another checker, other tags or -a do not trust the records.
  req_.tool_id = "gotool-test-2";
  EXPECT_EQ(Build({"./ok"}).packages_checked, 2);
  req_.context.build_tags = {"extra"};
  EXPECT_EQ(Build({"./ok"}).packages_checked, 2);
  req_.force = true;
  EXPECT_EQ(Build({"./ok"}).packages_checked, 2);
  req_.force = false;
  req_.cache_dir = "off";
  EXPECT_EQ(Build({"./ok"}).packages_checked, 2);
}

TEST_F(CheckBuildTest, CacheNeverRecordsErrors) {
  req_.cache_dir = Path("cache");
  req_.tool_id = "gotool-test-1";
  BuildResult first = Build({"./usebad"});
  EXPECT_EQ(first.exit_code, 2);
  BuildResult again = Build({"./usebad"});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(again.stderr_text, first.stderr_text);
  EXPECT_NE(again.stderr_text.find("undefined: undefinedName"), std::string::npos)
      << again.stderr_text;
  // A damaged record (a crash before its data reached the disk) is no record.
  Write("m/bad/bad.go", "package bad\n");
  EXPECT_EQ(Build({"./usebad"}).exit_code, 0);
  for (const auto& e : fs::recursive_directory_iterator(root_ / "cache")) {
    if (e.is_regular_file()) std::ofstream(e.path()) << "";
  }
  EXPECT_EQ(Build({"./usebad"}).packages_checked, 2);
}

}  // namespace
}  // namespace gotool::load
