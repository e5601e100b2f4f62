// Tests for go.sum reading and writing (the go command's rules: three fields, old
// empty-go.mod hashes dropped, module::Sort order, unique sorted hashes).
#include "modcache/gosum.h"

#include <gtest/gtest.h>

namespace gotool::modcache {
namespace {

TEST(GoSum, ReadAndFormat) {
  GoSum sums;
  std::string data =
      "golang.org/x/text v0.3.0/go.mod h1:b\n"
      "\n"
      "golang.org/x/text v0.3.0 h1:a\n"
      "rsc.io/quote v1.10.0 h1:q10\n"
      "rsc.io/quote v1.9.0 h1:q9\n"
      "rsc.io/quote v1.9.0 h1:q9\n"
      "rsc.io/quote v1.9.0 h1:p9\n"
      "example.com/old v1.0.0/go.mod h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=\n"
      "  example.com/ws \t v1.0.0   h1:w  \r\n";
  EXPECT_EQ(ReadGoSum("go.sum", data, &sums), "");
  EXPECT_EQ(FormatGoSum(sums),
            "example.com/ws v1.0.0 h1:w\n"
            "golang.org/x/text v0.3.0 h1:a\n"
            "golang.org/x/text v0.3.0/go.mod h1:b\n"
            "rsc.io/quote v1.9.0 h1:p9\n"
            "rsc.io/quote v1.9.0 h1:q9\n"
            "rsc.io/quote v1.10.0 h1:q10\n");
}

TEST(GoSum, RejectsWrongFieldCount) {
  GoSum sums;
  EXPECT_EQ(ReadGoSum("/x/go.sum", "a v1 h1:x\n\nb v1\n", &sums),
            "malformed go.sum:\n/x/go.sum:3: wrong number of fields 2");
}

}  // namespace
}  // namespace gotool::modcache
