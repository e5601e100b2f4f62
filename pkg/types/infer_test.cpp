// Tests for type inference (infer.cpp): the order of function argument inference,
// untyped constants' default types, constraint type inference to a fixed point,
// and receiver type parameter counts, with go/types 1.19's messages.
#include <gtest/gtest.h>

#include "pkg/types/testutil_test.h"

namespace gotool::types {
namespace {

using Lines = std::vector<std::string>;

Lines Errors(const std::string& src) { return testing::CheckSource(src)->ErrorLines(); }

// Untyped arguments of one type parameter take their default types together: the
// first fixes the parameter, a later one of another kind does not match.
TEST(TypesInfer, DefaultTypesOfUntypedArgumentsMustAgree) {
  EXPECT_EQ(Errors(R"(package p
type Ordered interface{ ~int | ~float64 | ~string }
func min[T Ordered](x, y T) T { return x }
var _ = min(1, 2.3)
var _ = min(1.2, 3)
var _ int = min(1, 2)
var _ float64 = min(1.5, 2.5)
var y float64
var _ = min(1, y)
)"),
            (Lines{"4:16: default type float64 of 2.3 does not match inferred type int for T",
                   "5:18: default type int of 3 does not match inferred type float64 for T"}));
}

// Constraint type inference repeats while it makes progress: a chain of ~*P
// constraints is resolved one parameter per round.
TEST(TypesInfer, ConstraintInferenceReachesAFixedPoint) {
  EXPECT_EQ(Errors(R"(package p
func h[K any, J ~*K, I ~*J, H ~*I, G ~*H, F ~*G, E ~*F, D ~*E, C ~*D, B ~*C, A ~*B](x A) K {
	var k K
	return k
}
var x **********int
var _ int = h(x)
func ch2[P ~chan int]() {}
func _() { ch2() }
)"),
            Lines{"9:12: cannot infer P (p.go:8:10)"});
}

// A named type unifies with a type literal through its underlying type, but not
// with another named (or basic) type; arguments of named types are unified first,
// so the order of the arguments does not decide the inferred type.
TEST(TypesInfer, NamedTypesFirstAndNoInexactMatchOfBasicTypes) {
  EXPECT_EQ(Errors(R"(package p
func g3[T any](*T, ...T) {}
type myString string
type mySlice []int
func g1[T any](T, T) T { var t T; return t }
func _() {
	var s1 string
	g3(&s1, "1", myString("2"), "3")
	g3(nil, "1", myString("2"), "3")
	var _ mySlice = g1([]int{}, mySlice{})
}
)"),
            Lines{"8:5: type *string of &s1 does not match inferred type *myString for *T"});
}

// Explicit type arguments are substituted before inference: parameters they make
// concrete are checked by assignment.
TEST(TypesInfer, ExplicitTypeArgumentsBeforeInference) {
  EXPECT_EQ(Errors(R"(package p
func mixed[T1, T2, T3 any](T1, T2, T3) {}
func _() {
	mixed[int](0, "", false)
	mixed[int, string](1.1, "", false)
}
)"),
            Lines{"5:21: cannot use 1.1 (untyped float constant) as int value in argument to "
                  "mixed[int, string] (truncated)"});
}

TEST(TypesInfer, ReceiverWithTooFewTypeParameters) {
  EXPECT_EQ(Errors(R"(package p
type T[P any, B *P] struct{}
func (T[_]) m1() {}
func (T[_, _]) m2() {}
)"),
            (Lines{"3:6: got 1 type parameter, but receiver base type declares 2",
                   "3:7: got 1 arguments but 2 type parameters"}));
}

// Within a generic function, instantiating it with its own type parameters infers
// for renamed copies; an inferred type referring to its own parameter is dropped,
// so the first parameter is the one reported.
TEST(TypesInfer, SelfInstantiationAndSelfReferringInference) {
  EXPECT_EQ(Errors(R"(package p
func f[P *Q, Q any](P, Q) {
	_ = f[P]
}
type Tree[P any] struct{ left *Tree[P] }
func f6[P interface{ *Tree[P] }, Q any]() {}
func _() { f6() }
)"),
            Lines{"7:12: cannot infer P (p.go:6:9)"});
}

}  // namespace
}  // namespace gotool::types
