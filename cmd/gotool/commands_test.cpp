// Tests of the command tree: exit codes of usage errors, help and unimplemented commands.
#include "cmd/gotool/commands.h"

#include <gtest/gtest.h>

namespace gotool::cli {
namespace {

TEST(Commands, NoArgumentsIsUsageError) { EXPECT_EQ(cli::Run({}), 2); }
TEST(Commands, UnknownCommandIsUsageError) { EXPECT_EQ(cli::Run({"frobnicate"}), 2); }
TEST(Commands, TopLevelFlagIsUsageError) { EXPECT_EQ(cli::Run({"-x"}), 2); }
TEST(Commands, VersionSucceeds) { EXPECT_EQ(cli::Run({"version"}), 0); }
TEST(Commands, VersionFlagsParse) { EXPECT_EQ(cli::Run({"version", "-v=false"}), 0); }

TEST(Commands, HelpSucceeds) {
  EXPECT_EQ(cli::Run({"help"}), 0);
  EXPECT_EQ(cli::Run({"help", "env"}), 0);
  EXPECT_EQ(cli::Run({"help", "mod", "tidy"}), 0);
}

TEST(Commands, UnknownHelpTopic) {
  EXPECT_EQ(cli::Run({"help", "frob"}), 2);
  EXPECT_EQ(cli::Run({"help", "mod", "frob"}), 2);
}

TEST(Commands, DashHIsUsage) {
  EXPECT_EQ(cli::Run({"env", "-h"}), 2);
  EXPECT_EQ(cli::Run({"fmt", "--help"}), 2);
}

TEST(Commands, FlagErrors) {
  EXPECT_EQ(cli::Run({"test", "-badflag"}), 2);
  EXPECT_EQ(cli::Run({"test", "-count=x"}), 2);
  EXPECT_EQ(cli::Run({"build", "-o"}), 2);
  EXPECT_EQ(cli::Run({"env", "-json=maybe"}), 2);
}

TEST(Commands, NotImplementedAfterFlags) {
  EXPECT_EQ(cli::Run({"test", "-v", "-run", "X", "./...", "-count=1", "-args", "-bad"}), 2);
  EXPECT_EQ(cli::Run({"mod", "tidy", "-e"}), 2);
  EXPECT_EQ(cli::Run({"mod"}), 2);
  EXPECT_EQ(cli::Run({"mod", "frob"}), 2);
}

}  // namespace
}  // namespace gotool::cli
