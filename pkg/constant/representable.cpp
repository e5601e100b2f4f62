// Representable and Representation: go/types' constant representability rules.
#include "pkg/constant/representable.h"

#include <cmath>

namespace gotool::constant {

using B = BasicKind;

bool IsIntegerKind(B k) {
  return (k >= B::kInt && k <= B::kUintptr) || k == B::kUntypedInt || k == B::kUntypedRune;
}
bool IsUnsignedKind(B k) { return k >= B::kUint && k <= B::kUintptr; }
bool IsFloatKind(B k) { return k == B::kFloat32 || k == B::kFloat64 || k == B::kUntypedFloat; }
bool IsComplexKind(B k) {
  return k == B::kComplex64 || k == B::kComplex128 || k == B::kUntypedComplex;
}
bool IsNumericKind(B k) { return IsIntegerKind(k) || IsFloatKind(k) || IsComplexKind(k); }
bool IsStringKind(B k) { return k == B::kString || k == B::kUntypedString; }
bool IsBooleanKind(B k) { return k == B::kBool || k == B::kUntypedBool; }

Value RoundFloat32(const Value& x) {
  double f = Float32Val(x);
  return std::isinf(f) ? Value() : MakeFloat64(f);
}

Value RoundFloat64(const Value& x) {
  double f = Float64Val(x);
  return std::isinf(f) ? Value() : MakeFloat64(f);
}

namespace {

// IntFits reports whether the Int x fits the integer kind k.
bool IntFits(const Value& x, B k, int word_size) {
  int bits = 64;
  bool is_signed = true;
  switch (k) {
    case B::kInt:
      bits = word_size * 8;
      break;
    case B::kInt8:
      bits = 8;
      break;
    case B::kInt16:
      bits = 16;
      break;
    case B::kInt32:
      bits = 32;
      break;
    case B::kInt64:
      break;
    case B::kUint:
    case B::kUintptr:
      bits = word_size * 8;
      is_signed = false;
      break;
    case B::kUint8:
      bits = 8;
      is_signed = false;
      break;
    case B::kUint16:
      bits = 16;
      is_signed = false;
      break;
    case B::kUint32:
      bits = 32;
      is_signed = false;
      break;
    case B::kUint64:
      is_signed = false;
      break;
    default:
      return true;  // untyped int and rune: any size
  }
  if (is_signed) {
    mpz_class z = IntVal(x), limit = mpz_class(1) << (bits - 1);
    return z >= -limit && z < limit;
  }
  return Sign(x) >= 0 && BitLen(x) <= bits;
}

// FloatRound rounds x to the float kind k into *rounded; false if it overflows.
bool FloatRound(const Value& x, B k, Value* rounded) {
  if (k == B::kUntypedFloat) return true;
  Value r = k == B::kFloat32 ? RoundFloat32(x) : RoundFloat64(x);
  if (r.kind() == Kind::kUnknown) return false;
  if (rounded) *rounded = r;
  return true;
}

}  // namespace

bool Representable(const Value& x, B target, Value* rounded, int word_size) {
  if (x.kind() == Kind::kUnknown) return true;  // avoid follow-up errors
  if (IsIntegerKind(target)) {
    Value i = ToInt(x);
    if (i.kind() != Kind::kInt) return false;
    if (rounded) *rounded = i;
    return IntFits(i, target, word_size);
  }
  if (IsFloatKind(target)) {
    Value f = ToFloat(x);
    if (f.kind() != Kind::kFloat) return false;
    return FloatRound(f, target, rounded);
  }
  if (IsComplexKind(target)) {
    Value c = ToComplex(x);
    if (c.kind() != Kind::kComplex) return false;
    if (target == B::kUntypedComplex) return true;
    B part = target == B::kComplex64 ? B::kFloat32 : B::kFloat64;
    Value re, im;
    if (!FloatRound(Real(c), part, &re) || !FloatRound(Imag(c), part, &im)) return false;
    if (rounded) *rounded = BinaryOp(re, Token::ADD, MakeImag(im));
    return true;
  }
  if (IsStringKind(target)) return x.kind() == Kind::kString;
  if (IsBooleanKind(target)) return x.kind() == Kind::kBool;
  return false;
}

ConversionError Representation(const Value& x, B from, B target, Value* out, int word_size) {
  Value v = x;
  if (Representable(x, target, &v, word_size)) {
    if (out) *out = v;
    return ConversionError::kNone;
  }
  if (IsNumericKind(from) && IsNumericKind(target)) {
    if (!IsIntegerKind(from) && IsIntegerKind(target)) return ConversionError::kTruncated;
    return ConversionError::kOverflows;
  }
  return ConversionError::kInvalid;
}

std::string ConversionMessage(ConversionError err, std::string_view operand,
                              std::string_view target) {
  std::string op(operand), t(target);
  switch (err) {
    case ConversionError::kNone:
      return "";
    case ConversionError::kTruncated:
      return op + " truncated to " + t;
    case ConversionError::kOverflows:
      return op + " overflows " + t;
    case ConversionError::kInvalid:
      return "cannot convert " + op + " to " + t;
  }
  return "";
}

}  // namespace gotool::constant
