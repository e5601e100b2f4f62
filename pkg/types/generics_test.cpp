// Tests for type parameters: declarations, instantiation, inference, constraint
// satisfaction and operations on type-parameter operands, with go/types' errors.
#include <gtest/gtest.h>

#include "pkg/types/generics.h"
#include "pkg/types/testutil_test.h"

namespace gotool::types {
namespace {

using Lines = std::vector<std::string>;

Lines Errors(const std::string& src) { return testing::CheckSource(src)->ErrorLines(); }

TEST(TypesGenerics, GenericTypeWithMethodsAndInstances) {
  EXPECT_EQ(Errors(R"(package p
import "unsafe"
type Pointer[T any] struct {
	_ [0]*T
	v unsafe.Pointer
}
func (x *Pointer[T]) Load() *T { return (*T)(x.v) }
func (x *Pointer[T]) Store(val *T) { x.v = unsafe.Pointer(val) }
type File struct{ name string }
type Set struct{ last Pointer[File] }
func (s *Set) Name() string {
	f := s.last.Load()
	s.last.Store(f)
	return f.name
}
)"),
            Lines{});
}

TEST(TypesGenerics, IdenticalInstancesAreShared) {
  auto cp = testing::CheckSource(R"(package p
type List[T any] struct {
	next *List[T]
	val  T
}
var a List[int]
var b List[int]
var c List[string]
)");
  EXPECT_EQ(cp->ErrorLines(), Lines{});
  Type* a = cp->pkg->scope->Lookup("a")->type;
  Type* b = cp->pkg->scope->Lookup("b")->type;
  Type* c = cp->pkg->scope->Lookup("c")->type;
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(TypeString(a), "p.List[int]");
  EXPECT_EQ(TypeString(Underlying(c)), "struct{next *p.List[string]; val string}");
  EXPECT_EQ(TypeString(cp->pkg->scope->Lookup("List")->type), "p.List[T any]");
}

TEST(TypesGenerics, FunctionsInferenceAndExplicitInstantiation) {
  auto cp = testing::CheckSource(R"(package p
type Number interface{ ~int | ~float64 }
func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}
func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	var r []R
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}
type MyInt int
var a = Sum(1, 2, 3)
var b = Sum[float64](1, 2.5)
var c = Sum(MyInt(1), 2)
var d = Map([]int{1}, func(i int) string { return "" })
var e = Sum[int]
)");
  EXPECT_EQ(cp->ErrorLines(), Lines{});
  EXPECT_EQ(TypeString(cp->pkg->scope->Lookup("a")->type), "int");
  EXPECT_EQ(TypeString(cp->pkg->scope->Lookup("b")->type), "float64");
  EXPECT_EQ(TypeString(cp->pkg->scope->Lookup("c")->type), "p.MyInt");
  EXPECT_EQ(TypeString(cp->pkg->scope->Lookup("d")->type), "[]string");
  EXPECT_EQ(TypeString(cp->pkg->scope->Lookup("e")->type), "func(xs ...int) (s int)");
}

TEST(TypesGenerics, ConstraintSatisfactionErrors) {
  EXPECT_EQ(
      Errors(R"(package p
type Number interface{ ~int | ~float64 }
type Exact interface{ int | float64 }
func F[T Number](T) {}
func G[T Exact](T) {}
func H[T comparable](T) {}
type MyInt int
var _ = F[string]
var _ = G[MyInt]
var _ = H[[]int]
)"),
      (Lines{
          "8:11: string does not implement Number (string missing in ~int | ~float64)",
          "9:11: MyInt does not implement Exact (possibly missing ~ for int in constraint Exact)",
          "10:11: []int does not implement comparable"}));
}

TEST(TypesGenerics, InstantiationErrors) {
  EXPECT_EQ(Errors(R"(package p
type List[T any] []T
type Pair[K comparable, V any] struct{}
var _ List
var _ Pair[int]
func F[T any]() {}
var _ = F
var _ = F[int, int]
func G[T any](x T) {}
var _ = func() { G() }
)"),
            (Lines{"4:7: cannot use generic type List[T any] without instantiation",
                   "5:7: got 1 arguments but 2 type parameters",
                   "7:9: cannot use generic function F without instantiation",
                   "8:16: got 2 type arguments but want 1",
                   "10:20: not enough arguments in call to G\n\thave ()\n\twant (T)"}));
}

TEST(TypesGenerics, OperationsOnTypeParameters) {
  EXPECT_EQ(Errors(R"(package p
func Less[T ~int | ~string](a, b T) bool { return a < b }
func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if s[i] == v {
			return i
		}
	}
	return -1
}
func Bad[T any](a, b T) bool { return a < b }
func Conv[T ~int | ~int64](x T) float64 { return float64(x) }
)"),
            Lines{"11:39: invalid operation: cannot compare a < b (type parameter T is not "
                  "comparable with <)"});
}

TEST(TypesGenerics, TypeSetsWithoutCoreTypes) {
  EXPECT_EQ(Errors(R"(package p
func At[T []int64 | [5]int64](x T) int64 { return x[1] }
func Del[M map[string]int | map[string]bool](m M) { delete(m, "k") }
func Cat[S ~string | ~[]byte](b []byte, s S) []byte { return append(b, s...) }
type I[T any] interface{ foo() }
type myint int
func (myint) foo() {}
func H[T any](x I[T]) {}
var _ = func() { H[int](myint(5)) }
func Swap[P, Q any](x P, y Q) {
	Swap(y, x)
}
)"),
            Lines{});
}

}  // namespace
}  // namespace gotool::types
