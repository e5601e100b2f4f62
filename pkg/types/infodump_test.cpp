// Tests for the canonical Info.types dump (the form go/types' side also prints).
#include "pkg/types/infodump.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pkg/types/testutil_test.h"

namespace gotool::types {
namespace {

std::vector<std::string> Dump(const std::string& src) {
  auto cp = testing::CheckSource(src);
  EXPECT_TRUE(cp->errors.empty()) << cp->ErrorLines()[0];
  return DumpTypesInfo(cp->fset, cp->info);
}

bool Has(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

constexpr const char* kProgram = R"(package p

const c = 1 << 2

var x = len("ab") + c

func f(m map[string]int) (int, bool) {
	v, ok := m["a"]
	println(v)
	return x, ok
}
)";

TEST(InfoDump, RecordsModeTypeAndValue) {
  std::vector<std::string> lines = Dump(kProgram);
  // An untyped constant keeps its untyped type when it stays untyped (c's value).
  EXPECT_TRUE(Has(lines, "p.go:3:11-3:17\t\"1 << 2\"\tconstant\tuntyped int\t4"));
  EXPECT_TRUE(Has(lines, "p.go:5:13-5:17\t\"\\\"ab\\\"\"\tconstant\tuntyped string\t\"ab\""));
  EXPECT_TRUE(Has(lines, "p.go:7:10-7:24\t\"map[string]int\"\ttypexpr\tmap[string]int"));
  // A comma-ok map index is recorded with its (value, ok) tuple type.
  EXPECT_TRUE(Has(lines, "p.go:8:11-8:17\t\"m[\\\"a\\\"]\"\tmapindex\t(int, bool)"));
  EXPECT_TRUE(Has(lines, "p.go:9:2-9:12\t\"println(v)\"\tnovalue\t()"));
  EXPECT_TRUE(Has(lines, "p.go:10:12-10:14\t\"ok\"\tvariable\tbool"));
}

constexpr const char* kBuiltins = R"(package p

import "unsafe"

type T struct{ a, b int }

func f(s []byte, m map[string]int) (n int) {
	defer func() {
		if e := recover(); e != nil {
			panic(e)
		}
	}()
	s = append(s, "x"...)
	s = append(s, 1, 2)
	ts := []T{{1, 2}}
	n++
	ts[0].a--
	delete(m, "k")
	c := make(chan int, 3)
	close(c)
	p := new(T)
	_ = unsafe.Offsetof(p.b)
	return len(s) + copy(s, "ab") + cap(make([]int, n)) + len(ts)
}
)";

// Expectations for kBuiltins, as go/types 1.19 records them.
TEST(InfoDump, BuiltinsRecordTheirSignature) {
  std::vector<std::string> lines = Dump(kBuiltins);
  for (const char* want : {
           "p.go:9:11-9:18\t\"recover\"\tbuiltin\tfunc() interface{}",
           "p.go:10:4-10:9\t\"panic\"\tbuiltin\tfunc(interface{})",
           "p.go:13:6-13:12\t\"append\"\tbuiltin\tfunc([]byte, string...) []byte",
           "p.go:14:6-14:12\t\"append\"\tbuiltin\tfunc([]byte, ...byte) []byte",
           "p.go:18:2-18:8\t\"delete\"\tbuiltin\tfunc(map[string]int, string)",
           "p.go:19:7-19:11\t\"make\"\tbuiltin\tfunc(chan int, int) chan int",
           "p.go:20:2-20:7\t\"close\"\tbuiltin\tfunc(chan int)",
           "p.go:21:7-21:10\t\"new\"\tbuiltin\tfunc(p.T) *p.T",
           "p.go:23:9-23:12\t\"len\"\tbuiltin\tfunc([]byte) int",
           "p.go:23:18-23:22\t\"copy\"\tbuiltin\tfunc([]byte, string) int",
           "p.go:23:34-23:37\t\"cap\"\tbuiltin\tfunc([]int) int",
           "p.go:23:38-23:42\t\"make\"\tbuiltin\tfunc([]int, int) []int",
           // A constant call records no signature.
           "p.go:22:6-22:21\t\"unsafe.Offsetof\"\tbuiltin\tinvalid type",
       }) {
    EXPECT_TRUE(Has(lines, want)) << want;
  }
}

TEST(InfoDump, RecoverIsInterfaceNotAny) {
  std::vector<std::string> lines = Dump(kBuiltins);
  EXPECT_TRUE(Has(lines, "p.go:9:11-9:20\t\"recover()\"\tvalue\tinterface{}"));
  EXPECT_TRUE(Has(lines, "p.go:10:10-10:11\t\"e\"\tvariable\tinterface{}"));
}

TEST(InfoDump, IncDecRecordsTheImplicitOne) {
  std::vector<std::string> lines = Dump(kBuiltins);
  EXPECT_TRUE(Has(lines, "p.go:16:2-16:3\t\"1\"\tconstant\tint\t1"));
  EXPECT_TRUE(Has(lines, "p.go:16:2-16:3\t\"n\"\tvariable\tint"));
  EXPECT_TRUE(Has(lines, "p.go:17:2-17:3\t\"1\"\tconstant\tint\t1"));  // at ts[0].a
}

TEST(InfoDump, ElidedLiteralTypeAndOffsetofSelector) {
  std::vector<std::string> lines = Dump(kBuiltins);
  EXPECT_TRUE(Has(lines, "p.go:15:12-15:18\t\"((ast: <nil>) literal)\"\tvalue\tp.T"));
  EXPECT_TRUE(Has(lines, "p.go:22:22-22:25\t\"p.b\"\tvariable\tint"));
}

TEST(InfoDump, SortsByStartThenOuterFirst) {
  std::vector<std::string> lines = Dump(kProgram);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_TRUE(lines[0].starts_with("p.go:3:11-3:17\t"));  // 1 << 2 before its operand 1
  EXPECT_TRUE(lines[1].starts_with("p.go:3:11-3:12\t"));
  EXPECT_TRUE(lines[2].starts_with("p.go:3:16-3:17\t"));
  // Lines 5 and 7 follow line 3, in order.
  auto index = [&](const std::string& prefix) {
    auto it = std::find_if(lines.begin(), lines.end(),
                           [&](const std::string& l) { return l.starts_with(prefix); });
    return it - lines.begin();
  };
  EXPECT_LT(index("p.go:5:9-5:22\t"), index("p.go:5:9-5:18\t"));
  EXPECT_LT(index("p.go:5:21-5:22\t"), index("p.go:7:10-7:24\t"));
}

TEST(InfoDump, ClipsLongTexts) {
  EXPECT_EQ(ClipDumpText("short"), "short");
  std::string exact(120, 'x');
  EXPECT_EQ(ClipDumpText(exact), exact);
  // FNV-1a 64 of 130 'x' bytes, as Go's hash/fnv computes it.
  EXPECT_EQ(ClipDumpText(std::string(130, 'x')), std::string(80, 'x') + "...#9ea3287d799ea6cd");
}

TEST(InfoDump, ModeNamesAreGoTypes) {
  EXPECT_EQ(OperandModeName(OperandMode::kTypexpr), "typexpr");
  EXPECT_EQ(OperandModeName(OperandMode::kMapIndex), "mapindex");
  EXPECT_EQ(OperandModeName(OperandMode::kCommaOk), "commaok");
}

}  // namespace
}  // namespace gotool::types
