// The build context: platform, build tags and go/build's file-selection rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pkg/cfg/env.h"

namespace gotool::load {

// BuildContext describes the target of a build as go/build.Context does: GOOS,
// GOARCH, GOROOT, the compiler ("gc"), the user's build tags, the toolchain's tags
// (goexperiment.*) and the release tags go1.1 ... go1.N. cgo is always disabled.
struct BuildContext {
  std::string goos;
  std::string goarch;
  std::string goroot;
  std::string compiler = "gc";
  bool cgo_enabled = false;
  bool use_all_files = false;  // ignore build constraints and name suffixes
  std::vector<std::string> build_tags;
  std::vector<std::string> tool_tags;
  std::vector<std::string> release_tags;

  // Default returns the context for config: GOOS/GOARCH from it, GOROOT from
  // FindGoroot, tags from the comma- or space-separated list tags (-tags), release
  // tags up to the Go version gotool targets.
  static BuildContext Default(const cfg::Config& config, std::string_view tags = {});

  // MatchTag reports whether the tag name is satisfied (go/build's matchTag).
  bool MatchTag(std::string_view name) const;

  // GoodOSArchFile reports whether a file name's _GOOS, _GOARCH or _GOOS_GOARCH suffix
  // (before an optional _test and the extension) matches the context.
  bool GoodOSArchFile(std::string_view name) const;

  // ShouldBuild reports whether a Go file with the given content is selected by its
  // //go:build line, or, without one, by its // +build lines. On a malformed header it
  // returns false and sets *err ("multiple //go:build comments", "parsing //go:build
  // line: ...").
  bool ShouldBuild(std::string_view content, std::string* err) const;
};

// FindGoroot returns the Go source tree gotool uses: $GOROOT (from the environment or
// the go env file), else the tree of a `go` found on PATH, else /usr/share/go-1.19 or
// /usr/lib/go when they hold src/. It returns "" when none is found.
std::string FindGoroot(const cfg::Config& config);

// IsKnownOS and IsKnownArch report whether a name is one go/build knows as a GOOS or
// GOARCH value (for file-name suffixes).
bool IsKnownOS(std::string_view name);
bool IsKnownArch(std::string_view name);

// ReleaseTagsUpTo returns go1.1 ... go1.minor.
std::vector<std::string> ReleaseTagsUpTo(int minor);

}  // namespace gotool::load
