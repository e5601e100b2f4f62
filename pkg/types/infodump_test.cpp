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
