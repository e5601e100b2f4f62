// Tests for GOPATH mode: resolution, vendor directories, patterns, error texts.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "pkg/load/loader.h"
#include "pkg/load/treetest_test.h"

namespace gotool::load {
namespace {

namespace fs = std::filesystem;

class GopathTest : public TreeTest {
 protected:
  void SetUp() override {
    Write("goroot/src/fmt/print.go", "package fmt\n");
    Write("goroot/src/net/net.go", "package net\nimport \"golang.org/x/net/dns\"\n");
    Write("goroot/src/vendor/golang.org/x/net/dns/dns.go", "package dns\n");
    // Two GOPATH entries: the first shadows the second.
    Write("gp1/src/example.com/a/a.go",
          "package a\nimport (\n\t\"fmt\"\n\t\"example.com/b\"\n\t\"example.com/v\"\n)\n");
    Write("gp1/src/example.com/a/go.mod", "module example.com/a\n");  // ignored
    Write("gp1/src/example.com/a/sub/s.go", "package sub\nimport \"example.com/v\"\n");
    Write("gp1/src/example.com/a/vendor/example.com/v/v.go", "package v\n");
    Write("gp1/src/example.com/a/nested/go.mod", "module example.com/n\n");
    Write("gp1/src/example.com/a/nested/n.go", "package nested\n");
    Write("gp1/src/example.com/a/testdata/t.go", "package t\n");
    Write("gp1/src/example.com/b/b.go", "package b\n");
    Write("gp2/src/example.com/b/b.go", "package b2\n");
    Write("gp2/src/example.com/c/c.go", "package c\nimport \"nosuch.org/x\"\n");
    Write("gp2/src/mystd/m.go", "package mystd\n");
    Write("gp1/src/example.com/a/sub/deep/d.go", "package deep\nimport \"nosuch.org/y\"\n");
    fs::create_directory_symlink("../example.com/b", root_ / "gp2/src/mystd/link");
  }

  Loader NewLoader() {
    // The working directory holds a go.mod that GOPATH mode must not see.
    Write("work/go.mod", "module example.com/work\n");
    Loader l(ctx_, Path("work"), Path("modcache"));
    l.SetGopath({Path("gp1"), Path("gp2")});
    return l;
  }
};

TEST_F(GopathTest, ResolveImport) {
  Loader l = NewLoader();
  EXPECT_TRUE(l.gopath_mode());
  EXPECT_EQ(l.main_module().path, "");
  std::string dir, ipath, err;
  ASSERT_TRUE(l.ResolveImport("example.com/b", false, &dir, &ipath, &err)) << err;
  EXPECT_EQ(dir, Path("gp1/src/example.com/b"));
  EXPECT_EQ(ipath, "example.com/b");
  ASSERT_TRUE(l.ResolveImport("example.com/c", false, &dir, &ipath, &err)) << err;
  EXPECT_EQ(dir, Path("gp2/src/example.com/c"));
  ASSERT_TRUE(l.ResolveImport("fmt", false, &dir, &ipath, &err)) << err;
  EXPECT_EQ(dir, Path("goroot/src/fmt"));
  // A path without a dot is looked for in GOPATH too.
  ASSERT_TRUE(l.ResolveImport("mystd", false, &dir, &ipath, &err)) << err;
  EXPECT_EQ(dir, Path("gp2/src/mystd"));
  EXPECT_FALSE(l.ResolveImport("nosuch.org/x", false, &dir, &ipath, &err));
  EXPECT_EQ(err, "cannot find package \"nosuch.org/x\" in any of:\n\t" +
                     Path("goroot/src/nosuch.org/x") + " (from $GOROOT)\n\t" +
                     Path("gp1/src/nosuch.org/x") + " (from $GOPATH)\n\t" +
                     Path("gp2/src/nosuch.org/x") + " (from $GOPATH)");
}

TEST_F(GopathTest, Patterns) {
  Loader l = NewLoader();
  std::string err;
  auto m = l.MatchPattern("example.com/...", &err);
  EXPECT_EQ(err, "");
  std::vector<std::string> paths;
  for (auto& e : m) paths.push_back(e.first);
  // go.mod files do not stop the walk; vendor, testdata and symbolic links do; gp1's
  // b shadows gp2's.
  EXPECT_EQ(paths,
            (std::vector<std::string>{"example.com/a", "example.com/a/nested", "example.com/a/sub",
                                      "example.com/a/sub/deep", "example.com/b", "example.com/c"}));
  EXPECT_EQ(m[4].second, Path("gp1/src/example.com/b"));
  m = l.MatchPattern("mystd/...", &err);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].first, "mystd");
  m = l.MatchPattern("example.com/a/s...", &err);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].first, "example.com/a/sub");
  EXPECT_EQ(m[1].first, "example.com/a/sub/deep");
  m = l.MatchPattern(Path("gp1/src/example.com/a"), &err);
  ASSERT_EQ(m.size(), 1u) << err;
  EXPECT_EQ(m[0].first, "example.com/a");
}

// GOPATH mode matches patterns once: each link warning is printed once.
TEST_F(GopathTest, SymlinkWarnings) {
  Loader l = NewLoader();
  std::vector<std::string> errors, warnings;
  l.LoadPatterns({"mystd/...", "all"}, &errors, &warnings);
  EXPECT_EQ(warnings,
            std::vector<std::string>{"warning: ignoring symlink " + Path("gp2/src/mystd/link")});
}

TEST_F(GopathTest, LocalAndAllPatterns) {
  Loader l(ctx_, Path("gp2/src"), Path("modcache"));
  l.SetGopath({Path("gp1"), Path("gp2")});
  std::string err;
  std::vector<std::string> paths;
  for (auto& e : l.MatchPattern("./...", &err)) paths.push_back(e.first);
  EXPECT_EQ(err, "");
  EXPECT_EQ(paths, (std::vector<std::string>{"example.com/b", "example.com/c", "mystd"}));
  paths.clear();
  for (auto& e : l.MatchPattern("all", &err)) paths.push_back(e.first);
  // GOROOT's packages (vendor/... included), then GOPATH's not shadowed by them.
  EXPECT_EQ(paths,
            (std::vector<std::string>{"example.com/a", "example.com/a/nested", "example.com/a/sub",
                                      "example.com/a/sub/deep", "example.com/b", "example.com/c",
                                      "fmt", "mystd", "net", "vendor/golang.org/x/net/dns"}));
}

TEST_F(GopathTest, LoadGraphWithVendorAndErrors) {
  Loader l = NewLoader();
  std::vector<std::string> errors, warnings;
  auto roots = l.LoadPatterns({"example.com/a/...", "example.com/c", "net"}, &errors, &warnings);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(roots.size(), 6u);
  LoadedPackage* a = roots[0];
  ASSERT_EQ(a->pkg.import_path, "example.com/a");
  EXPECT_TRUE(a->errors.empty()) << a->errors[0];
  ASSERT_EQ(a->imports.size(), 3u);
  EXPECT_EQ(a->import_map.at("example.com/v"), "example.com/a/vendor/example.com/v");
  LoadedPackage* v = a->imports[1];  // imports are sorted: b, v, fmt
  EXPECT_EQ(v->pkg.dir, Path("gp1/src/example.com/a/vendor/example.com/v"));
  LoadedPackage* sub = roots[2];
  ASSERT_EQ(sub->pkg.import_path, "example.com/a/sub");
  ASSERT_EQ(sub->imports.size(), 1u);
  EXPECT_EQ(sub->imports[0], v);  // the parent's vendor directory
  LoadedPackage* c = roots[4];
  ASSERT_EQ(c->errors.size(), 1u);
  // File names are relative to the working directory when that is shorter.
  EXPECT_EQ(c->errors[0],
            "../gp2/src/example.com/c/c.go"
            ":2:8: cannot find package \"nosuch.org/x\" in any of:\n\t" +
                Path("goroot/src/nosuch.org/x") + " (from $GOROOT)\n\t" +
                Path("gp1/src/nosuch.org/x") + " (from $GOPATH)\n\t" +
                Path("gp2/src/nosuch.org/x") + " (from $GOPATH)");
  LoadedPackage* deep = roots[3];
  ASSERT_EQ(deep->pkg.import_path, "example.com/a/sub/deep");
  ASSERT_EQ(deep->errors.size(), 1u);
  // The existing vendor directories up the tree are listed first.
  EXPECT_EQ(
      deep->errors[0],
      "../gp1/src/example.com/a/sub/deep/d.go:2:8: cannot find package \"nosuch.org/y\" in any "
      "of:\n\t" +
          Path("gp1/src/example.com/a/vendor/nosuch.org/y") + " (vendor tree)\n\t" +
          Path("goroot/src/nosuch.org/y") + " (from $GOROOT)\n\t" + Path("gp1/src/nosuch.org/y") +
          " (from $GOPATH)\n\t" + Path("gp2/src/nosuch.org/y") + " (from $GOPATH)");
  LoadedPackage* net = roots[5];
  EXPECT_EQ(net->import_map.at("golang.org/x/net/dns"), "vendor/golang.org/x/net/dns");
}

TEST_F(GopathTest, ModuleModeUnchanged) {
  Write("work/go.mod", "module example.com/work\n");
  Loader l(ctx_, Path("work"), Path("modcache"));
  EXPECT_FALSE(l.gopath_mode());
  EXPECT_EQ(l.main_module().path, "example.com/work");
  std::string dir, ipath, err;
  EXPECT_FALSE(l.ResolveImport("example.com/b", false, &dir, &ipath, &err));
  EXPECT_EQ(err,
            "no required module provides package example.com/b; to add it:\n\tgotool get "
            "example.com/b");
}

}  // namespace
}  // namespace gotool::load
