// Substitution of type parameters and instantiation of generic types, signatures
// and methods (go/types' subst.go, instantiate.go, named.go expansion).
#include <utility>

#include "pkg/types/generics.h"
#include "pkg/types/predicates.h"
#include "pkg/types/universe.h"

namespace gotool::types {

Type* SubstMap::Lookup(const TypeParam* p) const {
  for (size_t i = 0; i < from.size(); i++) {
    if (from[i] == p) return to[i];
  }
  return nullptr;
}

namespace {

// Substituter rewrites types under one map; it shares unchanged parts.
class Substituter {
 public:
  Substituter(Context* ctx, const SubstMap& m, base::Pos pos) : ctx_(ctx), m_(m), pos_(pos) {}

  Type* Typ(Type* t);

 private:
  Var* CopyVar(Var* v, Type* typ) {
    Var* nv = ctx_->NewObject<Var>(v->pos, v->pkg, v->name, typ);
    nv->embedded = v->embedded;
    nv->is_field = v->is_field;
    nv->used = true;
    return nv;
  }
  Tuple* TupleOf(Tuple* t);
  Type* StructOf(Struct* s);
  Type* SignatureOf(Signature* s, bool with_recv = true);
  Type* InterfaceOf(Interface* t);
  Type* UnionOf(Union* u);
  Type* NamedOf(Named* n);

  Context* ctx_;
  const SubstMap& m_;
  base::Pos pos_;  // where new instances are said to be written (cycle reports)
};

Tuple* Substituter::TupleOf(Tuple* t) {
  if (t == nullptr) return nullptr;
  std::vector<Type*> types;
  bool changed = false;
  for (Var* v : t->vars) {
    types.push_back(Typ(v->type));
    changed |= types.back() != v->type;
  }
  if (!changed) return t;
  Tuple* nt = ctx_->NewType<Tuple>();
  for (size_t i = 0; i < t->vars.size(); i++) nt->vars.push_back(CopyVar(t->vars[i], types[i]));
  return nt;
}

Type* Substituter::StructOf(Struct* s) {
  std::vector<Type*> types;
  bool changed = false;
  for (Var* f : s->fields) {
    types.push_back(Typ(f->type));
    changed |= types.back() != f->type;
  }
  if (!changed) return s;
  Struct* ns = ctx_->NewType<Struct>();
  for (size_t i = 0; i < s->fields.size(); i++)
    ns->fields.push_back(CopyVar(s->fields[i], types[i]));
  ns->tags = s->tags;
  return ns;
}

Type* Substituter::SignatureOf(Signature* s, bool with_recv) {
  Tuple* params = TupleOf(s->params);
  Tuple* results = TupleOf(s->results);
  // An interface method's receiver is the interface itself: not substituted here
  // (that would recurse), InterfaceOf re-points it.
  Type* recv_type = s->recv ? (with_recv ? Typ(s->recv->type) : s->recv->type) : nullptr;
  if (params == s->params && results == s->results &&
      (s->recv == nullptr || recv_type == s->recv->type)) {
    return s;
  }
  Signature* ns = ctx_->NewType<Signature>();
  ns->type_params = s->type_params;
  ns->recv_type_params = s->recv_type_params;
  ns->recv = s->recv && recv_type != s->recv->type ? CopyVar(s->recv, recv_type) : s->recv;
  ns->params = params;
  ns->results = results;
  ns->variadic = s->variadic;
  ns->scope = s->scope;
  return ns;
}

Type* Substituter::InterfaceOf(Interface* t) {
  std::vector<Type*> method_types;
  std::vector<Type*> embeddeds;
  bool changed = false;
  for (Func* m : t->methods) {
    Signature* sig = m->type ? m->type->TryAs<Signature>() : nullptr;
    method_types.push_back(sig ? SignatureOf(sig, false) : m->type);
    changed |= method_types.back() != m->type;
  }
  for (Type* e : t->embeddeds) {
    embeddeds.push_back(Typ(e));
    changed |= embeddeds.back() != e;
  }
  if (!changed) return t;
  Interface* nt = ctx_->NewType<Interface>();
  for (size_t i = 0; i < t->methods.size(); i++) {
    Func* m = t->methods[i];
    Type* mt = method_types[i];
    if (mt != nullptr && mt == m->type && mt->kind() == TypeKind::kSignature) {
      // Unchanged signature, but its receiver must be the new interface.
      Signature* old = mt->As<Signature>();
      Signature* copy = ctx_->NewType<Signature>();
      copy->params = old->params;
      copy->results = old->results;
      copy->variadic = old->variadic;
      copy->recv = old->recv;
      mt = copy;
    }
    if (Signature* sig = mt ? mt->TryAs<Signature>() : nullptr;
        sig && sig->recv && sig->recv->type == t) {
      sig->recv = CopyVar(sig->recv, nt);
    }
    Func* nm = ctx_->NewObject<Func>(m->pos, m->pkg, m->name, mt);
    nm->has_ptr_recv = m->has_ptr_recv;
    nt->methods.push_back(nm);
  }
  nt->embeddeds = std::move(embeddeds);
  nt->embedded_pos = t->embedded_pos;
  nt->is_comparable = t->is_comparable;
  nt->has_type_set = t->has_type_set;
  nt->implicit = t->implicit;
  return nt;
}

Type* Substituter::UnionOf(Union* u) {
  std::vector<Term> terms;
  bool changed = false;
  for (const Term& term : u->terms) {
    terms.push_back({term.tilde, Typ(term.type)});
    changed |= terms.back().type != term.type;
  }
  if (!changed) return u;
  Union* nu = ctx_->NewType<Union>();
  nu->terms = std::move(terms);
  return nu;
}

Type* Substituter::NamedOf(Named* n) {
  if (n->orig == nullptr) return n;
  std::vector<Type*> args;
  bool changed = false;
  for (Type* a : n->type_args) {
    args.push_back(Typ(a));
    changed |= args.back() != a;
  }
  if (!changed) return n;
  Named* inst = Instantiate(ctx_, n->orig, args);
  if (!inst->inst_pos.IsValid()) inst->inst_pos = pos_;
  return inst;
}

Type* Substituter::Typ(Type* t) {
  if (t == nullptr) return nullptr;
  switch (t->kind()) {
    case TypeKind::kBasic:
      return t;
    case TypeKind::kPointer: {
      Type* e = Typ(t->As<Pointer>()->elem);
      return e == t->As<Pointer>()->elem ? t : ctx_->NewType<Pointer>(e);
    }
    case TypeKind::kArray: {
      Array* a = t->As<Array>();
      Type* e = Typ(a->elem);
      return e == a->elem ? t : ctx_->NewType<Array>(e, a->len);
    }
    case TypeKind::kSlice: {
      Type* e = Typ(t->As<Slice>()->elem);
      return e == t->As<Slice>()->elem ? t : ctx_->NewType<Slice>(e);
    }
    case TypeKind::kStruct:
      return StructOf(t->As<Struct>());
    case TypeKind::kTuple:
      return TupleOf(t->As<Tuple>());
    case TypeKind::kSignature:
      return SignatureOf(t->As<Signature>());
    case TypeKind::kInterface:
      return InterfaceOf(t->As<Interface>());
    case TypeKind::kMap: {
      Map* m = t->As<Map>();
      Type* k = Typ(m->key);
      Type* e = Typ(m->elem);
      return k == m->key && e == m->elem ? t : ctx_->NewType<Map>(k, e);
    }
    case TypeKind::kChan: {
      Chan* c = t->As<Chan>();
      Type* e = Typ(c->elem);
      return e == c->elem ? t : ctx_->NewType<Chan>(c->dir, e);
    }
    case TypeKind::kNamed:
      return NamedOf(t->As<Named>());
    case TypeKind::kTypeParam: {
      Type* r = m_.Lookup(t->As<TypeParam>());
      return r != nullptr ? r : t;
    }
    case TypeKind::kUnion:
      return UnionOf(t->As<Union>());
  }
  return t;
}

bool IdenticalArgs(const std::vector<Type*>& a, const std::vector<Type*>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    if (!Identical(a[i], b[i])) return false;
  }
  return true;
}

}  // namespace

Type* Subst(Context* ctx, Type* t, const SubstMap& m, base::Pos pos) {
  if (m.empty()) return t;
  return Substituter(ctx, m, pos).Typ(t);
}

Named* Instantiate(Context* ctx, Named* orig, const std::vector<Type*>& args) {
  for (Named* inst : orig->instances) {
    if (IdenticalArgs(inst->type_args, args)) return inst;
  }
  Named* inst = ctx->NewType<Named>(orig->obj);
  inst->orig = orig;
  inst->type_args = args;
  inst->ctx = ctx;
  orig->instances.push_back(inst);
  return inst;
}

Signature* InstantiateSignature(Context* ctx, Signature* sig, const std::vector<Type*>& args) {
  SubstMap m{sig->type_params, args};
  m.to.resize(m.from.size(), InvalidType());
  Type* t = Subst(ctx, sig, m);
  Signature* r = ctx->NewType<Signature>();
  Signature* s = t->As<Signature>();
  r->recv = s->recv;
  r->params = s->params;
  r->results = s->results;
  r->variadic = s->variadic;
  r->scope = s->scope;
  return r;
}

Type* ExpandNamed(Named* inst) {
  if (inst->underlying != nullptr) return inst->underlying;
  Named* orig = inst->orig;
  // An instance met again while it is being expanded is a cycle (type T[P any] T[P]).
  if (orig->underlying == nullptr || inst->expanding) return nullptr;
  // Expanding one instance may expand others (fields of instance types embedded by
  // value, embedded interfaces): an invalid recursive generic type (type T[P any]
  // struct{ f T[*P] }) would never stop, so nesting is bounded.
  static thread_local int depth = 0;
  if (depth > 100) return nullptr;
  struct DepthCount {
    DepthCount() { depth++; }
    ~DepthCount() { depth--; }
  } count;
  SubstMap m{orig->type_params, inst->type_args};
  m.to.resize(m.from.size(), InvalidType());
  inst->expanding = true;
  // As go/types, the generic type's declared underlying type is substituted, which
  // is another instance while a chain of them (type T[P any] U[P]) is unresolved.
  Type* u = orig->underlying->kind() == TypeKind::kNamed && !orig->resolving ? orig->underlying
                                                                             : Underlying(orig);
  Type* r = Subst(inst->ctx, u, m, inst->inst_pos);
  inst->expanding = false;
  // While the generic type's declaration is being checked its underlying type may
  // still grow (struct fields, interface methods): keep expanding until it is done.
  if (!orig->resolving) inst->underlying = r;
  return r;
}

void FillInstanceMethod(Func* f) {
  if (f->type != nullptr || f->origin == nullptr || f->origin->type == nullptr) return;
  Signature* sig = f->origin->type->TryAs<Signature>();
  Named* inst = f->parent_instance;
  if (sig == nullptr || inst == nullptr) return;
  SubstMap m{sig->recv_type_params, inst->type_args};
  if (m.from.empty()) m.from = inst->orig->type_params;
  m.to.resize(m.from.size(), InvalidType());
  Type* t = Subst(inst->ctx, sig, m);
  if (t == sig) {
    // Nothing to replace (T[P] instantiated with its own receiver parameters): the
    // instance's method still needs a signature of its own to carry no recv params.
    Signature* copy = inst->ctx->NewType<Signature>();
    copy->recv = sig->recv;
    copy->params = sig->params;
    copy->results = sig->results;
    copy->variadic = sig->variadic;
    copy->scope = sig->scope;
    t = copy;
  }
  t->As<Signature>()->recv_type_params.clear();
  f->type = t;
}

Func* InstanceMethod(Named* inst, size_t i) {
  Named* orig = inst->orig;
  if (orig == nullptr) return inst->methods[i];
  if (inst->methods.size() < orig->methods.size()) inst->methods.resize(orig->methods.size());
  Func*& f = inst->methods[i];
  if (f == nullptr) {
    Func* m = orig->methods[i];
    f = inst->ctx->NewObject<Func>(m->pos, m->pkg, m->name, nullptr);
    f->origin = m;
    f->parent_instance = inst;
    f->has_ptr_recv = m->has_ptr_recv;
  }
  FillInstanceMethod(f);
  return f;
}

}  // namespace gotool::types
