// Tests for GoLog and GoExp: bit patterns printed by Go 1.19's math.Log and
// math.Exp on amd64, with FMA and with GODEBUG=cpu.fma=off.
#include "fmt/gomath.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>

namespace gotool::gofmt {
namespace {

uint64_t Bits(double d) {
  uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}

TEST(GoMathTest, LogMatchesGo) {
  struct {
    double x;
    uint64_t want;
  } cases[] = {
      {1, 0x0000000000000000ull},          {2, 0x3fe62e42fefa39efull},
      {3, 0x3ff193ea7aad030aull},          {14, 0x40051cca16d7bba8ull},
      {48, 0x400ef8383c50bb74ull},         {1000, 0x401ba18a998fffa0ull},
      {0.3, 0xbff34378fcbda721ull},        {1e-300, 0xc085963447f87fb5ull},
      {123456.789, 0x40277281cad8a844ull},
  };
  for (auto c : cases) EXPECT_EQ(Bits(GoLog(c.x)), c.want) << c.x;
  EXPECT_TRUE(std::isinf(GoLog(0)));
  EXPECT_TRUE(std::isnan(GoLog(-1)));
}

TEST(GoMathTest, ExpMatchesGoWithAndWithoutFMA) {
  struct {
    double x;
    uint64_t fma, no_fma;
  } cases[] = {
      {0, 0x3ff0000000000000ull, 0x3ff0000000000000ull},
      {1, 0x4005bf0a8b145769ull, 0x4005bf0a8b145769ull},
      {-1, 0x3fd78b56362cef38ull, 0x3fd78b56362cef38ull},
      {0.6931471805599453, 0x4000000000000000ull, 0x4000000000000000ull},
      {2.5, 0x40285d6fd931e0bbull, 0x40285d6fd931e0bbull},
      {3.7, 0x4044394144eeec81ull, 0x4044394144eeec81ull},
      {10.25, 0x40db9ea2aed2a0f1ull, 0x40db9ea2aed2a0f2ull},
      {-700, 0x00d14f2b0fb9307full, 0x00d14f2b0fb9307full},
      {709, 0x7fdd422d2be5dc9bull, 0x7fdd422d2be5dc9bull},
      {-745, 0x0000000000000001ull, 0x0000000000000001ull},
  };
  for (auto c : cases) {
    EXPECT_EQ(Bits(GoExpWithFMA(c.x, true)), c.fma) << c.x;
    EXPECT_EQ(Bits(GoExpWithFMA(c.x, false)), c.no_fma) << c.x;
  }
  EXPECT_EQ(GoExp(1000), GoExp(2000));  // both +Inf
}

}  // namespace
}  // namespace gotool::gofmt
