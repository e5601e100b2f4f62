// BigFloat: 512-bit binary floating point with big.Float's rounding and formatting.
#include "pkg/constant/bigfloat.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace gotool::constant {

int64_t BitLen(const mpz_class& x) {
  return sgn(x) == 0 ? 0 : int64_t(mpz_sizeinbase(x.get_mpz_t(), 2));
}

namespace {

// RoundMagnitude rounds the magnitude m * 2^exp (+ a sticky tail) to prec bits in
// place, leaving m odd or zero, and reports whether anything was discarded.
bool RoundMagnitude(mpz_class& m, int64_t& exp, bool sticky, int64_t prec, RoundingMode mode) {
  if (sgn(m) == 0) return sticky;
  int64_t len = BitLen(m);
  if (sticky && len < prec + 2) {
    // Widen so that the tail lies strictly below the rounding bit.
    m <<= mp_bitcnt_t(prec + 2 - len);
    exp -= prec + 2 - len;
    len = prec + 2;
  }
  bool inexact = sticky;
  if (len > prec) {
    int64_t drop = len - prec;
    bool half = mpz_tstbit(m.get_mpz_t(), mp_bitcnt_t(drop - 1));
    bool below = sticky || int64_t(mpz_scan1(m.get_mpz_t(), 0)) < drop - 1;
    inexact = inexact || half || below;
    mpz_tdiv_q_2exp(m.get_mpz_t(), m.get_mpz_t(), mp_bitcnt_t(drop));
    exp += drop;
    bool up = false;
    switch (mode) {
      case RoundingMode::kNearestEven:
        up = half && (below || mpz_odd_p(m.get_mpz_t()));
        break;
      case RoundingMode::kToZero:
        break;
      case RoundingMode::kAwayFromZero:
        up = half || below;
        break;
    }
    if (up) {
      m += 1;
      if (BitLen(m) > prec) {
        m >>= 1;
        exp += 1;
      }
    }
  }
  if (sgn(m) != 0) {
    mp_bitcnt_t tz = mpz_scan1(m.get_mpz_t(), 0);
    m >>= tz;
    exp += int64_t(tz);
  }
  return inexact;
}

// Divide returns a/b (both positive) as a mantissa of at least bits+2 significant
// bits, its exponent, and whether a remainder was dropped.
void Divide(const mpz_class& a, const mpz_class& b, int64_t bits, mpz_class* q, int64_t* exp,
            bool* sticky) {
  int64_t s = bits + 3 + BitLen(b) - BitLen(a);
  mpz_class num = a, den = b;
  if (s >= 0) {
    num <<= mp_bitcnt_t(s);
  } else {
    den <<= mp_bitcnt_t(-s);
  }
  mpz_class r;
  mpz_tdiv_qr(q->get_mpz_t(), r.get_mpz_t(), num.get_mpz_t(), den.get_mpz_t());
  *exp = -s;
  *sticky = sgn(r) != 0;
}

}  // namespace

BigFloat BigFloat::Round(bool neg, mpz_class mant, int64_t exp, bool sticky, int prec,
                         RoundingMode mode, bool* exact) {
  if (sgn(mant) < 0) {
    neg = !neg;
    mant = -mant;
  }
  bool inexact = RoundMagnitude(mant, exp, sticky, prec, mode);
  if (exact) *exact = !inexact;
  BigFloat z;
  if (sgn(mant) == 0) return z;
  int64_t e = exp + BitLen(mant);
  if (e > INT32_MAX) {
    if (exact) *exact = false;
    return Infinity(neg);
  }
  if (e < INT32_MIN) {
    if (exact) *exact = false;
    return z;
  }
  z.neg_ = neg;
  z.mant_ = std::move(mant);
  z.exp_ = exp;
  return z;
}

BigFloat BigFloat::FromInt(const mpz_class& x, int prec) { return Round(false, x, 0, false, prec); }

BigFloat BigFloat::FromRat(const mpq_class& x, int prec) {
  if (sgn(x) == 0) return BigFloat();
  mpz_class q;
  int64_t exp;
  bool sticky;
  Divide(abs(x.get_num()), x.get_den(), prec, &q, &exp, &sticky);
  return Round(sgn(x) < 0, std::move(q), exp, sticky, prec);
}

BigFloat BigFloat::FromDouble(double d) {
  if (d == 0) return BigFloat();
  int e;
  double fr = std::frexp(std::fabs(d), &e);
  mpz_class m(std::ldexp(fr, 53));
  return Round(d < 0, std::move(m), int64_t(e) - 53, false, kPrec);
}

BigFloat BigFloat::Infinity(bool neg) {
  BigFloat z;
  z.inf_ = true;
  z.neg_ = neg;
  return z;
}

int64_t BigFloat::MantExp() const { return IsZero() || inf_ ? 0 : exp_ + BitLen(mant_); }

int64_t BigFloat::MantBits() const { return BitLen(mant_); }

BigFloat BigFloat::Neg() const {
  BigFloat z = *this;
  if (Sign() != 0) z.neg_ = !neg_;
  return z;
}

BigFloat BigFloat::Add(const BigFloat& x, const BigFloat& y) { return AddSigned(x, y, false); }

BigFloat BigFloat::Sub(const BigFloat& x, const BigFloat& y) { return AddSigned(x, y, true); }

BigFloat BigFloat::Mul(const BigFloat& x, const BigFloat& y, int prec) {
  bool neg = x.neg_ != y.neg_;
  if (x.inf_ || y.inf_) return Infinity(neg);
  if (x.IsZero() || y.IsZero()) return BigFloat();
  return Round(neg, x.mant_ * y.mant_, x.exp_ + y.exp_, false, prec);
}

BigFloat BigFloat::Quo(const BigFloat& x, const BigFloat& y, int prec) {
  bool neg = x.neg_ != y.neg_;
  if (x.inf_) return Infinity(neg);
  if (y.inf_ || x.IsZero()) return BigFloat();
  if (y.IsZero()) return Infinity(neg);
  mpz_class q;
  int64_t exp;
  bool sticky;
  Divide(x.mant_, y.mant_, prec, &q, &exp, &sticky);
  return Round(neg, std::move(q), exp + x.exp_ - y.exp_, sticky, prec);
}

int BigFloat::Cmp(const BigFloat& x, const BigFloat& y) {
  int sx = x.Sign(), sy = y.Sign();
  if (sx != sy) return sx < sy ? -1 : 1;
  if (sx == 0) return 0;
  int mag;  // comparison of |x| and |y|
  if (x.inf_ || y.inf_) {
    mag = x.inf_ == y.inf_ ? 0 : (x.inf_ ? 1 : -1);
  } else if (x.MantExp() != y.MantExp()) {
    mag = x.MantExp() < y.MantExp() ? -1 : 1;
  } else {
    int64_t lx = BitLen(x.mant_), ly = BitLen(y.mant_);
    mpz_class a = x.mant_, b = y.mant_;
    if (lx < ly) a <<= mp_bitcnt_t(ly - lx);
    if (ly < lx) b <<= mp_bitcnt_t(lx - ly);
    int c = cmp(a, b);
    mag = c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return sx < 0 ? -mag : mag;
}

BigFloat BigFloat::AddSigned(const BigFloat& x, const BigFloat& y, bool negate_y) {
  BigFloat yy = negate_y ? y.Neg() : y;
  if (x.inf_) return x;
  if (yy.inf_) return yy;
  if (yy.IsZero()) return x;
  if (x.IsZero()) return yy;
  // Order the operands so that big has the larger top exponent.
  const BigFloat* big = &x;
  const BigFloat* small = &yy;
  if (small->MantExp() > big->MantExp()) std::swap(big, small);
  bool same_sign = big->neg_ == small->neg_;
  int64_t k = std::max<int64_t>(0, kPrec + 3 - BitLen(big->mant_));
  if (small->MantExp() <= big->exp_ - k) {
    // small is below the last bit of big widened by k bits: it only decides the
    // rounding, so stand it in by a sticky bit instead of shifting by a huge amount.
    mpz_class m = big->mant_ << mp_bitcnt_t(k);
    if (!same_sign) m -= 1;
    return Round(big->neg_, std::move(m), big->exp_ - k, true, kPrec);
  }
  int64_t e0 = std::min(big->exp_, small->exp_);
  mpz_class a = big->mant_ << mp_bitcnt_t(big->exp_ - e0);
  mpz_class b = small->mant_ << mp_bitcnt_t(small->exp_ - e0);
  if (big->neg_) a = -a;
  if (small->neg_) b = -b;
  return Round(false, a + b, e0, false, kPrec);
}

BigFloat BigFloat::WithPrec(int prec, RoundingMode mode) const {
  if (inf_) return *this;
  return Round(neg_, mant_, exp_, false, prec, mode);
}

mpq_class BigFloat::ToRat() const {
  mpq_class q;
  if (IsZero() || inf_) return q;
  if (exp_ >= 0) {
    q.get_num() = mant_ << mp_bitcnt_t(exp_);
  } else {
    q.get_num() = mant_;
    q.get_den() = 1;
    q.get_den() <<= mp_bitcnt_t(-exp_);
  }
  if (neg_) q.get_num() = -q.get_num();
  q.canonicalize();
  return q;
}

bool BigFloat::ToInt(mpz_class* out) const {
  if (IsZero() || inf_) {
    *out = 0;
    return !inf_;
  }
  bool exact = true;
  if (exp_ >= 0) {
    *out = mant_ << mp_bitcnt_t(exp_);
  } else {
    *out = mant_ >> mp_bitcnt_t(-exp_);
    exact = false;  // the mantissa is odd, so bits were dropped
  }
  if (neg_) *out = -*out;
  return exact;
}

double IeeeRound(bool neg, const mpz_class& mant, int64_t exp, bool sticky, int mbits, int emin,
                 int emax, bool* exact, bool rat_quirk) {
  double zero = neg ? -0.0 : 0.0;
  if (sgn(mant) == 0) {
    *exact = !sticky;
    return zero;
  }
  int64_t e = exp + BitLen(mant);
  int64_t p = e < emin ? mbits + e - emin : mbits;
  if (p < 0) {
    *exact = false;
    if (rat_quirk) {
      *exact = !sticky && BitLen(mant) - int64_t(mpz_scan1(mant.get_mpz_t(), 0)) <= mbits;
    }
    return zero;
  }
  if (p == 0) {
    // Between half the smallest denormal and the smallest denormal: a tie goes to
    // (even) zero, anything above it rounds up.
    *exact = false;
    bool tie = !sticky && mpz_popcount(mant.get_mpz_t()) == 1;
    if (tie) return zero;
    double d = std::ldexp(1.0, emin - mbits);
    return neg ? -d : d;
  }
  mpz_class m = mant;
  int64_t x = exp;
  *exact = !RoundMagnitude(m, x, sticky, p, RoundingMode::kNearestEven);
  if (x + BitLen(m) > emax) {
    *exact = false;
    return neg ? -HUGE_VAL : HUGE_VAL;
  }
  double d = std::ldexp(m.get_d(), int(x));
  return neg ? -d : d;
}

double BigFloat::ToDouble(bool* exact) const {
  bool ex = true;
  double d;
  if (inf_) {
    d = neg_ ? -HUGE_VAL : HUGE_VAL;
  } else {
    d = IeeeRound(neg_, mant_, exp_, false, 53, -1021, 1024, &ex);
  }
  if (exact) *exact = ex;
  return d;
}

float BigFloat::ToFloat(bool* exact) const {
  bool ex = true;
  double d;
  if (inf_) {
    d = neg_ ? -HUGE_VAL : HUGE_VAL;
  } else {
    d = IeeeRound(neg_, mant_, exp_, false, 24, -125, 128, &ex);
  }
  if (exact) *exact = ex;
  return float(d);
}

namespace {

double RatRound(const mpq_class& q, int mbits, int emin, int emax, bool* exact) {
  if (sgn(q) == 0) {
    *exact = true;
    return 0;
  }
  mpz_class m;
  int64_t exp;
  bool sticky;
  Divide(abs(q.get_num()), q.get_den(), mbits, &m, &exp, &sticky);
  return IeeeRound(sgn(q) < 0, m, exp, sticky, mbits, emin, emax, exact, true);
}

}  // namespace

double RatToDouble(const mpq_class& q, bool* exact) { return RatRound(q, 53, -1021, 1024, exact); }

float RatToFloat(const mpq_class& q, bool* exact) {
  return float(RatRound(q, 24, -125, 128, exact));
}

double BigFloat::MantDouble() const {
  if (IsZero() || inf_) return 0;
  bool exact;
  return IeeeRound(neg_, mant_, -BitLen(mant_), false, 53, -1021, 1024, &exact);
}

std::string BigFloat::TextP() const {
  if (inf_) return neg_ ? "-Inf" : "+Inf";
  if (IsZero()) return "0";
  int64_t len = BitLen(mant_);
  // Left-align the mantissa on a hex digit: its first digit holds the top bit.
  mpz_class m = mant_ << mp_bitcnt_t((4 - len % 4) % 4);
  std::string hex = m.get_str(16);
  while (hex.size() > 1 && hex.back() == '0') hex.pop_back();
  int64_t e = MantExp();
  std::string s = neg_ ? "-0x." : "0x.";
  s += hex;
  s += e >= 0 ? "p+" : "p";
  s += std::to_string(e);
  return s;
}

}  // namespace gotool::constant
