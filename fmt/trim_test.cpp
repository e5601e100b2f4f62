// Tests for the trimmer: Trim's line-skipping form against its byte-by-byte form.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "fmt/printer_impl.h"
#include "fmt/tabwriter.h"

namespace gotool::gofmt::internal {
namespace {

std::string Trimmed(std::string_view data, bool general) {
  std::string out;
  if (general) {
    TrimGeneral(data, &out);
  } else {
    Trim(data, &out);
  }
  return out;
}

TEST(TrimTest, DropsTrailingBlanksEscapesAndFormfeeds) {
  std::string data = "a \t\nb\fc  \xff  x \n \xff  \n\td \t";
  EXPECT_EQ(Trimmed(data, false), "a\nb\nc    x \n \n\td");
  EXPECT_EQ(Trimmed(data, true), "a\nb\nc    x \n \n\td");
  EXPECT_EQ(Trimmed("x\xffopen \n", false), "xopen \n");
  EXPECT_EQ(Trimmed("a\vb \v\n", false), "a\tb\n");
}

TEST(TrimTest, AgreesWithTheByteByByteForm) {
  // Random texts over the bytes the trimmer treats specially, long enough for the
  // sixteen-byte search; vertical tabs in a few.
  const std::string alphabet = std::string("ab  \t\t\n\n\f") + kTabEscape;
  std::mt19937 rng(1);
  for (int n = 0; n < 20000; n++) {
    std::string data(rng() % 80, 'a');
    for (char& c : data) c = alphabet[rng() % alphabet.size()];
    if (n % 10 == 0 && !data.empty()) data[rng() % data.size()] = '\v';
    ASSERT_EQ(Trimmed(data, false), Trimmed(data, true)) << testing::PrintToString(data);
  }
}

}  // namespace
}  // namespace gotool::gofmt::internal
