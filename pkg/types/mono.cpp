// Detection of instantiation cycles that no finite set of instances can satisfy
// (go/types' mono.go): a generic function or type that instantiates itself with
// ever larger type arguments, such as f[T] calling f[[]T].
//
// The graph has a vertex per type parameter (and per local type declared inside a
// generic function, which is implicitly parameterized by the enclosing function's
// type parameters). Instantiating P with a type argument that mentions Q adds an
// edge Q -> P; the edge weighs 1 unless the argument is Q itself. A cycle of
// positive weight means infinitely many instances.
#include <algorithm>

#include "pkg/types/checker.h"

namespace gotool::types {

void Checker::RecordMonoCanon(TypeParam* mpar, TypeParam* tpar) { mono_.canon[mpar] = tpar; }

int Checker::MonoTypeParamVertex(TypeParam* tpar) {
  if (auto it = mono_.canon.find(tpar); it != mono_.canon.end()) tpar = it->second;
  TypeName* obj = tpar->obj;
  if (auto it = mono_.name_idx.find(obj); it != mono_.name_idx.end()) return it->second;
  int idx = int(mono_.vertices.size());
  mono_.vertices.push_back(MonoGraph::Vertex{0, -1, 0, obj});
  mono_.name_idx[obj] = idx;
  return idx;
}

int Checker::MonoLocalNamedVertex(Named* named) {
  TypeName* obj = named->obj;
  if (obj->pkg != pkg_ || obj->parent == nullptr || obj->parent == pkg_->scope) return -1;
  if (auto it = mono_.name_idx.find(obj); it != mono_.name_idx.end()) return it->second;
  // A type declared inside a generic function depends on the type parameters in
  // scope where it is declared.
  int idx = -1;
  for (Scope* s = obj->parent; s != nullptr && s != pkg_->scope; s = s->parent) {
    for (Object* elem : s->order) {
      TypeName* tn = elem->TryAs<TypeName>();
      if (tn == nullptr || tn->IsAlias() || !(tn->pos < obj->pos)) continue;
      TypeParam* tpar = tn->type ? tn->type->TryAs<TypeParam>() : nullptr;
      if (tpar == nullptr) continue;
      if (idx < 0) {
        idx = int(mono_.vertices.size());
        mono_.vertices.push_back(MonoGraph::Vertex{0, -1, 0, obj});
      }
      MonoAddEdge(idx, MonoTypeParamVertex(tpar), 1, obj->pos, tpar);
    }
  }
  mono_.name_idx[obj] = idx;
  return idx;
}

void Checker::MonoAddEdge(int dst, int src, int weight, base::Pos pos, Type* typ) {
  mono_.edges.push_back(MonoGraph::Edge{dst, src, weight, pos, typ});
}

void Checker::RecordMonoInstance(base::Pos pos, const std::vector<TypeParam*>& tparams,
                                 const std::vector<Type*>& targs,
                                 const std::vector<syntax::Expr*>& xlist) {
  for (size_t i = 0; i < tparams.size() && i < targs.size(); i++) {
    MonoAssign(i < xlist.size() ? At(xlist[i]) : pos, tparams[i], targs[i]);
  }
}

void Checker::MonoAssign(base::Pos pos, TypeParam* tpar, Type* targ) {
  if (tpar->obj->pkg != pkg_) return;  // imported generics were checked there
  auto flow = [&](int src, Type* typ) {
    MonoAddEdge(MonoTypeParamVertex(tpar), src, typ == targ ? 0 : 1, pos, targ);
  };
  std::function<void(Type*)> walk = [&](Type* t) {
    if (t == nullptr) return;
    switch (t->kind()) {
      case TypeKind::kTypeParam:
        if (t->As<TypeParam>()->obj->pkg == pkg_) {
          flow(MonoTypeParamVertex(t->As<TypeParam>()), t);
        }
        break;
      case TypeKind::kNamed: {
        Named* n = t->As<Named>();
        int src = MonoLocalNamedVertex(n->orig != nullptr ? n->orig : n);
        if (src >= 0) flow(src, t);
        for (Type* a : n->type_args) walk(a);
        break;
      }
      case TypeKind::kArray:
        walk(t->As<Array>()->elem);
        break;
      case TypeKind::kSlice:
        walk(t->As<Slice>()->elem);
        break;
      case TypeKind::kPointer:
        walk(t->As<Pointer>()->elem);
        break;
      case TypeKind::kChan:
        walk(t->As<Chan>()->elem);
        break;
      case TypeKind::kMap:
        walk(t->As<Map>()->key);
        walk(t->As<Map>()->elem);
        break;
      case TypeKind::kInterface:
        for (Func* m : t->As<Interface>()->methods) walk(m->type);
        break;
      case TypeKind::kSignature: {
        Signature* sig = t->As<Signature>();
        for (Tuple* tup : {sig->params, sig->results}) {
          if (tup == nullptr) continue;
          for (Var* v : tup->vars) walk(v->type);
        }
        break;
      }
      case TypeKind::kStruct:
        for (Var* f : t->As<Struct>()->fields) walk(f->type);
        break;
      default:
        break;
    }
  };
  walk(targ);
}

void Checker::Monomorph() {
  // Bellman-Ford for the heaviest paths: a path as long as there are vertices
  // repeats one, and so closes a cycle of positive weight.
  std::vector<MonoGraph::Vertex>& vertices = mono_.vertices;
  for (bool again = true; again;) {
    again = false;
    for (size_t i = 0; i < mono_.edges.size(); i++) {
      const MonoGraph::Edge& edge = mono_.edges[i];
      MonoGraph::Vertex& src = vertices[size_t(edge.src)];
      MonoGraph::Vertex& dst = vertices[size_t(edge.dst)];
      int w = src.weight + edge.weight;
      if (w <= dst.weight) continue;
      dst.pre = int(i);
      dst.len = src.len + 1;
      if (size_t(dst.len) == vertices.size()) {
        ReportInstanceLoop(edge.dst);
        return;
      }
      dst.weight = w;
      again = true;
    }
  }
}

void Checker::ReportInstanceLoop(int v) {
  // Walk the heaviest path back until a vertex repeats: that vertex starts the loop.
  std::vector<int> stack;
  std::vector<bool> seen(mono_.vertices.size());
  while (!seen[size_t(v)]) {
    stack.push_back(v);
    seen[size_t(v)] = true;
    v = mono_.edges[size_t(mono_.vertices[size_t(v)].pre)].src;
  }
  stack.erase(stack.begin(), std::find(stack.begin(), stack.end(), v));
  // The loop is reported in the order the edges were walked back; go/types does
  // the same (its TODO: report in source order).
  Errorf(mono_.vertices[size_t(v)].obj->pos, "instantiation cycle:");
  for (int u : stack) {
    const MonoGraph::Edge& edge = mono_.edges[size_t(mono_.vertices[size_t(u)].pre)];
    TypeName* obj = mono_.vertices[size_t(edge.dst)].obj;
    if (obj->type != nullptr && obj->type->kind() == TypeKind::kNamed) {
      Errorf(edge.pos, "\t{} implicitly parameterized by {}", obj->name, S(edge.typ));
    } else {
      Errorf(edge.pos, "\t{} instantiated as {}", obj->name, S(edge.typ));
    }
  }
}

}  // namespace gotool::types
