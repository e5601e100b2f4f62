// Representable: go/types' check that a constant fits a basic type, with the
// float32/float64 rounding and the overflow-vs-truncation classification of errors.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pkg/constant/value.h"

namespace gotool::constant {

// BasicKind lists the basic types a constant can be converted to, as go/types'
// BasicKind (the order matches it).
enum class BasicKind : uint8_t {
  kInvalid,
  kBool,
  kInt,
  kInt8,
  kInt16,
  kInt32,
  kInt64,
  kUint,
  kUint8,
  kUint16,
  kUint32,
  kUint64,
  kUintptr,
  kFloat32,
  kFloat64,
  kComplex64,
  kComplex128,
  kString,
  kUnsafePointer,
  kUntypedBool,
  kUntypedInt,
  kUntypedRune,
  kUntypedFloat,
  kUntypedComplex,
  kUntypedString,
  kUntypedNil,
};

// IsIntegerKind, IsFloatKind, IsComplexKind, IsNumericKind, IsStringKind and
// IsBooleanKind classify basic kinds as go/types' predicates do.
bool IsIntegerKind(BasicKind k);
bool IsUnsignedKind(BasicKind k);
bool IsFloatKind(BasicKind k);
bool IsComplexKind(BasicKind k);
bool IsNumericKind(BasicKind k);
bool IsStringKind(BasicKind k);
bool IsBooleanKind(BasicKind k);

// kMaxUntypedIntBits is the size beyond which an untyped integer constant overflows
// ("constant multiplication overflow" etc. in go/types).
inline constexpr int kMaxUntypedIntBits = 512;

// RoundFloat32 returns x rounded to float32 (as a Float value), or Unknown if it
// overflows to infinity (go/types' roundFloat32); RoundFloat64 likewise.
Value RoundFloat32(const Value& x);
Value RoundFloat64(const Value& x);

// Representable reports whether x can be represented as a value of the basic type
// target, where int, uint and uintptr are word_size bytes. If rounded is non-null it
// receives the value converted to the target: an Int for integer targets, the value
// rounded to float32/float64 precision for float and complex targets (left alone
// when not representable). Unknown is representable in every type.
bool Representable(const Value& x, BasicKind target, Value* rounded = nullptr, int word_size = 8);

// ConversionError classifies a failed constant representation as go/types does.
enum class ConversionError : uint8_t {
  kNone,       // representable
  kTruncated,  // a non-integer numeric into an integer type: "%s truncated to %s"
  kOverflows,  // a numeric value out of range: "%s overflows %s"
  kInvalid,    // anything else: "cannot convert %s to %s"
};

// Representation converts the constant x of basic type from to target as go/types'
// Checker.representation: *out receives the converted value on success; otherwise
// the result says how to word the error.
ConversionError Representation(const Value& x, BasicKind from, BasicKind target, Value* out,
                               int word_size = 8);

// ConversionMessage words a failed representation as go/types' invalidConversion,
// given the formatted operand ("300 (untyped int constant)") and the target type name.
std::string ConversionMessage(ConversionError err, std::string_view operand,
                              std::string_view target);

}  // namespace gotool::constant
