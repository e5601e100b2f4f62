// Tests for the module graph and `go list -m`: each testdata/modgraph/*.txtar holds a
// main go.mod (in $WORK/m), directory replacements (../dir/go.mod), dependency .mod
// and .info files as a proxy serves them (cache/PATH/@v/VERSION.*), and the
// "stdout CMD" and "stderr CMD" that go 1.19 printed for `go CMD`. They were
// recorded with the archive's files served as GOPROXY=file://$PROXY, GOFLAGS=-mod=mod,
// GOSUMDB=off and an empty GOMODCACHE; machine paths were replaced by $WORK,
// $GOMODCACHE and $PROXY.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "modcache/graph.h"
#include "modcache/listm.h"
#include "modcache/semver.h"
#include "pkg/base/txtar.h"

namespace gotool::modcache {
namespace {

// Archive serves the files of a test archive as a proxy and a module cache would.
class Archive : public GoModSource, public ModuleCache {
 public:
  explicit Archive(const base::Txtar& a) {
    for (const auto& f : a.files) files_[f.name] = f.data;
  }
  const std::string* File(const std::string& name) const {
    auto it = files_.find(name);
    return it == files_.end() ? nullptr : &it->second;
  }
  static std::string VPath(const module::Version& m, const std::string& ext) {
    return m.path + "/@v/" + m.version + ext;
  }

  mvs::Result<GoModFile> GoMod(const module::Version& m) override {
    if (m.version.empty()) {
      std::string name = m.path + "/go.mod";
      if (const std::string* d = File(name)) return GoModFile{name, *d};
      return mvs::Error{m.path, "", "reading " + name + ": no such file or directory"};
    }
    if (const std::string* d = File("cache/" + VPath(m, ".mod"))) return GoModFile{"go.mod", *d};
    return Missing(m, VPath(m, ".mod"));
  }
  mvs::Result<std::string> Time(const module::Version& m) override {
    const std::string* d = File("cache/" + VPath(m, ".info"));
    if (!d) return Missing(m, VPath(m, ".info"));
    size_t t = d->find("\"Time\":\"");
    return d->substr(t + 8, d->find('"', t + 8) - t - 8);
  }
  std::string GoModPath(const module::Version& m) override {
    return File("cache/" + VPath(m, ".mod")) ? "$GOMODCACHE/cache/download/" + VPath(m, ".mod")
                                             : "";
  }
  std::string Dir(const module::Version&) override { return ""; }
  mvs::Result<std::vector<std::string>> Versions(const std::string& path, bool) override {
    std::vector<std::string> out;
    std::string prefix = "cache/" + path + "/@v/";
    for (const auto& [name, _] : files_) {
      if (name.rfind(prefix, 0) == 0 && name.size() > prefix.size() + 4 &&
          name.compare(name.size() - 4, 4, ".mod") == 0 &&
          name.find('/', prefix.size()) == std::string::npos) {
        out.push_back(name.substr(prefix.size(), name.size() - prefix.size() - 4));
      }
    }
    if (out.empty()) {
      return mvs::Error{path, "",
                        "reading file://$PROXY/" + path + "/@v/list: no such file or directory"};
    }
    semver::Sort(&out);
    return out;
  }
  std::string AbsDir(const std::string& dir) override {
    return (std::filesystem::path("$WORK/m") / dir).lexically_normal().string();
  }
  // The recorded commands use neither -u nor -retracted.
  QueryResult Upgrade(const std::string& path, const std::string&) override {
    return QueryError{{path, "", "not recorded"}, QueryError::kNotExist};
  }
  RetractionResult Retraction(const module::Version&) override { return {}; }
  mvs::Result<std::string> Deprecation(const module::Version&, QueryError::Kind* kind) override {
    *kind = QueryError::kOther;
    return std::string();
  }

 private:
  static mvs::Error Missing(const module::Version& m, const std::string& file) {
    return {m.path, m.version, "reading file://$PROXY/" + file + ": no such file or directory"};
  }
  std::map<std::string, std::string> files_;
};

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

struct Output {
  std::string stdout_text, stderr_text;
};

// Run runs one recorded command ("mod graph [-go=V]" or "list -m [flags] args").
Output Run(const modfile::File& main, Archive& ar, const std::string& cmd) {
  std::istringstream in(cmd);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  ModGraphOptions opts;
  bool json = false;
  ListMode mode;
  std::vector<std::string> args;
  for (size_t i = 2; i < words.size(); ++i) {
    if (words[i].rfind("-go=", 0) == 0)
      opts.go_version = words[i].substr(4);
    else if (words[i] == "-json")
      json = true;
    else if (words[i] == "-versions")
      mode.versions = true;
    else
      args.push_back(words[i]);
  }
  auto loaded = ModuleGraph::Load(main, ar, opts);
  if (!loaded.ok()) return {"", loaded.error().Message() + "\n"};
  const ModuleGraph& mg = *loaded.value();
  Output out{"", Join(mg.warnings())};
  if (words[0] == "mod") {
    if (mg.error())
      out.stderr_text += "go: " + *mg.error() + "\n";
    else
      out.stdout_text = FormatModGraph(mg);
    return out;
  }
  ListResult r = ListModules(mg, {"$WORK/m", "$WORK/m/go.mod"}, ar, ar, args, mode);
  if (!r.errors.empty())
    out.stderr_text += Join(r.errors);
  else
    out.stdout_text = FormatListResult(r, json, mode.versions && !json);
  return out;
}

void RunArchive(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  base::Txtar a = base::ParseTxtar(ss.str());
  Archive ar(a);
  const std::string* gomod = ar.File("go.mod");
  ASSERT_NE(gomod, nullptr) << file;
  std::vector<modfile::Error> errs;
  auto main = modfile::Parse("go.mod", *gomod, nullptr, &errs);
  ASSERT_TRUE(main) << file << ": " << modfile::ErrorMessages(errs);
  int cmds = 0;
  for (const auto& f : a.files) {
    if (f.name.rfind("stdout ", 0) != 0) continue;
    std::string cmd = f.name.substr(7);
    const std::string* want_err = ar.File("stderr " + cmd);
    Output got = Run(*main, ar, cmd);
    EXPECT_EQ(got.stdout_text, f.data) << file.filename().string() << ": go " << cmd << " (stdout)";
    EXPECT_EQ(got.stderr_text, want_err ? *want_err : "")
        << file.filename().string() << ": go " << cmd << " (stderr)";
    ++cmds;
  }
  EXPECT_GT(cmds, 0) << file;
}

TEST(ModGraphTest, RecordedCommands) {
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator("modcache/testdata/modgraph")) {
    if (e.path().extension() != ".txtar") continue;
    ++files;
    SCOPED_TRACE(e.path().string());
    RunArchive(e.path());
  }
  EXPECT_GT(files, 0);
}

TEST(ModGraphTest, PrunedGoVersions) {
  EXPECT_FALSE(IsPrunedGoVersion(""));
  EXPECT_FALSE(IsPrunedGoVersion("1.16"));
  EXPECT_TRUE(IsPrunedGoVersion("1.17"));
  EXPECT_TRUE(IsPrunedGoVersion("1.21.0"));
}

TEST(ModGraphTest, ExcludedRootWithoutModMod) {
  std::vector<modfile::Error> errs;
  auto f = modfile::Parse("go.mod",
                          "module m.com/x\n\ngo 1.17\n\nrequire a.com/y v1.0.0\n\n"
                          "exclude a.com/y v1.0.0\n",
                          nullptr, &errs);
  ASSERT_TRUE(f);
  Archive empty(base::Txtar{});
  ModGraphOptions opts;
  opts.build_mod_mod = false;
  auto mg = ModuleGraph::Load(*f, empty, opts);
  ASSERT_TRUE(mg.ok());
  EXPECT_EQ(
      mg.value()->warnings(),
      std::vector<std::string>{"go: ignoring requirement on excluded version a.com/y v1.0.0"});
  EXPECT_EQ(FormatModGraph(*mg.value()), "");
  EXPECT_EQ(mg.value()->BuildList(), (mvs::VersionList{{"m.com/x", ""}}));
}

TEST(ModGraphTest, ConflictingReplacements) {
  std::vector<modfile::Error> errs;
  auto f = modfile::Parse("go.mod",
                          "module m.com/x\n\nreplace a.com/y v1.0.0 => ./y1\n\n"
                          "replace a.com/y v1.0.0 => ./y2\n",
                          nullptr, &errs);
  ASSERT_TRUE(f);
  std::string err;
  Replacements::FromFile(*f, &err);
  EXPECT_EQ(err, "go: conflicting replacements for a.com/y@v1.0.0:\n\t./y1\n\t./y2");
}

TEST(ListMTest, StringForms) {
  ModulePublic m;
  m.path = "a.com/x";
  m.version = "v1.0.0";
  m.retracted = {"bad"};
  m.update = std::make_shared<ModulePublic>();
  m.update->version = "v1.1.0";
  m.deprecated = "use b";
  m.replace = std::make_shared<ModulePublic>();
  m.replace->path = "b.com/x";
  m.replace->version = "v0.1.0";
  EXPECT_EQ(ModuleString(m), "a.com/x v1.0.0 (retracted) [v1.1.0] (deprecated) => b.com/x v0.1.0");
}

TEST(ListMTest, JSONOmitsEmptyAndNestsError) {
  ModulePublic m;
  m.path = "a.com/<x>";
  m.error = "boom";
  m.retracted = {"r1"};
  EXPECT_EQ(ModuleJSON(m),
            "{\n\t\"Path\": \"a.com/\\u003cx\\u003e\",\n\t\"Retracted\": [\n\t\t\"r1\"\n\t],\n"
            "\t\"Error\": {\n\t\t\"Err\": \"boom\"\n\t}\n}\n");
}

}  // namespace
}  // namespace gotool::modcache
