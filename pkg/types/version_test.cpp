// Tests for language-version (-lang) checks and for fixes to false errors found in std.
#include <gtest/gtest.h>

#include "pkg/types/testutil_test.h"

namespace gotool::types {
namespace {

using Lines = std::vector<std::string>;

Lines ErrorsAt(const std::string& src, const std::string& go_version) {
  return testing::CheckSource(src, false, go_version)->ErrorLines();
}

TEST(TypesVersion, NumericLiteralsNeedGo113) {
  const std::string src = R"(package p
const (
	_ = 1_000
	_ = 0b101
	_ = 0o17
	_ = 0x1p3
	_ = 0x1f
	_ = 017
)
)";
  EXPECT_EQ(ErrorsAt(src, "go1.12"),
            (Lines{"3:6: underscores in numeric literals requires go1.13 or later",
                   "4:6: binary literals requires go1.13 or later",
                   "5:6: 0o/0O-style octal literals requires go1.13 or later",
                   "6:6: hexadecimal floating-point literals requires go1.13 or later"}));
  EXPECT_EQ(ErrorsAt(src, "go1.13"), Lines{});
}

TEST(TypesVersion, SignedShiftCountNeedsGo113) {
  const std::string src = "package p\nvar x int\nvar _ = 8 << x\nvar u uint\nvar _ = 8 << u\n";
  EXPECT_EQ(ErrorsAt(src, "go1.12"),
            Lines{"3:14: invalid operation: signed shift count x (variable of type int) requires "
                  "go1.13 or later"});
  EXPECT_EQ(ErrorsAt(src, ""), Lines{});
}

TEST(TypesVersion, DuplicateEmbeddedMethodBeforeGo114) {
  const std::string src = "package p\ntype I interface{ m() }\ntype _ interface {\n\tI\n\tI\n}\n";
  Lines errs = ErrorsAt(src, "go1.13");
  ASSERT_FALSE(errs.empty());
  EXPECT_EQ(errs[0], "5:2: duplicate method m\n\tother declaration of m");
  EXPECT_EQ(ErrorsAt(src, "go1.14"), Lines{});
}

TEST(TypesVersion, SliceToArrayPointerNeedsGo117) {
  const std::string src = "package p\nvar s []int\nvar _ = (*[1]int)(s)\n";
  Lines errs = ErrorsAt(src, "go1.16");
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_NE(errs[0].find("conversion of slice to array pointer requires go1.17 or later"),
            std::string::npos) << errs[0];
  EXPECT_EQ(ErrorsAt(src, "go1.17"), Lines{});
}

TEST(TypesVersion, AliasesNeedGo19AndNonInterfaceEmbedsGo118) {
  EXPECT_EQ(ErrorsAt("package p\ntype A = int\n", "go1.8"),
            Lines{"2:8: type aliases requires go1.9 or later"});
  EXPECT_EQ(ErrorsAt("package p\ntype _ interface {\n\tint\n}\n", "go1.17"),
            Lines{"3:2: embedding non-interface type int requires go1.18 or later"});
  EXPECT_EQ(ErrorsAt("package p\ntype A = int\n", "go1.9"), Lines{});
}

// A parameter named like a type does not shadow it in the same signature: types
// in a signature resolve before the parameters are declared (net/http's
// func f(url string, v url.Values)).
TEST(TypesScope, ParameterDoesNotShadowTypeInItsSignature) {
  EXPECT_EQ(ErrorsAt(R"(package p
type T int
func f(T string, v T) T { return v }
var _ func(string, T) T = f
)", ""),
            Lines{});
  // The parameters are still visible in the body.
  EXPECT_EQ(ErrorsAt("package p\ntype T int\nfunc f(T string) { var _ int = T }\n", ""),
            Lines{"3:32: cannot use T (variable of type string) as int value in variable "
                  "declaration"});
}

// An embedded field of invalid type may have provided any field or method: its
// error is reported once, with no cascade of missing selectors or methods.
TEST(TypesLookup, InvalidEmbeddedFieldStopsCascades) {
  EXPECT_EQ(ErrorsAt(R"(package p
type S struct{ Undefined }
type I interface{ M() }
var _ I = S{}
var _ = S{}.x
var _ = S{}.Undefined
)", ""),
            Lines{"2:16: undeclared name: Undefined"});
}

// Only numeric and string constants are checked for duplicate switch cases, as
// go/types does: runtime switches on several constant bools.
TEST(TypesSwitch, DuplicateBoolCasesAreNotReported) {
  EXPECT_EQ(ErrorsAt(R"(package p
const a, b = true, 1 == 1
func f(x bool, n int) {
	switch {
	case a, b:
	}
	switch x {
	case true, true:
	}
	switch n {
	case 1, 1:
	}
}
)", ""),
            Lines{"11:10: duplicate case 1 (constant of type int) in expression switch\n\tprevious case"});
}

// Without -compiler, unsafe.Sizeof follows go/types' StdSizes (no rounding of a
// struct's size to its alignment); with it, gc's sizes.
TEST(TypesSizes, StdSizesUnlessCompiler) {
  const std::string src = R"(package p
import "unsafe"
type S3 struct { a int64; b int32 }
type S4 struct { S3; c int32 }
const _ = 1 / (unsafe.Sizeof(S3{}) - 12)
const _ = 1 / (unsafe.Sizeof(S4{}) - 16)
const _ = 1 / (unsafe.Offsetof(S4{}.c) - 12)
)";
  Lines std_errs = testing::CheckSource(src, false)->ErrorLines();
  EXPECT_EQ(std_errs.size(), 3u);
  Lines gc_errs = testing::CheckSource(src, true)->ErrorLines();
  EXPECT_EQ(gc_errs.size(), 0u);
}

// Errors sit where go/types puts them: a swapped slice index at that index, a
// stray ~ at the operator.
TEST(TypesPositions, SliceIndicesAndTilde) {
  EXPECT_EQ(ErrorsAt("package p\nvar a [10]int\nvar _ = a[5:2]\nvar _ = ~ 1\n", ""),
            (Lines{"3:13: invalid slice indices: 2 < 5",
                   "4:9: cannot use ~ outside of interface or type constraint"}));
}

// Before go1.18: type parameter lists and instantiations are reported, each with the
// message and at the position go/types 1.19 uses (the first parameter, the [ or the
// call's ( of an inferred instantiation).
TEST(TypesVersion, TypeParametersNeedGo118) {
  const std::string src = R"(package p
type T[P interface{}] struct{}
func f[P interface{}](x P) {}
func init[P interface{}]() {}
var _ T[int]
func _() {
	f[int](0)
	(f[int])(0)
	f(1)
}
)";
  EXPECT_EQ(ErrorsAt(src, "go1.17"),
            (Lines{"2:8: type parameters require go1.18 or later",
                   "3:8: type parameters require go1.18 or later",
                   "4:11: func init must have no type parameters",
                   "5:8: type instantiation requires go1.18 or later",
                   "7:3: function instantiation requires go1.18 or later",
                   "8:4: function instantiation requires go1.18 or later",
                   "9:3: implicit function instantiation requires go1.18 or later"}));
  EXPECT_EQ(ErrorsAt(src, "go1.18"), Lines{"4:11: func init must have no type parameters"});
}

}  // namespace
}  // namespace gotool::types
