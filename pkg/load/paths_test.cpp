// Tests for the loader's path helpers.
#include "pkg/load/paths.h"

#include <gtest/gtest.h>

namespace gotool::load {
namespace {

TEST(HasPathPrefixTest, WholeElementsOnly) {
  EXPECT_TRUE(HasPathPrefix("net/http", "net"));
  EXPECT_TRUE(HasPathPrefix("net", "net"));
  EXPECT_FALSE(HasPathPrefix("network", "net"));
  EXPECT_FALSE(HasPathPrefix("ne", "net"));
  EXPECT_TRUE(HasPathPrefix("anything", ""));  // an empty prefix holds everything
  EXPECT_TRUE(HasPathPrefix("example.com/m/x", "example.com/m/"));  // a trailing slash
  EXPECT_TRUE(HasPathPrefix("/a/b", "/"));
}

}  // namespace
}  // namespace gotool::load
