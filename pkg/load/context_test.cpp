// Tests for the build context: tags, file-name suffixes and file headers.
#include "pkg/load/context.h"

#include <gtest/gtest.h>

#include <string>

namespace gotool::load {
namespace {

BuildContext LinuxAmd64() {
  BuildContext ctx;
  ctx.goos = "linux";
  ctx.goarch = "amd64";
  ctx.release_tags = ReleaseTagsUpTo(22);
  ctx.tool_tags = {"goexperiment.regabiwrappers", "goexperiment.regabiargs"};
  ctx.build_tags = {"mytag"};
  return ctx;
}

TEST(ContextTest, MatchTag) {
  BuildContext ctx = LinuxAmd64();
  for (const char* t : {"linux", "amd64", "gc", "unix", "go1.1", "go1.19", "go1.22", "mytag",
                        "goexperiment.regabiargs"}) {
    EXPECT_TRUE(ctx.MatchTag(t)) << t;
  }
  for (const char* t : {"cgo", "darwin", "arm64", "gccgo", "go1.23", "ignore", "boringcrypto"}) {
    EXPECT_FALSE(ctx.MatchTag(t)) << t;
  }
  ctx.goos = "android";
  EXPECT_TRUE(ctx.MatchTag("linux"));
}

TEST(ContextTest, GoodOSArchFile) {
  BuildContext ctx = LinuxAmd64();
  struct Case {
    const char* name;
    bool want;
  };
  const Case cases[] = {
      {"file.go", true},           {"file_linux.go", true},       {"file_darwin.go", false},
      {"file_amd64.go", true},     {"file_arm64.go", false},      {"file_linux_amd64.go", true},
      {"file_linux_arm.go", false}, {"file_windows_amd64.go", false},
      {"file_linux_test.go", true}, {"file_windows_test.go", false},
      {"linux.go", true},           {"windows.go", true},         {"file_foo_linux.go", true},
      {"a_windows_x.go", true},     {"file_linux.s", true},       {"x_plan9.pb.go", false},
      {"_windows.go", false},
  };
  for (const Case& c : cases) EXPECT_EQ(ctx.GoodOSArchFile(c.name), c.want) << c.name;
}

TEST(ContextTest, ShouldBuild) {
  BuildContext ctx = LinuxAmd64();
  struct Case {
    const char* src;
    bool want;
  };
  const Case cases[] = {
      {"package p\n", true},
      {"//go:build linux\n\npackage p\n", true},
      {"//go:build windows\n\npackage p\n", false},
      {"//go:build ignore\n\npackage p\n", false},
      {"// +build windows\n\npackage p\n", false},
      {"// +build linux\n\npackage p\n", true},
      // A // +build line must be followed by a blank line.
      {"// +build windows\npackage p\n", true},
      // //go:build wins over // +build.
      {"//go:build linux\n// +build windows\n\npackage p\n", true},
      // After the package clause nothing counts.
      {"package p\n//go:build windows\n", true},
      {"/* comment */\n//go:build windows\n\npackage p\n", false},
      {"// Copyright\n\n// +build !linux\n\n// Package p.\npackage p\n", false},
      {"//go:build go1.22 && !go1.23\n\npackage p\n", true},
  };
  for (const Case& c : cases) {
    std::string err;
    EXPECT_EQ(ctx.ShouldBuild(c.src, &err), c.want) << c.src;
    EXPECT_EQ(err, "") << c.src;
  }
  std::string err;
  EXPECT_FALSE(ctx.ShouldBuild("//go:build a\n//go:build b\n\npackage p\n", &err));
  EXPECT_EQ(err, "multiple //go:build comments");
  EXPECT_FALSE(ctx.ShouldBuild("//go:build a &&\n\npackage p\n", &err));
  EXPECT_EQ(err, "parsing //go:build line: unexpected end of expression");
}

}  // namespace
}  // namespace gotool::load
