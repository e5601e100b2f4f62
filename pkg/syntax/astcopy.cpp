// Shallow and deep copies of syntax trees.
#include "pkg/syntax/astcopy.h"

namespace gotool::syntax {
namespace {

template <class T>
Node* Clone(const Node* n, base::Arena& arena) {
  return arena.New<T>(*static_cast<const T*>(n));
}

// DeepCopier replaces every child and list of a fresh clone with copies.
struct DeepCopier {
  base::Arena& arena;

  void Position(base::Pos&) {}
  template <class T>
  void Value(T&) {}
  template <class T>
  void Child(T*& c) {
    if (c) c = static_cast<T*>(CopyTree(c, arena));
  }
  template <class T>
  void Children(List<T>& l) {
    if (l.empty()) return;
    T** data = arena.NewArray<T*>(l.size);
    for (uint32_t i = 0; i < l.size; i++) {
      data[i] = l[i] ? static_cast<T*>(CopyTree(l[i], arena)) : nullptr;
    }
    l.data = data;
  }
};

}  // namespace

Node* CloneNode(const Node* n, base::Arena& arena) {
  switch (n->kind) {
#define AST_NODE(Name, Category) \
  case NodeKind::Name:           \
    return Clone<Name>(n, arena);
#include "pkg/syntax/ast.def"
    case NodeKind::kCount: break;
  }
  std::abort();
}

Node* CopyTree(const Node* n, base::Arena& arena) {
  if (!n) return nullptr;
  Node* c = CloneNode(n, arena);
  DeepCopier v{arena};
  VisitFields(c, v);
  return c;
}

}  // namespace gotool::syntax
