// Tests for the gofmt command logic: argument expansion, -l/-w/-d, errors, order.
// Expected texts are what gofmt (Go 1.19) prints for the same inputs.
#include "fmt/run.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

namespace gotool::gofmt {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kUgly = "package p\nvar x=1\n";
constexpr std::string_view kPretty = "package p\n\nvar x = 1\n";

// Sandbox is a fresh directory that is also the current directory during a test.
class Sandbox {
 public:
  Sandbox() : old_(fs::current_path()) {
    std::string tmpl = (fs::temp_directory_path() / "run_test.XXXXXX").string();
    dir_ = ::mkdtemp(tmpl.data());
    fs::current_path(dir_);
  }
  ~Sandbox() {
    fs::current_path(old_);
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void Write(const std::string& name, std::string_view text) {
    fs::path p(name);
    if (p.has_parent_path()) fs::create_directories(p.parent_path());
    std::ofstream(name, std::ios::binary) << text;
  }

 private:
  fs::path old_;
  std::string dir_;
};

// With returns default flags changed by set.
Flags With(void (*set)(Flags&)) {
  Flags f;
  set(f);
  return f;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Captured runs Run with in-memory streams.
struct Captured {
  std::string out, err;
  int code = 0;
};

Captured RunWith(const Flags& flags, const std::vector<std::string>& args,
                 std::string_view stdin_text = "") {
  Captured c;
  Streams io;
  io.out = [&](std::string_view s) { c.out += s; };
  io.err = [&](std::string_view s) { c.err += s; };
  io.read_stdin = [&](std::string* src) {
    *src = std::string(stdin_text);
    return std::string();
  };
  c.code = Run(flags, args, io);
  return c;
}

std::vector<std::string> Paths(const std::vector<Task>& tasks) {
  std::vector<std::string> out;
  for (const Task& t : tasks) out.push_back(t.path.empty() ? "error: " + t.error : t.path);
  return out;
}

TEST(ExpandArgs, WalksDirectoriesAsGofmt) {
  Sandbox box;
  box.Write("d/b.go", kPretty);
  box.Write("d/a.go", kPretty);
  box.Write("d/.hidden.go", kPretty);
  box.Write("d/x.txt", "");
  box.Write("d/_u.go", kPretty);
  box.Write("d/testdata/t.go", kPretty);
  box.Write("d/.git/g.go", kPretty);
  box.Write("d/a/c.go", kPretty);
  std::vector<std::string> warnings;
  std::vector<Task> tasks = ExpandArgs({"d", "missing.go", "d/x.txt"}, &warnings);
  // gofmt walks every directory, in lexical order, and formats any file argument.
  EXPECT_EQ(Paths(tasks),
            (std::vector<std::string>{
                "d/.git/g.go", "d/_u.go", "d/a/c.go", "d/a.go", "d/b.go", "d/testdata/t.go",
                "error: stat missing.go: no such file or directory", "d/x.txt"}));
  EXPECT_TRUE(warnings.empty());
}

TEST(ExpandArgs, PackagePatterns) {
  Sandbox box;
  box.Write("go.mod", "module m\n");
  box.Write("m.go", kPretty);
  box.Write("_skip.go", kPretty);
  box.Write("a/a.go", kPretty);
  box.Write("a-b/ab.go", kPretty);
  box.Write("a/b/b.go", kPretty);
  box.Write("a/testdata/t.go", kPretty);
  box.Write("vendor/v/v.go", kPretty);
  box.Write("_x/x.go", kPretty);
  box.Write(".y/y.go", kPretty);
  box.Write("nested/go.mod", "module n\n");
  box.Write("nested/n.go", kPretty);
  std::vector<std::string> warnings;
  EXPECT_EQ(Paths(ExpandArgs({"./..."}, &warnings)),
            (std::vector<std::string>{"m.go", "a/a.go", "a/b/b.go", "a-b/ab.go"}));
  EXPECT_EQ(Paths(ExpandArgs({"./a/..."}, &warnings)),
            (std::vector<std::string>{"a/a.go", "a/b/b.go"}));
  EXPECT_EQ(Paths(ExpandArgs({"a..."}, &warnings)),
            (std::vector<std::string>{"a/a.go", "a/b/b.go", "a-b/ab.go"}));
  EXPECT_TRUE(warnings.empty());
  EXPECT_TRUE(ExpandArgs({"./none/..."}, &warnings).empty());
  EXPECT_EQ(warnings,
            std::vector<std::string>{"gotool: warning: \"./none/...\" matched no packages"});
}

TEST(Run, StandardInput) {
  Captured c = RunWith({}, {}, kUgly);
  EXPECT_EQ(c.code, 0);
  EXPECT_EQ(c.out, kPretty);
  EXPECT_EQ(c.err, "");

  c = RunWith(With([](Flags& f) { f.list = true; }), {}, kUgly);
  EXPECT_EQ(c.out, "<standard input>\n");

  c = RunWith(With([](Flags& f) { f.write = true; }), {}, kUgly);
  EXPECT_EQ(c.code, 2);
  EXPECT_EQ(c.err, "error: cannot use -w with standard input\n");
}

TEST(Run, SyntaxErrors) {
  Sandbox box;
  box.Write("bad.go", "package p\nfunc f( {\n");
  box.Write("good.go", kUgly);
  Captured c = RunWith(With([](Flags& f) { f.list = true; }), {"bad.go", "good.go"});
  EXPECT_EQ(c.code, 2);
  EXPECT_EQ(c.out, "good.go\n");
  EXPECT_EQ(c.err, "bad.go:2:9: expected ')', found '{'\n");
}

TEST(Run, ListDiffWrite) {
  Sandbox box;
  box.Write("a.go", kUgly);
  box.Write("b.go", kPretty);
  ASSERT_EQ(::chmod("a.go", 0640), 0);
  Captured c = RunWith(With([](Flags& f) { f.diff = true; }), {"a.go", "b.go"});
  EXPECT_EQ(c.code, 0);
  EXPECT_EQ(c.out,
            "diff a.go.orig a.go\n--- a.go.orig\n+++ a.go\n@@ -1,2 +1,3 @@\n package p\n"
            "-var x=1\n+\n+var x = 1\n");

  c = RunWith(With([](Flags& f) {
                f.list = true;
                f.write = true;
              }),
              {"."});
  EXPECT_EQ(c.code, 0);
  EXPECT_EQ(c.out, "a.go\n");
  EXPECT_EQ(Read("a.go"), kPretty);
  struct stat st;
  ASSERT_EQ(::stat("a.go", &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  EXPECT_EQ(std::distance(fs::directory_iterator("."), fs::directory_iterator()), 2);

  c = RunWith(With([](Flags& f) { f.list = true; }), {"."});
  EXPECT_EQ(c.out, "");
}

TEST(Run, RewriteRuleErrorStopsTheRun) {
  Captured c = RunWith(With([](Flags& f) { f.rewrite = "a"; }), {});
  EXPECT_EQ(c.code, 2);
  EXPECT_EQ(c.err, "rewrite rule must be of the form 'pattern -> replacement'\n");
}

TEST(Run, WriteNeedsPermissionOnTheFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root may write any file";
  Sandbox box;
  box.Write("ro.go", kUgly);
  ASSERT_EQ(::chmod("ro.go", 0444), 0);
  Captured c = RunWith(With([](Flags& f) { f.write = true; }), {"ro.go"});
  EXPECT_EQ(c.code, 2);
  EXPECT_EQ(c.err, "open ro.go: permission denied\n");
  EXPECT_EQ(Read("ro.go"), kUgly);
}

TEST(RunTasks, OutputInTaskOrder) {
  Sandbox box;
  std::vector<Task> tasks;
  for (int i = 0; i < 100; i++) {
    std::string name = "f" + std::to_string(i) + ".go";
    box.Write(name, i % 3 == 0 ? std::string(kUgly) : std::string(kPretty));
    tasks.push_back({name, ""});
    if (i == 50) tasks.push_back({"", "stat x: no such file or directory"});
  }
  std::string want, got;
  Flags flags = With([](Flags& f) { f.list = true; });
  RunTasks(flags, tasks, 1, [&](size_t, FileResult& r) { want += r.out + r.err; });
  for (int jobs : {2, 4}) {
    got.clear();
    size_t next = 0;
    RunTasks(flags, tasks, jobs, [&](size_t i, FileResult& r) {
      EXPECT_EQ(i, next++);
      got += r.out + r.err;
    });
    EXPECT_EQ(got, want);
  }
  EXPECT_NE(want.find("f99.go\n"), std::string::npos);
}

}  // namespace
}  // namespace gotool::gofmt
