// AST traversal in go/ast's order: ForEachChild, and Inspect as go/ast's ast.Inspect.
#pragma once

#include <type_traits>
#include <utility>

#include "pkg/syntax/ast.h"

namespace gotool::syntax {

// FunctionRef is a non-owning reference to a callable, cheap to pass by value. The
// callable must outlive the call it is passed to.
template <class Sig>
class FunctionRef;

template <class R, class... Args>
class FunctionRef<R(Args...)> {
 public:
  template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, FunctionRef>>>
  FunctionRef(F&& f)  // NOLINT: implicit by design
      : obj_(const_cast<void*>(static_cast<const void*>(&f))),
        call_([](void* obj, Args... args) -> R {
          return (*static_cast<std::remove_reference_t<F>*>(obj))(std::forward<Args>(args)...);
        }) {}
  R operator()(Args... args) const { return call_(obj_, std::forward<Args>(args)...); }

 private:
  void* obj_;
  R (*call_)(void*, Args...);
};

// ForEachChild calls f for each non-null child of n, in the order go/ast's Walk
// visits them. File.Comments, File.Imports are not children (as in go/ast);
// comment groups attached as Doc or Comment are.
void ForEachChild(Node* n, FunctionRef<void(Node*)> f);

// Inspect traverses the tree rooted at root in depth-first order, as ast.Inspect: it
// calls f(node); if f returns true, it visits each non-null child of node the same
// way, then calls f(nullptr). Deep trees do not consume the C++ stack.
void Inspect(Node* root, FunctionRef<bool(Node*)> f);

}  // namespace gotool::syntax
