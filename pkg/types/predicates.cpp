// Type predicates: classification, identity, comparability and default types.
#include "pkg/types/predicates.h"

#include <utility>
#include <vector>

#include "pkg/types/generics.h"
#include "pkg/types/lookup.h"
#include "pkg/types/object.h"
#include "pkg/types/universe.h"

namespace gotool::types {

bool IsBasicInfo(Type* t, uint32_t mask) {
  // Operations on a type parameter are valid when they are for every type in its
  // type set (go/types' allBasic).
  if (IsTypeParam(t)) return AllTermsBasic(t, mask);
  Basic* b = Underlying(t)->TryAs<Basic>();
  return b != nullptr && (b->info & mask) != 0;
}

bool IsUntyped(Type* t) {
  Basic* b = t ? t->TryAs<Basic>() : nullptr;
  return b != nullptr && (b->info & kIsUntyped) != 0;
}

bool IsInterface(Type* t) {
  return !IsTypeParam(t) && Underlying(t)->kind() == TypeKind::kInterface;
}

bool IsInvalid(Type* t) {
  if (t == nullptr) return true;
  Basic* b = t->TryAs<Basic>();
  return b != nullptr && b->basic_kind == BasicKind::kInvalid;
}

bool IsUnsafePointer(Type* t) {
  Basic* b = Underlying(t)->TryAs<Basic>();
  return b != nullptr && b->basic_kind == BasicKind::kUnsafePointer;
}

bool IsUintptr(Type* t) {
  Basic* b = Underlying(t)->TryAs<Basic>();
  return b != nullptr && b->basic_kind == BasicKind::kUintptr;
}

bool HasNil(Type* t) {
  if (IsTypeParam(t)) {
    return ForEachTerm(t, [](const Term& term) {
      return term.type != nullptr && HasNil(term.type);
    });
  }
  Type* u = Underlying(t);
  switch (u->kind()) {
    case TypeKind::kBasic: return u->As<Basic>()->basic_kind == BasicKind::kUnsafePointer;
    case TypeKind::kSlice: case TypeKind::kPointer: case TypeKind::kSignature:
    case TypeKind::kInterface: case TypeKind::kMap: case TypeKind::kChan: return true;
    default: return false;
  }
}

bool HasName(Type* t) {
  TypeKind k = t->kind();
  return k == TypeKind::kBasic || k == TypeKind::kNamed || k == TypeKind::kTypeParam;
}

namespace {

using Seen = std::vector<std::pair<Interface*, Interface*>>;

bool IdenticalImpl(Type* x, Type* y, bool cmp_tags, Seen* seen);

bool IdenticalTuples(Tuple* x, Tuple* y, bool cmp_tags, Seen* seen) {
  if (x == y) return true;
  size_t nx = x ? x->size() : 0, ny = y ? y->size() : 0;
  if (nx != ny) return false;
  for (size_t i = 0; i < nx; i++) {
    if (!IdenticalImpl(x->vars[i]->type, y->vars[i]->type, cmp_tags, seen)) return false;
  }
  return true;
}

bool IdenticalStructs(Struct* x, Struct* y, bool cmp_tags, Seen* seen) {
  if (x->fields.size() != y->fields.size()) return false;
  for (size_t i = 0; i < x->fields.size(); i++) {
    Var* f = x->fields[i];
    Var* g = y->fields[i];
    if (f->embedded != g->embedded || !f->SameId(g->pkg, g->name)) return false;
    if (cmp_tags) {
      std::string_view tf = i < x->tags.size() ? std::string_view(x->tags[i]) : "";
      std::string_view tg = i < y->tags.size() ? std::string_view(y->tags[i]) : "";
      if (tf != tg) return false;
    }
    if (!IdenticalImpl(f->type, g->type, cmp_tags, seen)) return false;
  }
  return true;
}

bool IdenticalInterfaces(Interface* x, Interface* y, bool cmp_tags, Seen* seen) {
  CompleteInterface(x);
  CompleteInterface(y);
  if (x->is_comparable != y->is_comparable) return false;
  if (x->all_methods.size() != y->all_methods.size()) return false;
  if (x->has_type_set || y->has_type_set) {
    ComputeTypeSet(x);
    ComputeTypeSet(y);
    if (x->tset_all != y->tset_all || x->tset_terms.size() != y->tset_terms.size()) return false;
    for (const Term& a : x->tset_terms) {
      bool found = false;
      for (const Term& b : y->tset_terms) {
        found |= a.tilde == b.tilde && IdenticalImpl(a.type, b.type, cmp_tags, seen);
      }
      if (!found) return false;
    }
  }
  for (auto& p : *seen) {
    if ((p.first == x && p.second == y) || (p.first == y && p.second == x)) return true;
  }
  seen->emplace_back(x, y);
  bool ok = true;
  for (size_t i = 0; ok && i < x->all_methods.size(); i++) {
    Func* f = x->all_methods[i];
    Func* g = y->all_methods[i];
    ok = f->SameId(g->pkg, g->name) && IdenticalImpl(f->type, g->type, cmp_tags, seen);
  }
  seen->pop_back();
  return ok;
}

bool IdenticalImpl(Type* x, Type* y, bool cmp_tags, Seen* seen) {
  if (x == y) return true;
  if (x == nullptr || y == nullptr || x->kind() != y->kind()) return false;
  switch (x->kind()) {
    case TypeKind::kBasic: return x->As<Basic>()->basic_kind == y->As<Basic>()->basic_kind;
    case TypeKind::kPointer:
      return IdenticalImpl(x->As<Pointer>()->elem, y->As<Pointer>()->elem, cmp_tags, seen);
    case TypeKind::kArray:
      return x->As<Array>()->len == y->As<Array>()->len &&
             IdenticalImpl(x->As<Array>()->elem, y->As<Array>()->elem, cmp_tags, seen);
    case TypeKind::kSlice:
      return IdenticalImpl(x->As<Slice>()->elem, y->As<Slice>()->elem, cmp_tags, seen);
    case TypeKind::kStruct: return IdenticalStructs(x->As<Struct>(), y->As<Struct>(), cmp_tags, seen);
    case TypeKind::kTuple: return IdenticalTuples(x->As<Tuple>(), y->As<Tuple>(), cmp_tags, seen);
    case TypeKind::kSignature: {
      Signature* a = x->As<Signature>();
      Signature* b = y->As<Signature>();
      return a->variadic == b->variadic && IdenticalTuples(a->params, b->params, cmp_tags, seen) &&
             IdenticalTuples(a->results, b->results, cmp_tags, seen);
    }
    case TypeKind::kInterface:
      return IdenticalInterfaces(x->As<Interface>(), y->As<Interface>(), cmp_tags, seen);
    case TypeKind::kMap:
      return IdenticalImpl(x->As<Map>()->key, y->As<Map>()->key, cmp_tags, seen) &&
             IdenticalImpl(x->As<Map>()->elem, y->As<Map>()->elem, cmp_tags, seen);
    case TypeKind::kChan:
      return x->As<Chan>()->dir == y->As<Chan>()->dir &&
             IdenticalImpl(x->As<Chan>()->elem, y->As<Chan>()->elem, cmp_tags, seen);
    case TypeKind::kNamed: {
      // Instances are identical when their generic types and arguments are.
      Named* a = x->As<Named>();
      Named* b = y->As<Named>();
      if (a->orig == nullptr || a->orig != b->orig) return false;
      for (size_t i = 0; i < a->type_args.size() && i < b->type_args.size(); i++) {
        if (!IdenticalImpl(a->type_args[i], b->type_args[i], cmp_tags, seen)) return false;
      }
      return a->type_args.size() == b->type_args.size();
    }
    case TypeKind::kTypeParam: return false;
    case TypeKind::kUnion: {
      const std::vector<Term>& a = x->As<Union>()->terms;
      const std::vector<Term>& b = y->As<Union>()->terms;
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); i++) {
        if (a[i].tilde != b[i].tilde) return false;
        if (!IdenticalImpl(a[i].type, b[i].type, cmp_tags, seen)) return false;
      }
      return true;
    }
  }
  return false;
}

bool ComparableImpl(Type* t, std::vector<Type*>* seen) {
  for (Type* s : *seen) {
    if (s == t) return true;
  }
  if (TypeParam* p = t->TryAs<TypeParam>()) {
    Interface* it = ConstraintInterface(p);
    CompleteInterface(it);
    if (it->is_comparable) return true;
    if (EmptyTypeSet(t)) return false;  // no type in the set to compare
    return ForEachTerm(t, [seen](const Term& term) {
      return term.type != nullptr && ComparableImpl(term.type, seen);
    });
  }
  Type* u = Underlying(t);
  switch (u->kind()) {
    case TypeKind::kBasic: return u->As<Basic>()->basic_kind != BasicKind::kUntypedNil;
    case TypeKind::kPointer: case TypeKind::kChan: case TypeKind::kInterface: return true;
    case TypeKind::kStruct: {
      seen->push_back(t);
      for (Var* f : u->As<Struct>()->fields) {
        if (!ComparableImpl(f->type, seen)) return false;
      }
      return true;
    }
    case TypeKind::kArray:
      seen->push_back(t);
      return ComparableImpl(u->As<Array>()->elem, seen);
    default: return false;
  }
}

}  // namespace

bool Identical(Type* x, Type* y) {
  Seen seen;
  return IdenticalImpl(x, y, true, &seen);
}

bool IdenticalIgnoreTags(Type* x, Type* y) {
  Seen seen;
  return IdenticalImpl(x, y, false, &seen);
}

bool Comparable(Type* t) {
  std::vector<Type*> seen;
  return ComparableImpl(t, &seen);
}

bool ComparableStrict(Type* t) {
  // As go/types' comparable(t, dynamic=false): an interface is comparable only if its
  // type set is (comparable, or only comparable types), even where == compiles.
  if (!IsTypeParam(t)) {
    if (Interface* it = Underlying(t)->TryAs<Interface>()) {
      CompleteInterface(it);
      if (it->is_comparable) return true;
      ComputeTypeSet(it);
      if (it->tset_all) return false;
      for (const Term& term : it->tset_terms) {
        if (!ComparableStrict(term.type)) return false;
      }
      return true;
    }
    Type* u = Underlying(t);
    if (Struct* s = u->TryAs<Struct>()) {
      for (Var* f : s->fields) {
        if (!ComparableStrict(f->type)) return false;
      }
      return true;
    }
    if (Array* a = u->TryAs<Array>()) return ComparableStrict(a->elem);
  }
  return Comparable(t);
}

Type* DefaultType(Type* t) {
  Basic* b = t ? t->TryAs<Basic>() : nullptr;
  if (b == nullptr) return t;
  switch (b->basic_kind) {
    case BasicKind::kUntypedBool: return Typ(BasicKind::kBool);
    case BasicKind::kUntypedInt: return Typ(BasicKind::kInt);
    case BasicKind::kUntypedRune: return GetUniverse().rune_type;
    case BasicKind::kUntypedFloat: return Typ(BasicKind::kFloat64);
    case BasicKind::kUntypedComplex: return Typ(BasicKind::kComplex128);
    case BasicKind::kUntypedString: return Typ(BasicKind::kString);
    default: return t;
  }
}

}  // namespace gotool::types
