// Tests of Go-style flag parsing: the forms Go's flag package accepts and its errors.
#include "pkg/cfg/goflags.h"

#include <gtest/gtest.h>

#include "pkg/base/strconv.h"

namespace gotool::cfg {
namespace {

const FlagSpec kSpecs[] = {
    {"v", FlagKind::kBool},    {"x", FlagKind::kBool},    {"run", FlagKind::kString},
    {"count", FlagKind::kInt}, {"args", FlagKind::kRest},
};

FlagParse Parse(const std::vector<std::string>& args, bool interspersed = false) {
  return ParseGoFlags(kSpecs, args, interspersed);
}

std::string Flags(const FlagParse& p) {
  std::string s;
  for (const ParsedFlag& f : p.flags) s += f.name + "=" + f.value + ";";
  return s;
}

TEST(GoFlags, Forms) {
  FlagParse p = Parse({"-v", "-run", "X", "--count=3", "-x=false", "pkg", "-v"});
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(Flags(p), "v=true;run=X;count=3;x=false;");
  EXPECT_EQ(p.args, (std::vector<std::string>{"pkg", "-v"}));
}

TEST(GoFlags, EqualsAndDoubleDash) {
  FlagParse p = Parse({"-run=A=B", "--run", "-v", "--", "-x"});
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(Flags(p), "run=A=B;run=-v;");
  EXPECT_EQ(p.args, (std::vector<std::string>{"-x"}));
}

TEST(GoFlags, SingleDashIsAnArgument) {
  FlagParse p = Parse({"-", "-v"});
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(Flags(p), "");
  EXPECT_EQ(p.args, (std::vector<std::string>{"-", "-v"}));
}

TEST(GoFlags, Interspersed) {
  FlagParse p = Parse({"./...", "-run", "T", "x", "--", "-v"}, true);
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(Flags(p), "run=T;");
  EXPECT_EQ(p.args, (std::vector<std::string>{"./...", "x", "-v"}));
}

TEST(GoFlags, Rest) {
  FlagParse p = Parse({"-v", "pkg", "-args", "-foo", "--", "x"}, true);
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(Flags(p), "v=true;");
  EXPECT_EQ(p.args, (std::vector<std::string>{"pkg"}));
  EXPECT_EQ(p.rest, (std::vector<std::string>{"-foo", "--", "x"}));
}

TEST(GoFlags, Errors) {
  EXPECT_EQ(Parse({"-foo"}).error, "flag provided but not defined: -foo");
  EXPECT_EQ(Parse({"--foo=1"}).error, "flag provided but not defined: -foo");
  EXPECT_EQ(Parse({"-run"}).error, "flag needs an argument: -run");
  EXPECT_EQ(Parse({"---v"}).error, "bad flag syntax: ---v");
  EXPECT_EQ(Parse({"-=v"}).error, "bad flag syntax: -=v");
  EXPECT_EQ(Parse({"-v=yes"}).error, "invalid boolean value \"yes\" for -v: parse error");
  EXPECT_EQ(Parse({"-v="}).error, "invalid boolean value \"\" for -v: parse error");
  EXPECT_EQ(Parse({"-count=x"}).error, "invalid value \"x\" for flag -count: parse error");
  EXPECT_EQ(Parse({"-count", "99999999999999999999"}).error,
            "invalid value \"99999999999999999999\" for flag -count: value out of range");
}

TEST(GoFlags, Help) {
  EXPECT_TRUE(Parse({"-h"}).help);
  EXPECT_TRUE(Parse({"-v", "--help"}).help);
  EXPECT_FALSE(Parse({"-v"}).help);
}

TEST(GoFlags, Ints) {
  long long n = 0;
  EXPECT_TRUE(ParseGoInt("0x1F", &n));
  EXPECT_EQ(n, 31);
  EXPECT_TRUE(ParseGoInt("010", &n));
  EXPECT_EQ(n, 8);
  EXPECT_TRUE(ParseGoInt("-0b101", &n));
  EXPECT_EQ(n, -5);
  EXPECT_TRUE(ParseGoInt("0o1_7", &n));
  EXPECT_EQ(n, 15);
  EXPECT_TRUE(ParseGoInt("0", &n));
  EXPECT_EQ(n, 0);
  EXPECT_TRUE(ParseGoInt("-9223372036854775808", &n));
  EXPECT_FALSE(ParseGoInt("9223372036854775808", &n));
  EXPECT_FALSE(ParseGoInt("1_000", &n));
  EXPECT_FALSE(ParseGoInt("08", &n));
  EXPECT_FALSE(ParseGoInt("0x", &n));
  EXPECT_FALSE(ParseGoInt("", &n));
  EXPECT_FALSE(ParseGoInt("0x_", &n));
}

TEST(GoFlags, Bools) {
  bool b = false;
  EXPECT_TRUE(ParseGoBool("T", &b));
  EXPECT_TRUE(b);
  EXPECT_TRUE(ParseGoBool("0", &b));
  EXPECT_FALSE(b);
  EXPECT_FALSE(ParseGoBool("yes", &b));
}

TEST(GoFlags, Quote) {
  EXPECT_EQ(base::Quote("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
  EXPECT_EQ(base::Quote("\x01\xff"), "\"\\x01\\xff\"");
  EXPECT_EQ(base::Quote("é"), "\"é\"");
}

TEST(GoFlags, Goflags) {
  EXPECT_EQ(SplitFields("  -v\t-count=2\n "), (std::vector<std::string>{"-v", "-count=2"}));
  auto known = [](std::string_view n) { return n == "v" || n == "count" || n == "ldflags"; };
  EXPECT_EQ(CheckGoflags({"-v", "--count=2", "-ldflags=-w"}, known), "");
  EXPECT_EQ(CheckGoflags({"x"}, known), "parsing $GOFLAGS: non-flag \"x\"");
  EXPECT_EQ(CheckGoflags({"---v"}, known), "parsing $GOFLAGS: non-flag \"---v\"");
  EXPECT_EQ(CheckGoflags({"-foo=1"}, known), "parsing $GOFLAGS: unknown flag -foo");

  FlagParse p = ApplyGoflags(kSpecs, {"-v", "--count=0x2", "-ldflags=-w", "-x=false"});
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(Flags(p), "v=true;count=2;x=false;");
  EXPECT_EQ(ApplyGoflags(kSpecs, {"-v=x"}).error,
            "invalid boolean value \"x\" for flag -v (from $GOFLAGS): parse error");
  EXPECT_EQ(ApplyGoflags(kSpecs, {"-run"}).error, "flag needs an argument: -run (from $GOFLAGS)");
  EXPECT_EQ(ApplyGoflags(kSpecs, {"-count=z"}).error,
            "invalid value \"z\" for flag -count (from $GOFLAGS): parse error");
}

TEST(GoFlags, ToCliArgs) {
  FlagParse p = Parse({"-v", "-count", "0x10", "a"});
  EXPECT_EQ(ToCliArgs(p), (std::vector<std::string>{"--v=true", "--count=16", "--", "a"}));
}

}  // namespace
}  // namespace gotool::cfg
