// Cycles in type inference: inferred type arguments that refer to themselves
// through the other inferred arguments (go/types' infer.go killCycles), which
// count as not inferred (func f[P interface{ *P }]() called as f()), and the
// type parameters of a recursive call, renamed apart (go/types' renameTParams).
#include <unordered_set>

#include "pkg/types/checker.h"
#include "pkg/types/generics.h"

namespace gotool::types {

namespace {

// CycleFinder walks types, following type parameters into their inferred types.
class CycleFinder {
 public:
  CycleFinder(const std::vector<TypeParam*>& tparams, std::vector<Type*>* types)
      : tparams_(tparams), types_(*types) {}

  void Typ(Type* t);

 private:
  int IndexOf(Type* t) const {
    for (size_t i = 0; i < tparams_.size(); i++) {
      if (tparams_[i] == t) return int(i);
    }
    return -1;
  }
  void Vars(Tuple* t) {
    if (t == nullptr) return;
    for (Var* v : t->vars) Typ(v->type);
  }
  void Walk(Type* t);

  const std::vector<TypeParam*>& tparams_;
  std::vector<Type*>& types_;
  std::unordered_set<Type*> seen_;  // types on the current path
};

void CycleFinder::Typ(Type* t) {
  if (t == nullptr) return;
  if (seen_.count(t)) {
    // A type parameter met again on its own path expands without end.
    if (int i = IndexOf(t); i >= 0) types_[size_t(i)] = nullptr;
    return;
  }
  seen_.insert(t);
  Walk(t);
  seen_.erase(t);
}

void CycleFinder::Walk(Type* t) {
  switch (t->kind()) {
    case TypeKind::kArray:
      Typ(t->As<Array>()->elem);
      break;
    case TypeKind::kSlice:
      Typ(t->As<Slice>()->elem);
      break;
    case TypeKind::kPointer:
      Typ(t->As<Pointer>()->elem);
      break;
    case TypeKind::kChan:
      Typ(t->As<Chan>()->elem);
      break;
    case TypeKind::kMap:
      Typ(t->As<Map>()->key);
      Typ(t->As<Map>()->elem);
      break;
    case TypeKind::kStruct:
      for (Var* f : t->As<Struct>()->fields) Typ(f->type);
      break;
    case TypeKind::kSignature:
      Vars(t->As<Signature>()->params);
      Vars(t->As<Signature>()->results);
      break;
    case TypeKind::kUnion:
      for (const Term& term : t->As<Union>()->terms) Typ(term.type);
      break;
    case TypeKind::kInterface:
      for (Func* m : t->As<Interface>()->methods) Typ(m->type);
      for (Type* e : t->As<Interface>()->embeddeds) Typ(e);
      break;
    case TypeKind::kNamed:
      for (Type* a : t->As<Named>()->type_args) Typ(a);
      break;
    case TypeKind::kTypeParam:
      if (int i = IndexOf(t); i >= 0 && types_[size_t(i)] != nullptr) Typ(types_[size_t(i)]);
      break;
    default:
      break;
  }
}

}  // namespace

void KillInferenceCycles(const std::vector<TypeParam*>& tparams, std::vector<Type*>* types) {
  CycleFinder w(tparams, types);
  for (TypeParam* p : tparams) w.Typ(p);
}

bool Checker::RenameRecursiveTypeParams(std::vector<TypeParam*>* tparams,
                                        const std::vector<Type*>& targs, Tuple** params,
                                        const std::vector<Operand>* args) {
  // Only a call inside the generic function itself passes its type parameters.
  bool recursive = false;
  for (Type* t : targs) recursive |= IsParameterized(*tparams, t);
  if (args != nullptr) {
    for (const Operand& x : *args) recursive |= !x.invalid() && IsParameterized(*tparams, x.type);
  }
  if (!recursive) return false;
  SubstMap rename{*tparams, {}};
  std::vector<TypeParam*> fresh;
  for (TypeParam* p : *tparams) {
    TypeName* obj = ctx_->NewObject<TypeName>(p->obj->pos, p->obj->pkg, p->obj->name, nullptr);
    TypeParam* q = ctx_->NewType<TypeParam>(obj);
    obj->type = q;
    q->index = p->index;
    fresh.push_back(q);
    rename.to.push_back(q);
  }
  for (size_t i = 0; i < fresh.size(); i++) {
    fresh[i]->constraint = Subst(ctx_, (*tparams)[i]->constraint, rename);
  }
  if (*params != nullptr) *params = Subst(ctx_, *params, rename)->As<Tuple>();
  *tparams = std::move(fresh);
  return true;
}

}  // namespace gotool::types
