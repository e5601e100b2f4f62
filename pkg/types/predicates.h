// Type predicates: classification, identity, comparability, default types, as
// go/types' predicates.go.
#pragma once

#include "pkg/types/type.h"

namespace gotool::types {

// IsBasicInfo reports whether the underlying type of t is a Basic with any of the
// info bits in mask.
bool IsBasicInfo(Type* t, uint32_t mask);
// IsBoolean, IsInteger, ... classify the underlying type of t.
inline bool IsBoolean(Type* t) { return IsBasicInfo(t, kIsBoolean); }
inline bool IsInteger(Type* t) { return IsBasicInfo(t, kIsInteger); }
inline bool IsUnsigned(Type* t) { return IsBasicInfo(t, kIsUnsigned); }
inline bool IsFloat(Type* t) { return IsBasicInfo(t, kIsFloat); }
inline bool IsComplex(Type* t) { return IsBasicInfo(t, kIsComplex); }
inline bool IsNumeric(Type* t) { return IsBasicInfo(t, kIsNumeric); }
inline bool IsString(Type* t) { return IsBasicInfo(t, kIsString); }
inline bool IsOrdered(Type* t) { return IsBasicInfo(t, kIsOrdered); }
// IsConstType is false for type parameters: their values are never constants.
inline bool IsConstType(Type* t) {
  return t != nullptr && t->kind() != TypeKind::kTypeParam && IsBasicInfo(t, kIsConstType);
}
// IsUntyped reports whether t is an untyped basic type (t itself, not underlying).
bool IsUntyped(Type* t);
// IsTyped reports whether t is not untyped.
inline bool IsTyped(Type* t) { return !IsUntyped(t); }
// IsInterface reports whether the underlying type of t is an interface.
bool IsInterface(Type* t);
// IsInvalid reports whether t is the invalid type (or null).
bool IsInvalid(Type* t);
// IsUnsafePointer reports whether the underlying type of t is unsafe.Pointer.
bool IsUnsafePointer(Type* t);
// IsUintptr reports whether the underlying type of t is uintptr.
bool IsUintptr(Type* t);
// HasNil reports whether nil is a valid value of type t.
bool HasNil(Type* t);
// Identical reports whether x and y are identical types.
bool Identical(Type* x, Type* y);
// IdenticalIgnoreTags is Identical ignoring struct tags.
bool IdenticalIgnoreTags(Type* x, Type* y);
// Comparable reports whether values of type t are comparable.
bool Comparable(Type* t);
// ComparableStrict is Comparable, except that interfaces count only when their type
// set is comparable (constraint satisfaction of comparable).
bool ComparableStrict(Type* t);
// DefaultType returns the default type of an untyped type (t itself otherwise).
Type* DefaultType(Type* t);
// HasName reports whether t has a name (Basic, Named, TypeParam).
bool HasName(Type* t);

}  // namespace gotool::types
