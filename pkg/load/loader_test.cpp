// Tests for ImportDir, import resolution, patterns and cycles over a temporary tree.
#include "pkg/load/loader.h"
#include "pkg/load/treetest_test.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace gotool::load {
namespace {

namespace fs = std::filesystem;

class LoaderTest : public TreeTest {
 protected:
  void SetUp() override {
    Write("goroot/src/fmt/print.go", "package fmt\nimport \"errors\"\n");
    Write("goroot/src/errors/errors.go", "package errors\n");
    Write("goroot/src/net/net.go", "package net\nimport \"golang.org/x/net/dns\"\n");
    Write("goroot/src/net/http/http.go", "package http\nimport \"net\"\n");
    Write("goroot/src/vendor/golang.org/x/net/dns/dns.go", "package dns\n");
    Write("goroot/src/builtin/builtin.go", "package builtin\n");
    Write("goroot/src/cmd/go/main.go", "package main\n");
    Write("m/go.mod", "module example.com/m\n\ngo 1.19\n");
    Write("m/a/a.go", "package a\nimport (\n\t\"fmt\"\n\t\"example.com/m/b\"\n)\n");
    Write("m/a/a_windows.go", "package a\n");
    Write("m/a/a_test.go", "package a\nimport \"testing\"\n");
    Write("m/a/x_test.go", "package a_test\nimport \"example.com/m/a\"\n");
    Write("m/a/ign.go", "//go:build ignore\n\npackage main\n");
    Write("m/a/cgo.go", "package a\nimport \"C\"\n");
    Write("m/a/_skip.go", "package zzz\n");
    Write("m/b/b.go", "package b\n");
    Write("m/bad/x.go", "package x\n");
    Write("m/bad/y.go", "package y\n");
    Write("m/testdata/t/t.go", "package t\n");
    Write("m/vendor/v/v.go", "package v\n");
    Write("m/.hidden/h.go", "package h\n");
    Write("m/nested/go.mod", "module example.com/n\n");
    Write("m/nested/n.go", "package n\n");
    Write("m/cyc/p/p.go", "package p\nimport \"example.com/m/cyc/q\"\n");
    Write("m/cyc/q/q.go", "package q\nimport \"example.com/m/cyc/p\"\n");
    Write("m/missing/m.go", "package missing\nimport \"nosuch/pkg\"\n");
  }
};

TEST_F(LoaderTest, ImportDirSelectsFiles) {
  Package p = ImportDir(ctx_, Path("m/a"));
  EXPECT_EQ(p.error, "");
  EXPECT_EQ(p.name, "a");
  EXPECT_EQ(p.go_files, (std::vector<std::string>{"a.go"}));
  EXPECT_EQ(p.test_go_files, (std::vector<std::string>{"a_test.go"}));
  EXPECT_EQ(p.xtest_go_files, (std::vector<std::string>{"x_test.go"}));
  EXPECT_EQ(p.ignored_go_files, (std::vector<std::string>{"a_windows.go", "cgo.go", "ign.go"}));
  EXPECT_EQ(p.imports, (std::vector<std::string>{"example.com/m/b", "fmt"}));
  EXPECT_EQ(p.test_imports, (std::vector<std::string>{"testing"}));
  EXPECT_EQ(p.xtest_imports, (std::vector<std::string>{"example.com/m/a"}));
  ASSERT_EQ(p.import_pos["fmt"].size(), 1u);
  EXPECT_EQ(p.import_pos["fmt"][0].line, 3);
  EXPECT_EQ(p.import_pos["fmt"][0].column, 2);
}

TEST_F(LoaderTest, ImportDirErrors) {
  Package p = ImportDir(ctx_, Path("m/bad"));
  EXPECT_EQ(p.error, "found packages x (x.go) and y (y.go) in " + Path("m/bad"));
  p = ImportDir(ctx_, Path("m"));
  EXPECT_TRUE(p.no_go_files);
  EXPECT_EQ(p.error, "no buildable Go source files in " + Path("m"));
}

TEST_F(LoaderTest, ResolveImport) {
  Loader l = ModuleLoader();
  EXPECT_EQ(l.main_module().path, "example.com/m");
  std::string dir, ipath, err;
  ASSERT_TRUE(l.ResolveImport("fmt", false, &dir, &ipath, &err));
  EXPECT_EQ(dir, Path("goroot/src/fmt"));
  ASSERT_TRUE(l.ResolveImport("golang.org/x/net/dns", true, &dir, &ipath, &err));
  EXPECT_EQ(ipath, "vendor/golang.org/x/net/dns");
  ASSERT_TRUE(l.ResolveImport("example.com/m/b", false, &dir, &ipath, &err));
  EXPECT_EQ(dir, Path("m/b"));
  EXPECT_FALSE(l.ResolveImport("nosuch/pkg", false, &dir, &ipath, &err));
  EXPECT_EQ(err, "package nosuch/pkg is not in GOROOT (" + Path("goroot/src/nosuch/pkg") + ")");
  EXPECT_FALSE(l.ResolveImport("example.com/other", false, &dir, &ipath, &err));
  EXPECT_EQ(err,
            "no required module provides package example.com/other; to add it:\n\tgotool get "
            "example.com/other");
}

std::vector<std::string> Paths(const std::vector<std::pair<std::string, std::string>>& m) {
  std::vector<std::string> out;
  for (auto& e : m) out.push_back(e.first);
  return out;
}

TEST_F(LoaderTest, Patterns) {
  Loader l = ModuleLoader();
  std::string err;
  EXPECT_EQ(Paths(l.MatchPattern("./...", &err)),
            (std::vector<std::string>{"example.com/m/a", "example.com/m/b", "example.com/m/bad",
                                      "example.com/m/cyc/p", "example.com/m/cyc/q",
                                      "example.com/m/missing"}));
  EXPECT_EQ(Paths(l.MatchPattern("./cyc/...", &err)),
            (std::vector<std::string>{"example.com/m/cyc/p", "example.com/m/cyc/q"}));
  EXPECT_EQ(Paths(l.MatchPattern("std", &err)),
            (std::vector<std::string>{"errors", "fmt", "net", "net/http",
                                      "vendor/golang.org/x/net/dns"}));
  EXPECT_EQ(Paths(l.MatchPattern("net/...", &err)), (std::vector<std::string>{"net", "net/http"}));
  EXPECT_EQ(Paths(l.MatchPattern("example.com/m/cyc/...", &err)),
            (std::vector<std::string>{"example.com/m/cyc/p", "example.com/m/cyc/q"}));
  EXPECT_EQ(Paths(l.MatchPattern("./a", &err)), (std::vector<std::string>{"example.com/m/a"}));
  EXPECT_EQ(err, "");
  l.MatchPattern("./nope", &err);
  EXPECT_EQ(err, "stat " + Path("m/nope") + ": directory not found");
}

// The walks do not follow links to directories; "..." import patterns that could
// match below a link say so, twice in module mode, as go 1.19 does (it matches them
// before loading and again while loading), before the unmatched-pattern warnings.
TEST_F(LoaderTest, SymlinksAreNotFollowed) {
  fs::create_directory_symlink("a", root_ / "m/alink");
  fs::create_directory_symlink("b", root_ / "m/_hidden");
  Loader l = ModuleLoader();
  std::string err;
  EXPECT_EQ(Paths(l.MatchPattern("./...", &err)),
            (std::vector<std::string>{"example.com/m/a", "example.com/m/b", "example.com/m/bad",
                                      "example.com/m/cyc/p", "example.com/m/cyc/q",
                                      "example.com/m/missing"}));
  std::vector<std::string> errors, warnings;
  l.LoadPatterns({"example.com/m/al...", "example.com/m/cyc/...", "example.com/m/z/..."}, &errors,
                 &warnings);
  std::string link_warning = "warning: ignoring symlink " + Path("m/alink");
  EXPECT_EQ(warnings, (std::vector<std::string>{
                          link_warning, link_warning,
                          "gotool: warning: \"example.com/m/al...\" matched no packages",
                          "gotool: warning: \"example.com/m/z/...\" matched no packages"}));
  warnings.clear();
  l.LoadPatterns({"./..."}, &errors, &warnings);  // local patterns do not warn
  EXPECT_EQ(warnings, std::vector<std::string>{});
}

TEST_F(LoaderTest, LoadGraphAndCycles) {
  Loader l = ModuleLoader();
  std::vector<std::string> errors, warnings;
  auto roots = l.LoadPatterns({"./a", "./cyc/p", "./missing"}, &errors, &warnings);
  ASSERT_EQ(roots.size(), 3u);
  EXPECT_TRUE(errors.empty());
  auto order = Loader::TopologicalOrder({roots[0]});
  std::vector<std::string> names;
  for (auto* p : order) names.push_back(p->pkg.import_path);
  EXPECT_EQ(names,
            (std::vector<std::string>{"example.com/m/b", "errors", "fmt", "example.com/m/a"}));
  EXPECT_TRUE(roots[0]->errors.empty());
  ASSERT_EQ(roots[1]->errors.size(), 1u);
  EXPECT_EQ(roots[1]->errors[0],
            "package example.com/m/cyc/p\n\timports example.com/m/cyc/q\n\timports "
            "example.com/m/cyc/p: import cycle not allowed");
  ASSERT_EQ(roots[2]->errors.size(), 1u);
  EXPECT_EQ(roots[2]->errors[0], "missing/m.go:2:8: package nosuch/pkg is not in GOROOT (" +
                                     Path("goroot/src/nosuch/pkg") + ")");
  auto more = l.LoadPatterns({"./testdata/..."}, &errors, &warnings);
  EXPECT_TRUE(more.empty());
  EXPECT_EQ(warnings,
            (std::vector<std::string>{"gotool: warning: \"./testdata/...\" matched no packages"}));
}

TEST_F(LoaderTest, ModuleDependencies) {
  Write("m/go.mod",
        "module example.com/m\n\ngo 1.19\n\nrequire (\n\texample.com/Dep v1.2.0\n"
        "\texample.com/rep v0.1.0\n)\n\nreplace example.com/rep => ../rep\n");
  Write("modcache/example.com/!dep@v1.2.0/go.mod", "module example.com/Dep\n");
  Write("modcache/example.com/!dep@v1.2.0/sub/s.go", "package sub\n");
  Write("rep/go.mod", "module example.com/rep\n");
  Write("rep/r.go", "package rep\n");
  Loader l = ModuleLoader();
  std::string dir, ipath, err;
  ASSERT_TRUE(l.ResolveImport("example.com/Dep/sub", false, &dir, &ipath, &err)) << err;
  EXPECT_EQ(dir, Path("modcache/example.com/!dep@v1.2.0/sub"));
  ASSERT_TRUE(l.ResolveImport("example.com/rep", false, &dir, &ipath, &err)) << err;
  EXPECT_EQ(dir, Path("rep"));
  EXPECT_FALSE(l.ResolveImport("example.com/Dep/nosuch", false, &dir, &ipath, &err));
}

TEST_F(LoaderTest, NamedFiles) {
  Loader l = ModuleLoader();
  std::vector<std::string> errors, warnings;
  auto roots = l.LoadPatterns({Path("m/a/ign.go")}, &errors, &warnings);
  ASSERT_EQ(roots.size(), 1u);
  EXPECT_EQ(roots[0]->pkg.import_path, "command-line-arguments");
  EXPECT_EQ(roots[0]->pkg.go_files, (std::vector<std::string>{"ign.go"}));
  EXPECT_EQ(roots[0]->pkg.name, "main");
}

}  // namespace
}  // namespace gotool::load
