// Go types as go/types models them: Basic, Pointer, Array, Slice, Struct, Tuple,
// Signature, Interface, Map, Chan, Named, TypeParam and Union (a constraint's
// union of terms).
//
// Types are kind-tagged structs owned by a Context (or the Universe); identity is
// structural (see Identical in predicates.h) except for Named types.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "pkg/base/pos.h"
#include "pkg/constant/representable.h"

namespace gotool::types {

class Object;
class Var;
class Func;
class TypeName;
class Package;
class Scope;

// TypeKind tags every Type with its concrete class.
enum class TypeKind : uint8_t {
  kBasic,
  kPointer,
  kArray,
  kSlice,
  kStruct,
  kTuple,
  kSignature,
  kInterface,
  kMap,
  kChan,
  kNamed,
  kTypeParam,
  kUnion,
};

// Type is the common base of all types.
class Type {
 public:
  explicit Type(TypeKind kind) : kind_(kind) {}
  virtual ~Type() = default;
  Type(const Type&) = delete;
  Type& operator=(const Type&) = delete;
  // kind returns the concrete class of the type.
  TypeKind kind() const { return kind_; }
  // As downcasts to T, aborting if the type is not a T.
  template <class T>
  T* As() {
    if (kind_ != T::kKind) std::abort();
    return static_cast<T*>(this);
  }
  // TryAs downcasts to T, or returns nullptr.
  template <class T>
  T* TryAs() {
    return kind_ == T::kKind ? static_cast<T*>(this) : nullptr;
  }

 private:
  TypeKind kind_;
};

// BasicKind is constant::BasicKind plus the byte and rune aliases.
using BasicKind = constant::BasicKind;

// BasicInfo is a set of properties of a basic type (go/types' BasicInfo).
enum BasicInfo : uint32_t {
  kIsBoolean = 1 << 0,
  kIsInteger = 1 << 1,
  kIsUnsigned = 1 << 2,
  kIsFloat = 1 << 3,
  kIsComplex = 1 << 4,
  kIsString = 1 << 5,
  kIsUntyped = 1 << 6,
  kIsOrdered = kIsInteger | kIsFloat | kIsString,
  kIsNumeric = kIsInteger | kIsFloat | kIsComplex,
  kIsConstType = kIsBoolean | kIsNumeric | kIsString,
};

// Basic is a predeclared type (int, string, untyped int...). byte and rune are
// distinct Basic objects with the kinds of uint8 and int32.
class Basic : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kBasic;
  Basic(BasicKind k, uint32_t info, std::string_view name)
      : Type(kKind), basic_kind(k), info(info), name(name) {}
  BasicKind basic_kind;
  uint32_t info;
  std::string_view name;
};

// Pointer is *elem.
class Pointer : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kPointer;
  explicit Pointer(Type* elem) : Type(kKind), elem(elem) {}
  Type* elem;
};

// Array is [len]elem; len is -1 when unknown (invalid length).
class Array : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kArray;
  Array(Type* elem, int64_t len) : Type(kKind), elem(elem), len(len) {}
  Type* elem;
  int64_t len;
};

// Slice is []elem.
class Slice : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kSlice;
  explicit Slice(Type* elem) : Type(kKind), elem(elem) {}
  Type* elem;
};

// Struct is a struct type; tags[i] is the (unquoted) tag of fields[i].
class Struct : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kStruct;
  Struct() : Type(kKind) {}
  std::vector<Var*> fields;
  std::vector<std::string> tags;
};

// Tuple is an ordered list of variables (parameters, results, multi-value results).
class Tuple : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kTuple;
  Tuple() : Type(kKind) {}
  std::vector<Var*> vars;
  size_t size() const { return vars.size(); }
};

// Signature is a function type; recv is set for methods.
class TypeParam;

// Signature is a function type; recv is set for methods. A generic function's
// signature has type_params; a method of a generic type has recv_type_params, the
// receiver's own type parameters (func (x *T[P]) ...).
class Signature : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kSignature;
  Signature() : Type(kKind) {}
  std::vector<TypeParam*> type_params;
  std::vector<TypeParam*> recv_type_params;
  Var* recv = nullptr;
  Tuple* params = nullptr;   // never null once built
  Tuple* results = nullptr;  // never null once built
  bool variadic = false;
  Scope* scope = nullptr;  // function scope, if any
};

// Term is one term of a union: ~type (tilde) or type.
struct Term {
  bool tilde = false;
  Type* type = nullptr;
};

// Interface is an interface type. methods are the explicitly declared methods,
// embeddeds the embedded types; all_methods is the computed, sorted method set
// (valid once complete is set).
class Interface : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kInterface;
  Interface() : Type(kKind) {}
  std::vector<Func*> methods;
  std::vector<Type*> embeddeds;
  std::vector<const void*> embedded_pos;  // syntax nodes of embeddeds, for errors
  std::vector<Func*> all_methods;
  bool complete = false;
  bool computing = false;
  bool is_comparable = false;  // the predeclared comparable, or embeds it
  bool has_type_set = false;   // has union or ~ elements (constraint only)
  bool implicit = false;       // the interface{E} of a constraint written as E
  // The type set's terms (typeset.cpp): valid once tset_done is set; tset_all means
  // all types (no term restriction), otherwise tset_terms lists them (empty: none).
  bool tset_done = false;
  bool tset_all = true;
  std::vector<Term> tset_terms;
  // Empty reports whether the interface has no methods and no type restrictions.
  bool Empty() const { return all_methods.empty() && !is_comparable && !has_type_set; }
};

// Map is map[key]elem.
class Map : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kMap;
  Map(Type* key, Type* elem) : Type(kKind), key(key), elem(elem) {}
  Type* key;
  Type* elem;
};

// ChanDir is the direction of a channel type.
enum class ChanDir : uint8_t { kSendRecv, kSendOnly, kRecvOnly };

// Chan is a channel type.
class Chan : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kChan;
  Chan(ChanDir dir, Type* elem) : Type(kKind), dir(dir), elem(elem) {}
  ChanDir dir;
  Type* elem;
};

class Context;

// Named is a defined type with its methods. underlying is nullptr while the
// declaration is being resolved. A generic type has type_params; an instance of
// one has orig (the generic type) and type_args, and its underlying type and
// methods are substituted from orig's on first use (subst.cpp).
class Named : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kNamed;
  explicit Named(TypeName* obj) : Type(kKind), obj(obj) {}
  TypeName* obj;
  Type* underlying = nullptr;
  Type* from_rhs = nullptr;  // the declared type before expanding named chains
  std::vector<Func*> methods;  // of an instance: filled lazily (InstanceMethod)
  std::vector<TypeParam*> type_params;
  Named* orig = nullptr;  // the generic type of an instance
  std::vector<Type*> type_args;
  std::vector<Named*> instances;  // of a generic type: its instances, for reuse
  Context* ctx = nullptr;         // of an instance: the owner of its expansion
  bool resolving = false;         // the declaration is being type-checked
  bool expanding = false;         // of an instance: its underlying type is being computed
  base::Pos inst_pos;             // of an instance: where the source first instantiated it
};

// TypeParam is a type parameter; constraint is its bound, an interface (Named or
// literal; a constraint written as a type set gets an implicit interface).
class TypeParam : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kTypeParam;
  explicit TypeParam(TypeName* obj) : Type(kKind), obj(obj) {}
  TypeName* obj;
  Type* constraint = nullptr;
  int index = -1;  // position in its type-parameter list
};

// Union is a union of terms, an element of a constraint interface (int | ~string).
class Union : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::kUnion;
  Union() : Type(kKind) {}
  std::vector<Term> terms;
};

// Underlying returns the underlying type of t (t itself unless t is Named).
Type* Underlying(Type* t);

// Qualifier decides how a package is written in type strings: it returns the
// qualifier text (empty: unqualified). The default qualifies with the package path.
class Qualifier {
 public:
  virtual ~Qualifier() = default;
  // Qualify returns how pkg is named in front of its objects.
  virtual std::string Qualify(const Package* pkg) const;
};

// TypeString returns the string form of t as go/types' TypeString; q may be null
// (qualify by package path).
std::string TypeString(Type* t, const Qualifier* q = nullptr);
// WriteType appends the string form of t to *out.
void WriteType(std::string* out, Type* t, const Qualifier* q);
// WriteSignature appends a signature without the leading "func" to *out.
void WriteSignature(std::string* out, Signature* sig, const Qualifier* q);

// Sizeof returns the size of a variable of type t on amd64. With gc_rules (the
// compiler's sizes) a struct's size is rounded up to its alignment and a trailing
// zero-size field is padded; without, it follows go/types' StdSizes{8, 8}, which
// does neither.
int64_t Sizeof(Type* t, bool gc_rules = true);
// Alignof returns the alignment of a variable of type t.
int64_t Alignof(Type* t);
// Offsetsof returns the offsets of the fields of struct s (gc_rules as for Sizeof).
std::vector<int64_t> Offsetsof(Struct* s, bool gc_rules = true);

}  // namespace gotool::types
