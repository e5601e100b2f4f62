// Tests of main-module loading, go.sum bookkeeping and the mod download, graph,
// verify and list -m libraries against the test proxy over testdata/mod.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "modcache/cache.h"
#include "modcache/modcmd.h"
#include "modcache/modload.h"
#include "pkg/scripttest/proxy.h"

namespace gotool::modcache {
namespace {

namespace fs = std::filesystem;

std::string Read(const std::string& file) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Write(const std::string& file, const std::string& data) {
  fs::create_directories(fs::path(file).parent_path());
  std::ofstream(file) << data;
}

TEST(ModLoad, FindModuleRoot) {
  std::string tmp = fs::temp_directory_path() / "gotool-modload-root-XXXXXX";
  ASSERT_NE(::mkdtemp(tmp.data()), nullptr);
  Write(tmp + "/m/go.mod", "module example.com/m\n");
  fs::create_directories(tmp + "/m/a/b");
  EXPECT_EQ(FindModuleRoot(tmp + "/m/a/b"), tmp + "/m");
  EXPECT_EQ(FindModuleRoot(tmp + "/m"), tmp + "/m");
  EXPECT_EQ(FindModuleRoot(tmp), "");
  fs::remove_all(tmp);
}

// MapSource serves go.mod files from a map by "path@version".
class MapSource : public GoModSource {
 public:
  explicit MapSource(std::map<std::string, std::string> mods) : mods_(std::move(mods)) {}
  mvs::Result<GoModFile> GoMod(const module::Version& m) override {
    auto it = mods_.find(m.path + "@" + m.version);
    if (it == mods_.end()) return mvs::Error{m.path, m.version, "not found"};
    return GoModFile{"go.mod", it->second};
  }

 private:
  std::map<std::string, std::string> mods_;
};

// RequirementsChanged rewrites go.mod only when its content changes, as the go
// command's modFileIsDirty decides: not for layout alone (blocks out of order, blank
// lines, a wrong indirect mark on a requirement, comments), which go 1.19 leaves as it
// is (each of these checked with `go list -m all`); and when the roots change, the
// whole file is rewritten with its blocks sorted, as go writes it.
TEST(ModLoad, RequirementsChangedOnlyForContent) {
  MapSource src({{"example.com/a@v1.0.0", "module example.com/a\n\ngo 1.17\n"},
                 {"example.com/a@v1.1.0", "module example.com/a\n\ngo 1.17\n"},
                 {"example.com/b@v1.1.0", "module example.com/b\n\ngo 1.17\n"},
                 {"example.com/b@v1.2.0",
                  "module example.com/b\n\ngo 1.17\n\nrequire example.com/a v1.1.0\n"},
                 {"example.com/c@v1.2.0", "module example.com/c\n\ngo 1.17\n"}});
  const std::string reqs = "\texample.com/a v1.0.0\n\texample.com/b v1.1.0\n";
  struct Case {
    std::string text;
    std::string want;  // the rewritten go.mod, "" for none
  };
  for (const Case& c : std::vector<Case>{
           {"module m\n\ngo 1.17\n\nrequire (\n" + reqs + ")\n", ""},
           {"module m\n\ngo 1.17\n\nrequire (\n" + reqs + "\texample.com/c v1.2.0\n)\n", ""},
           {"module m\n\ngo 1.17\n\nrequire (\n\texample.com/b v1.1.0\n\texample.com/a v1.0.0\n)\n",
            ""},
           {"module m\n\ngo 1.17\nrequire (\n" + reqs + ")\nexclude example.com/x v1.0.0\n", ""},
           {"module m\n\ngo 1.17\n\nrequire (\n" + reqs + ")\n\nreplace example.com/c => ../c\n",
            ""},
           {"module m\n\ngo 1.17\n\nrequire (\n" + reqs +
                ")\n\nreplace (\n\texample.com/c => ../c\n\texample.com/b => ../b\n)\n",
            ""},
           {"module m\n\ngo 1.17\n\nrequire (\n\texample.com/a v1.0.0 // indirect\n"
            "\texample.com/b v1.1.0\n)\n",
            ""},
           {"module m\n\ngo 1.17\n\nrequire (\n\texample.com/a v1.0.0\n\n\texample.com/b "
            "v1.1.0\n)\n",
            ""},
           {"module m\n\ngo 1.16\n\nrequire (\n" + reqs + ")\n", ""},
           // b v1.2.0 needs a v1.1.0: the root a goes up, and the replace block is sorted.
           {"module m\n\ngo 1.17\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.2.0\n)\n"
            "\nreplace (\n\texample.com/d => ../d\n\texample.com/c => ../c\n)\n",
            "module m\n\ngo 1.17\n\nrequire (\n\texample.com/a v1.1.0\n\texample.com/b v1.2.0\n)\n"
            "\nreplace (\n\texample.com/c => ../c\n\texample.com/d => ../d\n)\n"},
       }) {
    std::vector<modfile::Error> errs;
    MainModule main;
    main.gomod_file = "go.mod";
    main.gomod_data = c.text;
    main.file = modfile::Parse("go.mod", c.text, nullptr, &errs);
    ASSERT_NE(main.file, nullptr) << c.text;
    auto mg = ModuleGraph::Load(*main.file, src);
    ASSERT_TRUE(mg.ok()) << c.text;
    std::string updated;
    EXPECT_EQ(RequirementsChanged(*mg.value(), main, &updated), !c.want.empty()) << c.text;
    if (!c.want.empty()) {
      EXPECT_EQ(updated, c.want) << c.text;
    }
  }
}

TEST(ModLoad, SumStateAddsOnlyKeptSums) {
  std::string tmp = fs::temp_directory_path() / "gotool-modload-sum-XXXXXX";
  ASSERT_NE(::mkdtemp(tmp.data()), nullptr);
  std::string file = tmp + "/go.sum";
  Write(file, "example.com/a v1.0.0/go.mod h1:A=\n");
  SumState s;
  ASSERT_EQ(s.Load(file), "");
  s.Use({"example.com/a", "v1.0.0/go.mod"}, "h1:A=");  // already there
  EXPECT_FALSE(s.Dirty({{"example.com/a", "v1.0.0/go.mod"}}));
  s.Use({"example.com/b", "v1.0.0"}, "h1:B=");
  s.Use({"example.com/c", "v1.0.0"}, "h1:C=");
  SumKeySet keep{{"example.com/b", "v1.0.0"}};
  EXPECT_TRUE(s.Dirty(keep));
  ASSERT_EQ(s.Write(keep), "");
  EXPECT_EQ(Read(file), "example.com/a v1.0.0/go.mod h1:A=\nexample.com/b v1.0.0 h1:B=\n");
  EXPECT_FALSE(s.Dirty(keep));

  // A missing go.sum is created only when a kept sum is added.
  SumState fresh;
  ASSERT_EQ(fresh.Load(tmp + "/none.sum"), "");
  ASSERT_EQ(fresh.Write({}), "");
  EXPECT_FALSE(fs::exists(tmp + "/none.sum"));
  fs::remove_all(tmp);
}

// ModCmdTest runs the commands in a fresh module against the test proxy.
class ModCmdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(proxy_.Load("testdata/mod"), "");
    ASSERT_EQ(proxy_.Start(), "");
    tmp_ = fs::temp_directory_path() / "gotool-modcmd-test-XXXXXX";
    ASSERT_NE(::mkdtemp(tmp_.data()), nullptr);
    req_.cwd = tmp_ + "/m";
    req_.env.proxy.goproxy = proxy_.URL();
    req_.env.gomodcache = tmp_ + "/modcache";
    Write(req_.cwd + "/go.mod",
          "module example.com/m\n\ngo 1.18\n\nrequire example.com/dep v1.0.0\n");
  }
  void TearDown() override {
    proxy_.Stop();
    cache::RemoveTree(tmp_);
  }
  CommandResult Run(CommandResult (*cmd)(const ModRequest&), std::vector<std::string> args) {
    req_.args = std::move(args);
    return cmd(req_);
  }

  scripttest::TestProxy proxy_;
  std::string tmp_;
  ModRequest req_;
};

TEST_F(ModCmdTest, DownloadGraphVerifyList) {
  CommandResult r = Run(ModDownload, {});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(Read(req_.cwd + "/go.sum"),
            "example.com/dep v1.0.0/go.mod h1:zVaMeC74awCLnujBeBi+leApdfqRwEI7gSQqdsVbzWU=\n");
  EXPECT_TRUE(fs::exists(tmp_ + "/modcache/example.com/dep@v1.0.0/dep.go"));
  EXPECT_TRUE(fs::exists(tmp_ + "/modcache/cache/lock"));
  // Cache files get 0666 less the umask, even when written by parallel downloads.
  mode_t mask = ::umask(0);
  ::umask(mask);
  for (const char* f : {"dep/@v/v1.0.0.info", "dep/@v/v1.0.0.mod", "dep/@v/v1.0.0.zip",
                        "dep/@v/v1.0.0.ziphash", "dep/@v/list"}) {
    struct stat st;
    ASSERT_EQ(::stat((tmp_ + "/modcache/cache/download/example.com/" + f).c_str(), &st), 0) << f;
    EXPECT_EQ(st.st_mode & 0777, 0666 & ~mask) << f;
  }

  r = Run(ModGraph, {});
  EXPECT_EQ(
      r.out,
      "example.com/m example.com/dep@v1.0.0\nexample.com/dep@v1.0.0 example.com/hello@v1.0.0\n");

  r = Run(ModVerify, {});
  EXPECT_EQ(r.out, "all modules verified\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;

  r = Run(ListModulesCommand, {"all"});
  EXPECT_EQ(r.out, "example.com/m\nexample.com/dep v1.0.0\nexample.com/hello v1.0.0\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// list -m -u fetches the version lists of all listed modules up front, in parallel,
// and each of them once: the per-module work that follows finds them fetched.
TEST_F(ModCmdTest, UpdateFetchesVersionListsFirstAndOnce) {
  ASSERT_EQ(Run(ModDownload, {}).exit_code, 0);
  std::mutex mu;
  std::vector<std::string> gets;
  req_.env.proxy.trace = [&](const std::string& line) {
    std::lock_guard<std::mutex> lock(mu);
    if (line.find("): ") == std::string::npos && line.find(" (") != std::string::npos)
      gets.push_back(line);  // the line after each request, with its status and time
  };
  req_.update = true;
  CommandResult r = Run(ListModulesCommand, {"all"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ASSERT_GE(gets.size(), 2u);
  std::vector<std::string> first(gets.begin(), gets.begin() + 2);
  std::sort(first.begin(), first.end());
  EXPECT_NE(first[0].find("/example.com/dep/@v/list: "), std::string::npos) << first[0];
  EXPECT_NE(first[1].find("/example.com/hello/@v/list: "), std::string::npos) << first[1];
  for (const char* list : {"/example.com/dep/@v/list: ", "/example.com/hello/@v/list: "})
    EXPECT_EQ(
        std::count_if(gets.begin(), gets.end(),
                      [&](const std::string& g) { return g.find(list) != std::string::npos; }),
        1)
        << list;
}

TEST_F(ModCmdTest, DownloadJSONAndErrors) {
  req_.json = true;
  CommandResult r = Run(ModDownload, {"example.com/hello@latest", "example.com/nope@v1.0.0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("\t\"Query\": \"latest\",\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\t\"Error\": \"example.com/nope@v1.0.0: reading "), std::string::npos)
      << r.out;
  // Modules outside the build list add no sums.
  EXPECT_FALSE(fs::exists(req_.cwd + "/go.sum"));
}

TEST_F(ModCmdTest, ChecksumMismatchStopsWithoutTouchingFiles) {
  std::string sum = "example.com/dep v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
  Write(req_.cwd + "/go.sum", sum);
  CommandResult r = Run(ModDownload, {"example.com/dep"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.err.starts_with("verifying example.com/dep@v1.0.0: checksum mismatch\n")) << r.err;
  EXPECT_NE(r.err.find("SECURITY ERROR"), std::string::npos);
  EXPECT_EQ(Read(req_.cwd + "/go.sum"), sum);
  EXPECT_FALSE(fs::exists(tmp_ + "/modcache/cache/download/example.com/dep/@v/v1.0.0.zip"));
  EXPECT_FALSE(fs::exists(tmp_ + "/modcache/example.com/dep@v1.0.0"));
}

TEST_F(ModCmdTest, OutsideModule) {
  req_.cwd = tmp_;
  CommandResult r = Run(ModGraph, {});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "gotool: go.mod file not found in current directory or any parent directory; see "
            "'gotool help modules'\n");
  r = Run(ListModulesCommand, {"all"});
  EXPECT_EQ(r.exit_code, 1);
  req_.versions = true;
  r = Run(ListModulesCommand, {"example.com/retracted"});
  EXPECT_EQ(r.out, "example.com/retracted v1.1.0\n");  // v1.0.0 is retracted
}

}  // namespace
}  // namespace gotool::modcache
