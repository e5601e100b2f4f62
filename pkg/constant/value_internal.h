// The heap node behind big constant values, shared by the pkg/constant sources.
#pragma once

#include <string>

#include "pkg/constant/value.h"

namespace gotool::constant {

// Rep holds the part of a Value that does not fit inline; which member is meaningful
// follows the Value's Repr.
struct Rep {
  // kString: the text, or for a long concatenation not needed as text yet, nothing
  // and the operands in concat_x + concat_y. StringText flattens it on first use and
  // keeps the text, as go/constant's stringVal does, so that long chains of + (a
  // file of string literals added together) take linear time and memory. Not safe
  // for concurrent first use.
  mutable std::string str;
  mutable Value concat_x, concat_y;  // kUnknown unless an unflattened concatenation
  size_t str_size = 0;               // kString: the text's length
  mpz_class z;                       // kBigInt
  mpq_class q;                       // kRat
  BigFloat f;                        // kFloat
  Value re, im;                      // kComplex
};

// Access builds and inspects Values for the implementation files.
struct Access {
  static Value Make(Value::Repr r) {
    Value v;
    v.repr_ = r;
    return v;
  }
  static Value MakeRep(Value::Repr r, std::shared_ptr<Rep> rep) {
    Value v;
    v.repr_ = r;
    v.rep_ = std::move(rep);
    return v;
  }
  static bool B(const Value& v) { return v.i_ != 0; }
  static void SetB(Value* v, bool b) { v->i_ = b; }
  static int64_t I(const Value& v) { return v.i_; }
  static void SetI(Value* v, int64_t i) { v->i_ = i; }
  static const Rep& R(const Value& v) { return *v.rep_; }
};

// StringText returns the text of a kString value, flattening a concatenation.
const std::string& StringText(const Value& string_value);
// ConcatStrings returns x + y for kString values.
Value ConcatStrings(const Value& x, const Value& y);

// Representation helpers (value.cpp).
Value MakeInt64Repr(int64_t x);
Value MakeBigIntRepr(mpz_class x);                    // x does not fit int64
Value MakeRatRepr(mpq_class x);                       // kept as a rational whatever its size
Value MakeFloatRepr(BigFloat x);                      // kept as a float whatever its value
Value MakeComplex(const Value& re, const Value& im);  // Unknown if a part is

// SmallInt reports whether x is small enough to stay in a rational (< 4096 bits).
bool SmallInt(const mpz_class& x);
// SmallFloat reports whether x converts to a reasonably sized rational.
bool SmallFloat(const BigFloat& x);

// Conversions between representations (value.cpp).
mpz_class ToMpz(const Value& int_value);
mpq_class ToMpq(const Value& int_or_rat);
BigFloat ToBigFloat(const Value& real);  // int64, big int, rational or float

}  // namespace gotool::constant
