// The fixture pkg/load's tests share: a temporary directory tree (a GOROOT in goroot/,
// a module or GOPATH entries beside it) and a linux/amd64 build context over it.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "pkg/load/loader.h"

namespace gotool::load {

class TreeTest : public ::testing::Test {
 protected:
  // The root is named after the suite and the process, so that test binaries that
  // ctest runs at once never share a tree.
  TreeTest() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string suite = info != nullptr ? info->test_suite_name() : "tree";
    root_ = std::filesystem::temp_directory_path() /
            ("gotool_" + suite + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_ / "goroot/src");
    ctx_.goos = "linux";
    ctx_.goarch = "amd64";
    ctx_.goroot = Path("goroot");
  }
  ~TreeTest() override { std::filesystem::remove_all(root_); }

  // Write creates the file at rel (relative to the root) with its directories.
  void Write(const std::string& rel, const std::string& data) {
    std::filesystem::path p = root_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << data;
  }
  std::string Path(const std::string& rel) const { return (root_ / rel).string(); }
  // ModuleLoader loads from the module in m/, with the module cache in modcache/.
  Loader ModuleLoader() const { return Loader(ctx_, Path("m"), Path("modcache")); }

  std::filesystem::path root_;
  BuildContext ctx_;
};

}  // namespace gotool::load
