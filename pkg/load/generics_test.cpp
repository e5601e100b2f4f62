// Tests for FindGenericUse: declared type parameters and uses of imported generics.
#include "pkg/load/generics.h"

#include <gtest/gtest.h>

#include <deque>
#include <string>

#include "pkg/base/arena.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/parser.h"

namespace gotool::load {
namespace {

class GenericsTest : public ::testing::Test {
 protected:
  std::vector<syntax::File*> Parse(std::vector<std::string> srcs) {
    std::vector<syntax::File*> files;
    for (std::string& s : srcs) {
      sources_.push_back(std::move(s));
      files.push_back(syntax::ParseFile(fset_, "x.go", sources_.back(), arena_, 0).file);
    }
    return files;
  }

  base::FileSet fset_;
  base::Arena arena_;
  std::deque<std::string> sources_;
};

TEST_F(GenericsTest, Declarations) {
  GenericUse use = FindGenericUse(
      Parse({"package atomic\ntype Pointer[T any] struct{ v *T }\n"
             "func (p *Pointer[T]) Load() *T { return p.v }\n",
             "package atomic\nfunc Map[K comparable, V any](m map[K]V) {}\nfunc Plain() {}\n"}),
      [](std::string_view) { return std::pair<std::string, const GenericUse*>{"", nullptr}; });
  EXPECT_TRUE(use.declares);
  EXPECT_FALSE(use.instantiates);
  EXPECT_EQ(use.generic_names, (std::set<std::string>{"Map", "Pointer"}));
}

TEST_F(GenericsTest, NoGenerics) {
  GenericUse use = FindGenericUse(
      Parse({"package p\ntype T struct{ a [4]int }\nfunc f(x []int) int { return x[0] }\n"}),
      [](std::string_view) { return std::pair<std::string, const GenericUse*>{"", nullptr}; });
  EXPECT_FALSE(use.declares);
  EXPECT_FALSE(use.instantiates);
  EXPECT_TRUE(use.generic_names.empty());
}

TEST_F(GenericsTest, Instantiations) {
  GenericUse atomic;
  atomic.generic_names = {"Pointer"};
  auto imported = [&](std::string_view path) {
    if (path == "sync/atomic") return std::pair<std::string, const GenericUse*>{"atomic", &atomic};
    return std::pair<std::string, const GenericUse*>{"", nullptr};
  };
  EXPECT_FALSE(FindGenericUse(Parse({"package p\nimport \"sync/atomic\"\nvar x atomic.Int64\n"}),
                              imported)
                   .instantiates);
  EXPECT_TRUE(FindGenericUse(
                  Parse({"package p\nimport \"sync/atomic\"\nvar x atomic.Pointer[int]\n"}), imported)
                  .instantiates);
  EXPECT_TRUE(FindGenericUse(Parse({"package p\nimport a \"sync/atomic\"\nvar x a.Pointer[int]\n"}),
                             imported)
                  .instantiates);
  EXPECT_TRUE(FindGenericUse(Parse({"package p\nimport . \"sync/atomic\"\nvar x Pointer[int]\n"}),
                             imported)
                  .instantiates);
}

}  // namespace
}  // namespace gotool::load
