// Value: exact constant values and go/constant's operations on them.
//
// A Value is a small handle (a tag, an inline bool or int64, and a reference-counted
// pointer to an immutable GMP representation) that is cheap to copy and never leaks:
// big ints, rationals, big floats, strings and complex parts live in a shared,
// immutable heap node freed when the last Value referring to it goes away
// (std::shared_ptr; nodes only point at older nodes, so there are no cycles).
//
// As in go/constant, Int values are int64s or GMP integers, and Float values are
// GMP rationals while their numerator and denominator stay below 4096 bits and
// 512-bit binary floats (BigFloat) after that; once a float, a value stays a float.
// The representation shows in ExactString and in the Unknown results of overflow.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "pkg/constant/bigfloat.h"
#include "pkg/syntax/token.h"

namespace gotool::constant {

using syntax::Token;

// Kind is the kind of a Value, as go/constant's Kind.
enum class Kind : uint8_t { kUnknown, kBool, kString, kInt, kFloat, kComplex };

// KindString names k as go/constant's Kind.String does ("Unknown", "Int", ...).
std::string_view KindString(Kind k);

struct Rep;  // the heap node of big values (value_internal.h)

// Value is an exact constant: Unknown, Bool, String, Int, Float or Complex.
class Value {
 public:
  // Representation is how a value is stored; go/constant's concrete types.
  enum class Repr : uint8_t { kUnknown, kBool, kString, kInt64, kBigInt, kRat, kFloat, kComplex };

  Value() = default;  // Unknown

  // kind returns the value's kind.
  Kind kind() const;
  // repr returns how the value is stored (int64 vs big int, rational vs float).
  Repr repr() const { return repr_; }
  // String returns a short, human-readable form as go/constant's String: quoted
  // strings shortened to 72 runes, floats as %.6g, ints in full.
  std::string String() const;
  // ExactString returns the exact form as go/constant's ExactString: rationals as
  // "a/b", big floats as hexadecimal mantissa and binary exponent.
  std::string ExactString() const;

 private:
  friend struct Access;
  Repr repr_ = Repr::kUnknown;
  int64_t i_ = 0;  // kInt64: the value; kBool: 0 or 1
  std::shared_ptr<const Rep> rep_;
};

// MakeUnknown returns the Unknown value.
Value MakeUnknown();
// MakeBool returns the Bool value for b.
Value MakeBool(bool b);
// MakeString returns the String value for s.
Value MakeString(std::string s);
// MakeInt64 returns the Int value for x.
Value MakeInt64(int64_t x);
// MakeUint64 returns the Int value for x.
Value MakeUint64(uint64_t x);
// MakeFloat64 returns the Float value for x (-0 becomes 0); Unknown if x is not finite.
Value MakeFloat64(double x);
// MakeInt returns the Int value for x.
Value MakeInt(const mpz_class& x);
// MakeRat returns the Float value for x (a BigFloat if its parts are too large).
Value MakeRat(const mpq_class& x);
// MakeFloat returns the Float value for x; Unknown for an infinity.
Value MakeFloat(const BigFloat& x);
// MakeImag returns the Complex value 0 + x*i (x Int or Float; Unknown stays Unknown).
Value MakeImag(const Value& x);
// MakeFromLiteral returns the value of a Go literal of kind tok (INT, FLOAT, IMAG,
// CHAR or STRING), or Unknown if the literal is malformed.
Value MakeFromLiteral(std::string_view lit, Token tok);

// BoolVal returns the Go bool value of x (Bool or Unknown; false otherwise).
bool BoolVal(const Value& x);
// StringVal returns the Go string value of x (String or Unknown; "" otherwise).
std::string StringVal(const Value& x);
// Int64Val returns the int64 value of an Int x and in *exact whether it is exact.
int64_t Int64Val(const Value& x, bool* exact = nullptr);
// Uint64Val returns the uint64 value of an Int x and in *exact whether it is exact.
uint64_t Uint64Val(const Value& x, bool* exact = nullptr);
// Float32Val returns the nearest float32 to an Int or Float x, *exact if equal.
float Float32Val(const Value& x, bool* exact = nullptr);
// Float64Val returns the nearest float64 to an Int or Float x, *exact if equal.
double Float64Val(const Value& x, bool* exact = nullptr);
// IntVal returns an Int x as a GMP integer (0 for other kinds).
mpz_class IntVal(const Value& x);
// RatVal returns an Int or Float x exactly as a GMP rational if it has one
// (*ok false for a big float too large for go/constant's smallFloat, or non-numbers).
mpq_class RatVal(const Value& x, bool* ok);

// BitLen returns the number of bits of |x| for an Int x (0 otherwise).
int BitLen(const Value& x);
// Sign returns -1, 0 or 1 for a numeric x (for complex: 0 iff both parts are 0,
// otherwise non-zero); 1 for Unknown, to avoid spurious division-by-zero errors.
int Sign(const Value& x);
// Num returns the numerator of an Int or Float x (Unknown if it has none).
Value Num(const Value& x);
// Denom returns the (positive) denominator of an Int or Float x, as Num.
Value Denom(const Value& x);
// Real returns the real part of a numeric x (x itself unless Complex).
Value Real(const Value& x);
// Imag returns the imaginary part of a numeric x (0 unless Complex).
Value Imag(const Value& x);
// ToInt returns x as an Int if it is exactly (or within a few ulps of) an integer,
// else Unknown.
Value ToInt(const Value& x);
// ToFloat returns x as a Float if it is representable as one, else Unknown.
Value ToFloat(const Value& x);
// ToComplex returns x as a Complex if it is numeric, else Unknown.
Value ToComplex(const Value& x);

// OpStatus says whether an operation was valid; go/constant panics where this API
// returns kInvalidOp or kDivByZero (with an Unknown result).
enum class OpStatus : uint8_t { kOk, kInvalidOp, kDivByZero };

// UnaryOpChecked computes op y (ADD, SUB, XOR, NOT) into *out; for XOR, prec > 0
// limits the complement to prec bits (the width of an unsigned operand type).
OpStatus UnaryOpChecked(Token op, const Value& y, unsigned prec, Value* out);
// BinaryOpChecked computes x op y into *out for ADD SUB MUL QUO REM AND OR XOR AND_NOT
// LAND LOR, and QUO_ASSIGN for truncated integer division. The operands are first
// brought to the larger representation (int64 < big int < rational < big float <
// complex). A zero divisor gives kDivByZero.
OpStatus BinaryOpChecked(const Value& x, Token op, const Value& y, Value* out);
// ShiftChecked computes x op s (SHL, SHR) for an Int x into *out.
OpStatus ShiftChecked(const Value& x, Token op, unsigned s, Value* out);
// CompareChecked computes x op y (EQL NEQ LSS LEQ GTR GEQ) into *out.
OpStatus CompareChecked(const Value& x, Token op, const Value& y, bool* out);

// UnaryOp, BinaryOp, Shift and Compare are the unchecked forms: an invalid operation
// or a division by zero gives Unknown (false for Compare).
Value UnaryOp(Token op, const Value& y, unsigned prec = 0);
Value BinaryOp(const Value& x, Token op, const Value& y);
Value Shift(const Value& x, Token op, unsigned s);
bool Compare(const Value& x, Token op, const Value& y);

}  // namespace gotool::constant
