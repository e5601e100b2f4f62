// Validity of type declarations: a type must not contain itself by value, directly
// or through the type arguments of generic types (go/types' validtype.go).
#include <algorithm>

#include "pkg/types/checker.h"

namespace gotool::types {

namespace {

// OriginOf returns the generic type of an instance, t itself otherwise.
Named* OriginOf(Named* t) { return t->orig != nullptr ? t->orig : t; }

// IdenticalNamed reports whether two named types are the same type (instances are
// equal when their generic types and type arguments are).
bool IdenticalNamed(Named* a, Named* b) { return a == b || Identical(a, b); }

}  // namespace

void Checker::ValidType(Named* t) { ValidType0(t, {}, {}); }

// A named type on nest is being expanded (its declaration is entered); path is every
// named type met on the way, for the cycle report. A type parameter stands for the
// argument of the innermost instance on nest, which is looked at in the nesting of
// the instance's own use.
bool Checker::ValidType0(Type* t, const std::vector<Named*>& nest,
                         const std::vector<Named*>& path) {
  if (t == nullptr) return true;
  switch (t->kind()) {
    case TypeKind::kArray:
      return ValidType0(t->As<Array>()->elem, nest, path);
    case TypeKind::kStruct:
      for (Var* f : t->As<Struct>()->fields) {
        if (!ValidType0(f->type, nest, path)) return false;
      }
      return true;
    case TypeKind::kUnion:
      for (const Term& term : t->As<Union>()->terms) {
        if (!ValidType0(term.type, nest, path)) return false;
      }
      return true;
    case TypeKind::kInterface:
      for (Type* e : t->As<Interface>()->embeddeds) {
        if (!ValidType0(e, nest, path)) return false;
      }
      return true;
    case TypeKind::kNamed:
      return ValidNamed(t->As<Named>(), nest, path);
    case TypeKind::kTypeParam: {
      if (nest.empty()) return true;
      Named* inst = nest.back();
      const std::vector<TypeParam*>& tparams = OriginOf(inst)->type_params;
      for (size_t i = 0; i < tparams.size(); i++) {
        if (tparams[i] == t && i < inst->type_args.size()) {
          std::vector<Named*> outer(nest.begin(), nest.end() - 1);
          return ValidType0(inst->type_args[i], outer, path);
        }
      }
      return true;
    }
    default:
      return true;
  }
}

bool Checker::ValidNamed(Named* t, const std::vector<Named*>& nest,
                         const std::vector<Named*>& path) {
  if (valid_types_.count(t)) return true;
  // Types of other packages were validated there; only their instances can hold
  // (through type arguments) a type of this package.
  if (t->orig == nullptr && t->obj->pkg != pkg_) return true;
  // One step only (as go/types' Named.Underlying): a chain of instances may still be
  // unresolved here, and is followed through the declarations below.
  Type* u = t->orig != nullptr ? ExpandNamed(t) : t->underlying;
  if (u != nullptr && IsInvalid(u)) return false;
  for (Named* e : nest) {
    if (!IdenticalNamed(e, t)) continue;
    // t contains itself: break the cycle and report it from its first occurrence.
    if (t->obj->pkg == pkg_) t->underlying = InvalidType();
    auto start =
        std::find_if(path.begin(), path.end(), [t](Named* p) { return IdenticalNamed(p, t); });
    std::vector<Object*> cycle;
    for (auto it = start; it != path.end(); ++it) cycle.push_back(CycleObject(*it));
    if (!cycle.empty()) CycleError(cycle);
    return false;
  }
  Named* orig = OriginOf(t);
  Type* rhs = orig->from_rhs != nullptr ? orig->from_rhs : orig->underlying;
  std::vector<Named*> nest1 = nest, path1 = path;
  nest1.push_back(t);
  path1.push_back(t);
  if (!ValidType0(rhs, nest1, path1)) return false;
  valid_types_.insert(t);
  return true;
}

Object* Checker::CycleObject(Named* t) {
  // As go/types, an instance is its own type name, declared where it was written.
  if (t->orig == nullptr || !t->inst_pos.IsValid()) return t->obj;
  return ctx_->NewObject<TypeName>(t->inst_pos, t->obj->pkg, t->obj->name, t);
}

}  // namespace gotool::types
