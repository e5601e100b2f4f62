// Tests for minimal version selection: the cases in testdata/mvs/*.txt, and the
// graph and error helpers.
#include "modcache/mvs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace gotool::modcache::mvs {
namespace {

module::Version M(const std::string& s) { return {s.substr(0, 1), s.substr(1)}; }

std::vector<std::string> Fields(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string f; in >> f;) out.push_back(f);
  return out;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// TestReqs is the requirement graph of one case: versions compare as strings, ""
// above all and "none" below all.
class TestReqs : public UpgradeReqs, public DowngradeReqs {
 public:
  std::map<std::string, VersionList> reqs;      // key: "path@version"
  std::map<std::string, std::string> failures;  // key: "path@version"

  static std::string K(const module::Version& m) { return m.path + "@" + m.version; }
  void Mention(const module::Version& m) { reqs.emplace(K(m), VersionList{}); }

  Result<VersionList> Required(const module::Version& m) override {
    if (auto f = failures.find(K(m)); f != failures.end()) return Error{"", "", f->second};
    if (auto r = reqs.find(K(m)); r != reqs.end()) return r->second;
    return Error{"", "", "missing module"};
  }
  std::string Max(const std::string& v1, const std::string& v2) override {
    if (v1 == "none" || v2.empty()) return v2;
    if (v2 == "none" || v1.empty()) return v1;
    return v1 < v2 ? v2 : v1;
  }
  Result<module::Version> Upgrade(const module::Version& m) override {
    module::Version u{"", "none"};
    for (const auto& [k, _] : reqs) {
      module::Version v = SplitKey(k);
      if (v.path == m.path && Max(u.version, v.version) == v.version && !Hidden(v)) u = v;
    }
    if (u.path.empty()) return Error{"", "", "missing module: " + m.path};
    return u;
  }
  Result<module::Version> Previous(const module::Version& m) override {
    module::Version p;
    for (const auto& [k, _] : reqs) {
      module::Version v = SplitKey(k);
      if (v.path == m.path && p.version < v.version && v.version < m.version && !Hidden(v)) p = v;
    }
    if (p.path.empty()) return module::Version{m.path, "none"};
    return p;
  }

 private:
  static module::Version SplitKey(const std::string& k) {
    size_t at = k.find('@');
    return {k.substr(0, at), k.substr(at + 1)};
  }
  static bool Hidden(const module::Version& v) {
    return v.version.size() >= 7 && v.version.compare(v.version.size() - 7, 7, ".hidden") == 0;
  }
};

std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 'n' || s[i + 1] == 't')) {
      out += s[++i] == 'n' ? '\n' : '\t';
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string Show(const VersionList& list) {
  std::string out;
  for (const auto& m : list) out += (out.empty() ? "" : " ") + m.path + m.version;
  return out;
}

std::string Show(const BuildResult& r) {
  if (auto* e = std::get_if<BuildListError>(&r)) return "error " + e->Message();
  return Show(std::get<VersionList>(r));
}

std::string Show(const Result<VersionList>& r) {
  return r.ok() ? Show(r.value()) : "error " + r.error().Message();
}

VersionList Ms(const std::vector<std::string>& fields, size_t from) {
  VersionList out;
  for (size_t i = from; i < fields.size(); ++i) out.push_back(M(fields[i]));
  return out;
}

// RunCase evaluates one expectation line against reqs and returns what it got.
std::string RunCase(TestReqs& reqs, const std::vector<std::string>& kf) {
  module::Version target = M(kf[1]);
  if (kf[0] == "build") return Show(BuildList({target}, reqs));
  if (kf[0] == "req") {
    return Show(Req(target, std::vector<std::string>(kf.begin() + 2, kf.end()), reqs));
  }
  if (kf[0] == "upgrade*") return Show(UpgradeAll(target, reqs));
  if (kf[0] == "upgrade") return Show(Upgrade(target, reqs, Ms(kf, 2)));
  if (kf[0] == "upgradereq") {
    // The minimal requirements once the upgraded list replaces the target's.
    BuildResult up = Upgrade(target, reqs, Ms(kf, 2));
    if (std::holds_alternative<BuildListError>(up)) return Show(up);
    TestReqs up_reqs = reqs;
    up_reqs.reqs[TestReqs::K(target)] = std::get<VersionList>(up);
    return Show(Req(target, {}, up_reqs));
  }
  if (kf[0] == "downgrade") return Show(Downgrade(target, reqs, Ms(kf, 2)));
  return "unknown operation " + kf[0];
}

void RunFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  ASSERT_TRUE(in) << file;
  TestReqs reqs;
  std::string name, line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    size_t colon = line.find(':');
    ASSERT_NE(colon, std::string::npos) << file << ":" << lineno << ": missing colon";
    std::string key = Trim(line.substr(0, colon)), val = Trim(line.substr(colon + 1));
    std::vector<std::string> kf = Fields(key);
    ASSERT_FALSE(kf.empty()) << file << ":" << lineno;
    if (kf[0] == "name") {
      reqs = TestReqs();
      name = val;
    } else if (kf.size() == 1 && kf[0][0] >= 'A' && kf[0][0] <= 'Z') {
      module::Version m = M(kf[0]);
      if (!val.empty() && val[0] == '!') {
        reqs.failures[TestReqs::K(m)] = val.substr(1);
        reqs.Mention(m);
        continue;
      }
      VersionList rs;
      for (const auto& f : Fields(val)) {
        reqs.Mention(M(f));
        rs.push_back(M(f));
      }
      reqs.reqs[TestReqs::K(m)] = rs;
    } else {
      ASSERT_GE(kf.size(), 2u) << file << ":" << lineno;
      // Lists compare field by field, so expectations may be aligned with spaces.
      std::string want = val.rfind("error ", 0) == 0 ? Unescape(val) : Show(Ms(Fields(val), 0));
      EXPECT_EQ(RunCase(reqs, kf), want)
          << file.filename().string() << ":" << lineno << " (" << name << "): " << key;
    }
  }
}

TEST(MVSTest, TestdataCases) {
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator("modcache/testdata/mvs")) {
    if (e.path().extension() != ".txt") continue;
    ++files;
    RunFile(e.path());
  }
  EXPECT_GT(files, 0);
}

TEST(MVSTest, CmpVersion) {
  EXPECT_EQ(CmpVersion("", ""), 0);
  EXPECT_EQ(CmpVersion("", "v1.0.0"), 1);
  EXPECT_EQ(CmpVersion("v1.0.0", ""), -1);
  EXPECT_EQ(CmpVersion("none", "v0.0.1"), -1);
  EXPECT_EQ(CmpVersion("v1.10.0", "v1.9.0"), 1);
}

TEST(MVSTest, GraphBuildListKeepsRootOrder) {
  Graph g([](const std::string& a, const std::string& b) { return CmpVersion(a, b); },
          {{"z.com/m", ""}, {"z.com/m", ""}});
  g.Require({"z.com/m", ""}, {{"b.com/x", "v1.2.0"}, {"a.com/y", "v1.0.0"}, {"b.com/x", "v1.3.0"}});
  VersionList want{{"z.com/m", ""}, {"a.com/y", "v1.0.0"}, {"b.com/x", "v1.3.0"}};
  EXPECT_EQ(g.BuildList(), want);
  EXPECT_EQ(g.Selected("c.com/none"), "none");
  EXPECT_EQ(g.RequiredBy({"a.com/y", "v1.0.0"}), nullptr);
  std::vector<std::string> walked;
  g.WalkBreadthFirst([&](const module::Version& m) { walked.push_back(m.String()); });
  EXPECT_EQ(walked, (std::vector<std::string>{"z.com/m", "b.com/x@v1.2.0", "a.com/y@v1.0.0",
                                              "b.com/x@v1.3.0"}));
}

TEST(MVSTest, BuildListErrorText) {
  VersionList path{{"example.com/main", ""}, {"a.com/x", "v1.0.0"}, {"b.com/y", "v1.1.0"}};
  // An error about the failing module itself is printed as is.
  BuildListError same = NewBuildListError({"b.com/y", "v1.1.0", "reading go.mod: 404"}, path);
  EXPECT_EQ(same.Message(), "a.com/x@v1.0.0 requires\n\tb.com/y@v1.1.0: reading go.mod: 404");
  // An error about its replacement names both.
  BuildListError repl = NewBuildListError({"c.com/z", "v0.1.0", "missing go.mod"}, path);
  EXPECT_EQ(
      repl.Message(),
      "a.com/x@v1.0.0 requires\n\tb.com/y@v1.1.0 (replaced by c.com/z@v0.1.0): missing go.mod");
  EXPECT_EQ(repl.Module(), (module::Version{"b.com/y", "v1.1.0"}));
  // Only the main module on the path: the bare error.
  BuildListError top = NewBuildListError({"", "", "boom"}, {{"example.com/main", ""}});
  EXPECT_EQ(top.Message(), "boom");
  EXPECT_EQ((Error{"m.com/x", "", "bad"}).Message(), "module m.com/x: bad");
}

}  // namespace
}  // namespace gotool::modcache::mvs
