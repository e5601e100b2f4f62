// The public interface of the type checker: Config, Importer, Info and Check, as go/types.
//
// Ownership: every Package, Object, Type and Scope a check creates is owned by a
// Context (Config::context, or the process-wide DefaultContext() when none is given)
// and lives as long as it. Predeclared objects and types belong to the Universe, which
// lives for the whole process. Checked packages refer to the syntax trees and source
// text they were checked from (names are views into the source): keep the files'
// arena and source alive as long as the packages are used.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pkg/base/diag.h"
#include "pkg/base/pos.h"
#include "pkg/constant/value.h"
#include "pkg/syntax/ast.h"
#include "pkg/types/object.h"
#include "pkg/types/type.h"

namespace gotool::types {

class Context;

// Importer resolves an import path to a checked package (nullptr + *err on failure).
class Importer {
 public:
  virtual ~Importer() = default;
  // Import returns the package for path, or nullptr with a reason in *err.
  virtual Package* Import(std::string_view path, std::string* err) = 0;
};

// Config configures a check, as go/types' Config. Sizes are gc's for amd64.
struct Config {
  Importer* importer = nullptr;   // nullptr: every import fails
  std::string go_version;         // "go1.22"; "" means the newest language version
  bool ignore_func_bodies = false;  // do not check function bodies
  bool fake_import_c = false;       // import "C" yields a fake package
  Context* context = nullptr;       // owner of what the check creates; nullptr: DefaultContext()
  // compiler_errors words the errors that differ between go/types and cmd/compile's
  // types2 as types2 does ("undefined: x"), for the test/ conformance suite.
  bool compiler_errors = false;
  // test_builtins predeclares assert(bool) and trace(...), as go/types' tests do.
  bool test_builtins = false;
};

// OperandMode is the kind of value an expression denotes (go/types' operandMode).
enum class OperandMode : uint8_t {
  kInvalid,   // operand is invalid
  kNoValue,   // operand represents no value (result of a function call w/o result)
  kBuiltin,   // operand is a built-in function
  kTypexpr,   // operand is a type
  kConstant,  // operand is a constant; the operand's typ is a Basic type
  kVariable,  // operand is an addressable variable
  kMapIndex,  // operand is a map index expression (acts like a variable on lhs)
  kValue,     // operand is a computed value
  kCommaOk,   // like kValue, but operand may be used in a comma,ok expression
};

// TypeAndValue records the type, mode and (for constants) value of an expression.
struct TypeAndValue {
  OperandMode mode = OperandMode::kInvalid;
  Type* type = nullptr;
  constant::Value value;
  // IsType reports whether the expression denotes a type.
  bool IsType() const { return mode == OperandMode::kTypexpr; }
  // IsValue reports whether the expression denotes a value.
  bool IsValue() const;
  // IsVoid reports whether the expression is a call without results.
  bool IsVoid() const { return mode == OperandMode::kNoValue; }
  // Addressable reports whether the expression is addressable.
  bool Addressable() const { return mode == OperandMode::kVariable; }
};

// SelectionKind distinguishes x.f forms (go/types' SelectionKind).
enum class SelectionKind : uint8_t { kFieldVal, kMethodVal, kMethodExpr };

// Selection describes a selector expression x.f (go/types' Selection).
struct Selection {
  SelectionKind kind = SelectionKind::kFieldVal;
  Type* recv = nullptr;    // type of x
  Object* obj = nullptr;   // a *Var (field) or *Func (method)
  std::vector<int> index;  // path of field/method indices through embedded fields
  bool indirect = false;   // whether a pointer indirection was needed
};

// Initializer is one package-level variable initialisation (go/types' Initializer).
struct Initializer {
  std::vector<Var*> lhs;  // variables being initialised, in declaration order
  const syntax::Expr* rhs = nullptr;
};

// Instance is an instantiation of a generic type or function (go/types' Instance).
struct Instance {
  std::vector<Type*> type_args;
  Type* type = nullptr;  // the instantiated type or signature
};

// Info holds the results of a check, keyed by syntax node pointers. Leave a table
// unused by setting the corresponding record_ flag to false.
struct Info {
  std::unordered_map<const syntax::Expr*, TypeAndValue> types;
  std::unordered_map<const syntax::Ident*, Object*> defs;
  std::unordered_map<const syntax::Ident*, Object*> uses;
  std::unordered_map<const syntax::Node*, Object*> implicits;
  std::unordered_map<const syntax::SelectorExpr*, Selection> selections;
  std::unordered_map<const syntax::Node*, Scope*> scopes;
  std::vector<Initializer> init_order;
  std::unordered_map<const syntax::Ident*, Instance> instances;  // keyed by the generic's name
  bool record_types = true;
  bool record_defs = true;
  bool record_uses = true;
  bool record_implicits = true;
  bool record_selections = true;
  bool record_scopes = true;
  bool record_init_order = true;
  bool record_instances = true;
  // TypeOf returns the type of e, or nullptr if not recorded.
  Type* TypeOf(const syntax::Expr* e) const;
  // ObjectOf returns the object e defines or uses, or nullptr.
  Object* ObjectOf(const syntax::Ident* e) const;
};

// Check type-checks one package's files; errors go to *errors (all of them,
// positioned), and the package is returned (never null). info and errors may be null.
Package* Check(const Config& cfg, std::string_view path, const base::FileSet& fset,
               std::span<syntax::File* const> files, Info* info, base::ErrorList* errors);

}  // namespace gotool::types
