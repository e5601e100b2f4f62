// Type sets of constraint interfaces (term lists), core types and the unifier of
// type inference (go/types' typeset.go, termlist.go, under.go, unify.go).
#include "pkg/types/generics.h"
#include "pkg/types/lookup.h"
#include "pkg/types/predicates.h"
#include "pkg/types/universe.h"

namespace gotool::types {

namespace {

// TermSet is a type set's term restriction: all types, or exactly the terms.
struct TermSet {
  bool all = true;
  std::vector<Term> terms;
};

// Disjoint reports whether terms x and y have no type in common: ~t and u overlap
// when u's underlying type is t.
bool Disjoint(const Term& x, const Term& y) {
  Type* ux = y.tilde ? Underlying(x.type) : x.type;
  Type* uy = x.tilde ? Underlying(y.type) : y.type;
  return !Identical(ux, uy);
}

// SubsetOf reports whether term x's types are all in y, for overlapping terms.
bool SubsetOf(const Term& x, const Term& y) { return y.tilde || !x.tilde; }

// IntersectTerms returns the types both x and y include, as a term (ok false: none).
bool IntersectTerms(const Term& x, const Term& y, Term* out) {
  if (Disjoint(x, y)) return false;
  *out = SubsetOf(x, y) ? x : y;
  return true;
}

// AddTerm adds t to the normalized list: a term that includes t absorbs it, terms
// that t includes are replaced by it, so that no two terms of the list overlap.
void AddTerm(std::vector<Term>* list, const Term& t) {
  for (const Term& o : *list) {
    if (!Disjoint(o, t) && SubsetOf(t, o)) return;
  }
  std::erase_if(*list, [&t](const Term& o) { return !Disjoint(o, t); });
  list->push_back(t);
}

TermSet Intersect(const TermSet& a, const TermSet& b) {
  if (a.all) return b;
  if (b.all) return a;
  TermSet r;
  r.all = false;
  for (const Term& x : a.terms) {
    for (const Term& y : b.terms) {
      Term t;
      if (IntersectTerms(x, y, &t)) AddTerm(&r.terms, t);
    }
  }
  return r;
}

TermSet TermSetOf(Type* t);

// TermSetOfTerm is the set of one union term (an interface term stands for its set).
// ~T with an underlying type other than T is an error, and the empty set.
TermSet TermSetOfTerm(const Term& term) {
  if (!term.tilde && term.type != nullptr) {
    if (Underlying(term.type)->kind() == TypeKind::kInterface) return TermSetOf(term.type);
  }
  TermSet s;
  s.all = false;
  if (!term.tilde || Identical(term.type, Underlying(term.type))) s.terms.push_back(term);
  return s;
}

// UnionTermSet computes a union's set; ok is false when it has more than
// kMaxUnionTerms terms (then the union is reported and ignored, as in go/types).
TermSet UnionTermSet(Union* u, bool* ok) {
  *ok = true;
  TermSet r;
  r.all = false;
  for (const Term& term : u->terms) {
    if (term.type == nullptr || IsInvalid(term.type)) continue;
    TermSet s = TermSetOfTerm(term);
    if (s.all) return s;
    for (const Term& x : s.terms) AddTerm(&r.terms, x);
    if (r.terms.size() > kMaxUnionTerms) {
      *ok = false;
      return {};
    }
  }
  return r;
}

// TermSetOf is the term restriction of one interface element.
TermSet TermSetOf(Type* t) {
  if (t == nullptr || IsInvalid(t)) return {};
  if (Union* u = t->TryAs<Union>()) {
    bool ok = true;
    return UnionTermSet(u, &ok);
  }
  if (Interface* it = Underlying(t)->TryAs<Interface>()) {
    ComputeTypeSet(it);
    TermSet r;
    r.all = it->tset_all;
    r.terms = it->tset_terms;
    return r;
  }
  return TermSetOfTerm(Term{false, t});
}

}  // namespace

void ComputeTypeSet(Interface* t) {
  if (t->tset_done) return;
  t->tset_done = true;                // guards against (invalid) cycles
  static thread_local int depth = 0;  // and against instances nesting without end
  if (depth > 100) return;
  struct DepthCount {
    DepthCount() { depth++; }
    ~DepthCount() { depth--; }
  } count;
  TermSet set;
  for (Type* e : t->embeddeds) set = Intersect(set, TermSetOf(e));
  if (!set.all) {
    // Embedding comparable keeps only the comparable types of a restricted set
    // (go/types' intersectTermLists): interface{comparable; []byte|string} is {string}.
    CompleteInterface(t);
    if (t->is_comparable) {
      std::erase_if(set.terms, [](const Term& term) { return !Comparable(term.type); });
    }
  }
  t->tset_all = set.all;
  t->tset_terms = std::move(set.terms);
}

bool UnionTooLong(Union* u) {
  bool ok = true;
  UnionTermSet(u, &ok);
  return !ok;
}

bool EmptyTypeSet(Type* t) {
  Interface* it = nullptr;
  if (TypeParam* p = t->TryAs<TypeParam>()) {
    it = ConstraintInterface(p);
  } else {
    it = Underlying(t)->TryAs<Interface>();
  }
  if (it == nullptr) return false;
  ComputeTypeSet(it);
  return !it->tset_all && it->tset_terms.empty();
}

Interface* ConstraintInterface(TypeParam* p) {
  Type* u = p->constraint ? Underlying(p->constraint) : nullptr;
  Interface* it = u ? u->TryAs<Interface>() : nullptr;
  if (it == nullptr) it = Underlying(GetUniverse().any_type)->As<Interface>();
  return it;
}

bool ForEachTerm(Type* t, const std::function<bool(const Term&)>& f, bool* all) {
  if (all) *all = false;
  TypeParam* p = t ? t->TryAs<TypeParam>() : nullptr;
  if (p == nullptr) return f(Term{false, t});
  Interface* it = ConstraintInterface(p);
  ComputeTypeSet(it);
  if (it->tset_all || it->tset_terms.empty()) {
    // No specific types (all types, or none): f sees a term without a type, as the
    // functions of go/types' is and underIs see nil.
    if (all) *all = it->tset_all;
    return f(Term{false, nullptr});
  }
  for (const Term& term : it->tset_terms) {
    if (!f(term)) return false;
  }
  return true;
}

namespace {

Type* CoreTypeImpl(Type* t) {
  TypeParam* p = t ? t->TryAs<TypeParam>() : nullptr;
  if (p == nullptr) return Underlying(t);
  Type* core = nullptr;
  bool ok = ForEachTerm(t, [&core](const Term& term) {
    if (term.type == nullptr) return false;
    Type* u = Underlying(term.type);
    if (core == nullptr || Identical(core, u)) {
      if (core == nullptr) core = u;
      return true;
    }
    // Channels of one element type agree if at most one direction is restricted.
    Chan* a = core->TryAs<Chan>();
    Chan* b = u->TryAs<Chan>();
    if (a == nullptr || b == nullptr || !Identical(a->elem, b->elem)) return false;
    if (a->dir == b->dir || b->dir == ChanDir::kSendRecv) return true;
    if (a->dir != ChanDir::kSendRecv) return false;
    core = b;
    return true;
  });
  return ok ? core : nullptr;
}

bool IsByteSlice(Type* t) {
  Slice* s = Underlying(t)->TryAs<Slice>();
  if (s == nullptr) return false;
  Basic* b = Underlying(s->elem)->TryAs<Basic>();
  return b != nullptr && b->basic_kind == BasicKind::kUint8;
}

}  // namespace

Type* CoreType(Type* t) { return CoreTypeImpl(t); }

Type* CoreUnder(Type* t) {
  Type* core = IsTypeParam(t) ? CoreType(t) : nullptr;
  return core != nullptr ? core : Underlying(t);
}

Type* CoreString(Type* t) {
  if (!IsTypeParam(t)) return Underlying(t);
  bool has_string = false;
  bool bytes_or_strings = ForEachTerm(t, [&has_string](const Term& term) {
    if (term.type == nullptr) return false;
    has_string |= IsString(term.type);
    return IsString(term.type) || IsByteSlice(term.type);
  });
  if (bytes_or_strings && has_string) return Typ(BasicKind::kString);
  return CoreType(t);
}

bool AllTermsBasic(Type* t, uint32_t mask) {
  if (!IsTypeParam(t)) return IsBasicInfo(t, mask);
  return ForEachTerm(
      t, [mask](const Term& term) { return term.type != nullptr && IsBasicInfo(term.type, mask); });
}

bool TermIncludes(const Term& term, Type* x) {
  if (term.type == nullptr) return true;
  if (term.tilde) return Identical(term.type, Underlying(x));
  return Identical(term.type, x);
}

int Unifier::IndexOf(Type* p) const {
  for (size_t i = 0; i < params_.size(); i++) {
    if (params_[i] == p) return int(i);
  }
  return -1;
}

bool Unifier::Unify(Type* x, Type* y) { return UnifyImpl(x, y, 0); }

namespace {

bool UnifyTuples(Unifier* u, Tuple* x, Tuple* y) {
  size_t nx = x ? x->size() : 0, ny = y ? y->size() : 0;
  if (nx != ny) return false;
  for (size_t i = 0; i < nx; i++) {
    if (!u->Unify(x->vars[i]->type, y->vars[i]->type)) return false;
  }
  return true;
}

}  // namespace

bool Unifier::UnifyImpl(Type* x, Type* y, int depth) {
  if (x == nullptr || y == nullptr || depth > 64) return x == y;
  if (int i = IndexOf(x); i >= 0) {
    if (inferred_[size_t(i)] == nullptr) {
      inferred_[size_t(i)] = y;
      return true;
    }
    if (!UnifyImpl(inferred_[size_t(i)], y, depth + 1)) return false;
    // A match, possibly through underlying types, with a defined type: that is
    // the argument, not the literal recorded so far (go.dev/issue/43056).
    if (y->kind() == TypeKind::kNamed) inferred_[size_t(i)] = y;
    return true;
  }
  if (int i = IndexOf(y); i >= 0) return UnifyImpl(y, x, depth + 1);
  if (x == y) return true;
  // A type parameter from outside the list unifies with a type literal through its
  // core type.
  if (IsTypeParam(x) && !HasName(y)) {
    if (Type* core = CoreType(x)) return UnifyImpl(core, y, depth + 1);
  } else if (IsTypeParam(y) && !HasName(x)) {
    if (Type* core = CoreType(y)) return UnifyImpl(x, core, depth + 1);
  }
  // Inexact unification: a defined type unifies with a type literal through its
  // underlying type (assignability allows passing a named slice for []E), never
  // with another type that has a name (a basic type: myString is not string).
  Named* nx = x->TryAs<Named>();
  Named* ny = y->TryAs<Named>();
  if (nx != nullptr && !HasName(y)) return UnifyImpl(Underlying(x), y, depth + 1);
  if (ny != nullptr && !HasName(x)) return UnifyImpl(x, Underlying(y), depth + 1);
  if (x->kind() != y->kind()) return false;
  switch (x->kind()) {
    case TypeKind::kPointer:
      return UnifyImpl(x->As<Pointer>()->elem, y->As<Pointer>()->elem, depth + 1);
    case TypeKind::kSlice:
      return UnifyImpl(x->As<Slice>()->elem, y->As<Slice>()->elem, depth + 1);
    case TypeKind::kArray:
      return x->As<Array>()->len == y->As<Array>()->len &&
             UnifyImpl(x->As<Array>()->elem, y->As<Array>()->elem, depth + 1);
    case TypeKind::kMap:
      return UnifyImpl(x->As<Map>()->key, y->As<Map>()->key, depth + 1) &&
             UnifyImpl(x->As<Map>()->elem, y->As<Map>()->elem, depth + 1);
    case TypeKind::kChan:
      return UnifyImpl(x->As<Chan>()->elem, y->As<Chan>()->elem, depth + 1);
    case TypeKind::kSignature: {
      Signature* a = x->As<Signature>();
      Signature* b = y->As<Signature>();
      return a->variadic == b->variadic && UnifyTuples(this, a->params, b->params) &&
             UnifyTuples(this, a->results, b->results);
    }
    case TypeKind::kStruct: {
      Struct* a = x->As<Struct>();
      Struct* b = y->As<Struct>();
      if (a->fields.size() != b->fields.size()) return false;
      for (size_t i = 0; i < a->fields.size(); i++) {
        Var* f = a->fields[i];
        Var* g = b->fields[i];
        if (f->embedded != g->embedded || !f->SameId(g->pkg, g->name)) return false;
        if (!UnifyImpl(f->type, g->type, depth + 1)) return false;
      }
      return true;
    }
    case TypeKind::kNamed: {
      Named* a = x->As<Named>();
      Named* b = y->As<Named>();
      Named* oa = a->orig ? a->orig : a;
      Named* ob = b->orig ? b->orig : b;
      if (oa != ob || a->type_args.size() != b->type_args.size()) return false;
      for (size_t i = 0; i < a->type_args.size(); i++) {
        if (!UnifyImpl(a->type_args[i], b->type_args[i], depth + 1)) return false;
      }
      return true;
    }
    default:
      return Identical(x, y);
  }
}

}  // namespace gotool::types

namespace gotool::types {

namespace {

bool MentionsImpl(const std::vector<TypeParam*>& tparams, Type* t, int depth) {
  if (t == nullptr || depth > 64) return false;
  auto in = [&](Type* x) { return MentionsImpl(tparams, x, depth + 1); };
  auto tuple = [&](Tuple* tu) {
    if (tu == nullptr) return false;
    for (Var* v : tu->vars) {
      if (in(v->type)) return true;
    }
    return false;
  };
  switch (t->kind()) {
    case TypeKind::kBasic:
      return false;
    case TypeKind::kPointer:
      return in(t->As<Pointer>()->elem);
    case TypeKind::kArray:
      return in(t->As<Array>()->elem);
    case TypeKind::kSlice:
      return in(t->As<Slice>()->elem);
    case TypeKind::kMap:
      return in(t->As<Map>()->key) || in(t->As<Map>()->elem);
    case TypeKind::kChan:
      return in(t->As<Chan>()->elem);
    case TypeKind::kStruct:
      for (Var* f : t->As<Struct>()->fields) {
        if (in(f->type)) return true;
      }
      return false;
    case TypeKind::kTuple:
      return tuple(t->As<Tuple>());
    case TypeKind::kSignature:
      return tuple(t->As<Signature>()->params) || tuple(t->As<Signature>()->results);
    case TypeKind::kInterface:
      for (Func* m : t->As<Interface>()->methods) {
        if (in(m->type)) return true;
      }
      for (Type* e : t->As<Interface>()->embeddeds) {
        if (in(e)) return true;
      }
      return false;
    case TypeKind::kNamed:
      for (Type* a : t->As<Named>()->type_args) {
        if (in(a)) return true;
      }
      return false;
    case TypeKind::kTypeParam:
      for (TypeParam* p : tparams) {
        if (p == t) return true;
      }
      return false;
    case TypeKind::kUnion:
      for (const Term& term : t->As<Union>()->terms) {
        if (in(term.type)) return true;
      }
      return false;
  }
  return false;
}

}  // namespace

bool IsParameterized(const std::vector<TypeParam*>& tparams, Type* t) {
  return MentionsImpl(tparams, t, 0);
}

}  // namespace gotool::types
