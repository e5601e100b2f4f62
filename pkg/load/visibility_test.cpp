// Tests for import visibility (internal, vendor) and test-package loading.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "pkg/load/loader.h"
#include "pkg/load/treetest_test.h"

namespace gotool::load {
namespace {

namespace fs = std::filesystem;

TEST(FindInternalTest, Cases) {
  EXPECT_EQ(FindInternal("internal"), 0u);
  EXPECT_EQ(FindInternal("internal/cpu"), 0u);
  EXPECT_EQ(FindInternal("a/internal"), 2u);
  EXPECT_EQ(FindInternal("a/internal/b/internal/c"), 13u);
  EXPECT_EQ(FindInternal("a/internals/b"), std::string_view::npos);
  EXPECT_EQ(FindInternal("xinternal/b"), std::string_view::npos);
}

TEST(FindVendorTest, Cases) {
  EXPECT_EQ(FindVendor("vendor/golang.org/x/net"), 0u);
  EXPECT_EQ(FindVendor("a/vendor/b"), 2u);
  EXPECT_EQ(FindVendor("a/vendor"), std::string_view::npos);  // a package named vendor
  EXPECT_EQ(FindVendor("a/b"), std::string_view::npos);
}

class VisibilityTest : public TreeTest {
 protected:
  void SetUp() override {
    Write("goroot/src/internal/cpu/cpu.go", "package cpu\n");
    Write("goroot/src/fmt/fmt.go", "package fmt\n\nimport _ \"internal/cpu\"\n");
    Write("goroot/src/net/net.go", "package net\n\nimport _ \"golang.org/x/net/dns\"\n");
    Write("goroot/src/vendor/golang.org/x/net/dns/dns.go", "package dns\n");
    Write("goroot/src/bad/bad.go", "package bad\n\nimport _ \"vendor/golang.org/x/net/dns\"\n");
    Write("m/go.mod", "module example.com/m\n\ngo 1.19\n");
    Write("m/main.go", "package main\n\nimport _ \"example.com/m/a\"\n\nfunc main() {}\n");
    Write("m/a/a.go",
          "package a\n\nimport (\n\t_ \"fmt\"\n\t_ \"example.com/m/b/internal/c\"\n)\n");
    Write("m/b/b.go", "package b\n\nimport _ \"example.com/m/b/internal/c\"\n");
    Write("m/b/internal/c/c.go", "package c\n");
    Write("m/d/d.go", "package d\n\nimport _ \"internal/cpu\"\n");
    Write("m/e/e.go", "package e\n\nimport _ \"vendor/golang.org/x/net/dns\"\n");
  }
  // Errors loads patterns from directory m and returns every load error, one a line.
  std::string Errors(const std::vector<std::string>& patterns) {
    Loader l = ModuleLoader();
    std::vector<std::string> errs, warns;
    std::string out;
    for (LoadedPackage* p : Loader::TopologicalOrder(l.LoadPatterns(patterns, &errs, &warns))) {
      for (const std::string& e : p->errors) out += e + "\n";
    }
    for (const std::string& e : errs) out += e + "\n";
    return out;
  }
};

TEST_F(VisibilityTest, InternalInModule) {
  EXPECT_EQ(Errors({"./a"}),
            "package example.com/m/a\n\ta/a.go:5:2: use of internal package "
            "example.com/m/b/internal/c not allowed\n");
  EXPECT_EQ(Errors({"./b"}), "");
}

TEST_F(VisibilityTest, InternalStackFromRoot) {
  EXPECT_EQ(Errors({"."}),
            "package example.com/m\n\timports example.com/m/a\n\ta/a.go:5:2: use of internal "
            "package example.com/m/b/internal/c not allowed\n");
}

TEST_F(VisibilityTest, InternalInGoroot) {
  EXPECT_EQ(Errors({"./d"}),
            "package example.com/m/d\n\td/d.go:3:8: use of internal package internal/cpu not "
            "allowed\n");
  EXPECT_EQ(Errors({"fmt"}), "");  // std may use its own internal packages
}

TEST_F(VisibilityTest, Vendor) {
  EXPECT_EQ(Errors({"./e"}), "e/e.go:3:8: use of vendored package not allowed\n");
  EXPECT_EQ(Errors({"net"}), "");  // std imports its vendored packages by their path
  std::string bad = Errors({"bad"});
  EXPECT_TRUE(
      bad.ends_with("goroot/src/bad/bad.go:3:8: vendor/golang.org/x/net/dns must be "
                    "imported as golang.org/x/net/dns\n"))
      << bad;
}

class TestPackagesTest : public VisibilityTest {};

TEST_F(TestPackagesTest, Variants) {
  Write("m/t/t.go", "package t\n\ntype T int\n");
  Write("m/t/export_test.go", "package t\n\nimport _ \"example.com/m/b\"\n\nvar G T\n");
  Write("m/t/x_test.go",
        "package t_test\n\nimport (\n\t\"example.com/m/t\"\n\t\"example.com/m/u\"\n)\n");
  Write("m/u/u.go", "package u\n\nimport \"example.com/m/t\"\n\nvar V t.T\n");
  Loader l = ModuleLoader();
  std::vector<std::string> errs, warns;
  std::vector<LoadedPackage*> roots = l.LoadPatterns({"./t"}, &errs, &warns);
  ASSERT_EQ(roots.size(), 1u);
  TestVariants tv = l.LoadTestPackages(roots[0]);
  ASSERT_NE(tv.ptest, roots[0]);
  EXPECT_EQ(tv.ptest->pkg.go_files, (std::vector<std::string>{"t.go", "export_test.go"}));
  EXPECT_EQ(tv.ptest->pkg.import_path, "example.com/m/t");
  ASSERT_EQ(tv.ptest->imports.size(), 1u);
  EXPECT_EQ(tv.ptest->imports[0]->pkg.import_path, "example.com/m/b");
  ASSERT_NE(tv.pxtest, nullptr);
  EXPECT_EQ(tv.pxtest->pkg.import_path, "example.com/m/t_test");
  EXPECT_EQ(tv.pxtest->pkg.name, "t_test");
  ASSERT_EQ(tv.pxtest->imports.size(), 2u);
  EXPECT_EQ(tv.pxtest->imports[0], tv.ptest);  // t is the test variant
  LoadedPackage* u = tv.pxtest->imports[1];
  EXPECT_EQ(u->pkg.import_path, "example.com/m/u");
  ASSERT_EQ(u->imports.size(), 1u);
  EXPECT_EQ(u->imports[0], tv.ptest);                         // u is recompiled against it
  EXPECT_EQ(l.LoadTestPackages(roots[0]).pxtest, tv.pxtest);  // made once
}

TEST_F(TestPackagesTest, NoTestFilesAndCycle) {
  Write("m/v/v.go", "package v\n");
  Write("m/v/v_test.go", "package v\n\nimport _ \"example.com/m/w\"\n");
  Write("m/w/w.go", "package w\n\nimport _ \"example.com/m/v\"\n");
  Loader l = ModuleLoader();
  std::vector<std::string> errs, warns;
  std::vector<LoadedPackage*> roots = l.LoadPatterns({"./b", "./v"}, &errs, &warns);
  ASSERT_EQ(roots.size(), 2u);
  TestVariants tb = l.LoadTestPackages(roots[0]);
  EXPECT_EQ(tb.ptest, roots[0]);
  EXPECT_EQ(tb.pxtest, nullptr);
  TestVariants tv = l.LoadTestPackages(roots[1]);
  ASSERT_EQ(tv.ptest->errors.size(), 1u);
  EXPECT_EQ(tv.ptest->errors[0],
            "package example.com/m/v\n\timports example.com/m/w: import cycle not allowed in test");
}

}  // namespace
}  // namespace gotool::load
