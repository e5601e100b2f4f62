// Tests of the script engine: quoting and expansion, built-in commands, failure logs.
#include "pkg/scripttest/script.h"

#include <gtest/gtest.h>

#include "pkg/scripttest/state.h"

namespace gotool::scripttest {
namespace {

TEST(Parse, QuotingAndExpansion) {
  Options opts;
  State st(opts, "/w");
  st.SetEnv("X", "a.b");
  Command c = st.Parse("! exec echo 'it''s $X' $X${X}x '' # comment");
  EXPECT_EQ(c.want, Want::kFailure);
  EXPECT_EQ(c.name, "exec");
  EXPECT_EQ(c.args, (std::vector<std::string>{"echo", "it's $X", "a.ba.bx", ""}));
  c = st.Parse("[!windows] [exec:sh] stdout -count=2 ^$X$ $X");
  EXPECT_EQ(c.conds.size(), 2u);
  EXPECT_FALSE(c.conds[0].first);
  EXPECT_EQ(c.args, (std::vector<std::string>{"-count=2", "^a\\.b$", "a.b"}));
  EXPECT_EQ(st.Parse("stdout $WORK/x").args[0], "\\$WORK/x");
  EXPECT_EQ(st.Parse("   # only a comment").name, "");
}

TEST(Parse, Errors) {
  Options opts;
  State st(opts, "/w");
  EXPECT_THROW(st.Parse("exec 'open"), ScriptError);
  EXPECT_THROW(st.Parse("! ? exec x"), ScriptError);
}

TEST(Diff, Lines) {
  EXPECT_EQ(Diff("a\nb\nc\n", "a\nc\nd\n"), " a\n-b\n c\n+d\n");
  EXPECT_EQ(Diff("x", "x\n"), "-x\n\\ No newline at end of file\n+x\n");
}

Result RunText(const std::string& text) {
  Options opts;
  opts.gotool = "/bin/false";
  return RunScript("t.txtar", text, opts);
}

TEST(RunScript, Passes) {
  Result r = RunText(R"(# a phase
env GREETING=hello
exec sh -c 'echo $GREETING; echo oops >&2'
stdout '^hello$'
! stdout goodbye
stderr oops
cmp stdout want.txt
exists want.txt sub/file
! exists missing
cd sub
exec cat file
stdout 'in sub'
exec pwd
stdout '^\$WORK/sub$'
exec sh -c 'echo $HOME'
stdout '^\$WORK/home$'
cp stdout $WORK/copy.txt
mkdir $WORK/d/e
rm $WORK/d
! exists $WORK/d
! exec sh -c 'exit 3'
? exec false
[windows] exec false
stop done
exec false
-- want.txt --
hello
-- sub/file --
in sub
)");
  EXPECT_TRUE(r.passed) << r.log;
  EXPECT_NE(r.log.find("> stop done"), std::string::npos) << r.log;
}

TEST(RunScript, ReportsFailures) {
  Result r = RunText("exec echo hi\n\nstdout bye\n");
  EXPECT_FALSE(r.passed);
  EXPECT_NE(r.log.find("FAIL: t.txtar:3: no match for `(?m)bye` found in stdout"),
            std::string::npos)
      << r.log;
  r = RunText("exec echo hi\ncmp stdout f\n-- f --\nho\n");
  EXPECT_FALSE(r.passed);
  EXPECT_NE(r.log.find("[diff -stdout +f]\n-hi\n+ho\n"), std::string::npos) << r.log;
  r = RunText("exec false\n");
  EXPECT_NE(r.log.find("[exit status 1]\nFAIL: t.txtar:1: unexpected command failure"),
            std::string::npos)
      << r.log;
  r = RunText("gotool version\n");  // runs Options::gotool, here /bin/false
  EXPECT_FALSE(r.passed);
  r = RunText("frobnicate\n");
  EXPECT_NE(r.log.find("unknown command \"frobnicate\""), std::string::npos);
}

TEST(RunScript, Skip) {
  Result r = RunText("skip not here\nexec false\n");
  EXPECT_TRUE(r.passed);
  EXPECT_TRUE(r.skipped);
}

}  // namespace
}  // namespace gotool::scripttest
