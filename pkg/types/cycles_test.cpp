// Tests for declaration cycles through generic types and type-parameter lists
// (validtype.cpp, decl.cpp) and for instantiation cycles (mono.cpp), with go/types'
// errors and positions.
#include <gtest/gtest.h>

#include "pkg/types/testutil_test.h"

namespace gotool::types {
namespace {

using Lines = std::vector<std::string>;

// Heads returns the first line of every error ("line:col: msg"), sorted.
Lines Heads(const std::string& src, bool compiler = false) {
  Lines out;
  for (const std::string& l : testing::CheckSource(src, compiler)->ErrorLines()) {
    out.push_back(l.substr(0, l.find('\n')));
  }
  return out;
}

TEST(TypesCycles, TypeArgumentHoldingItsInstanceByValue) {
  // T1 holds T0[T1], which holds its argument by value: the cycle is reported at
  // T1, the first of T1 and the instance T0[T1] in the source.
  EXPECT_EQ(testing::CheckSource(R"(package p
type T0[P any] struct{ f P }
type T1 struct{ _ T0[T1] }
)")
                ->ErrorLines(),
            Lines{"3:6: illegal cycle in declaration of T1\n\tT1 refers to\n\tT0 refers to\n\tT1"});
}

TEST(TypesCycles, IndirectionThroughTypeArgumentsIsValid) {
  EXPECT_EQ(Heads(R"(package p
type E0[P any] []P
type E1[P any] *P
type E2[P any] struct{ _ P }
type T0 struct{ _ E0[T0] }
type T1 struct{ _ E1[T1] }
type T5 struct{ _ E0[E2[T5]] }
type T2 struct{ _ E2[T2] }
type N1[P any] *M1[P]
type M1[P any] *N1[P]
)"),
            Lines{"8:6: illegal cycle in declaration of T2"});
}

TEST(TypesCycles, SelfInstantiatingGenericTypeReportedAtInstance) {
  EXPECT_EQ(testing::CheckSource(R"(package p
type self1[P any] self1[P]
type self2[P any] *self2[P]
)")
                ->ErrorLines(),
            Lines{"2:19: illegal cycle in declaration of self1\n\tself1 refers to\n\tself1"});
}

TEST(TypesCycles, ChainsOfGenericInstances) {
  // As go/types: a cycle of two instances is reported once from each declaration,
  // a longer one once, at the instances written in the declarations.
  EXPECT_EQ(
      Heads(R"(package p
type (
	N[P any] M[P]
	M[P any] N[P]
)
type (
	A[P any] B[P]
	B[P any] C[P]
	C[P any] A[P]
)
)"),
      (Lines{"3:11: illegal cycle in declaration of M", "4:11: illegal cycle in declaration of N",
             "7:11: illegal cycle in declaration of B"}));
}

TEST(TypesCycles, GenericTypeInItsOwnTypeParameterList) {
  // The constraint needs the type it constrains; the type is invalid afterwards,
  // so its uses report nothing more.
  EXPECT_EQ(
      Heads(R"(package p
type T1[P T1[P]] interface{}
type T5[P T6[P]] interface{ int }
type T6[P T5[P]] interface{ int }
type B[T interface{ struct{ B[T] } }] struct{}
type myB struct{ B[myB] }
var _ T1[int]
type N[P M[P]] struct{}
type M[Q any] struct{ F *M[Q] }
)"),
      (Lines{"2:6: illegal cycle in declaration of T1", "3:6: illegal cycle in declaration of T5",
             "5:6: illegal cycle in declaration of B"}));
}

TEST(TypesCycles, UnionTermsAreContainedByValue) {
  EXPECT_EQ(
      Heads(R"(package p
type N interface{ int | N }
type A interface{ int | B }
type B interface{ int | A }
)"),
      (Lines{"2:6: illegal cycle in declaration of N", "3:6: illegal cycle in declaration of A"}));
}

TEST(TypesCycles, CompilerWordingForRecursiveGenericType) {
  EXPECT_EQ(Heads(R"(package p
type T[U interface{ M() T[U] }] int
)",
                  true),
            Lines{"2:6: invalid recursive type T"});
}

TEST(TypesCycles, InstantiationCycleOfFunction) {
  EXPECT_EQ(testing::CheckSource(R"(package p
type Box[A any] struct{ value A }
func Nest[A any](b Box[A], n int) interface{} {
	if n == 0 {
		return b
	}
	return Nest(Box[Box[A]]{b}, n-1)
}
)")
                ->ErrorLines(),
            Lines{"3:11: instantiation cycle:\n\tA instantiated as Box[A]"});
  // Only the first cycle found is reported, as go/types.
  EXPECT_EQ(testing::CheckSource(R"(package p
func g[T interface{ ~[]P }, P any](t T) { g[[]T, T]([]T{t}) }
)")
                ->ErrorLines(),
            Lines{"2:8: instantiation cycle:\n\tT instantiated as []T"});
}

TEST(TypesCycles, InstantiationCycleThroughMethodReceiver) {
  // The method's receiver parameter F is the type's parameter F.
  EXPECT_EQ(testing::CheckSource(R"(package p
type Fooer interface{ Foo() }
type Fooable[F Fooer] struct{ ptr F }
func (f *Fooable[F]) Adapter() *Fooable[*FooerImpl[F]] {
	return &Fooable[*FooerImpl[F]]{&FooerImpl[F]{}}
}
type FooerImpl[F Fooer] struct{}
func (fi *FooerImpl[F]) Foo() {}
)")
                ->ErrorLines(),
            Lines{"3:14: instantiation cycle:\n\tF instantiated as *FooerImpl[F]"});
}

TEST(TypesCycles, FiniteInstantiationsAreNoCycle) {
  EXPECT_EQ(Heads(R"(package p
type List[T any] struct {
	next *List[T]
	val  T
}
func Map[T, U any](l *List[T], f func(T) U) *List[U] {
	if l == nil {
		return nil
	}
	return &List[U]{Map(l.next, f), f(l.val)}
}
func Swap[A, B any](a A, b B, n int) {
	if n > 0 {
		Swap(b, a, n-1)
	}
}
)"),
            Lines{});
}

TEST(TypesCycles, AliasUsedInItsOwnRecursiveType) {
  EXPECT_EQ(Heads(R"(package p
type (
	a struct{ *b }
	b = c
	c struct{ *b }
)
type AC interface{ C }
type R[S any, P any] struct{}
type SR = R[SS, int]
type SS interface {
	NSR(any) *SR
}
type C interface{ NSR(any) *SR }
)"),
            (Lines{"5:13: invalid use of type alias b in recursive type (see issue #50729)",
                   "11:12: invalid use of type alias SR in recursive type (see issue #50729)"}));
}

TEST(TypesCycles, LiteralOfTypeBeingDeclared) {
  // The length needs the literal, the literal the type: no follow-on errors.
  EXPECT_EQ(
      Heads(R"(package p
import "unsafe"
type (
	T14 [len(T14{})]int
	T15 [][len(T15{})]int
	T17 map[int][len(T17{1: 2})]int
)
type T struct {
	f *[unsafe.Sizeof(T{})]int
}
type A2 struct{ f [len(B2{}.f)]int }
type B2 struct{ f [len(A2{}.f)]int }
var _ = struct{}{}
)"),
      (Lines{"4:11: illegal cycle in type declaration", "5:13: illegal cycle in type declaration",
             "6:19: illegal cycle in type declaration", "9:20: illegal cycle in type declaration",
             "12:24: illegal cycle in type declaration"}));
}

TEST(TypesCycles, InferredTypeArgumentsReferringToThemselves) {
  // The core types of the constraints would give P = *P = **P ...: not inferred.
  EXPECT_EQ(Heads(R"(package p
func f1[P interface{ *P }]() {}
func f4[P interface{ *Q }, Q interface{ func(P) }]() {}
func _() {
	f1()
	f4()
}
)"),
            (Lines{"5:2: cannot infer P (p.go:2:9)", "6:2: cannot infer P (p.go:3:9)"}));
}

TEST(TypesCycles, RecursiveConstraintSatisfiedByDefinedType) {
  // T is inferred as F, not as F's underlying func(F), once F is met.
  EXPECT_EQ(Heads(R"(package p
func f[T ~func(T)](a, b T) {}
type F func(F)
func g[T interface{ Equal(T) bool }](a, b T) {}
type I interface{ Equal(I) bool }
func _() {
	var i F
	var j func(F)
	f(i, j)
	f(j, i)
	var k I
	var l interface{ Equal(I) bool }
	g(k, l)
	g(l, k)
}
)"),
            Lines{});
}

TEST(TypesCycles, RecursiveCallInfersFromItsOwnTypeParameters) {
  // f[P] inside f: P is the caller's P, Q is inferred as the caller's Q; f2[*P]
  // feeds P from *P, without end.
  EXPECT_EQ(testing::CheckSource(R"(package p
func f[P *Q, Q any](P, Q) {
	_ = f[P]
}
func f2[P *Q, Q any](P, Q) {
	_ = f2[*P]
}
)")
                ->ErrorLines(),
            Lines{"5:9: instantiation cycle:\n\tP instantiated as *P"});
}

}  // namespace
}  // namespace gotool::types
