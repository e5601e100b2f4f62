// Tests for checking packages with their tests, and for a deterministic error order.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "pkg/load/check_build.h"
#include "pkg/load/check_packages.h"
#include "pkg/load/treetest_test.h"

namespace gotool::load {
namespace {

namespace fs = std::filesystem;

class CheckTestsTest : public TreeTest {
 protected:
  void SetUp() override {
    Write("m/go.mod", "module example.com/m\n\ngo 1.19\n");
    Write("m/t/t.go", "package t\n\ntype T struct{ n int }\n\nfunc f() int { return 1 }\n");
    Write("m/t/export_test.go", "package t\n\nvar F = f\n");
    Write("m/t/t_test.go", "package t\n\nvar _ T = T{n: F()}\n");
    Write("m/t/x_test.go",
          "package t_test\n\nimport (\n\t\"example.com/m/t\"\n\t\"example.com/m/u\"\n)\n\n"
          "var _ int = t.F()\nvar _ t.T = u.V\n");
    Write("m/u/u.go", "package u\n\nimport \"example.com/m/t\"\n\nvar V t.T\n");
    Write("m/bad/x_test.go", "package bad_test\n\nvar _ int = \"s\"\n");
    Write("m/bad/bad.go", "package bad\n");
  }
};

TEST_F(CheckTestsTest, TestAndExternalTestPackages) {
  Loader loader = ModuleLoader();
  std::vector<std::string> errs, warns;
  std::vector<LoadedPackage*> roots = loader.LoadPatterns({"./t", "./bad"}, &errs, &warns);
  ASSERT_EQ(roots.size(), 2u);
  SourceImporter importer(&loader, types::Config{});
  TestCheck tc = importer.CheckWithTests(roots[0]);
  ASSERT_NE(tc.ptest, nullptr);
  ASSERT_NE(tc.pxtest, nullptr);
  EXPECT_EQ(tc.ptest->files.size(), 3u);
  EXPECT_EQ(tc.ptest->Errors().String(), "");
  // u is checked again against the test variant of t, so u.V has its T.
  EXPECT_EQ(tc.pxtest->Errors().String(), "");
  EXPECT_EQ(importer.CheckWithTests(roots[0]).pxtest, tc.pxtest);
  TestCheck bad = importer.CheckWithTests(roots[1]);
  EXPECT_EQ(bad.ptest->Errors().String(), "");
  ASSERT_EQ(bad.pxtest->Errors().size(), 1u);
  EXPECT_EQ(bad.pxtest->Errors()[0].pos.line, 3);
}

TEST_F(CheckTestsTest, ErrorOrderDoesNotDependOnParallelism) {
  for (char c = 'a'; c <= 'f'; c++) {
    std::string p(1, c);
    Write("m/e/" + p + "/" + p + "1.go", "package " + p + "\n\nvar _ int = \"x\"\nvar y = z\n");
    Write("m/e/" + p + "/" + p + "2.go", "package " + p + "\n\nfunc g() { undefinedF() }\n");
  }
  BuildRequest req;
  req.context = ctx_;
  req.cwd = Path("m");
  req.gomodcache = Path("modcache");
  req.patterns = {"./e/..."};
  req.jobs = 1;
  std::string want = CheckBuild(req).stderr_text;
  EXPECT_NE(want.find("# example.com/m/e/f\n"), std::string::npos) << want;
  for (int run = 0; run < 3; run++) {
    req.jobs = 2 + run;
    EXPECT_EQ(CheckBuild(req).stderr_text, want);
  }
}

}  // namespace
}  // namespace gotool::load
