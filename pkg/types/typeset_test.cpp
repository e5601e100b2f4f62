// Tests for type sets (typeset.cpp): normalized term lists, the empty set of an
// invalid ~T, the 100-term limit of unions, empty type sets in constraint
// satisfaction and comparisons, with go/types 1.19's messages.
#include <gtest/gtest.h>

#include "pkg/types/generics.h"
#include "pkg/types/testutil_test.h"

namespace gotool::types {
namespace {

using Lines = std::vector<std::string>;

Lines Errors(const std::string& src) { return testing::CheckSource(src)->ErrorLines(); }

// A union of unions whose type set has more than 100 terms is reported at the
// union, once; 100 terms are fine.
TEST(TypesTypeSet, UnionOfMoreThan100Terms) {
  const std::string decls = R"(type t00 int
type t01 int
type t02 int
type t03 int
type t04 int
type t05 int
type t06 int
type t07 int
type t08 int
type t09 int
type t10 int
type t11 int
type t12 int
type t13 int
type t14 int
type t15 int
type t16 int
type t17 int
type t18 int
type t19 int
type t20 int
type t21 int
type t22 int
type t23 int
type t24 int
type t25 int
type t26 int
type t27 int
type t28 int
type t29 int
type t30 int
type t31 int
type t32 int
type t33 int
type t34 int
type t35 int
type t36 int
type t37 int
type t38 int
type t39 int
type t40 int
type t41 int
type t42 int
type t43 int
type t44 int
type t45 int
type t46 int
type t47 int
type t48 int
type t49 int
type t50 int
type t51 int
type t52 int
type t53 int
type t54 int
type t55 int
type t56 int
type t57 int
type t58 int
type t59 int
type t60 int
type t61 int
type t62 int
type t63 int
type t64 int
type t65 int
type t66 int
type t67 int
type t68 int
type t69 int
type t70 int
type t71 int
type t72 int
type t73 int
type t74 int
type t75 int
type t76 int
type t77 int
type t78 int
type t79 int
type t80 int
type t81 int
type t82 int
type t83 int
type t84 int
type t85 int
type t86 int
type t87 int
type t88 int
type t89 int
type t90 int
type t91 int
type t92 int
type t93 int
type t94 int
type t95 int
type t96 int
type t97 int
type t98 int
type t99 int
)";
  const std::string u100 =
      "t00|t01|t02|t03|t04|t05|t06|t07|t08|t09|t10|t11|t12|t13|t14|t15|t16|t17|t18|t19|t20|t21|t22|"
      "t23|t24|t25|t26|t27|t28|t29|t30|t31|t32|t33|t34|t35|t36|t37|t38|t39|t40|t41|t42|t43|t44|t45|"
      "t46|t47|t48|t49|t50|t51|t52|t53|t54|t55|t56|t57|t58|t59|t60|t61|t62|t63|t64|t65|t66|t67|t68|"
      "t69|t70|t71|t72|t73|t74|t75|t76|t77|t78|t79|t80|t81|t82|t83|t84|t85|t86|t87|t88|t89|t90|t91|"
      "t92|t93|t94|t95|t96|t97|t98|t99";
  EXPECT_EQ(Errors("package p\n" + decls + "type u100 interface { " + u100 + " }\n" +
                   "type u102 interface { int | string | u100 }\n" +
                   "type u100b interface { u100 | u100 }\n"),
            Lines{"103:23: cannot handle more than 100 union terms (implementation limitation)"});
}

// ~A with A's underlying type not A is an error and stands for no type at all, so
// that A's constraint has an empty type set; in a union the other terms remain.
TEST(TypesTypeSet, InvalidTildeTermIsTheEmptySet) {
  EXPECT_EQ(Errors(R"(package p
type A int
type C interface { ~A }
func f[_ C]()         {}
func h[_ C | int]()   {}
var _ = f[int]
var _ = h[int]
)"),
            (Lines{"3:20: invalid use of ~ (underlying type of A is int)",
                   "6:11: cannot implement C (empty type set)"}));
}

// A type parameter whose constraint has an empty type set satisfies any
// constraint, and its values cannot be compared.
TEST(TypesTypeSet, EmptyTypeSets) {
  EXPECT_EQ(
      Errors(R"(package p
type none interface { int; string }
func ff[T none]() {}
func _[T none](x T) {
	_ = ff[int]
	_ = ff[T]
	_ = x == x
}
func _[T interface{ int | []byte }](x T) {
	_ = x == x
}
)"),
      (Lines{"5:9: cannot implement none (empty type set)",
             "7:6: invalid operation: cannot compare x == x (empty type set)",
             "10:6: invalid operation: cannot compare x == x (incomparable types in type set)"}));
}

// Overlapping terms merge: ~int absorbs int and MyInt, so the core type is int.
TEST(TypesTypeSet, OverlappingTermsAreNormalized) {
  EXPECT_EQ(Errors(R"(package p
type MyInt int
type C interface { int | MyInt }
type D interface { C | ~int }
func f[P D](x P) {
	for range x {
	}
	var _ int = int(x)
}
)"),
            Lines{});
}

// An interface embedding comparable and a term list is not comparable as a type
// set (its comparable types are the terms): outside a constraint it is reported as
// one containing type constraints.
TEST(TypesTypeSet, ComparableWithTermsIsATermList) {
  EXPECT_EQ(Errors(R"(package p
type I1 interface { comparable }
type I3 interface { I1; ~int }
var _ I1
var _ I3
)"),
            (Lines{"4:7: cannot use type I1 outside a type constraint: interface is (or embeds) "
                   "comparable",
                   "5:7: cannot use type I3 outside a type constraint: interface contains type "
                   "constraints"}));
}

}  // namespace
}  // namespace gotool::types
