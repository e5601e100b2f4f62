// UnaryOp, BinaryOp, Shift and Compare on constant values (go/constant's operators).
#include <climits>

#include "pkg/constant/value.h"
#include "pkg/constant/value_internal.h"

namespace gotool::constant {

using R = Value::Repr;

namespace {

mpz_class Big(int64_t x) { return mpz_class(static_cast<long>(x)); }

bool Is32Bit(int64_t x) { return x >= INT32_MIN && x <= INT32_MAX; }
bool Is63Bit(int64_t x) { return x >= -(int64_t(1) << 62) && x <= (int64_t(1) << 62) - 1; }

// Order ranks representations: operands are lifted to the higher one (go/constant's
// ord); bools and strings share a rank and never mix with numbers.
int Order(R r) {
  switch (r) {
    case R::kUnknown:
      return 0;
    case R::kBool:
    case R::kString:
      return 1;
    case R::kInt64:
      return 2;
    case R::kBigInt:
      return 3;
    case R::kRat:
      return 4;
    case R::kFloat:
      return 5;
    case R::kComplex:
      return 6;
  }
  return -1;
}

bool IsNumeric(R r) { return Order(r) >= 2; }

// Lift converts the numeric x to the higher representation to.
Value Lift(const Value& x, R to) {
  switch (to) {
    case R::kBigInt:
      return MakeBigIntRepr(ToMpz(x));
    case R::kRat:
      return MakeRatRepr(ToMpq(x));
    case R::kFloat:
      return MakeFloatRepr(ToBigFloat(x));
    case R::kComplex:
      return MakeComplex(x, MakeInt64Repr(0));
    default:
      return x;
  }
}

// Match brings x and y to a common representation; false if they cannot share one.
bool Match(Value* x, Value* y) {
  R rx = x->repr(), ry = y->repr();
  if (rx == ry) return true;
  if (rx == R::kUnknown || ry == R::kUnknown) return true;
  if (!IsNumeric(rx) || !IsNumeric(ry)) return false;
  if (Order(rx) < Order(ry)) {
    *x = Lift(*x, ry);
  } else {
    *y = Lift(*y, rx);
  }
  return true;
}

OpStatus Int64Op(int64_t a, Token op, int64_t b, Value* out) {
  int64_t c;
  switch (op) {
    case Token::ADD:
      if (!Is63Bit(a) || !Is63Bit(b)) return *out = MakeInt(Big(a) + Big(b)), OpStatus::kOk;
      c = a + b;
      break;
    case Token::SUB:
      if (!Is63Bit(a) || !Is63Bit(b)) return *out = MakeInt(Big(a) - Big(b)), OpStatus::kOk;
      c = a - b;
      break;
    case Token::MUL:
      if (!Is32Bit(a) || !Is32Bit(b)) return *out = MakeInt(Big(a) * Big(b)), OpStatus::kOk;
      c = a * b;
      break;
    case Token::QUO:
      if (b == 0) return OpStatus::kDivByZero;
      {
        mpq_class q(Big(a), Big(b));
        q.canonicalize();
        *out = MakeRat(q);
      }
      return OpStatus::kOk;
    case Token::QUO_ASSIGN:
      if (b == 0) return OpStatus::kDivByZero;
      // int64 division wraps for MinInt64 / -1, as go/constant's does.
      c = b == -1 ? int64_t(0 - uint64_t(a)) : a / b;
      break;
    case Token::REM:
      if (b == 0) return OpStatus::kDivByZero;
      c = b == -1 ? 0 : a % b;
      break;
    case Token::AND:
      c = a & b;
      break;
    case Token::OR:
      c = a | b;
      break;
    case Token::XOR:
      c = a ^ b;
      break;
    case Token::AND_NOT:
      c = a & ~b;
      break;
    default:
      return OpStatus::kInvalidOp;
  }
  *out = MakeInt64Repr(c);
  return OpStatus::kOk;
}

OpStatus BigIntOp(const mpz_class& a, Token op, const mpz_class& b, Value* out) {
  mpz_class c;
  switch (op) {
    case Token::ADD:
      c = a + b;
      break;
    case Token::SUB:
      c = a - b;
      break;
    case Token::MUL:
      c = a * b;
      break;
    case Token::QUO: {
      if (sgn(b) == 0) return OpStatus::kDivByZero;
      mpq_class q(a, b);
      q.canonicalize();
      *out = MakeRat(q);
      return OpStatus::kOk;
    }
    case Token::QUO_ASSIGN:
      if (sgn(b) == 0) return OpStatus::kDivByZero;
      mpz_tdiv_q(c.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
      break;
    case Token::REM:
      if (sgn(b) == 0) return OpStatus::kDivByZero;
      mpz_tdiv_r(c.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
      break;
    case Token::AND:
      c = a & b;
      break;
    case Token::OR:
      c = a | b;
      break;
    case Token::XOR:
      c = a ^ b;
      break;
    case Token::AND_NOT:
      c = a & ~b;
      break;
    default:
      return OpStatus::kInvalidOp;
  }
  *out = MakeInt(c);
  return OpStatus::kOk;
}

OpStatus RatOp(const mpq_class& a, Token op, const mpq_class& b, Value* out) {
  switch (op) {
    case Token::ADD:
      *out = MakeRat(a + b);
      break;
    case Token::SUB:
      *out = MakeRat(a - b);
      break;
    case Token::MUL:
      *out = MakeRat(a * b);
      break;
    case Token::QUO:
      if (sgn(b) == 0) return OpStatus::kDivByZero;
      *out = MakeRat(a / b);
      break;
    default:
      return OpStatus::kInvalidOp;
  }
  return OpStatus::kOk;
}

OpStatus FloatOp(const BigFloat& a, Token op, const BigFloat& b, Value* out) {
  switch (op) {
    case Token::ADD:
      *out = MakeFloat(BigFloat::Add(a, b));
      break;
    case Token::SUB:
      *out = MakeFloat(BigFloat::Sub(a, b));
      break;
    case Token::MUL:
      *out = MakeFloat(BigFloat::Mul(a, b));
      break;
    case Token::QUO:
      if (b.Sign() == 0) return OpStatus::kDivByZero;
      *out = MakeFloat(BigFloat::Quo(a, b));
      break;
    default:
      return OpStatus::kInvalidOp;
  }
  return OpStatus::kOk;
}

OpStatus ComplexOp(const Value& x, Token op, const Value& y, Value* out) {
  Value a = Real(x), b = Imag(x), c = Real(y), d = Imag(y);
  Value re, im;
  switch (op) {
    case Token::ADD:
      re = BinaryOp(a, Token::ADD, c);
      im = BinaryOp(b, Token::ADD, d);
      break;
    case Token::SUB:
      re = BinaryOp(a, Token::SUB, c);
      im = BinaryOp(b, Token::SUB, d);
      break;
    case Token::MUL:
    case Token::QUO: {
      Value ac = BinaryOp(a, Token::MUL, c), bd = BinaryOp(b, Token::MUL, d);
      Value bc = BinaryOp(b, Token::MUL, c), ad = BinaryOp(a, Token::MUL, d);
      if (op == Token::MUL) {
        re = BinaryOp(ac, Token::SUB, bd);
        im = BinaryOp(bc, Token::ADD, ad);
        break;
      }
      Value s = BinaryOp(BinaryOp(c, Token::MUL, c), Token::ADD, BinaryOp(d, Token::MUL, d));
      if (s.kind() != Kind::kUnknown && Sign(s) == 0) return OpStatus::kDivByZero;
      re = BinaryOp(BinaryOp(ac, Token::ADD, bd), Token::QUO, s);
      im = BinaryOp(BinaryOp(bc, Token::SUB, ad), Token::QUO, s);
      break;
    }
    default:
      return OpStatus::kInvalidOp;
  }
  *out = MakeComplex(re, im);
  return OpStatus::kOk;
}

int CmpToInt(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

// CompareOrdered applies op to the three-way comparison result c.
OpStatus CompareOrdered(int c, Token op, bool* out) {
  switch (op) {
    case Token::EQL:
      *out = c == 0;
      break;
    case Token::NEQ:
      *out = c != 0;
      break;
    case Token::LSS:
      *out = c < 0;
      break;
    case Token::LEQ:
      *out = c <= 0;
      break;
    case Token::GTR:
      *out = c > 0;
      break;
    case Token::GEQ:
      *out = c >= 0;
      break;
    default:
      return OpStatus::kInvalidOp;
  }
  return OpStatus::kOk;
}

}  // namespace

OpStatus UnaryOpChecked(Token op, const Value& y, unsigned prec, Value* out) {
  *out = Value();
  if (y.kind() == Kind::kUnknown) return OpStatus::kOk;
  switch (op) {
    case Token::ADD:
      if (!IsNumeric(y.repr())) return OpStatus::kInvalidOp;
      *out = y;
      return OpStatus::kOk;
    case Token::SUB:
      switch (y.repr()) {
        case R::kInt64:
          if (Access::I(y) != INT64_MIN) {
            *out = MakeInt64Repr(-Access::I(y));
          } else {
            *out = MakeInt(-Big(Access::I(y)));
          }
          return OpStatus::kOk;
        case R::kBigInt:
          *out = MakeInt(-Access::R(y).z);
          return OpStatus::kOk;
        case R::kRat:
          *out = MakeRat(-Access::R(y).q);
          return OpStatus::kOk;
        case R::kFloat:
          *out = MakeFloat(Access::R(y).f.Neg());
          return OpStatus::kOk;
        case R::kComplex:
          *out = MakeComplex(UnaryOp(Token::SUB, Real(y)), UnaryOp(Token::SUB, Imag(y)));
          return OpStatus::kOk;
        default:
          return OpStatus::kInvalidOp;
      }
    case Token::XOR: {
      if (y.kind() != Kind::kInt) return OpStatus::kInvalidOp;
      mpz_class z = ~ToMpz(y);
      if (prec > 0) {
        // Keep the low prec bits: the complement within an unsigned type's width.
        mpz_class mask = (mpz_class(1) << prec) - 1;
        z &= mask;
      }
      *out = MakeInt(z);
      return OpStatus::kOk;
    }
    case Token::NOT:
      if (y.repr() != R::kBool) return OpStatus::kInvalidOp;
      *out = MakeBool(!Access::B(y));
      return OpStatus::kOk;
    default:
      return OpStatus::kInvalidOp;
  }
}

OpStatus BinaryOpChecked(const Value& x0, Token op, const Value& y0, Value* out) {
  *out = Value();
  Value x = x0, y = y0;
  if (!Match(&x, &y)) return OpStatus::kInvalidOp;
  if (x.repr() == R::kUnknown || y.repr() == R::kUnknown) return OpStatus::kOk;
  switch (x.repr()) {
    case R::kBool:
      if (y.repr() != R::kBool) return OpStatus::kInvalidOp;
      if (op == Token::LAND) return *out = MakeBool(Access::B(x) && Access::B(y)), OpStatus::kOk;
      if (op == Token::LOR) return *out = MakeBool(Access::B(x) || Access::B(y)), OpStatus::kOk;
      return OpStatus::kInvalidOp;
    case R::kString:
      if (y.repr() != R::kString || op != Token::ADD) return OpStatus::kInvalidOp;
      *out = ConcatStrings(x, y);
      return OpStatus::kOk;
    case R::kInt64:
      return Int64Op(Access::I(x), op, Access::I(y), out);
    case R::kBigInt:
      return BigIntOp(Access::R(x).z, op, Access::R(y).z, out);
    case R::kRat:
      return RatOp(Access::R(x).q, op, Access::R(y).q, out);
    case R::kFloat:
      return FloatOp(Access::R(x).f, op, Access::R(y).f, out);
    case R::kComplex:
      return ComplexOp(x, op, y, out);
    default:
      return OpStatus::kInvalidOp;
  }
}

OpStatus ShiftChecked(const Value& x, Token op, unsigned s, Value* out) {
  *out = Value();
  if (x.kind() == Kind::kUnknown) return OpStatus::kOk;
  if (x.kind() != Kind::kInt || (op != Token::SHL && op != Token::SHR)) {
    return OpStatus::kInvalidOp;
  }
  if (s == 0) {
    *out = x;
    return OpStatus::kOk;
  }
  if (op == Token::SHR && x.repr() == R::kInt64) {
    // Arithmetic shift; shifting by 64 or more leaves only the sign.
    *out = MakeInt64Repr(Access::I(x) >> (s < 63 ? s : 63));
    return OpStatus::kOk;
  }
  mpz_class z = ToMpz(x);
  if (op == Token::SHL) {
    mpz_mul_2exp(z.get_mpz_t(), z.get_mpz_t(), s);
  } else {
    mpz_fdiv_q_2exp(z.get_mpz_t(), z.get_mpz_t(), s);  // rounds toward -inf, as big.Int.Rsh
  }
  *out = MakeInt(z);
  return OpStatus::kOk;
}

OpStatus CompareChecked(const Value& x0, Token op, const Value& y0, bool* out) {
  *out = false;
  Value x = x0, y = y0;
  if (!Match(&x, &y)) return OpStatus::kInvalidOp;
  if (x.repr() == R::kUnknown || y.repr() == R::kUnknown) return OpStatus::kOk;
  switch (x.repr()) {
    case R::kBool:
      if (op != Token::EQL && op != Token::NEQ) return OpStatus::kInvalidOp;
      if (y.repr() != R::kBool) return OpStatus::kInvalidOp;
      return CompareOrdered(Access::B(x) == Access::B(y) ? 0 : 1, op, out);
    case R::kString:
      if (y.repr() != R::kString) return OpStatus::kInvalidOp;
      return CompareOrdered(CmpToInt(StringText(x).compare(StringText(y))), op, out);
    case R::kInt64: {
      int64_t a = Access::I(x), b = Access::I(y);
      return CompareOrdered(a < b ? -1 : (a > b ? 1 : 0), op, out);
    }
    case R::kBigInt:
      return CompareOrdered(CmpToInt(cmp(Access::R(x).z, Access::R(y).z)), op, out);
    case R::kRat:
      return CompareOrdered(CmpToInt(cmp(Access::R(x).q, Access::R(y).q)), op, out);
    case R::kFloat:
      return CompareOrdered(BigFloat::Cmp(Access::R(x).f, Access::R(y).f), op, out);
    case R::kComplex: {
      if (op != Token::EQL && op != Token::NEQ) return OpStatus::kInvalidOp;
      bool eq = Compare(Real(x), Token::EQL, Real(y)) && Compare(Imag(x), Token::EQL, Imag(y));
      *out = op == Token::EQL ? eq : !eq;
      return OpStatus::kOk;
    }
    default:
      return OpStatus::kInvalidOp;
  }
}

Value UnaryOp(Token op, const Value& y, unsigned prec) {
  Value out;
  UnaryOpChecked(op, y, prec, &out);
  return out;
}

Value BinaryOp(const Value& x, Token op, const Value& y) {
  Value out;
  BinaryOpChecked(x, op, y, &out);
  return out;
}

Value Shift(const Value& x, Token op, unsigned s) {
  Value out;
  ShiftChecked(x, op, s, &out);
  return out;
}

bool Compare(const Value& x, Token op, const Value& y) {
  bool out;
  CompareChecked(x, op, y, &out);
  return out;
}

}  // namespace gotool::constant
