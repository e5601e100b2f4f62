// Tests for range clauses: core types, range over integers (go1.22) and over
// functions (go1.23), each rejected when the language version is older. The
// messages for the newer forms are Go 1.23's go/types wording (see stmt_range.cpp).
#include <gtest/gtest.h>

#include "pkg/types/testutil_test.h"

namespace gotool::types {
namespace {

using Lines = std::vector<std::string>;

Lines ErrorsAt(const std::string& src, const std::string& go_version) {
  return testing::CheckSource(src, false, go_version)->ErrorLines();
}

TEST(TypesRange, OverIntegerNeedsGo122) {
  const std::string src = R"(package p
type MyInt int32
func _() {
	for range 10 {
	}
	for i := range 10 {
		var _ int = i
	}
	var mi MyInt
	for mi = range 10 {
	}
	for j := range mi {
		var _ MyInt = j
	}
	for i, j := range 10 {
		_, _ = i, j
	}
	for range 1.5 {
	}
}
)";
  EXPECT_EQ(ErrorsAt(src, "go1.22"),
            (Lines{"15:9: range over 10 (untyped int constant) permits only one iteration variable",
                   "18:12: cannot range over 1.5 (untyped float constant)"}));
  EXPECT_EQ(ErrorsAt(src, "go1.21"),
            (Lines{"4:12: cannot range over 10 (untyped int constant): requires go1.22 or later",
                   "6:17: cannot range over 10 (untyped int constant): requires go1.22 or later",
                   "10:17: cannot range over 10 (untyped int constant): requires go1.22 or later",
                   "12:17: cannot range over mi (variable of type MyInt): requires go1.22 or later",
                   "15:20: cannot range over 10 (untyped int constant): requires go1.22 or later",
                   "18:12: cannot range over 1.5 (untyped float constant)"}));
}

TEST(TypesRange, UntypedIntegerTakesTheVariablesType) {
  // for i = range n assigns n to i: an untyped n becomes i's type, a typed n must
  // be assignable.
  const std::string src = R"(package p
type MyInt int
func _() {
	var mi MyInt
	var i int
	for mi = range 3 {
	}
	for i = range mi {
	}
	_ = i
}
)";
  EXPECT_EQ(ErrorsAt(src, "go1.22"),
            Lines{"8:16: cannot use mi (variable of type MyInt) as int value in range clause"});
}

TEST(TypesRange, OverFuncNeedsGo123) {
  const std::string src = R"(package p
func seq0(func() bool)            {}
func seq1(func(int) bool)         {}
func seq2(func(int, string) bool) {}
func _() {
	for range seq0 {
	}
	for i := range seq1 {
		var _ int = i
	}
	for k, v := range seq2 {
		var _ int = k
		var _ string = v
	}
}
)";
  EXPECT_EQ(ErrorsAt(src, "go1.23"), Lines{});
  EXPECT_EQ(ErrorsAt(src, ""), Lines{});
  EXPECT_EQ(
      ErrorsAt(src, "go1.22"),
      (Lines{
          "6:12: cannot range over seq0 (value of type func(func() bool)): requires go1.23 or "
          "later",
          "8:17: cannot range over seq1 (value of type func(func(int) bool)): requires go1.23 or "
          "later",
          "11:20: cannot range over seq2 (value of type func(func(int, string) bool)): requires "
          "go1.23 or later"}));
}

TEST(TypesRange, FuncIteratorShapes) {
  const std::string src = R"(package p
type T struct{}
func (T) M() {}
func f1()                         {}
func f2(func())                   {}
func f3(func(int) bool) int       { return 0 }
func f4(func(int, int, int) bool) {}
func seq0(func() bool)            {}
func seq1(func(int) bool)         {}
func _[P ~func(func(int) bool)](p P) {
	m := T.M
	for range m {
	}
	for range f1 {
	}
	for range f2 {
	}
	for range f3 {
	}
	for range f4 {
	}
	for _ = range seq0 {
	}
	for _, _ = range seq1 {
	}
	for x := range p {
		var _ int = x
	}
}
)";
  const std::string want = "func must be func(yield func(...) bool): ";
  EXPECT_EQ(
      ErrorsAt(src, "go1.23"),
      (Lines{
          "12:12: cannot range over m (variable of type func(T)): " + want + "argument is not func",
          "14:12: cannot range over f1 (value of type func()): " + want + "wrong argument count",
          "16:12: cannot range over f2 (value of type func(func())): " + want +
              "yield func does not return bool",
          "18:12: cannot range over f3 (value of type func(func(int) bool) int): " + want +
              "unexpected results",
          "20:12: cannot range over f4 (value of type func(func(int, int, int) bool)): " + want +
              "yield func has too many parameters",
          "22:6: range over seq0 (value of type func(func() bool)) permits no iteration variables",
          "24:9: range over seq1 (value of type func(func(int) bool)) permits only one iteration "
          "variable"}));
}

// Ranging over a type parameter needs a core type (Go 1.19's wording).
TEST(TypesRange, TypeParameterWithoutCoreType) {
  const std::string src = R"(package p
func _[S interface{ []int | [10]int }, C interface{ chan int | chan<- int }](s S, c C) {
	for range s {
	}
	for range c {
	}
}
)";
  EXPECT_EQ(
      ErrorsAt(src, ""),
      (Lines{
          "3:12: cannot range over s (variable of type S constrained by interface{[]int|[10]int}) "
          "(S has no core type)",
          "5:12: cannot range over c (variable of type C constrained by interface{chan int|chan<- "
          "int}) "
          "(receive from send-only channel)"}));
}

}  // namespace
}  // namespace gotool::types
