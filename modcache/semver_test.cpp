// Tests for semver: validity, canonical forms, parts and precedence.
#include "modcache/semver.h"

#include <gtest/gtest.h>

namespace gotool::modcache::semver {
namespace {

struct Case {
  const char* in;
  const char* canonical;  // "" when invalid
};

const Case kCases[] = {
    {"bad", ""},
    {"v1-alpha.beta.gamma", ""},
    {"v1-pre", ""},
    {"v1+meta", ""},
    {"v1-pre+meta", ""},
    {"v1.2-pre", ""},
    {"v1.2+meta", ""},
    {"v1.2-pre+meta", ""},
    {"v1.0.0-alpha", "v1.0.0-alpha"},
    {"v1.0.0-alpha.1", "v1.0.0-alpha.1"},
    {"v1.0.0-alpha.beta", "v1.0.0-alpha.beta"},
    {"v1.0.0-beta", "v1.0.0-beta"},
    {"v1.0.0-beta.2", "v1.0.0-beta.2"},
    {"v1.0.0-beta.11", "v1.0.0-beta.11"},
    {"v1.0.0-rc.1", "v1.0.0-rc.1"},
    {"v1", "v1.0.0"},
    {"v1.0", "v1.0.0"},
    {"v1.0.0", "v1.0.0"},
    {"v1.2", "v1.2.0"},
    {"v1.2.0", "v1.2.0"},
    {"v1.2.3-456", "v1.2.3-456"},
    {"v1.2.3-456.789", "v1.2.3-456.789"},
    {"v1.2.3-456-789", "v1.2.3-456-789"},
    {"v1.2.3-456a", "v1.2.3-456a"},
    {"v1.2.3-pre", "v1.2.3-pre"},
    {"v1.2.3-pre+meta", "v1.2.3-pre"},
    {"v1.2.3-pre.1", "v1.2.3-pre.1"},
    {"v1.2.3-zzz", "v1.2.3-zzz"},
    {"v1.2.3", "v1.2.3"},
    {"v1.2.3+meta", "v1.2.3"},
    {"v1.2.3+meta-pre", "v1.2.3"},
    {"v1.2.3+meta-pre.sha.256a", "v1.2.3"},
};

TEST(Semver, IsValidAndCanonical) {
  for (const Case& c : kCases) {
    EXPECT_EQ(IsValid(c.in), *c.canonical != '\0') << c.in;
    EXPECT_EQ(Canonical(c.in), c.canonical) << c.in;
  }
}

TEST(Semver, RejectsLeadingZerosAndEmptyIdentifiers) {
  EXPECT_FALSE(IsValid("v01.2.3"));
  EXPECT_FALSE(IsValid("v1.02.3"));
  EXPECT_FALSE(IsValid("v1.2.03"));
  EXPECT_FALSE(IsValid("v1.2.3-01"));
  EXPECT_TRUE(IsValid("v1.2.3-0a"));
  EXPECT_FALSE(IsValid("v1.2.3-"));
  EXPECT_FALSE(IsValid("v1.2.3-a..b"));
  EXPECT_FALSE(IsValid("v1.2.3+"));
  EXPECT_TRUE(IsValid("v1.2.3+01"));
  EXPECT_FALSE(IsValid("1.2.3"));
}

TEST(Semver, Parts) {
  EXPECT_EQ(Major("v1.2.3"), "v1");
  EXPECT_EQ(Major("v2"), "v2");
  EXPECT_EQ(Major("bad"), "");
  EXPECT_EQ(MajorMinor("v1.2.3"), "v1.2");
  EXPECT_EQ(MajorMinor("v1"), "v1.0");
  EXPECT_EQ(Prerelease("v1.2.3-pre+meta"), "-pre");
  EXPECT_EQ(Build("v1.2.3-pre+meta"), "+meta");
  EXPECT_EQ(Build("v2.0.0+incompatible"), "+incompatible");
  EXPECT_EQ(Prerelease("v1.2"), "");
}

TEST(Semver, CompareOrdersTheCaseList) {
  // kCases from "v1.0.0-alpha" on are in increasing order, with equal neighbours
  // sharing a canonical form.
  for (std::size_t i = 8; i < std::size(kCases); ++i) {
    for (std::size_t j = 8; j < std::size(kCases); ++j) {
      std::string ci = kCases[i].canonical, cj = kCases[j].canonical;
      int want = ci == cj ? 0 : (i < j ? -1 : 1);
      EXPECT_EQ(Compare(kCases[i].in, kCases[j].in), want) << kCases[i].in << " " << kCases[j].in;
    }
  }
  EXPECT_EQ(Compare("bad", "v0.0.0"), -1);
  EXPECT_EQ(Compare("bad", "worse"), 0);
}

TEST(Semver, MaxAndSort) {
  EXPECT_EQ(Max("v1.2", "v1.1.9"), "v1.2.0");
  EXPECT_EQ(Max("bad", "v1.0.0"), "v1.0.0");
  std::vector<std::string> v{"v1.10.0", "v1.2.0", "v1.2", "bad", "v1.2.0-pre"};
  Sort(&v);
  EXPECT_EQ(v, (std::vector<std::string>{"bad", "v1.2.0-pre", "v1.2", "v1.2.0", "v1.10.0"}));
}

}  // namespace
}  // namespace gotool::modcache::semver
