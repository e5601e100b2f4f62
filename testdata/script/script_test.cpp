// The script-test driver: each testdata/script/*.txtar is one test case, Script.<name>,
// run against the gotool binary built alongside. GOTOOL_SCRIPT_KEEP=1 keeps $WORK.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "pkg/scripttest/script.h"

namespace {

namespace fs = std::filesystem;

// ScriptTest runs one script file.
class ScriptTest : public testing::Test {
 public:
  explicit ScriptTest(fs::path file) : file_(std::move(file)) {}

  void TestBody() override {
    std::ifstream in(file_, std::ios::binary);
    ASSERT_TRUE(in) << "cannot read " << file_;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    gotool::scripttest::Options opts;
    opts.gotool = GOTOOL_BINARY;
    opts.proxy_dir = std::string(GOTOOL_SCRIPT_DIR) + "/../mod";
    const char* keep = std::getenv("GOTOOL_SCRIPT_KEEP");
    opts.keep_work = keep != nullptr && std::string(keep) == "1";
    gotool::scripttest::Result r =
        gotool::scripttest::RunScript("testdata/script/" + file_.filename().string(), text, opts);
    if (r.skipped) GTEST_SKIP() << r.log;
    EXPECT_TRUE(r.passed) << "\n" << r.log;
  }

 private:
  fs::path file_;
};

// TestName turns a file name into a GoogleTest name: letters, digits and '_'.
std::string TestName(const fs::path& file) {
  std::string name = file.stem().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(GOTOOL_SCRIPT_DIR))
    if (entry.path().extension() == ".txtar") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    testing::RegisterTest("Script", TestName(file).c_str(), nullptr, nullptr, __FILE__, __LINE__,
                          [file]() -> testing::Test* { return new ScriptTest(file); });
  }
  return RUN_ALL_TESTS();
}
