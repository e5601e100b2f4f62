// The universe: predeclared types, constants, nil, builtin functions and package unsafe.
#pragma once

#include <string_view>

#include "pkg/types/object.h"
#include "pkg/types/type.h"

namespace gotool::types {

// Universe holds the predeclared objects; it is created once and lives forever.
struct Universe {
  Scope* scope = nullptr;
  Package* unsafe = nullptr;
  Basic* typ[int(BasicKind::kUntypedNil) + 1] = {};  // indexed by BasicKind
  Basic* byte_type = nullptr;
  Basic* rune_type = nullptr;
  Type* error_type = nullptr;     // the Named error
  Type* comparable_type = nullptr;  // the Named comparable
  Type* any_type = nullptr;         // the empty interface (any)
  Const* iota = nullptr;
  Object* nil = nullptr;
  Func* error_method = nullptr;  // error.Error
  Scope* test_scope = nullptr;   // assert and trace (Config::test_builtins)
};

// GetUniverse returns the universe (thread-safe initialisation).
const Universe& GetUniverse();

// Typ returns the predeclared basic type of kind k.
inline Basic* Typ(BasicKind k) { return GetUniverse().typ[int(k)]; }

// InvalidType returns the invalid type.
inline Type* InvalidType() { return Typ(BasicKind::kInvalid); }

// UniverseContext returns the context that owns the universe's objects.
Context* UniverseContext();

}  // namespace gotool::types
