// Field and method lookup through embedding, method sets and interface satisfaction,
// as go/types' lookup.go.
#pragma once

#include <string_view>
#include <vector>

#include "pkg/types/object.h"
#include "pkg/types/type.h"

namespace gotool::types {

// LookupResult is the outcome of LookupFieldOrMethod: obj is the field or method
// found (nullptr if none); with obj == nullptr, a non-empty index means the name is
// ambiguous and indirect means a method needs a pointer receiver or addressable value.
struct LookupResult {
  Object* obj = nullptr;
  std::vector<int> index;
  bool indirect = false;
  // incomplete is set when nothing was found but the search met an embedded field
  // of invalid type (already reported), which might have provided name; callers
  // then stay silent instead of cascading.
  bool incomplete = false;
};

// LookupFieldOrMethod looks up the field or method name (as seen from package pkg) in
// T, following embedded fields breadth-first, as go/types' LookupFieldOrMethod.
LookupResult LookupFieldOrMethod(Type* T, bool addressable, const Package* pkg,
                                 std::string_view name, bool fold_case = false);

// LookupMethodIn returns the index and the method named name in methods, or -1.
int LookupMethodIn(const std::vector<Func*>& methods, const Package* pkg, std::string_view name,
                   bool fold_case = false);

// MissingMethodResult describes why a type does not implement an interface: method
// is the missing interface method; alt a method with the wrong type, pointer
// receiver or different case (or nullptr).
struct MissingMethodResult {
  Func* method = nullptr;
  Func* alt = nullptr;
};

// DeclareMethodHook resolves a method's signature on demand (set by the checker).
using MethodResolver = void (*)(void* ctx, Func* f);

// MissingMethod reports the first method of interface T that V lacks. With static
// false, methods missing from an interface V are not reported. resolve (if non-null)
// completes method signatures before they are compared.
MissingMethodResult MissingMethod(Type* V, Interface* T, bool static_check,
                                  MethodResolver resolve = nullptr, void* resolve_ctx = nullptr);

// Deref returns the pointer base of t if t is a *T (and sets *is_ptr), else t.
Type* Deref(Type* t, bool* is_ptr = nullptr);

// HasPtrRecv reports whether method f has a pointer receiver.
bool HasPtrRecv(Func* f);

// IsInterfacePtr reports whether t is a pointer to an interface or type parameter.
bool IsInterfacePtr(Type* t);

}  // namespace gotool::types

namespace gotool::types {
// CompleteInterface computes t's full method set (all_methods, sorted by Id) from its
// explicit methods and embedded interfaces, if not done yet.
void CompleteInterface(Interface* t);
}  // namespace gotool::types
