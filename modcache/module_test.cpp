// Tests for module paths, major suffixes, escaping and pseudo-versions.
#include "modcache/module.h"

#include <gtest/gtest.h>

#include "modcache/pseudo.h"

namespace gotool::modcache::module {
namespace {

std::string PathErr(std::string_view p) {
  auto e = CheckPath(p);
  return e ? e->Message() : "";
}

TEST(Module, CheckPath) {
  EXPECT_EQ(PathErr("github.com/a/b"), "");
  EXPECT_EQ(PathErr("example.com/x/v2"), "");
  EXPECT_EQ(PathErr("gopkg.in/yaml.v2"), "");
  EXPECT_EQ(PathErr("x"), "malformed module path \"x\": missing dot in first path element");
  EXPECT_EQ(PathErr(""), "malformed module path \"\": empty string");
  EXPECT_EQ(PathErr("-x.com"), "malformed module path \"-x.com\": leading dash");
  EXPECT_EQ(PathErr("x.com//y"), "malformed module path \"x.com//y\": double slash");
  EXPECT_EQ(PathErr("x.com/y/"), "malformed module path \"x.com/y/\": trailing slash");
  EXPECT_EQ(PathErr("X.com/y"),
            "malformed module path \"X.com/y\": invalid char 'X' in first path element");
  EXPECT_EQ(PathErr("x.com/.y"), "malformed module path \"x.com/.y\": leading dot in path element");
  EXPECT_EQ(PathErr("x.com/y."),
            "malformed module path \"x.com/y.\": trailing dot in path element");
  EXPECT_EQ(PathErr("x.com/.."), "malformed module path \"x.com/..\": invalid path element \"..\"");
  EXPECT_EQ(PathErr("x.com/a@b"), "malformed module path \"x.com/a@b\": invalid char '@'");
  EXPECT_EQ(PathErr("x.com/con"),
            "malformed module path \"x.com/con\": \"con\" disallowed as path element component "
            "on Windows");
  EXPECT_EQ(PathErr("x.com/a~1"),
            "malformed module path \"x.com/a~1\": trailing tilde and digits in path element");
  EXPECT_EQ(PathErr("x.com/v1"), "malformed module path \"x.com/v1\": invalid version");
  EXPECT_EQ(PathErr("x.com/v2.0"), "malformed module path \"x.com/v2.0\": invalid version");
  // Around the one-pass check of plain paths: what it accepts, and what it leaves
  // to the full checks.
  EXPECT_EQ(PathErr("x.com/a_b/c-d.e/v3"), "");
  EXPECT_EQ(PathErr("x.com/Cons.d"), "");  // upper case: the full checks accept it
  EXPECT_EQ(PathErr("x.com/Con.d"),
            "malformed module path \"x.com/Con.d\": \"Con\" disallowed as path element "
            "component on Windows");
  EXPECT_EQ(PathErr("x.com/lpt10"), "");
  EXPECT_EQ(PathErr("x.com/lpt1.txt"),
            "malformed module path \"x.com/lpt1.txt\": \"lpt1\" disallowed as path element "
            "component on Windows");
  EXPECT_EQ(PathErr("a_b.com/x"),
            "malformed module path \"a_b.com/x\": invalid char '_' in first path element");
  EXPECT_EQ(PathErr("/x.com"), "malformed module path \"/x.com\": empty path element");
  EXPECT_EQ(PathErr("x.com/./y"),
            "malformed module path \"x.com/./y\": invalid path element \".\"");
  EXPECT_EQ(PathErr("x.com/y~z"), "");
  EXPECT_EQ(PathErr("x.com/y/v0"), "malformed module path \"x.com/y/v0\": invalid version");
}

TEST(Module, CheckImportAndFilePath) {
  EXPECT_FALSE(CheckImportPath("x/y+z"));
  EXPECT_EQ(CheckImportPath("/x")->Message(), "malformed import path \"/x\": empty path element");
  EXPECT_FALSE(CheckFilePath("a/b c/#d.go"));
  EXPECT_FALSE(CheckFilePath("-x"));
  EXPECT_EQ(CheckFilePath("a/b*c")->Message(), "malformed file path \"a/b*c\": invalid char '*'");
}

TEST(Module, SplitPathVersion) {
  auto s = SplitPathVersion("example.com/x/v2");
  EXPECT_EQ(s.prefix, "example.com/x");
  EXPECT_EQ(s.path_major, "/v2");
  EXPECT_TRUE(s.ok);
  EXPECT_FALSE(SplitPathVersion("example.com/x/v1").ok);
  EXPECT_FALSE(SplitPathVersion("example.com/x/v02").ok);
  s = SplitPathVersion("gopkg.in/yaml.v2-unstable");
  EXPECT_EQ(s.prefix, "gopkg.in/yaml");
  EXPECT_EQ(s.path_major, ".v2-unstable");
  EXPECT_FALSE(SplitPathVersion("gopkg.in/yaml").ok);
  EXPECT_TRUE(SplitPathVersion("gopkg.in/yaml.v0").ok);
  EXPECT_TRUE(SplitPathVersion("example.com/x").ok);
}

TEST(Module, CheckPathMajor) {
  EXPECT_TRUE(MatchPathMajor("v1.2.3", ""));
  EXPECT_TRUE(MatchPathMajor("v2.0.0+incompatible", ""));
  EXPECT_TRUE(MatchPathMajor("v2.1.0", "/v2"));
  EXPECT_TRUE(MatchPathMajor("v1.0.0", ".v1-unstable"));
  EXPECT_TRUE(MatchPathMajor("v0.0.0-20200101000000-abcdefabcdef", ".v1"));
  EXPECT_EQ(CheckPathMajor("v2.0.0", "")->Message(),
            "version \"v2.0.0\" invalid: should be v0 or v1, not v2");
  EXPECT_EQ(CheckPathMajor("v3.0.0", "/v2")->Message(),
            "version \"v3.0.0\" invalid: should be v2, not v3");
  EXPECT_EQ(PathMajorPrefix("/v2"), "v2");
  EXPECT_EQ(PathMajorPrefix(".v1-unstable"), "v1");
  EXPECT_EQ(CanonicalVersion("v2.0.0+incompatible"), "v2.0.0+incompatible");
  EXPECT_EQ(CanonicalVersion("v2.0+incompatible"), "");
}

TEST(Module, Escape) {
  std::string err;
  EXPECT_EQ(EscapePath("github.com/Azure/go-X", &err), "github.com/!azure/go-!x");
  EXPECT_EQ(UnescapePath("github.com/!azure/go-!x", &err), "github.com/Azure/go-X");
  EXPECT_EQ(EscapeVersion("v1.0.0-RC1", &err), "v1.0.0-!r!c1");
  EXPECT_EQ(UnescapeVersion("v1.0.0-!r!c1", &err), "v1.0.0-RC1");
  EXPECT_EQ(err, "");
  EXPECT_EQ(UnescapePath("github.com/Azure", &err), "");
  EXPECT_EQ(err, "invalid escaped module path \"github.com/Azure\"");
  err.clear();
  EXPECT_EQ(EscapeVersion("v1!", &err), "");
  EXPECT_EQ(err, "version \"v1!\" invalid: disallowed version string");
}

TEST(Module, Sort) {
  std::vector<Version> v{
      {"b.com", "v1.0.0"}, {"a.com", "v1.10.0/go.mod"}, {"a.com", "v1.10.0"}, {"a.com", "v1.9.0"}};
  Sort(&v);
  EXPECT_EQ(v[0].version, "v1.9.0");
  EXPECT_EQ(v[1].version, "v1.10.0");
  EXPECT_EQ(v[2].version, "v1.10.0/go.mod");
  EXPECT_EQ(v[3].path, "b.com");
}

TEST(Pseudo, Construct) {
  EXPECT_EQ(PseudoVersion("", "", "20190102030405", "abcdefabcdef"),
            "v0.0.0-20190102030405-abcdefabcdef");
  EXPECT_EQ(PseudoVersion("v2", "", "20190102030405", "abcdefabcdef"),
            "v2.0.0-20190102030405-abcdefabcdef");
  EXPECT_EQ(PseudoVersion("v1", "v1.2.3", "20190102030405", "abcdefabcdef"),
            "v1.2.4-0.20190102030405-abcdefabcdef");
  EXPECT_EQ(PseudoVersion("v1", "v1.2.9", "20190102030405", "abcdefabcdef"),
            "v1.2.10-0.20190102030405-abcdefabcdef");
  EXPECT_EQ(PseudoVersion("v1", "v1.2.3-pre", "20190102030405", "abcdefabcdef"),
            "v1.2.3-pre.0.20190102030405-abcdefabcdef");
  EXPECT_EQ(PseudoVersion("v2", "v2.0.0+incompatible", "20190102030405", "abcdefabcdef"),
            "v2.0.1-0.20190102030405-abcdefabcdef+incompatible");
  EXPECT_EQ(ZeroPseudoVersion("v0"), "v0.0.0-00010101000000-000000000000");
  EXPECT_TRUE(IsZeroPseudoVersion("v0.0.0-00010101000000-000000000000"));
}

TEST(Pseudo, Decompose) {
  std::string err;
  EXPECT_TRUE(IsPseudoVersion("v1.2.4-0.20190102030405-abcdefabcdef"));
  EXPECT_FALSE(IsPseudoVersion("v1.2.4"));
  EXPECT_FALSE(IsPseudoVersion("v1.2.4-pre"));
  EXPECT_EQ(PseudoVersionBase("v1.2.4-0.20190102030405-abcdefabcdef", &err), "v1.2.3");
  EXPECT_EQ(PseudoVersionBase("v1.2.10-0.20190102030405-abcdefabcdef", &err), "v1.2.9");
  EXPECT_EQ(PseudoVersionBase("v1.2.3-pre.0.20190102030405-abcdefabcdef", &err), "v1.2.3-pre");
  EXPECT_EQ(PseudoVersionBase("v0.0.0-20190102030405-abcdefabcdef", &err), "");
  EXPECT_EQ(PseudoVersionBase("v2.0.1-0.20190102030405-abcdefabcdef+incompatible", &err),
            "v2.0.0+incompatible");
  EXPECT_EQ(err, "");
  EXPECT_EQ(PseudoVersionRev("v1.2.4-0.20190102030405-abcdefabcdef", &err), "abcdefabcdef");
  EXPECT_EQ(PseudoVersionTime("v1.2.4-0.20190102030405-abcdefabcdef", &err), "20190102030405");
  EXPECT_EQ(PseudoVersionBase("v1.2.0-0.20190102030405-abcdefabcdef", &err), "");
  EXPECT_EQ(err,
            "pseudo-version \"v1.2.0-0.20190102030405-abcdefabcdef\" invalid: version before "
            "v1.2.0 would have negative patch number");
  err.clear();
  PseudoVersionTime("v1.2.4-0.20191302030405-abcdefabcdef", &err);
  EXPECT_EQ(err,
            "pseudo-version \"v1.2.4-0.20191302030405-abcdefabcdef\" invalid: malformed time "
            "\"20191302030405\"");
  err.clear();
  PseudoVersionRev("v1.2.3", &err);
  EXPECT_EQ(err, "pseudo-version \"v1.2.3\" invalid: syntax error");
}

}  // namespace
}  // namespace gotool::modcache::module
