// Field and method lookup through embedded fields (breadth first, with ambiguity and
// pointer-receiver rules) and the missing-method search of interface satisfaction.
#include "pkg/types/lookup.h"

#include <algorithm>
#include <cctype>

#include "pkg/types/generics.h"
#include "pkg/types/predicates.h"
#include "pkg/types/universe.h"

namespace gotool::types {

Type* Deref(Type* t, bool* is_ptr) {
  if (Pointer* p = t->TryAs<Pointer>()) {
    if (is_ptr) *is_ptr = true;
    return p->elem;
  }
  if (is_ptr) *is_ptr = false;
  return t;
}

bool HasPtrRecv(Func* f) {
  if (f->has_ptr_recv) return true;
  Signature* sig = f->type ? f->type->TryAs<Signature>() : nullptr;
  if (sig == nullptr || sig->recv == nullptr) return false;
  bool is_ptr = false;
  Deref(sig->recv->type, &is_ptr);
  return is_ptr;
}

bool IsInterfacePtr(Type* t) {
  // As go/types' isInterfacePtr, a pointer to a type parameter counts.
  Pointer* p = Underlying(t)->TryAs<Pointer>();
  return p != nullptr && Underlying(p->elem)->kind() == TypeKind::kInterface;
}

namespace {

bool EqualFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// EmbeddedType is a type found at the current search depth.
struct EmbeddedType {
  Type* typ;
  std::vector<int> index;
  bool indirect;
  bool multiples;
};

std::vector<int> Concat(const std::vector<int>& a, int i) {
  std::vector<int> r = a;
  r.push_back(i);
  return r;
}

// ConsolidateMultiples merges entries of identical type, marking them as multiples.
std::vector<EmbeddedType> ConsolidateMultiples(std::vector<EmbeddedType> list) {
  if (list.size() <= 1) return list;
  std::vector<EmbeddedType> out;
  for (EmbeddedType& e : list) {
    bool merged = false;
    for (EmbeddedType& o : out) {
      if (Identical(o.typ, e.typ)) {
        o.multiples = true;
        merged = true;
        break;
      }
    }
    if (!merged) out.push_back(std::move(e));
  }
  return out;
}

// Found records a match at index i of entry e; false means a collision.
bool Found(LookupResult* r, const EmbeddedType& e, int i, Object* obj) {
  r->index = Concat(e.index, i);
  if (r->obj != nullptr || e.multiples) {
    r->obj = nullptr;
    r->indirect = false;
    return false;
  }
  r->obj = obj;
  r->indirect = e.indirect;
  return true;
}

// SearchStruct looks for name among the fields of s, collecting embedded fields.
bool SearchStruct(Struct* s, const EmbeddedType& e, const Package* pkg, std::string_view name,
                  LookupResult* r, std::vector<EmbeddedType>* next) {
  for (size_t i = 0; i < s->fields.size(); i++) {
    Var* f = s->fields[i];
    if (f->SameId(pkg, name)) return Found(r, e, int(i), f);
    if (r->obj == nullptr && f->embedded) {
      bool is_ptr = false;
      Type* t = Deref(f->type, &is_ptr);
      next->push_back({t, Concat(e.index, int(i)), e.indirect || is_ptr, e.multiples});
    }
  }
  return true;
}

LookupResult LookupImpl(Type* T, bool addressable, const Package* pkg, std::string_view name,
                        bool fold_case) {
  LookupResult r;
  if (name == "_") return r;
  bool is_ptr = false;
  Type* typ = Deref(T, &is_ptr);
  // Neither pointers to interfaces nor pointers to type parameters have methods.
  if (is_ptr && Underlying(typ)->kind() == TypeKind::kInterface) return r;
  std::vector<EmbeddedType> current{{typ, {}, is_ptr, false}};
  std::vector<Named*> seen;
  bool incomplete = false;
  while (!current.empty()) {
    std::vector<EmbeddedType> next;
    for (const EmbeddedType& e : current) {
      if (Named* named = e.typ->TryAs<Named>()) {
        bool dup = false;
        for (Named* s : seen) dup |= s == named;
        if (dup) continue;
        seen.push_back(named);
        // An instance's methods are its generic type's, substituted on demand.
        const std::vector<Func*>& methods = named->orig ? named->orig->methods : named->methods;
        int i = LookupMethodIn(methods, pkg, name, fold_case);
        if (i >= 0) {
          if (!Found(&r, e, i, InstanceMethod(named, size_t(i)))) return r;
          continue;
        }
      }
      Type* u = Underlying(e.typ);
      incomplete |= IsInvalid(u);
      if (Struct* s = u->TryAs<Struct>()) {
        if (!SearchStruct(s, e, pkg, name, &r, &next)) return r;
      } else if (Interface* it = u->TryAs<Interface>()) {
        CompleteInterface(it);
        int i = LookupMethodIn(it->all_methods, pkg, name, fold_case);
        if (i >= 0 && !Found(&r, e, i, it->all_methods[size_t(i)])) return r;
      }
    }
    if (r.obj != nullptr) {
      if (Func* f = r.obj->TryAs<Func>(); f && HasPtrRecv(f) && !r.indirect && !addressable) {
        return LookupResult{nullptr, {}, true};
      }
      return r;
    }
    current = ConsolidateMultiples(std::move(next));
  }
  LookupResult none;
  none.incomplete = incomplete;
  return none;
}

}  // namespace

void CompleteInterface(Interface* t) {
  if (t->complete || t->computing) return;
  // Each level of an invalid recursive generic interface (type I[P any]
  // interface{ I[*P] }) is a new instance: bound the nesting.
  static thread_local int depth = 0;
  if (depth > 100) return;
  struct DepthCount {
    DepthCount() { depth++; }
    ~DepthCount() { depth--; }
  } count;
  t->computing = true;
  std::vector<Func*> all;
  auto add = [&all](Func* m) {
    for (Func* o : all) {
      if (o->SameId(m->pkg, m->name)) return;
    }
    all.push_back(m);
  };
  for (Func* m : t->methods) add(m);
  for (Type* e : t->embeddeds) {
    Type* u = Underlying(e);
    if (Interface* ei = u->TryAs<Interface>()) {
      CompleteInterface(ei);
      for (Func* m : ei->all_methods) add(m);
      t->is_comparable |= ei->is_comparable;
      t->has_type_set |= ei->has_type_set;
    } else if (!IsInvalid(u)) {
      t->has_type_set = true;
    }
  }
  std::sort(all.begin(), all.end(), [](Func* a, Func* b) { return a->Id() < b->Id(); });
  t->all_methods = std::move(all);
  t->computing = false;
  t->complete = true;
}

int LookupMethodIn(const std::vector<Func*>& methods, const Package* pkg, std::string_view name,
                   bool fold_case) {
  if (name == "_") return -1;
  for (size_t i = 0; i < methods.size(); i++) {
    Func* m = methods[i];
    if (m->SameId(pkg, name) || (fold_case && EqualFold(m->name, name))) return int(i);
  }
  return -1;
}

LookupResult LookupFieldOrMethod(Type* T, bool addressable, const Package* pkg,
                                 std::string_view name, bool fold_case) {
  LookupResult r = LookupImpl(T, addressable, pkg, name, fold_case);
  if (r.obj != nullptr) return r;
  if (Named* n = T->TryAs<Named>()) {
    if (Pointer* p = Underlying(n)->TryAs<Pointer>()) {
      r = LookupImpl(p, false, pkg, name, fold_case);
      if (r.obj != nullptr && r.obj->kind() == ObjectKind::kFunc) return LookupResult{};
      // An invalid base type (or one still being declared: type T *interface{ T.m })
      // leaves T a valid pointer type that has no such field, as go/types reports.
      if (r.obj == nullptr && IsInvalid(Underlying(p->elem))) r.incomplete = false;
    }
  }
  return r;
}

MissingMethodResult MissingMethod(Type* V, Interface* T, bool static_check,
                                  MethodResolver resolve, void* resolve_ctx) {
  MissingMethodResult res;
  CompleteInterface(T);
  if (T->all_methods.empty()) return res;
  if (Interface* vi = Underlying(V)->TryAs<Interface>()) {
    CompleteInterface(vi);
    for (Func* m : T->all_methods) {
      int i = LookupMethodIn(vi->all_methods, m->pkg, m->name);
      if (i < 0) {
        if (!static_check) continue;
        return {m, nullptr};
      }
      Func* f = vi->all_methods[size_t(i)];
      if (!Identical(f->type, m->type)) return {m, f};
    }
    return res;
  }
  for (Func* m : T->all_methods) {
    LookupResult r = LookupImpl(V, false, m->pkg, m->name, false);
    bool found = r.obj != nullptr;
    if (!found) {
      Pointer ptr(V);
      r = LookupImpl(&ptr, false, m->pkg, m->name, false);
      if (r.obj == nullptr) r = LookupImpl(V, false, m->pkg, m->name, true);
    }
    if (r.obj == nullptr && r.incomplete) continue;  // the invalid embedding was reported
    Func* f = r.obj ? r.obj->TryAs<Func>() : nullptr;
    if (f == nullptr) return {m, nullptr};
    if (resolve != nullptr) resolve(resolve_ctx, f);
    if (!found || !Identical(f->type, m->type)) return {m, f};
  }
  return res;
}

}  // namespace gotool::types
