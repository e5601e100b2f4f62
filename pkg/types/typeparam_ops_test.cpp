// Tests for operations on type-parameter operands: built-ins, conversions, pointer
// indirection, composite literals, comparisons and assertions, with go/types' errors
// (the rules of its builtins.go, conversions.go, expr.go, index.go, predicates.go).
#include <gtest/gtest.h>

#include "pkg/types/testutil_test.h"

namespace gotool::types {
namespace {

using Lines = std::vector<std::string>;

Lines Errors(const std::string& src, bool compiler = false) {
  return testing::CheckSource(src, compiler)->ErrorLines();
}

TEST(TypesTypeParamOps, AppendNamesTheCoreType) {
  EXPECT_EQ(Errors(R"(package p
func _[P1 any, P2 ~byte, P3 ~[]int](s1 P1, s2 P2, s3 P3) {
	_ = append(s1, 0)
	_ = append(s2, 0)
	_ = append(s3, 0)
	_ = append(nil, 0)
}
)"),
            (Lines{"3:13: first argument to append must be a slice; s1 (variable of type P1 "
                   "constrained by any) has no core type",
                   "4:13: first argument to append must be a slice; s2 (variable of type P2 "
                   "constrained by ~byte) has core type byte",
                   "6:13: first argument to append must be a slice; have untyped nil"}));
}

TEST(TypesTypeParamOps, DeleteNeedsMapsWithOneKeyType) {
  EXPECT_EQ(Errors(R"(package p
func _[T ~map[string]int | ~map[int]int](m T) { delete(m, "k") }
func _[T ~map[string]int | ~[]int](m T) { delete(m, "k") }
func _[T ~map[string]int | ~map[string]bool](m T) { delete(m, "k") }
)"),
            (Lines{"2:56: invalid argument: maps of m (variable of type T constrained by "
                   "~map[string]int|~map[int]int) must have identical key types",
                   "3:50: invalid argument: m (variable of type T constrained by ~map[string]int|"
                   "~[]int) is not a map"}));
}

TEST(TypesTypeParamOps, MakeNeedsACoreType) {
  const char* src = R"(package p
type myChan chan int
func _[S ~[]int | ~chan int, C chan int | myChan, I ~int]() {
	_ = make(S, 1)
	_ = make(C)
	_ = make(I)
}
)";
  EXPECT_EQ(Errors(src), (Lines{"4:11: cannot make S: no core type",
                                "6:11: invalid argument: cannot make I; type must be slice, map, "
                                "or channel"}));
  // types2 (the compiler's wording) says "invalid argument" for both.
  EXPECT_EQ(Errors(src, true)[0], "4:11: invalid argument: cannot make S: no core type");
}

TEST(TypesTypeParamOps, ComplexRealImagOfTypeParametersAreNotSupported) {
  EXPECT_EQ(Errors(R"(package p
func Real[P ~complex128 | ~complex64](x P) { _ = real(x) }
func Complex[P ~float64](x P) { _ = complex(x, 0) }
func Bad[P ~float64 | ~int](x P) { _ = complex(x, x) }
)"),
            (Lines{"2:55: x (variable of type P constrained by ~complex128|~complex64) not "
                   "supported as argument to real for go1.18 (see issue #50937)",
                   "3:45: x (variable of type P constrained by ~float64) not supported as argument "
                   "to complex for go1.18 (see issue #50937)",
                   "4:48: invalid argument: arguments have type P, expected floating-point"}));
}

TEST(TypesTypeParamOps, RealOfATypeParameterIsANewTypeParameter) {
  // The soft error leaves a result: a type parameter of the same name and index
  // whose type set holds the result types.
  auto cp = testing::CheckSource(R"(package p
func Real[P ~complex128 | ~complex64](x P) { _ = real(x) }
)");
  ASSERT_EQ(cp->ErrorLines().size(), 1u);
  TypeParam* declared = nullptr;
  TypeParam* result = nullptr;
  for (const auto& [expr, tv] : cp->info.types) {
    TypeParam* p = tv.type != nullptr ? tv.type->TryAs<TypeParam>() : nullptr;
    if (p == nullptr) continue;
    if (expr->kind == syntax::NodeKind::CallExpr) {
      result = p;
    } else {
      declared = p;
    }
  }
  ASSERT_NE(declared, nullptr);
  ASSERT_NE(result, nullptr);
  EXPECT_NE(result, declared);
  EXPECT_EQ(result->obj->name, "P");
  EXPECT_EQ(result->index, declared->index);
  EXPECT_EQ(TypeString(result->constraint), "interface{~float64|~float32}");
}

TEST(TypesTypeParamOps, UnsafeSizesThatDependOnTypeParametersAreNotConstant) {
  EXPECT_EQ(Errors(R"(package p
import "unsafe"
func _[T any]() {
	var (
		a [10]T
		p *T
		s struct{ _, f T }
		t struct{ _, f int64 }
	)
	const _ = unsafe.Sizeof(a)
	const _ = unsafe.Sizeof(p)
	const _ = unsafe.Alignof(s)
	const _ = unsafe.Offsetof(s.f)
	const o = unsafe.Offsetof(t.f)
	var _ [o]int = [8]int{}
	var _ uintptr = unsafe.Sizeof(a)
}
)"),
            (Lines{"10:12: unsafe.Sizeof(a) (value of type uintptr) is not constant",
                   "12:12: unsafe.Alignof(s) (value of type uintptr) is not constant",
                   "13:12: unsafe.Offsetof(s.f) (value of type uintptr) is not constant"}));
}

TEST(TypesTypeParamOps, ConstantConversionToATypeParameter) {
  EXPECT_EQ(Errors(R"(package p
func f[T interface{ int8 }]() { println(T(1024)) }
func g[T interface{ ~int8 | ~string }]() { _ = T(1) }
type A int
type B int
func h[T interface{ A | B; int }]() { _ = T(0) }
)"),
            (Lines{"2:43: cannot convert 1024 (untyped int value) to T (cannot convert 1024 "
                   "(untyped int constant) to int8 (in T))",
                   "6:45: cannot convert 0 (untyped int value) to T (T does not contain specific "
                   "types)"}));
}

TEST(TypesTypeParamOps, ConversionsBetweenTypeParametersGoByTheirTypeSets) {
  EXPECT_EQ(Errors(R"(package p
type Integer interface{ ~int | ~uint }
func _[X, T Integer | ~string](x X) T { return T(x) }
func _[X, T Integer](x X) T { return T(x) }
func _[X ~int, T ~int](x *X) *T { return (*T)(x) }
)"),
            (Lines{"3:50: cannot convert x (variable of type X constrained by Integer|~string) "
                   "to T (cannot convert string (in X) to int (in T))",
                   "5:47: cannot convert x (variable of type *X) to *T (*X does not implement *T "
                   "(type *T is pointer to interface, not interface))"}));
}

TEST(TypesTypeParamOps, UntypedConstantOperandIsConvertedToTheTypeParameter) {
  EXPECT_EQ(Errors(R"(package p
func _[T ~int8 | ~int16](v T) T { return v + 1024 }
)"),
            Lines{"2:46: cannot convert 1024 (untyped int constant) to T"});
}

TEST(TypesTypeParamOps, IndirectionNeedsOneBaseType) {
  EXPECT_EQ(Errors(R"(package p
type intPtr *int
func _[P interface{ *int | *string }](p P) { _ = *p }
func _[P interface{ *int | intPtr }](p P) { var _ int = *p }
func _[P any](p P) { _ = *p }
)"),
            (Lines{"3:51: invalid operation: pointers of p (variable of type P constrained by "
                   "interface{*int|*string}) must have identical base types",
                   "5:27: invalid operation: cannot indirect p (variable of type P constrained by "
                   "any)"}));
}

TEST(TypesTypeParamOps, CompositeLiteralsNeedACoreType) {
  EXPECT_EQ(Errors(R"(package p
type S1 struct{}
type S2 struct{}
func _[P *S1 | *S2]() { _ = []P{{}} }
func _[P *S1 | S1]() { _ = []P{{}} }
func _[P ~[]int]() { _ = []P{{1}} }
func _[T interface{ m() }]() { _ = T{} }
)"),
            (Lines{"4:33: invalid composite literal element type P: no core type",
                   "5:32: invalid composite literal element type P: no core type",
                   "7:36: invalid composite literal type T"}));
}

TEST(TypesTypeParamOps, ComparableKeepsOnlyComparableTypes) {
  EXPECT_EQ(Errors(R"(package p
func _[T interface{ comparable; ~[]byte }](x T) { _ = x == x }
func _[T interface{ ~int; ~string }](x T) { _ = x == x }
func _[T interface{ comparable; ~int }](x T) { _ = x == x }
func f[T interface{ comparable; []byte | string }](x T) { _ = x == x }
func _(s []byte) { f(s) }
)"),
            (Lines{"2:55: invalid operation: cannot compare x == x (empty type set)",
                   "3:49: invalid operation: cannot compare x == x (empty type set)",
                   "6:20: []byte does not implement interface{comparable; []byte|string} ([]byte "
                   "missing in string)"}));
}

TEST(TypesTypeParamOps, ConstraintSatisfactionSeesInterfacesInTypeSetsStrictly) {
  EXPECT_EQ(Errors(R"(package p
func f[_ comparable]() {}
type S2 struct{ x any }
func _[P1 comparable, P2 S2]() {
	type L1 struct{ x P1 }
	type L2 struct{ x P2 }
	_ = f[L1]
	_ = f[L2]
}
)"),
            Lines{"8:8: L2 does not implement comparable"});
}

TEST(TypesTypeParamOps, ATypeParameterWithAnEmptyTypeSetSatisfiesAnyConstraint) {
  EXPECT_EQ(Errors(R"(package p
type none interface{ int; string }
func ff[T none]() {}
func hh[T ~int]() {}
func _[T none]() {
	_ = ff[int]
	_ = ff[T]
	_ = hh[T]
}
)"),
            Lines{"6:9: cannot implement none (empty type set)"});
}

TEST(TypesTypeParamOps, ALiteralOfATypeBeingDefinedIsACycle) {
  EXPECT_EQ(
      Errors(R"(package p
import "unsafe"
type T struct {
	f *[unsafe.Sizeof(T{})]int
}
type (
	A struct{ f [len(B{}.f)]int }
	B struct{ f [len(A{}.f)]int }
)
type S []([len(S{})]int)
type U struct{ f [unsafe.Sizeof(struct{ u *U }{})]int }
)"),
      (Lines{"4:20: illegal cycle in type declaration", "8:19: illegal cycle in type declaration",
             "10:16: illegal cycle in type declaration"}));
}

TEST(TypesTypeParamOps, NoAssertionsOrTypeSwitchesOnTypeParameters) {
  EXPECT_EQ(Errors(R"(package p
func _[T any](x T) {
	_ = x.(int)
	switch x.(type) {
	}
}
)"),
            (Lines{"3:6: invalid operation: cannot use type assertion on type parameter value x "
                   "(variable of type T constrained by any)",
                   "4:9: cannot use type switch on type parameter value x (variable of type T "
                   "constrained by any)"}));
}

TEST(TypesTypeParamOps, SlicingNeedsACoreType) {
  EXPECT_EQ(Errors(R"(package p
func _[T interface{ []byte | []int }](x T) { _ = x[1:] }
func _[T interface{ []byte | string }](x T) { _ = x[1:] }
)"),
            Lines{"2:50: invalid operation: cannot slice x (variable of type T constrained by "
                  "interface{[]byte|[]int}): T has no core type"});
}

TEST(TypesTypeParamOps, TypeParametersInDeclarations) {
  EXPECT_EQ(Errors(R"(package p
func _[T any](map[T]int) {}
func _[T any](struct{ T }) {}
func _[T any](T T) {}
type G[P any] int
var _ = G(0)
)"),
            (Lines{"2:19: incomparable map key type T (missing comparable constraint)",
                   "3:23: embedded field type cannot be a (pointer to a) type parameter",
                   "4:15: T redeclared in this block\n\tother declaration of T",
                   "6:9: cannot use generic type G without instantiation"}));
}

TEST(TypesTypeParamOps, ArgumentErrorsOfAFailedGenericCallAreReportedOnce) {
  EXPECT_EQ(Errors(R"(package p
type I interface{ m() }
func F[T I]() { F(T{}) }
)"),
            Lines{"3:19: invalid composite literal type T"});
}

TEST(TypesTypeParamOps, SelectorOnANamedPointerTypeBeingDeclared) {
  EXPECT_EQ(Errors(R"(package p
type t *interface{ t.p }
)"),
            Lines{"2:22: t.p undefined (type t has no field or method p)"});
}

}  // namespace
}  // namespace gotool::types
