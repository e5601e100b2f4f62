// Tests of the go command's variables: defaults, env-over-file precedence, `env -w/-u`.
#include "pkg/cfg/env.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "pkg/base/atomic_file.h"
#include "pkg/cfg/envcmd.h"
#include "pkg/cfg/envfile.h"

namespace gotool::cfg {
namespace {

namespace fs = std::filesystem;

// TempDir is a fresh directory removed at the end of a test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "gotool-cfg-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void Spit(const std::string& path, const std::string& data) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << data;
}

std::string Get(const Environ& env, const std::string& name) {
  return Config::Load(env).Getenv(name);
}

TEST(Env, Defaults) {
  Environ env({"HOME=/home/gopher"});
  Config c = Config::Load(env);
  EXPECT_EQ(c.Gopath(), "/home/gopher/go");
  EXPECT_EQ(c.Gomodcache(), "/home/gopher/go/pkg/mod");
  EXPECT_EQ(c.Gocache(), "/home/gopher/.cache/gotool");
  EXPECT_EQ(c.EnvFilePath(), "/home/gopher/.config/go/env");
  EXPECT_EQ(c.Goproxy(), "https://proxy.golang.org,direct");
  EXPECT_EQ(c.Gosumdb(), "sum.golang.org");
  EXPECT_EQ(c.Goos(), "linux");
  EXPECT_EQ(c.Gonoproxy(), "");
}

TEST(Env, XdgAndDerivedDefaults) {
  Environ env({"HOME=/h/", "XDG_CACHE_HOME=/c", "XDG_CONFIG_HOME=/cfg/", "GOPATH=/a/b/:/c",
               "GOPRIVATE=*.corp"});
  Config c = Config::Load(env);
  EXPECT_EQ(c.Gocache(), "/c/gotool");
  EXPECT_EQ(c.EnvFilePath(), "/cfg/go/env");
  EXPECT_EQ(c.Gopath(), "/a/b/:/c");
  EXPECT_EQ(c.Gomodcache(), "/a/b/pkg/mod");
  EXPECT_EQ(c.Gonoproxy(), "*.corp");
  EXPECT_EQ(c.Gonosumdb(), "*.corp");
}

TEST(Env, NoHome) {
  Config c = Config::Load(Environ());
  EXPECT_EQ(c.Gopath(), "");
  EXPECT_EQ(c.Gomodcache(), "");
  EXPECT_EQ(c.Gocache(), "off");
  EXPECT_EQ(c.EnvFilePath(), "");
  EXPECT_EQ(Config::Load(Environ({"GOCACHE=rel"})).Gocache(), "off");
}

TEST(Env, GopathEntriesAndMode) {
  Config c = Config::Load(Environ({"GOPATH=/a::/b:", "GO111MODULE=off"}));
  EXPECT_EQ(c.GopathEntries(), (std::vector<std::string>{"/a", "/b"}));
  EXPECT_TRUE(c.GopathMode());
  EXPECT_FALSE(Config::Load(Environ({"GO111MODULE=auto"})).GopathMode());
  EXPECT_TRUE(Config::Load(Environ()).GopathEntries().empty());
}

TEST(Env, FilePrecedence) {
  TempDir dir;
  std::string file = dir.path() + "/env";
  Spit(file, "# comment\nGOPROXY=off\nlower=x\nGOPRIVATE=a\nGOPRIVATE=b\nGOSUMDB\n");
  Environ env({"GOENV=" + file, "HOME=" + dir.path()});
  EXPECT_EQ(Get(env, "GOPROXY"), "off");
  EXPECT_EQ(Get(env, "GOPRIVATE"), "b");
  EXPECT_EQ(Config::Load(env).Gosumdb(), "sum.golang.org");
  env.Set("GOPROXY", "direct");
  EXPECT_EQ(Get(env, "GOPROXY"), "direct");
  env.Set("GOPROXY", "");  // empty in the environment means unset
  EXPECT_EQ(Get(env, "GOPROXY"), "off");
  env.Set("GOENV", "off");
  EXPECT_EQ(Get(env, "GOPROXY"), "");
}

TEST(Env, CleanPath) {
  EXPECT_EQ(CleanPath("/a//b/./c/../d/"), "/a/b/d");
  EXPECT_EQ(CleanPath("../../x"), "../../x");
  EXPECT_EQ(CleanPath("/../x"), "/x");
  EXPECT_EQ(CleanPath(""), ".");
  EXPECT_EQ(JoinPath("rel", "go/env"), "rel/go/env");
}

TEST(EnvFile, UpdateText) {
  EXPECT_EQ(UpdateEnvFileText("", {{"GOPROXY", "x"}, {"CC", "y"}}, {}), "CC=y\nGOPROXY=x\n");
  EXPECT_EQ(UpdateEnvFileText("B=1\nA=2", {{"C", "3"}}, {}), "A=2\nB=1\nC=3\n");
  EXPECT_EQ(UpdateEnvFileText("A=1\nB=2\nA=3\n", {}, {"A"}), "B=2\n");
  EXPECT_EQ(UpdateEnvFileText("Z=1\n# keep\nB=2\nA=1\n", {{"Z", "9"}}, {}),
            "Z=9\n# keep\nA=1\nB=2\n");
}

TEST(EnvFile, AtomicWrite) {
  TempDir dir;
  std::string file = dir.path() + "/env";
  ASSERT_EQ(base::WriteFileAtomic(file, "A=1\n"), "");
  ::chmod(file.c_str(), 0640);
  ASSERT_EQ(base::WriteFileAtomic(file, "A=2\n"), "");
  EXPECT_EQ(Slurp(file), "A=2\n");
  struct stat st;
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  // No temporary file is left behind.
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) entries += e.is_regular_file();
  EXPECT_EQ(entries, 1);
  EXPECT_NE(base::WriteFileAtomic(dir.path() + "/missing/env", "x"), "");
}

TEST(EnvFile, AtomicWriteThroughSymlink) {
  TempDir dir;
  std::string target = dir.path() + "/real-env";
  std::string link = dir.path() + "/env";
  Spit(target, "A=1\n");
  fs::create_symlink(target, link);
  ASSERT_EQ(base::WriteFileAtomic(link, "A=2\n"), "");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(Slurp(target), "A=2\n");
}

TEST(EnvCmd, WriteUnsetRoundTrip) {
  TempDir dir;
  Environ env({"HOME=" + dir.path(), "XDG_CONFIG_HOME=" + dir.path() + "/cfg"});
  std::string file = dir.path() + "/cfg/go/env";
  EnvResult r = RunEnv({.write = true}, {"GOPROXY=direct", "GOPRIVATE=*.corp"}, env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Slurp(file), "GOPRIVATE=*.corp\nGOPROXY=direct\n");
  r = RunEnv({}, {"GOPROXY", "GONOSUMDB", "NOPE"}, env);
  EXPECT_EQ(r.out, "direct\n*.corp\n\n");
  r = RunEnv({.unset = true}, {"GOPROXY"}, env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Slurp(file), "GOPRIVATE=*.corp\n");
  EXPECT_EQ(RunEnv({}, {"GOPROXY"}, env).out, "https://proxy.golang.org,direct\n");
}

TEST(EnvCmd, WriteWarnsWhenEnvironmentOverrides) {
  TempDir dir;
  Environ env({"GOENV=" + dir.path() + "/env", "GOPROXY=off"});
  EnvResult r = RunEnv({.write = true}, {"GOPROXY=direct"}, env);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err,
            "warning: gotool env -w GOPROXY=... does not override conflicting OS environment "
            "variable\n");
  EXPECT_EQ(RunEnv({.write = true}, {"GOPROXY=off"}, env).err, "");
}

TEST(EnvCmd, Errors) {
  TempDir dir;
  Environ env({"GOENV=" + dir.path() + "/env"});
  auto err = [&](EnvOptions o, std::vector<std::string> args) {
    EnvResult r = RunEnv(o, args, env);
    EXPECT_EQ(r.exit_code, 1);
    return r.err;
  };
  EXPECT_EQ(err({.write = true}, {}), "gotool: no KEY=VALUE arguments given\n");
  EXPECT_EQ(err({.unset = true}, {}), "gotool: 'gotool env -u' requires an argument\n");
  EXPECT_EQ(err({.write = true}, {"GOPROXY"}),
            "gotool: arguments must be KEY=VALUE: invalid argument: GOPROXY\n");
  EXPECT_EQ(err({.write = true}, {"FOO=1"}), "gotool: unknown go command variable FOO\n");
  EXPECT_EQ(err({.write = true}, {"GOENV=x"}),
            "gotool: GOENV can only be set using the OS environment\n");
  EXPECT_EQ(err({.write = true}, {"GOVERSION=x"}), "gotool: GOVERSION cannot be modified\n");
  EXPECT_EQ(err({.write = true}, {"GOPATH=rel"}),
            "gotool: GOPATH entry is relative; must be absolute path: \"rel\"\n");
  EXPECT_EQ(err({.write = true}, {"GOPATH=~/go"}),
            "gotool: GOPATH entry cannot start with shell metacharacter '~': \"~/go\"\n");
  EXPECT_EQ(err({.write = true}, {"GO111MODULE=x"}), "gotool: invalid GO111MODULE value \"x\"\n");
  EXPECT_EQ(err({.write = true}, {"GOOS=linux", "GOOS=linux"}),
            "gotool: multiple values for key: GOOS\n");
  EXPECT_EQ(err({.write = true}, {"GOOS=foo"}), "gotool: unsupported GOOS/GOARCH pair foo/amd64\n");
  EXPECT_EQ(err({.write = true}, {"GOTMPDIR=x"}), "gotool: GOTMPDIR must be an absolute path\n");
  EXPECT_EQ(err({.write = true}, {"CC=./cc"}),
            "gotool: CC entry is relative; must be absolute path: \"./cc\"\n");
  EXPECT_EQ(err({.json = true, .write = true}, {}), "gotool: cannot use -json with -w\n");
  EXPECT_EQ(err({.unset = true}, {"GOPROXY"}).substr(0, 36),
            "gotool: reading go env config: open ");
  Environ off({"GOENV=off"});
  EXPECT_EQ(RunEnv({.write = true}, {"GOPROXY=x"}, off).err,
            "gotool: cannot find go env config: GOENV=off\n");
}

TEST(EnvCmd, Formats) {
  std::vector<EnvVar> vars = {{"B", "x\"<y>"}, {"A", "\t\x01"}};
  EXPECT_EQ(FormatEnv(vars), "B=\"x\"<y>\"\nA=\"\t\x01\"\n");
  EXPECT_EQ(FormatEnvJSON(vars),
            "{\n\t\"A\": \"\\t\\u0001\",\n\t\"B\": \"x\\\"\\u003cy\\u003e\"\n}\n");
  EXPECT_EQ(FormatEnvJSON({{"C", "\xff\xc3\xa9\xe2\x80\xa8"}}),
            "{\n\t\"C\": \"\\ufffd\xc3\xa9\\u2028\"\n}\n");
}

// WorkingDir takes $PWD only when it names the working directory (a symbolic link to
// it counts), as the go command's base.Cwd does through os.Getwd.
TEST(WorkingDir, PrefersPWDNamingTheSameDirectory) {
  namespace fs = std::filesystem;
  std::string tmp = fs::temp_directory_path() / "gotool-cwd-XXXXXX";
  ASSERT_NE(::mkdtemp(tmp.data()), nullptr);
  tmp = fs::canonical(tmp).string();
  fs::create_directory(tmp + "/real");
  fs::create_directory(tmp + "/other");
  fs::create_directory_symlink(tmp + "/real", tmp + "/link");
  std::string saved = fs::current_path().string();
  ASSERT_EQ(::chdir((tmp + "/real").c_str()), 0);
  Environ env;
  EXPECT_EQ(WorkingDir(env), tmp + "/real");  // no $PWD
  env.Set("PWD", tmp + "/link");
  EXPECT_EQ(WorkingDir(env), tmp + "/link");
  env.Set("PWD", tmp + "/other");
  EXPECT_EQ(WorkingDir(env), tmp + "/real");
  env.Set("PWD", "link");  // not absolute
  EXPECT_EQ(WorkingDir(env), tmp + "/real");
  ASSERT_EQ(::chdir(saved.c_str()), 0);
  fs::remove_all(tmp);
}

}  // namespace
}  // namespace gotool::cfg
