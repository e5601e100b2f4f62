// Tests for version queries (modload.Query's rules) over an in-memory repository,
// and for the -u, -retracted and -versions additions of `go list -m`.
#include "modcache/query.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "modcache/listm.h"
#include "modcache/pseudo.h"
#include "modcache/semver.h"

namespace gotool::modcache {
namespace {

// FakeRepo is a repository of tagged versions with times; versions in no_go_mod
// have a synthesized go.mod, and latest answers @latest when set.
class FakeRepo : public QueryRepo {
 public:
  std::map<std::string, std::string> tags;  // version -> RFC 3339 time
  std::set<std::string> no_go_mod;
  std::optional<std::string> latest;
  int stats = 0;

  Result<std::vector<std::string>> Versions(const std::string& prefix) override {
    std::vector<std::string> out;
    for (const auto& [v, _] : tags)
      if (v.starts_with(prefix) && !module::IsPseudoVersion(v)) out.push_back(v);
    std::sort(out.begin(), out.end(),
              [](const std::string& a, const std::string& b) { return semver::Compare(a, b) < 0; });
    return out;
  }
  Result<RevInfo> Stat(const std::string& rev) override {
    ++stats;
    auto it = tags.find(rev);
    if (it == tags.end()) return Error{"m.com/x@" + rev + ": not found", true};
    return RevInfo{rev, it->second, ""};
  }
  Result<RevInfo> Latest() override {
    if (!latest) return Error{"module m.com/x: no @latest", true};
    return RevInfo{*latest, tags[*latest], ""};
  }
  Result<bool> HasGoMod(const std::string& v) override { return no_go_mod.count(v) == 0; }
};

std::string Resolve(FakeRepo& repo, const std::string& query, const std::string& current = "",
                    const AllowedFunc& allowed = nullptr, const std::string& path = "m.com/x") {
  QueryResult r = Query(repo, path, query, current, allowed);
  if (const auto* e = std::get_if<QueryError>(&r))
    return "error: " + QueryErrorFor(path, query, *e).Message();
  return std::get<RevInfo>(r).version;
}

FakeRepo Standard() {
  FakeRepo r;
  for (const char* v :
       {"v1.0.0", "v1.1.0", "v1.1.1", "v1.2.0", "v1.3.0-pre", "v2.0.0+incompatible"})
    r.tags[v] = "2020-01-01T00:00:00Z";
  return r;
}

TEST(Query, LatestPrefersReleasesAndSkipsIncompatibleAfterGoMod) {
  FakeRepo r = Standard();
  EXPECT_EQ(Resolve(r, "latest"), "v1.2.0");
  // Without a go.mod in the highest compatible version, +incompatible counts.
  r.no_go_mod.insert("v1.3.0-pre");
  EXPECT_EQ(Resolve(r, "latest"), "v2.0.0+incompatible");
}

TEST(Query, UpgradeNeverGoesDownAndPreReleasesOnlyAsLastResort) {
  FakeRepo r = Standard();
  EXPECT_EQ(Resolve(r, "upgrade", "v1.1.0"), "v1.2.0");
  // A current pre-release above every release stays.
  r.tags["v1.4.0-pre"] = "2020-01-01T00:00:00Z";
  EXPECT_EQ(Resolve(r, "upgrade", "v1.4.0-pre"), "v1.4.0-pre");
  // A current +incompatible version lets +incompatible upgrades count.
  r.tags["v2.1.0+incompatible"] = "2020-01-01T00:00:00Z";
  EXPECT_EQ(Resolve(r, "upgrade", "v2.0.0+incompatible"), "v2.1.0+incompatible");
}

TEST(Query, UpgradeFromPseudoVersionKeepsNewerCommit) {
  FakeRepo r;
  r.tags["v0.1.0"] = "2019-04-29T07:30:00Z";
  r.tags["v0.0.0-20190430073000-30950c05d534"] = "2019-04-30T07:30:00Z";
  EXPECT_EQ(Resolve(r, "upgrade", "v0.0.0-20190430073000-30950c05d534"),
            "v0.0.0-20190430073000-30950c05d534");
  EXPECT_EQ(Resolve(r, "latest", "v0.0.0-20190430073000-30950c05d534"), "v0.1.0");
}

TEST(Query, PatchPrefixAndRanges) {
  FakeRepo r = Standard();
  EXPECT_EQ(Resolve(r, "patch", "v1.1.0"), "v1.1.1");
  EXPECT_EQ(Resolve(r, "patch", "none"),
            "error: m.com/x@patch: can't query version \"patch\" of module m.com/x: no existing "
            "version is required");
  EXPECT_EQ(Resolve(r, "v1.1"), "v1.1.1");
  EXPECT_EQ(Resolve(r, "v1"), "v1.2.0");
  EXPECT_EQ(Resolve(r, "<v1.1.1"), "v1.1.0");
  EXPECT_EQ(Resolve(r, ">=v1.1.0"), "v1.1.0");
  EXPECT_EQ(Resolve(r, ">v1.2.0"), "v1.3.0-pre");
  EXPECT_EQ(Resolve(r, "v1.9"), "error: module m.com/x: no matching versions for query \"v1.9\"");
  EXPECT_EQ(Resolve(r, ">x"), "error: m.com/x@>x: invalid semantic version \"x\" in range \">x\"");
  EXPECT_EQ(Resolve(r, "<=v1.2"),
            "error: m.com/x@<=v1.2: ambiguous semantic version \"v1.2\" in range \"<=v1.2\"");
}

TEST(Query, DisallowedVersionsAreSkippedButNamedOnesAreChecked) {
  FakeRepo r = Standard();
  AllowedFunc no_v120 = [](const std::string& v) -> std::optional<mvs::Error> {
    if (v == "v1.2.0") return mvs::Error{"m.com/x", v, "retracted by module author"};
    return std::nullopt;
  };
  EXPECT_EQ(Resolve(r, "latest", "", no_v120), "v1.1.1");
  EXPECT_EQ(Resolve(r, "v1.2.0", "", no_v120), "error: m.com/x@v1.2.0: retracted by module author");
  // Upgrading from a disallowed version with nothing newer allowed is ErrDisallowed.
  r.tags.erase("v1.3.0-pre");
  r.tags.erase("v2.0.0+incompatible");
  QueryResult q = Query(r, "m.com/x", "upgrade", "v1.2.0", no_v120);
  ASSERT_TRUE(std::holds_alternative<QueryError>(q));
  EXPECT_EQ(std::get<QueryError>(q).kind, QueryError::kDisallowed);
}

TEST(Query, FallsBackToLatestOnlyWhenNoTagMatches) {
  FakeRepo r;
  r.tags["v0.0.0-20200101000000-0123456789ab"] = "2020-01-01T00:00:00Z";
  EXPECT_EQ(Resolve(r, "latest"),
            "error: module m.com/x: no matching versions for query \"latest\"");
  r.latest = "v0.0.0-20200101000000-0123456789ab";
  EXPECT_EQ(Resolve(r, "latest"), "v0.0.0-20200101000000-0123456789ab");
  EXPECT_EQ(Resolve(r, "v1"), "error: module m.com/x: no matching versions for query \"v1\"");
}

TEST(Query, IsRevisionQuery) {
  EXPECT_TRUE(IsRevisionQuery("v1.2.3"));
  EXPECT_TRUE(IsRevisionQuery("master"));
  EXPECT_FALSE(IsRevisionQuery("v1.2"));
  EXPECT_FALSE(IsRevisionQuery("<v1.2.3"));
  EXPECT_FALSE(IsRevisionQuery("upgrade"));
}

// ListCache answers the list additions from fixed tables.
class ListCache : public ModuleCache {
 public:
  std::map<std::string, QueryResult> upgrades;          // by path
  std::map<std::string, RetractionResult> retractions;  // by path@version
  std::map<std::string, std::string> deprecations;      // by path

  mvs::Result<std::string> Time(const module::Version&) override { return std::string(); }
  std::string GoModPath(const module::Version&) override { return ""; }
  std::string Dir(const module::Version&) override { return ""; }
  mvs::Result<std::vector<std::string>> Versions(const std::string&, bool retracted) override {
    if (retracted) return std::vector<std::string>{"v1.0.0", "v1.1.0"};
    return std::vector<std::string>{"v1.1.0"};
  }
  std::string AbsDir(const std::string& dir) override { return dir; }
  QueryResult Upgrade(const std::string& path, const std::string&) override {
    return upgrades.at(path);
  }
  RetractionResult Retraction(const module::Version& m) override {
    auto it = retractions.find(m.path + "@" + m.version);
    return it == retractions.end() ? RetractionResult{} : it->second;
  }
  mvs::Result<std::string> Deprecation(const module::Version& m, QueryError::Kind* kind) override {
    *kind = QueryError::kOther;
    return deprecations.count(m.path) ? deprecations[m.path] : std::string();
  }
};

ModulePublic Module(const std::string& path, const std::string& version) {
  ModulePublic m;
  m.path = path;
  m.version = version;
  return m;
}

TEST(ListInfo, UpdateOnlyAboveCurrentAndIgnorableErrors) {
  ListCache c;
  c.upgrades.emplace("a.com/up", RevInfo{"v1.2.0", "", ""});
  c.upgrades.emplace("a.com/same", RevInfo{"v1.0.0", "", ""});
  c.upgrades.emplace("a.com/gone", QueryError{{"", "", "404"}, QueryError::kNotExist, true});
  c.upgrades.emplace("a.com/bad",
                     QueryError{{"", "", "module a.com/bad: 500"}, QueryError::kOther, true});
  ListMode mode;
  mode.update = true;
  ModulePublic up = Module("a.com/up", "v1.0.0"), same = Module("a.com/same", "v1.0.0");
  ModulePublic gone = Module("a.com/gone", "v1.0.0"), bad = Module("a.com/bad", "v1.0.0");
  for (ModulePublic* m : {&up, &same, &gone, &bad}) AddListInfo(c, mode, m);
  ASSERT_TRUE(up.update);
  EXPECT_EQ(ModuleString(up), "a.com/up v1.0.0 [v1.2.0]");
  EXPECT_EQ(up.update->time, "0001-01-01T00:00:00Z");
  EXPECT_FALSE(same.update);
  EXPECT_FALSE(gone.update);
  EXPECT_FALSE(gone.error);
  EXPECT_EQ(bad.error.value_or(""), "module a.com/bad: 500");
}

TEST(ListInfo, RetractionAndDeprecationWithUpdate) {
  ListCache c;
  c.upgrades.emplace("a.com/r", RevInfo{"v1.1.0", "2020-01-01T00:00:00Z", ""});
  c.retractions["a.com/r@v1.0.0"] = RetractionResult{true, {}, std::nullopt};
  c.retractions["a.com/why@v1.0.0"] = RetractionResult{true, {"bad", "worse"}, std::nullopt};
  c.deprecations["a.com/r"] = "use b";
  ListMode u;
  u.update = true;
  ModulePublic r = Module("a.com/r", "v1.0.0");
  AddListInfo(c, u, &r);
  EXPECT_EQ(ModuleString(r), "a.com/r v1.0.0 (retracted) [v1.1.0] (deprecated)");
  EXPECT_EQ(r.retracted, std::vector<std::string>{"retracted by module author"});
  // -retracted alone: rationales as written, no update, no deprecation.
  ListMode rt;
  rt.retracted = true;
  ModulePublic why = Module("a.com/why", "v1.0.0");
  AddListInfo(c, rt, &why);
  EXPECT_EQ(why.retracted, (std::vector<std::string>{"bad", "worse"}));
  EXPECT_FALSE(why.update);
  ModulePublic plain = Module("a.com/r", "v1.0.0");
  AddListInfo(c, rt, &plain);
  EXPECT_TRUE(plain.deprecated.empty());
}

TEST(ListInfo, VersionsListRetractedOnlyWithRetracted) {
  ListCache c;
  ListMode v;
  v.versions = true;
  ModulePublic a = Module("a.com/v", "");
  AddListInfo(c, v, &a);
  EXPECT_EQ(a.versions, std::vector<std::string>{"v1.1.0"});
  v.retracted = true;
  ModulePublic b = Module("a.com/v", "");
  AddListInfo(c, v, &b);
  EXPECT_EQ(b.versions, (std::vector<std::string>{"v1.0.0", "v1.1.0"}));
}

TEST(ModulePattern, DotsAndTrailingSlashDots) {
  EXPECT_TRUE(ModulePattern("rsc.io/...").Match("rsc.io"));
  EXPECT_TRUE(ModulePattern("rsc.io/...").Match("rsc.io/quote/v3"));
  EXPECT_FALSE(ModulePattern("rsc.io/...").Match("rsc.iox"));
  EXPECT_TRUE(ModulePattern("rsc.io/quote...").Match("rsc.io/quote"));
  EXPECT_TRUE(ModulePattern("rsc.io/quote...").Match("rsc.io/quotex/y"));
  EXPECT_TRUE(ModulePattern("example.com/.../a").Match("example.com/deprecated/a"));
  EXPECT_FALSE(ModulePattern("example.com/.../a").Match("example.com/deprecated/b"));
  EXPECT_TRUE(ModulePattern("...").Match("golang.org/x/text"));
  // "..." does not reach into vendor elements; regexp characters are literal.
  EXPECT_FALSE(ModulePattern("a.com/...").Match("a.com/vendor/b"));
  EXPECT_FALSE(ModulePattern("a.com/x+y").Match("a.com/xxy"));
  EXPECT_TRUE(ModulePattern("a.com/x+y").Match("a.com/x+y"));
}

}  // namespace
}  // namespace gotool::modcache
