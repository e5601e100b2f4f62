// Tests of the command table: unknown and unimplemented commands exit 2.
#include "cmd/gotool/commands.h"

#include <gtest/gtest.h>

namespace gotool::cli {
namespace {

TEST(Commands, NoArgumentsIsUsageError) { EXPECT_EQ(cli::Run({}), 2); }
TEST(Commands, UnknownCommandIsUsageError) { EXPECT_EQ(cli::Run({"frobnicate"}), 2); }
TEST(Commands, VersionSucceeds) { EXPECT_EQ(cli::Run({"version"}), 0); }

}  // namespace
}  // namespace gotool::cli
