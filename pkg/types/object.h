// Objects (named language entities), Scopes, Packages and the Context that owns them,
// as go/types' Object, Scope and Package.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pkg/base/arena.h"
#include "pkg/base/pos.h"
#include "pkg/constant/value.h"
#include "pkg/types/type.h"

namespace gotool::syntax {
struct Node;
}

namespace gotool::types {

// ObjectKind tags every Object with its concrete class.
enum class ObjectKind : uint8_t { kVar, kConst, kTypeName, kFunc, kPkgName, kLabel, kBuiltin, kNil };

// Color marks objects during declaration resolution (go/types' color).
enum class Color : uint8_t { kWhite, kBlack, kGrey };

// Object is a named language entity: a constant, type, variable, function (incl.
// methods), package name, label, builtin or nil.
class Object {
 public:
  Object(ObjectKind kind, base::Pos pos, Package* pkg, std::string_view name, Type* type)
      : pos(pos), pkg(pkg), name(name), type(type), kind_(kind) {}
  virtual ~Object() = default;
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  // kind returns the concrete class of the object.
  ObjectKind kind() const { return kind_; }
  // As downcasts to T, aborting if the object is not a T.
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
  // Exported reports whether the name starts with an upper-case letter.
  bool Exported() const;
  // Id returns a name unique within a package set: the name, prefixed by the package
  // path for unexported names.
  std::string Id() const;
  // SameId reports whether this object has the given package and name (go/types' sameId).
  bool SameId(const Package* other_pkg, std::string_view other_name) const;

  base::Pos pos;
  Package* pkg;
  std::string_view name;
  Type* type;
  Scope* parent = nullptr;
  uint32_t order = 0;  // package-level declaration order (1-based), 0 if not package level
  Color color = Color::kWhite;
  base::Pos scope_pos;  // start of the scope where the object is visible

 private:
  ObjectKind kind_;
};

// Var is a variable, parameter, result or struct field.
class Var : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::kVar;
  Var(base::Pos pos, Package* pkg, std::string_view name, Type* type)
      : Object(kKind, pos, pkg, name, type) {}
  bool embedded = false;  // embedded struct field
  bool is_field = false;
  bool used = false;
};

// Const is a declared constant.
class Const : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::kConst;
  Const(base::Pos pos, Package* pkg, std::string_view name, Type* type, constant::Value val)
      : Object(kKind, pos, pkg, name, type), val(std::move(val)) {}
  constant::Value val;
};

// TypeName is a declared type (or alias).
class TypeName : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::kTypeName;
  TypeName(base::Pos pos, Package* pkg, std::string_view name, Type* type)
      : Object(kKind, pos, pkg, name, type) {}
  // IsAlias reports whether the type name denotes an alias.
  bool IsAlias() const;
};

// Func is a function or method; type is its *Signature.
class Func : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::kFunc;
  Func(base::Pos pos, Package* pkg, std::string_view name, Type* sig)
      : Object(kKind, pos, pkg, name, sig) {}
  bool has_ptr_recv = false;  // for interface methods of embedded pointer receivers
  Func* origin = nullptr;     // of a method of an instance: the generic type's method
  Named* parent_instance = nullptr;  // of a method of an instance: the instance
  // FullName returns "pkg.F", "(pkg.T).M" or "(*pkg.T).M".
  std::string FullName() const;
};

// PkgName is an imported package name.
class PkgName : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::kPkgName;
  PkgName(base::Pos pos, Package* pkg, std::string_view name, Package* imported)
      : Object(kKind, pos, pkg, name, nullptr), imported(imported) {}
  Package* imported;
  bool used = false;
};

// Label is a statement label.
class Label : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::kLabel;
  Label(base::Pos pos, Package* pkg, std::string_view name)
      : Object(kKind, pos, pkg, name, nullptr) {}
  bool used = false;
};

// BuiltinId identifies a predeclared function.
enum class BuiltinId : uint8_t {
  kAppend, kCap, kClear, kClose, kComplex, kCopy, kDelete, kImag, kLen, kMake, kMax, kMin,
  kNew, kPanic, kPrint, kPrintln, kReal, kRecover,
  kAdd, kAlignof, kOffsetof, kSizeof, kSlice, kString, kStringData, kSliceData,  // unsafe
  kAssert, kTrace,  // testing only
};

// Builtin is a predeclared function.
class Builtin : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::kBuiltin;
  Builtin(std::string_view name, BuiltinId id, Type* invalid)
      : Object(kKind, base::NoPos, nullptr, name, invalid), id(id) {}
  BuiltinId id;
};

// Nil is the predeclared nil.
class Nil : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::kNil;
  explicit Nil(Type* untyped_nil) : Object(kKind, base::NoPos, nullptr, "nil", untyped_nil) {}
};

// Scope maps names to objects; scopes nest. pos/end delimit the source range for
// position-aware lookup.
class Scope {
 public:
  Scope(Scope* parent, base::Pos pos, base::Pos end, std::string_view comment)
      : parent(parent), pos(pos), end(end), comment(comment) {}
  // Lookup returns the object named name in this scope only, or nullptr.
  Object* Lookup(std::string_view name) const;
  // LookupParent follows the parent chain from this scope and returns the first
  // object named name visible at pos (NoPos: ignore positions), and its scope.
  Object* LookupParent(std::string_view name, base::Pos pos, Scope** where) const;
  // Insert adds obj unless an object with its name exists; it returns the existing
  // object (not inserting) or nullptr (inserted, and obj->parent set if unset).
  Object* Insert(Object* obj);
  // Names returns the scope's names in sorted order.
  std::vector<std::string_view> Names() const;
  // Contains reports whether p lies in [pos, end).
  bool Contains(base::Pos p) const { return pos <= p && p < end; }

  Scope* parent;
  std::vector<Scope*> children;
  base::Pos pos, end;
  std::string_view comment;
  bool is_func = false;
  std::unordered_map<std::string_view, Object*> elems;
  std::vector<Object*> order;  // insertion order
};

// Package is a checked (or partially checked) package.
class Package {
 public:
  Package(std::string_view path, std::string_view name, Scope* scope)
      : path(path), name(name), scope(scope) {}
  std::string_view path;
  std::string_view name;
  Scope* scope;
  std::vector<Package*> imports;
  bool complete = false;
  bool fake = false;  // fake package (import "C" with fake_import_c)
};

// Context owns everything checks create: packages, objects, types, scopes and the
// strings they name. It is not thread-safe; use one Context per thread of checking.
class Context {
 public:
  Context() = default;
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  // NewType creates a type owned by the context.
  template <class T, class... Args>
  T* NewType(Args&&... args) {
    types_.push_back(std::make_unique<T>(std::forward<Args>(args)...));
    return static_cast<T*>(types_.back().get());
  }
  // NewObject creates an object owned by the context.
  template <class T, class... Args>
  T* NewObject(Args&&... args) {
    objects_.push_back(std::make_unique<T>(std::forward<Args>(args)...));
    return static_cast<T*>(objects_.back().get());
  }
  // NewScope creates a scope owned by the context, registered with its parent.
  Scope* NewScope(Scope* parent, base::Pos pos, base::Pos end, std::string_view comment);
  // NewPackage creates a package with a fresh scope under the universe.
  Package* NewPackage(std::string_view path, std::string_view name);
  // NewNode creates a syntax node owned by the context: an implicit operand that a
  // check records in Info (the 1 of x++, as go/types records it).
  template <class T>
  T* NewNode() {
    return arena_.New<T>();
  }
  // Intern copies s into storage owned by the context.
  std::string_view Intern(std::string_view s) { return arena_.CopyString(s); }

 private:
  base::Arena arena_;
  std::vector<std::unique_ptr<Type>> types_;
  std::vector<std::unique_ptr<Object>> objects_;
  std::deque<Scope> scopes_;
  std::deque<Package> packages_;
};

// DefaultContext returns the process-wide context used when Config::context is null.
Context* DefaultContext();

// ObjectString returns the string form of obj as go/types' ObjectString
// ("var x int", "func f()", "type T struct{}", "package fmt"...).
std::string ObjectString(Object* obj, const Qualifier* q = nullptr);

}  // namespace gotool::types
