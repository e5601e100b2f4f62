// Go's amd64 math.Log and math.Exp as sequences of IEEE double operations in the
// same order as gc's implementation, so that results agree to the last bit.
#include "fmt/gomath.h"

#if defined(__x86_64__)
#include <sys/platform/x86.h>
#endif

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace gotool::gofmt {
namespace {

uint64_t Bits(double d) {
  uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}

double FromBits(uint64_t u) {
  double d;
  std::memcpy(&d, &u, sizeof d);
  return d;
}

// RoundToInt32 converts as the SSE conversion does: round half to even, and the
// "integer indefinite" value for anything out of range.
int32_t RoundToInt32(double x) {
  double r = std::nearbyint(x);
  if (!(r >= -2147483648.0 && r <= 2147483647.0)) return std::numeric_limits<int32_t>::min();
  return int32_t(r);
}

// CpuHasFMA reports what Go's math.Exp checks before taking its FMA path (useFMA:
// cpu.X86.HasAVX && cpu.X86.HasFMA). It asks glibc, whose start-up ran CPUID once
// and checked that the OS saves the AVX state: CPUID itself traps to the hypervisor on
// virtual machines.
bool CpuHasFMA() {
#if defined(__x86_64__)
  return CPU_FEATURE_ACTIVE(AVX) && CPU_FEATURE_ACTIVE(FMA);
#else
  return false;
#endif
}

}  // namespace

double GoLog(double x) {
  constexpr double kHalfSqrt2 = 7.07106781186547524401e-01;
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  constexpr double kL1 = 6.666666666666735130e-01;
  constexpr double kL2 = 3.999999999940941908e-01;
  constexpr double kL3 = 2.857142874366239149e-01;
  constexpr double kL4 = 2.222219843214978396e-01;
  constexpr double kL5 = 1.818357216161805012e-01;
  constexpr double kL6 = 1.531383769920937332e-01;
  constexpr double kL7 = 1.479819860511658591e-01;

  uint64_t bits = Bits(x);
  if ((bits & ~(uint64_t(1) << 63)) == 0) return -std::numeric_limits<double>::infinity();
  if (int64_t(bits) < 0) return FromBits(0x7FF8000000000001);  // negative: NaN
  if (bits >= 0x7FF0000000000000) return x;                    // +Inf or NaN

  // x = f1 * 2**k with f1 in [0.5, 1), then f1 in [sqrt(2)/2, sqrt(2)).
  double f1 = FromBits((bits & 0x000FFFFFFFFFFFFF) | 0x3FE0000000000000);
  double k = double(int32_t((bits >> 52) & 0x7FF) - 0x3FE);
  double adjust = !(kHalfSqrt2 < f1) ? 1.0 : 0.0;
  k = k - adjust;
  f1 = f1 * (adjust + 1.0);
  double f = f1 - 1.0;
  double s = f / (2.0 + f);
  double s2 = s * s;
  double s4 = s2 * s2;
  double t1 = s2 * (((kL7 * s4 + kL5) * s4 + kL3) * s4 + kL1);
  double t2 = s4 * ((kL6 * s4 + kL4) * s4 + kL2);
  double r = t1 + t2;
  double hfsq = 0.5 * f * f;
  double inner = s * (r + hfsq) + kLn2Lo * k;
  return k * kLn2Hi - ((hfsq - inner) - f);
}

double GoExpWithFMA(double x, bool use_fma) {
  constexpr double kLog2e = 1.4426950408889634073599246810018920;
  constexpr double kLn2U = 0.69314718055966295651160180568695068359375;
  constexpr double kLn2L = 0.28235290563031577122588448175013436025525412068e-12;
  constexpr double kOverflow = 7.09782712893384e+02;
  constexpr double kC[] = {2.4801587301587301587e-5,
                           1.9841269841269841270e-4,
                           1.3888888888888888889e-3,
                           8.3333333333333333333e-3,
                           4.1666666666666666667e-2,
                           1.6666666666666666667e-1,
                           0.5,
                           1.0};

  uint64_t bits = Bits(x);
  if ((bits & ~(uint64_t(1) << 63)) >= 0x7FF0000000000000) {
    if (bits == 0xFFF0000000000000) return 0;  // -Inf
    return x;                                  // NaN or +Inf
  }
  if (x > kOverflow) return std::numeric_limits<double>::infinity();

  int32_t e = RoundToInt32(kLog2e * x);
  double fe = double(e);
  double y;
  if (use_fma) {
    y = std::fma(-fe, kLn2U, x);
    y = std::fma(-fe, kLn2L, y);
    y = y * 0.0625;
    double p = kC[0];
    for (int i = 1; i < 8; i++) p = std::fma(p, y, kC[i]);
    y = y * p;
    for (int i = 0; i < 3; i++) y = y * (y + 2.0);
    y = std::fma(y, y + 2.0, 1.0);
  } else {
    y = x - kLn2U * fe;
    y = y - kLn2L * fe;
    y = y * 0.0625;
    double p = kC[0] * y;
    for (int i = 1; i < 7; i++) p = (p + kC[i]) * y;
    p = p + kC[7];
    y = y * p;
    for (int i = 0; i < 4; i++) y = y * (y + 2.0);
    y = y + 1.0;
  }

  // y * 2**e, with gradual underflow.
  int64_t biased = int64_t(e) + 0x3FF;
  if (biased <= 0) {
    if (biased < -52) return 0;
    y = y * FromBits(uint64_t(biased + 0x3FE) << 52);
    biased = 1;
  } else if (biased >= 0x7FF) {
    return std::numeric_limits<double>::infinity();
  }
  return y * FromBits(uint64_t(biased) << 52);
}

double GoExp(double x) {
  static const bool use_fma = CpuHasFMA();
  return GoExpWithFMA(x, use_fma);
}

}  // namespace gotool::gofmt
