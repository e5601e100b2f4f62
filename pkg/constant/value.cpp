// Value construction, accessors, conversions and string forms (go/constant's value.go
// minus the operators and literals).
#include "pkg/constant/value.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include "pkg/base/strconv.h"
#include "pkg/base/utf8.h"
#include "pkg/constant/value_internal.h"

namespace gotool::constant {

using R = Value::Repr;

namespace {

// kMaxExp bounds the bit size of rational parts (go/constant's maxExp).
constexpr int64_t kMaxExp = 4 << 10;

// kLog10Of2 is log10(2) rounded to float64 (Go's math.Ln2 / math.Ln10).
constexpr double kLog10Of2 = 0.30102999566398119521373889472449302676818988146210854131;

mpz_class FromInt64(int64_t x) { return mpz_class(static_cast<long>(x)); }

std::string Printf6g(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

// FloatString formats a big float as go/constant's floatVal.String.
std::string FloatString(const BigFloat& f) {
  if (f.IsInf()) return f.TextP();
  double x = f.ToDouble();
  if ((f.Sign() == 0) == (x == 0) && !std::isinf(x)) return Printf6g(x);
  // Out of float64 range: approximate mantissa and decimal exponent with float64
  // arithmetic, as go/constant does, so that the digits agree.
  double m = f.MantDouble();
  double d = double(f.MantExp()) * kLog10Of2;
  int64_t e = int64_t(d);
  m *= std::pow(10.0, d - double(e));
  double am = std::fabs(m);
  if (am < 1 - 0.5e-6) {
    m *= 10;
    e--;
  } else if (am >= 10) {
    m /= 10;
    e++;
  }
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.6ge%+lld", m, static_cast<long long>(e));
  return buf;
}

std::string StringValueString(const std::string& str) {
  constexpr int kMaxLen = 72;
  std::string s = base::Quote(str);
  if (base::RuneCount(s) <= kMaxLen) return s;
  size_t i = 0;
  for (int n = 0; n < kMaxLen - 3; n++) i += base::DecodeRune(std::string_view(s).substr(i)).width;
  return s.substr(0, i) + "...";
}

uint64_t Low64(const mpz_class& x) {
  mpz_class a = abs(x);
  mpz_class lo;
  mpz_tdiv_r_2exp(lo.get_mpz_t(), a.get_mpz_t(), 64);
  uint64_t hi = mpz_get_ui(mpz_class(lo >> 32).get_mpz_t());
  uint64_t low = mpz_get_ui(mpz_class(lo & mpz_class(0xFFFFFFFFul)).get_mpz_t());
  return hi << 32 | low;
}

}  // namespace

std::string_view KindString(Kind k) {
  switch (k) {
    case Kind::kUnknown:
      return "Unknown";
    case Kind::kBool:
      return "Bool";
    case Kind::kString:
      return "String";
    case Kind::kInt:
      return "Int";
    case Kind::kFloat:
      return "Float";
    case Kind::kComplex:
      return "Complex";
  }
  return "Kind(?)";
}

Kind Value::kind() const {
  switch (repr_) {
    case R::kUnknown:
      return Kind::kUnknown;
    case R::kBool:
      return Kind::kBool;
    case R::kString:
      return Kind::kString;
    case R::kInt64:
    case R::kBigInt:
      return Kind::kInt;
    case R::kRat:
    case R::kFloat:
      return Kind::kFloat;
    case R::kComplex:
      return Kind::kComplex;
  }
  return Kind::kUnknown;
}

std::string Value::String() const {
  switch (repr_) {
    case R::kUnknown:
      return "unknown";
    case R::kBool:
      return i_ != 0 ? "true" : "false";
    case R::kString:
      return StringValueString(StringText(*this));
    case R::kInt64:
      return std::to_string(i_);
    case R::kBigInt:
      return rep_->z.get_str();
    case R::kRat:
      return FloatString(BigFloat::FromRat(rep_->q));
    case R::kFloat:
      return FloatString(rep_->f);
    case R::kComplex:
      return "(" + rep_->re.String() + " + " + rep_->im.String() + "i)";
  }
  return "";
}

std::string Value::ExactString() const {
  switch (repr_) {
    case R::kString:
      return base::Quote(StringText(*this));
    case R::kRat:
      if (rep_->q.get_den() == 1) return rep_->q.get_num().get_str();
      return rep_->q.get_str();
    case R::kFloat:
      return rep_->f.TextP();
    case R::kComplex:
      return "(" + rep_->re.ExactString() + " + " + rep_->im.ExactString() + "i)";
    default:
      return String();
  }
}

// ---- representation helpers ----

bool SmallInt(const mpz_class& x) { return BitLen(x) < kMaxExp; }

bool SmallFloat(const BigFloat& x) {
  if (x.IsInf()) return false;
  int64_t e = x.MantExp();
  return -kMaxExp < e && e < kMaxExp;
}

Value MakeInt64Repr(int64_t x) {
  Value v = Access::Make(R::kInt64);
  Access::SetI(&v, x);
  return v;
}

Value MakeBigIntRepr(mpz_class x) {
  auto rep = std::make_shared<Rep>();
  rep->z = std::move(x);
  return Access::MakeRep(R::kBigInt, std::move(rep));
}

Value MakeRatRepr(mpq_class x) {
  auto rep = std::make_shared<Rep>();
  rep->q = std::move(x);
  return Access::MakeRep(R::kRat, std::move(rep));
}

Value MakeFloatRepr(BigFloat x) {
  auto rep = std::make_shared<Rep>();
  rep->f = std::move(x);
  return Access::MakeRep(R::kFloat, std::move(rep));
}

Value MakeComplex(const Value& re, const Value& im) {
  if (re.kind() == Kind::kUnknown || im.kind() == Kind::kUnknown) return Value();
  auto rep = std::make_shared<Rep>();
  rep->re = re;
  rep->im = im;
  return Access::MakeRep(R::kComplex, std::move(rep));
}

mpz_class ToMpz(const Value& x) {
  if (x.repr() == R::kInt64) return FromInt64(Access::I(x));
  if (x.repr() == R::kBigInt) return Access::R(x).z;
  return 0;
}

mpq_class ToMpq(const Value& x) {
  if (x.repr() == R::kRat) return Access::R(x).q;
  return mpq_class(ToMpz(x));
}

BigFloat ToBigFloat(const Value& x) {
  switch (x.repr()) {
    case R::kInt64:
    case R::kBigInt:
      return BigFloat::FromInt(ToMpz(x));
    case R::kRat:
      return BigFloat::FromRat(Access::R(x).q);
    case R::kFloat:
      return Access::R(x).f;
    default:
      return BigFloat();
  }
}

// ---- factories ----

Value MakeUnknown() { return Value(); }

Value MakeBool(bool b) {
  Value v = Access::Make(R::kBool);
  Access::SetB(&v, b);
  return v;
}

Value MakeString(std::string s) {
  auto rep = std::make_shared<Rep>();
  rep->str_size = s.size();
  rep->str = std::move(s);
  return Access::MakeRep(R::kString, std::move(rep));
}

Value ConcatStrings(const Value& x, const Value& y) {
  // Short results are copied at once; longer ones wait in a rope node.
  constexpr size_t kFlatLimit = 256;
  size_t size = Access::R(x).str_size + Access::R(y).str_size;
  if (size <= kFlatLimit) return MakeString(StringText(x) + StringText(y));
  auto rep = std::make_shared<Rep>();
  rep->str_size = size;
  rep->concat_x = x;
  rep->concat_y = y;
  return Access::MakeRep(R::kString, std::move(rep));
}

const std::string& StringText(const Value& string_value) {
  const Rep& root = Access::R(string_value);
  if (root.concat_x.repr() == R::kUnknown) return root.str;
  std::string text;
  text.reserve(root.str_size);
  // Concatenations nest thousands deep on the left: walk them with a stack.
  std::vector<const Rep*> pending{&root};
  while (!pending.empty()) {
    const Rep* node = pending.back();
    pending.pop_back();
    if (node->concat_x.repr() == R::kUnknown) {
      text += node->str;
      continue;
    }
    pending.push_back(&Access::R(node->concat_y));
    pending.push_back(&Access::R(node->concat_x));
  }
  root.str = std::move(text);
  root.concat_x = Value();
  root.concat_y = Value();
  return root.str;
}

Value MakeInt64(int64_t x) { return MakeInt64Repr(x); }

Value MakeUint64(uint64_t x) {
  if (x < (uint64_t(1) << 63)) return MakeInt64Repr(int64_t(x));
  mpz_class z = static_cast<unsigned long>(x);
  return MakeBigIntRepr(std::move(z));
}

Value MakeFloat64(double x) {
  if (!std::isfinite(x)) return Value();
  int e = 0;
  std::frexp(x, &e);
  if (-kMaxExp < e && e < kMaxExp) return MakeRatRepr(mpq_class(x + 0));
  return MakeFloatRepr(BigFloat::FromDouble(x));
}

Value MakeInt(const mpz_class& x) {
  if (mpz_fits_slong_p(x.get_mpz_t())) return MakeInt64Repr(x.get_si());
  return MakeBigIntRepr(x);
}

Value MakeRat(const mpq_class& x) {
  if (SmallInt(x.get_num()) && SmallInt(x.get_den())) return MakeRatRepr(x);
  return MakeFloatRepr(BigFloat::FromRat(x));
}

Value MakeFloat(const BigFloat& x) {
  if (x.IsInf()) return Value();
  if (x.Sign() == 0) return MakeFloatRepr(BigFloat());
  return MakeFloatRepr(x);
}

Value MakeImag(const Value& x) {
  switch (x.kind()) {
    case Kind::kInt:
    case Kind::kFloat:
      return MakeComplex(MakeInt64Repr(0), x);
    default:
      return Value();
  }
}

// ---- accessors ----

bool BoolVal(const Value& x) { return x.repr() == R::kBool && Access::B(x); }

std::string StringVal(const Value& x) {
  return x.repr() == R::kString ? StringText(x) : std::string();
}

int64_t Int64Val(const Value& x, bool* exact) {
  bool ok = false;
  int64_t v = 0;
  if (x.repr() == R::kInt64) {
    v = Access::I(x);
    ok = true;
  } else if (x.repr() == R::kBigInt) {
    // Like big.Int.Int64: the low 64 bits of |x|, negated if x < 0.
    const mpz_class& z = Access::R(x).z;
    v = int64_t(Low64(z));
    if (sgn(z) < 0) v = int64_t(0 - uint64_t(v));
  }
  if (exact) *exact = ok;
  return v;
}

uint64_t Uint64Val(const Value& x, bool* exact) {
  bool ok = false;
  uint64_t v = 0;
  if (x.repr() == R::kInt64) {
    v = uint64_t(Access::I(x));
    ok = Access::I(x) >= 0;
  } else if (x.repr() == R::kBigInt) {
    const mpz_class& z = Access::R(x).z;
    v = Low64(z);
    ok = sgn(z) >= 0 && BitLen(z) <= 64;
  }
  if (exact) *exact = ok;
  return v;
}

namespace {

// Int64RoundTrips reports whether the float f converts back to the int64 x.
bool Int64RoundTrips(double f, int64_t x) {
  if (!(f >= -9223372036854775808.0 && f < 9223372036854775808.0)) return false;
  return int64_t(f) == x;
}

}  // namespace

float Float32Val(const Value& x, bool* exact) {
  bool ok = false;
  float f = 0;
  switch (x.repr()) {
    case R::kInt64:
      f = float(Access::I(x));
      ok = Int64RoundTrips(f, Access::I(x));
      break;
    case R::kBigInt:
      f = BigFloat::FromInt(Access::R(x).z).ToFloat(&ok);
      break;
    case R::kRat:
      f = RatToFloat(Access::R(x).q, &ok);
      break;
    case R::kFloat:
      f = Access::R(x).f.ToFloat(&ok);
      break;
    default:
      break;
  }
  if (exact) *exact = ok;
  return f;
}

double Float64Val(const Value& x, bool* exact) {
  bool ok = false;
  double f = 0;
  switch (x.repr()) {
    case R::kInt64:
      f = double(Access::I(x));
      ok = Int64RoundTrips(f, Access::I(x));
      break;
    case R::kBigInt:
      f = BigFloat::FromInt(Access::R(x).z).ToDouble(&ok);
      break;
    case R::kRat:
      f = RatToDouble(Access::R(x).q, &ok);
      break;
    case R::kFloat:
      f = Access::R(x).f.ToDouble(&ok);
      break;
    default:
      break;
  }
  if (exact) *exact = ok;
  return f;
}

mpz_class IntVal(const Value& x) { return ToMpz(x); }

mpq_class RatVal(const Value& x, bool* ok) {
  *ok = true;
  switch (x.repr()) {
    case R::kInt64:
    case R::kBigInt:
    case R::kRat:
      return ToMpq(x);
    case R::kFloat:
      if (SmallFloat(Access::R(x).f)) return Access::R(x).f.ToRat();
      break;
    default:
      break;
  }
  *ok = false;
  return mpq_class();
}

int BitLen(const Value& x) {
  if (x.repr() == R::kInt64) {
    int64_t v = Access::I(x);
    uint64_t u = v < 0 ? 0 - uint64_t(v) : uint64_t(v);
    return u == 0 ? 0 : 64 - __builtin_clzll(u);
  }
  if (x.repr() == R::kBigInt) return int(BitLen(Access::R(x).z));
  return 0;
}

int Sign(const Value& x) {
  switch (x.repr()) {
    case R::kUnknown:
      return 1;
    case R::kInt64:
      return Access::I(x) < 0 ? -1 : (Access::I(x) > 0 ? 1 : 0);
    case R::kBigInt:
      return sgn(Access::R(x).z);
    case R::kRat:
      return sgn(Access::R(x).q);
    case R::kFloat:
      return Access::R(x).f.Sign();
    case R::kComplex:
      return Sign(Access::R(x).re) | Sign(Access::R(x).im);
    default:
      return 0;
  }
}

Value Num(const Value& x) {
  bool ok;
  if (x.kind() != Kind::kInt && x.kind() != Kind::kFloat) return Value();
  mpq_class q = RatVal(x, &ok);
  return ok ? MakeInt(q.get_num()) : Value();
}

Value Denom(const Value& x) {
  bool ok;
  if (x.kind() != Kind::kInt && x.kind() != Kind::kFloat) return Value();
  mpq_class q = RatVal(x, &ok);
  return ok ? MakeInt(q.get_den()) : Value();
}

Value Real(const Value& x) {
  if (x.repr() == R::kComplex) return Access::R(x).re;
  return x.kind() == Kind::kInt || x.kind() == Kind::kFloat ? x : Value();
}

Value Imag(const Value& x) {
  if (x.repr() == R::kComplex) return Access::R(x).im;
  return x.kind() == Kind::kInt || x.kind() == Kind::kFloat ? MakeInt64Repr(0) : Value();
}

Value ToInt(const Value& x) {
  switch (x.repr()) {
    case R::kInt64:
    case R::kBigInt:
      return x;
    case R::kRat:
      if (Access::R(x).q.get_den() == 1) return MakeInt(Access::R(x).q.get_num());
      return Value();
    case R::kFloat: {
      const BigFloat& f = Access::R(x).f;
      if (!SmallFloat(f)) return Value();
      mpz_class i;
      if (f.ToInt(&i)) return MakeInt(i);
      // Accept values within a few ulps of an integer (e.g. 1e-1000 * 1e1000),
      // rounding to 4 bits less in both directions as go/constant does.
      constexpr int kDelta = 4;
      if (f.WithPrec(BigFloat::kPrec - kDelta, RoundingMode::kToZero).ToInt(&i)) {
        return MakeInt(i);
      }
      if (f.WithPrec(BigFloat::kPrec - kDelta, RoundingMode::kAwayFromZero).ToInt(&i)) {
        return MakeInt(i);
      }
      return Value();
    }
    case R::kComplex: {
      Value re = ToFloat(x);
      return re.kind() == Kind::kFloat ? ToInt(re) : Value();
    }
    default:
      return Value();
  }
}

Value ToFloat(const Value& x) {
  switch (x.repr()) {
    case R::kInt64:
      return MakeRatRepr(ToMpq(x));
    case R::kBigInt:
      if (SmallInt(Access::R(x).z)) return MakeRatRepr(ToMpq(x));
      return MakeFloatRepr(BigFloat::FromInt(Access::R(x).z));
    case R::kRat:
    case R::kFloat:
      return x;
    case R::kComplex:
      if (Sign(Access::R(x).im) == 0) return ToFloat(Access::R(x).re);
      return Value();
    default:
      return Value();
  }
}

Value ToComplex(const Value& x) {
  switch (x.kind()) {
    case Kind::kInt:
    case Kind::kFloat:
      return MakeComplex(x, MakeInt64Repr(0));
    case Kind::kComplex:
      return x;
    default:
      return Value();
  }
}

}  // namespace gotool::constant
