// BigFloat: binary floating point with a 512-bit mantissa, rounded as Go's big.Float.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <string>

namespace gotool::constant {

// RoundingMode selects how BigFloat::Round discards bits (the big.Float modes
// go/constant uses).
enum class RoundingMode : uint8_t { kNearestEven, kToZero, kAwayFromZero };

// BigFloat is (-1)^neg * mant * 2^exp with an odd (or zero) mantissa of at most the
// precision it was rounded to, or an infinity. It mirrors big.Float at precision 512
// with rounding to nearest even: every operation rounds its exact result once, and
// the exponent range is big.Float's (MantExp within int32), overflowing to infinity
// and underflowing to zero. There is no NaN and no negative zero.
class BigFloat {
 public:
  // kPrec is the mantissa precision go/constant uses for its floats.
  static constexpr int kPrec = 512;

  BigFloat() = default;  // +0

  // Round returns (-1)^neg * (mant * 2^exp + tail) rounded to prec bits with mode,
  // where a non-zero tail below the last bit of mant is signalled by sticky (the
  // caller must supply at least prec+2 significant bits when sticky is set, or mant is
  // widened for it). *exact, if given, reports whether no rounding happened.
  static BigFloat Round(bool neg, mpz_class mant, int64_t exp, bool sticky, int prec,
                        RoundingMode mode = RoundingMode::kNearestEven, bool* exact = nullptr);
  // FromInt returns x rounded to prec bits.
  static BigFloat FromInt(const mpz_class& x, int prec = kPrec);
  // FromRat returns x rounded to prec bits (correctly rounded).
  static BigFloat FromRat(const mpq_class& x, int prec = kPrec);
  // FromDouble returns d exactly (d must be finite); -0 becomes +0.
  static BigFloat FromDouble(double d);
  // Infinity returns +Inf or -Inf.
  static BigFloat Infinity(bool neg);

  // Sign returns -1, 0 or +1.
  int Sign() const { return IsZero() && !inf_ ? 0 : (neg_ ? -1 : 1); }
  bool IsInf() const { return inf_; }
  bool IsZero() const { return !inf_ && mant_ == 0; }
  // MantExp returns e such that |x| = m * 2^e with 0.5 <= m < 1 (0 for zero).
  int64_t MantExp() const;
  // MantBits returns the number of significant bits of the mantissa.
  int64_t MantBits() const;

  BigFloat Neg() const;
  // Add, Sub, Mul and Quo return the exact result rounded to kPrec bits (Mul and Quo:
  // to prec bits), nearest even. Quo by zero gives an infinity, as big.Float does
  // for a non-zero dividend.
  static BigFloat Add(const BigFloat& x, const BigFloat& y);
  static BigFloat Sub(const BigFloat& x, const BigFloat& y);
  static BigFloat Mul(const BigFloat& x, const BigFloat& y, int prec = kPrec);
  static BigFloat Quo(const BigFloat& x, const BigFloat& y, int prec = kPrec);
  // Cmp returns -1, 0 or +1 as x <, ==, > y.
  static int Cmp(const BigFloat& x, const BigFloat& y);

  // WithPrec returns x rounded to prec bits with mode.
  BigFloat WithPrec(int prec, RoundingMode mode) const;
  // ToRat returns x exactly; x must be finite (and of modest exponent: the caller
  // bounds it, as go/constant's smallFloat does).
  mpq_class ToRat() const;
  // ToInt truncates x toward zero into *out and reports whether that was exact.
  bool ToInt(mpz_class* out) const;
  // ToDouble and ToFloat round x to nearest even binary64/binary32 (denormals and
  // overflow to infinity as big.Float.Float64/Float32); *exact reports no rounding.
  double ToDouble(bool* exact = nullptr) const;
  float ToFloat(bool* exact = nullptr) const;
  // MantDouble returns the mantissa m of MantExp (0.5 <= |m| < 1) as the nearest
  // double, as big.Float's MantExp followed by Float64.
  double MantDouble() const;
  // TextP formats x as big.Float.Text('p', 0): "-0x.8p+1", "0", "+Inf".
  std::string TextP() const;

 private:
  // AddSigned returns x + (-1)^negate_y * y rounded to kPrec bits.
  static BigFloat AddSigned(const BigFloat& x, const BigFloat& y, bool negate_y);

  bool neg_ = false;
  bool inf_ = false;
  mpz_class mant_;  // odd, or zero
  int64_t exp_ = 0;
};

// IeeeRound rounds (-1)^neg * (mant * 2^exp + sticky tail) to the nearest binary
// floating-point number with mbits of mantissa whose normal exponents (MantExp form)
// span [emin, emax], with gradual underflow; *exact reports no rounding. It returns
// the value as a double (exact for binary32 results too). With rat_quirk, a value
// below half the smallest denormal counts as exact when its mantissa fits mbits, as
// big.Rat's Float32/Float64 report it.
double IeeeRound(bool neg, const mpz_class& mant, int64_t exp, bool sticky, int mbits, int emin,
                 int emax, bool* exact, bool rat_quirk = false);

// RatToDouble and RatToFloat return the nearest binary64/binary32 to q (as
// big.Rat.Float64/Float32), with *exact reporting whether no rounding happened.
double RatToDouble(const mpq_class& q, bool* exact);
float RatToFloat(const mpq_class& q, bool* exact);

// BitLen returns the number of bits of |x| (0 for 0), as big.Int.BitLen.
int64_t BitLen(const mpz_class& x);

}  // namespace gotool::constant
