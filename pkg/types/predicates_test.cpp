// Tests for identity, assignability, comparability, lookup and interface satisfaction.
#include <gtest/gtest.h>

#include "pkg/types/lookup.h"
#include "pkg/types/predicates.h"
#include "pkg/types/testutil_test.h"
#include "pkg/types/universe.h"

namespace gotool::types {
namespace {

constexpr const char* kSrc = R"(package p
type T struct{ x int }
func (T) Value() {}
func (*T) Ptr() {}
type I interface{ Value(); Ptr() }
type E struct{ T; y int }
type A struct{ a int }
type B struct{ a int }
type D struct{ A; B }
type U = struct{ x int }
var f func() int
var m map[int]bool
)";

Type* TypeOf(testing::CheckedPackage* cp, const char* name) { return cp->pkg->scope->Lookup(name)->type; }

TEST(TypesPredicates, Identity) {
  auto cp = testing::CheckSource(kSrc);
  ASSERT_TRUE(cp->errors.empty()) << cp->errors.String();
  Type* t = TypeOf(cp.get(), "T");
  EXPECT_TRUE(Identical(t, t));
  EXPECT_FALSE(Identical(t, Underlying(t)));
  EXPECT_TRUE(Identical(Underlying(t), TypeOf(cp.get(), "U")));
  EXPECT_FALSE(Identical(TypeOf(cp.get(), "A"), TypeOf(cp.get(), "B")));
  EXPECT_TRUE(Identical(Underlying(TypeOf(cp.get(), "A")), Underlying(TypeOf(cp.get(), "B"))));
}

TEST(TypesPredicates, Comparable) {
  auto cp = testing::CheckSource(kSrc);
  EXPECT_TRUE(Comparable(TypeOf(cp.get(), "T")));
  EXPECT_FALSE(Comparable(TypeOf(cp.get(), "f")));
  EXPECT_FALSE(Comparable(TypeOf(cp.get(), "m")));
  EXPECT_TRUE(HasNil(TypeOf(cp.get(), "m")));
  EXPECT_FALSE(HasNil(TypeOf(cp.get(), "T")));
}

TEST(TypesPredicates, LookupThroughEmbedding) {
  auto cp = testing::CheckSource(kSrc);
  Type* e = TypeOf(cp.get(), "E");
  LookupResult r = LookupFieldOrMethod(e, false, cp->pkg, "x");
  ASSERT_NE(r.obj, nullptr);
  EXPECT_EQ(r.index, (std::vector<int>{0, 0}));
  r = LookupFieldOrMethod(e, false, cp->pkg, "Ptr");
  EXPECT_EQ(r.obj, nullptr);
  EXPECT_TRUE(r.indirect);  // pointer receiver needs an addressable value
  r = LookupFieldOrMethod(e, true, cp->pkg, "Ptr");
  EXPECT_NE(r.obj, nullptr);
  r = LookupFieldOrMethod(TypeOf(cp.get(), "D"), false, cp->pkg, "a");
  EXPECT_EQ(r.obj, nullptr);
  EXPECT_FALSE(r.index.empty());  // ambiguous
}

TEST(TypesPredicates, MissingMethod) {
  auto cp = testing::CheckSource(kSrc);
  Interface* iface = Underlying(TypeOf(cp.get(), "I"))->As<Interface>();
  MissingMethodResult r = MissingMethod(TypeOf(cp.get(), "T"), iface, true);
  ASSERT_NE(r.method, nullptr);
  EXPECT_EQ(r.method->name, "Ptr");
  ASSERT_NE(r.alt, nullptr);  // found on *T: pointer receiver
  Pointer ptr(TypeOf(cp.get(), "T"));
  EXPECT_EQ(MissingMethod(&ptr, iface, true).method, nullptr);
}

}  // namespace
}  // namespace gotool::types
