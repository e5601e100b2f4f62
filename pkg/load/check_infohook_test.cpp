// Tests for SourceImporter's info hook (the Info of selected packages, as checked)
// and for BrokenDependency, which debug typesinfo uses to skip such packages.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "pkg/load/check_packages.h"
#include "pkg/load/treetest_test.h"

namespace gotool::load {
namespace {

namespace fs = std::filesystem;

class InfoHookTest : public TreeTest {
 protected:
  void SetUp() override {
    Write("m/go.mod", "module example.com/m\n\ngo 1.19\n");
    Write("m/t/t.go", "package t\n\nconst N = 2\n\nvar X = N * 3\n");
    Write("m/u/u.go", "package u\n\nimport \"example.com/m/t\"\n\nvar Y = t.X + 1\n");
  }
};

TEST_F(InfoHookTest, ReportsTheSelectedPackagesOnly) {
  Loader loader = ModuleLoader();
  std::vector<std::string> errs, warns;
  std::vector<LoadedPackage*> roots = loader.LoadPatterns({"./u"}, &errs, &warns);
  ASSERT_EQ(roots.size(), 1u);
  SourceImporter importer(&loader, types::Config{});
  std::vector<std::string> seen;
  size_t recorded = 0;
  bool only_types = true;
  importer.set_info_hook({
      [](const LoadedPackage& lp) { return lp.pkg.import_path == "example.com/m/t"; },
      [&](const CheckedPackage& cp, const types::Info& info) {
        seen.push_back(cp.loaded->pkg.import_path);
        recorded = info.types.size();
        only_types = info.defs.empty() && info.uses.empty() && info.scopes.empty();
      },
  });
  // Checking u checks t first (its import); only t's Info is handed over, once.
  ASSERT_NE(importer.CheckPackage(roots[0]), nullptr);
  ASSERT_NE(importer.CheckPackage(roots[0]), nullptr);  // cached: no second report
  EXPECT_EQ(seen, std::vector<std::string>{"example.com/m/t"});
  // t records 2 (N's value), N * 3, N and 3.
  EXPECT_EQ(recorded, 4u);
  EXPECT_TRUE(only_types);
}

TEST_F(InfoHookTest, BrokenDependencyNamesTheFirstDependencyWithErrors) {
  Write("m/e/e.go", "package e\n\nvar E int = \"s\"\n");
  Write("m/f/f.go", "package f\n\nimport \"example.com/m/e\"\n\nvar F = e.E\n");
  Write("m/g/g.go", "package g\n\nimport \"example.com/m/f\"\n\nvar G = f.F\n");
  Loader loader = ModuleLoader();
  std::vector<std::string> errs, warns;
  std::vector<LoadedPackage*> roots = loader.LoadPatterns({"./g", "./u", "./e"}, &errs, &warns);
  ASSERT_EQ(roots.size(), 3u);
  SourceImporter importer(&loader, types::Config{});
  EXPECT_EQ(importer.BrokenDependency(roots[0]), "example.com/m/e");  // through f
  EXPECT_EQ(importer.BrokenDependency(roots[1]), "");                 // t checks clean
  EXPECT_EQ(importer.BrokenDependency(roots[2]), "");  // e's own errors are not a dependency's
  EXPECT_EQ(importer.BrokenDependency(roots[0]), "example.com/m/e");  // memoized
}

}  // namespace
}  // namespace gotool::load
