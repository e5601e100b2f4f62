// Tests for the checker: small programs with their expected errors written inline.
#include <gtest/gtest.h>

#include "pkg/types/testutil_test.h"

namespace gotool::types {
namespace {

using Lines = std::vector<std::string>;

Lines Errors(const std::string& src, bool compiler = false) {
  return testing::CheckSource(src, compiler)->ErrorLines();
}

TEST(TypesCheck, ValidProgramHasNoErrors) {
  EXPECT_EQ(Errors(R"(package p
const (
	A = iota * 10
	B
	C
)
type List struct {
	next *List
	val  int
}
func (l *List) Sum() (s int) {
	for e := l; e != nil; e = e.next {
		s += e.val
	}
	return
}
var total = (&List{val: B}).Sum() + len([C]int{})
func f(xs ...int) []int { return append(xs, min(1, 2), max(3, 4)) }
func g() {
	m := map[string]int{"a": 1}
	if v, ok := m["a"]; ok {
		_ = v
	}
	var i interface{} = 1
	switch x := i.(type) {
	case int:
		_ = x + 1
	case string:
		_ = len(x)
	}
	for i := range 10 {
		_ = i
	}
	clear(m)
}
)"),
            Lines{});
}

TEST(TypesCheck, ConstantsAndOverflow) {
  EXPECT_EQ(Errors(R"(package p
const big = 1 << 100
var x int8 = 300
var y uint = -1
var z = big
const f = 1.5
var i int = f
var d = 1 / 0
)"),
            (Lines{"3:14: cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)",
                   "4:14: cannot use -1 (untyped int constant) as uint value in variable declaration (overflows)",
                   "5:9: cannot use big (untyped int constant 1267650600228229401496703205376) as int value in variable declaration (overflows)",
                   "7:13: cannot use f (untyped float constant 1.5) as int value in variable declaration (truncated)",
                   "8:13: invalid operation: division by zero"}));
}

TEST(TypesCheck, UnusedVariablesImportsAndLabels) {
  EXPECT_EQ(Errors(R"(package p
import "unsafe"
func f() {
	x := 1
	var y int
L:
	for {
	}
}
)"),
            (Lines{"2:8: \"unsafe\" imported but not used", "4:2: x declared but not used",
                   "5:6: y declared but not used", "6:1: label L declared but not used"}));
}

TEST(TypesCheck, ImportFailsWithoutImporter) {
  EXPECT_EQ(Errors("package p\nimport \"fmt\"\nvar _ = fmt.Sprint\n"),
            Lines{"2:8: could not import fmt (not supported yet)"});
}

TEST(TypesCheck, MissingReturnAndBranches) {
  EXPECT_EQ(Errors(R"(package p
func f(x int) int {
	if x > 0 {
		return 1
	}
}
func g() int {
	for {
	}
}
func h() {
	break
	for {
		continue
	}
	switch {
	case true:
		fallthrough
	}
}
)"),
            (Lines{"6:1: missing return", "12:2: break is not in a loop, switch, or select",
                   "18:3: cannot fallthrough final case in switch"}));
}

TEST(TypesCheck, AssignabilityAndInterfaces) {
  EXPECT_EQ(Errors(R"(package p
type I interface{ M() }
type T struct{}
func (*T) M() {}
var _ I = T{}
var _ I = &T{}
var s string = 1
var _ = T.M
)"),
            (Lines{"5:11: cannot use (T literal) (value of type T) as I value in variable declaration: T does not implement I (method M has pointer receiver)",
                   "7:16: cannot use 1 (untyped int constant) as string value in variable declaration",
                   "8:11: cannot call pointer method M on T"}));
}

TEST(TypesCheck, Cycles) {
  EXPECT_EQ(Errors(R"(package p
type T struct{ t T }
var a = b
var b = a
)"),
            (Lines{"2:6: illegal cycle in declaration of T\n\tT refers to\n\tT",
                   "3:5: initialization cycle for a\n\ta refers to\n\tb refers to\n\ta"}));
}

TEST(TypesCheck, CompilerWording) {
  EXPECT_EQ(Errors("package p\nfunc f() { undefinedName() }\n", true),
            Lines{"2:12: undefined: undefinedName"});
  EXPECT_EQ(Errors("package p\nfunc f() { undefinedName() }\n"),
            Lines{"2:12: undeclared name: undefinedName"});
}

TEST(TypesCheck, MethodWithoutReceiver) {
  // go/types treats it as a function (so _ and f do not clash with methods).
  EXPECT_EQ(Errors("package p\nfunc () f() {}\nvar _ = f\n"),
            Lines{"2:6: method is missing receiver"});
}

TEST(TypesCheck, UnionTermLimitCountsTypeSet) {
  // Two interfaces of 60 distinct terms each: a union of both has 120 terms.
  std::string src = "package p\n";
  for (int i = 0; i < 120; i++) src += "type t" + std::to_string(i) + " int\n";
  for (int half = 0; half < 2; half++) {
    src += "type u" + std::to_string(half) + " interface{ ";
    for (int i = 0; i < 60; i++) src += (i ? "|t" : "t") + std::to_string(half * 60 + i);
    src += " }\n";
  }
  EXPECT_EQ(Errors(src + "type u interface{ u0 | u1 }\n"),
            Lines{"124:19: cannot handle more than 100 union terms (implementation limitation)"});
  EXPECT_EQ(Errors(src + "type u interface{ u0 | u0 }\n"), Lines{});
}

}  // namespace
}  // namespace gotool::types
