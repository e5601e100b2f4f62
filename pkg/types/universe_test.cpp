// Tests for the universe scope, type strings, object strings and sizes.
#include <gtest/gtest.h>

#include "pkg/types/lookup.h"
#include "pkg/types/predicates.h"
#include "pkg/types/universe.h"
#include "pkg/types/testutil_test.h"

namespace gotool::types {
namespace {

TEST(TypesUniverse, PredeclaredNames) {
  const Universe& u = GetUniverse();
  for (const char* name : {"bool", "int", "uint8", "string", "error", "any", "comparable", "true",
                           "false", "iota", "nil", "append", "min", "max", "clear", "byte", "rune"}) {
    EXPECT_NE(u.scope->Lookup(name), nullptr) << name;
  }
  EXPECT_EQ(u.scope->Lookup("Pointer"), nullptr);
  EXPECT_NE(u.unsafe->scope->Lookup("Pointer"), nullptr);
  EXPECT_NE(u.unsafe->scope->Lookup("Sizeof"), nullptr);
}

TEST(TypesUniverse, ByteAndRuneAreAliases) {
  const Universe& u = GetUniverse();
  TypeName* byte_name = u.scope->Lookup("byte")->As<TypeName>();
  TypeName* int_name = u.scope->Lookup("int")->As<TypeName>();
  EXPECT_TRUE(byte_name->IsAlias());
  EXPECT_FALSE(int_name->IsAlias());
  EXPECT_TRUE(Identical(u.byte_type, Typ(BasicKind::kUint8)));
  EXPECT_TRUE(Identical(u.rune_type, Typ(BasicKind::kInt32)));
}

TEST(TypesUniverse, ObjectStrings) {
  const Universe& u = GetUniverse();
  EXPECT_EQ(ObjectString(u.scope->Lookup("error")), "type error interface{Error() string}");
  EXPECT_EQ(ObjectString(u.scope->Lookup("true")), "const true untyped bool");
  EXPECT_EQ(ObjectString(u.scope->Lookup("any")), "type any = interface{}");
  EXPECT_EQ(ObjectString(u.scope->Lookup("len")), "builtin len");
  EXPECT_EQ(ObjectString(u.scope->Lookup("nil")), "nil");
  EXPECT_EQ(TypeString(Typ(BasicKind::kUnsafePointer)), "unsafe.Pointer");
  EXPECT_EQ(TypeString(Typ(BasicKind::kUntypedFloat)), "untyped float");
}

TEST(TypesUniverse, TypeStringsOfDeclaredTypes) {
  auto cp = testing::CheckSource(R"(package p
type S struct {
	a int
	B string `json:"b"`
	*S
}
type I interface{ b(); a() int }
type F func(x int, ys ...string) (int, error)
type C chan (<-chan int)
type M map[string][]*S
var s S
)");
  ASSERT_TRUE(cp->errors.empty()) << cp->errors.String();
  Scope* scope = cp->pkg->scope;
  EXPECT_EQ(TypeString(Underlying(scope->Lookup("S")->type)),
            "struct{a int; B string \"json:\\\"b\\\"\"; *p.S}");
  EXPECT_EQ(TypeString(Underlying(scope->Lookup("I")->type)), "interface{a() int; b()}");
  EXPECT_EQ(TypeString(Underlying(scope->Lookup("F")->type)),
            "func(x int, ys ...string) (int, error)");
  EXPECT_EQ(TypeString(Underlying(scope->Lookup("C")->type)), "chan (<-chan int)");
  EXPECT_EQ(TypeString(Underlying(scope->Lookup("M")->type)), "map[string][]*p.S");
  EXPECT_EQ(ObjectString(scope->Lookup("s")), "var p.s p.S");
}

TEST(TypesUniverse, GcSizes) {
  auto cp = testing::CheckSource(R"(package p
type A struct { a int8; b int64; c int8 }
type B struct { a int32; b struct{} }
type C [3]int16
)");
  ASSERT_TRUE(cp->errors.empty()) << cp->errors.String();
  Scope* scope = cp->pkg->scope;
  EXPECT_EQ(Sizeof(scope->Lookup("A")->type), 24);
  EXPECT_EQ(Alignof(scope->Lookup("A")->type), 8);
  EXPECT_EQ(Sizeof(scope->Lookup("B")->type), 8);
  EXPECT_EQ(Sizeof(scope->Lookup("C")->type), 6);
  EXPECT_EQ(Sizeof(Typ(BasicKind::kString)), 16);
  EXPECT_EQ(Sizeof(GetUniverse().any_type), 16);
}

}  // namespace
}  // namespace gotool::types
