// Type-parameter lists, constraints (bounds, unions, implicit interfaces),
// instantiated types and constraint satisfaction (go/types' decl.go
// collectTypeParams, union.go, typexpr.go instantiatedType, instantiate.go).
#include "pkg/types/checker.h"
#include "pkg/types/generics.h"

namespace gotool::types {

std::vector<syntax::Expr*> IndexList(syntax::Expr* e, syntax::Expr** x) {
  std::vector<syntax::Expr*> list;
  if (auto* ix = syntax::DynCast<syntax::IndexExpr>(e)) {
    *x = ix->X;
    list.push_back(ix->Index);
  } else if (auto* il = syntax::DynCast<syntax::IndexListExpr>(e)) {
    *x = il->X;
    for (syntax::Expr* i : il->Indices) list.push_back(i);
  } else {
    *x = nullptr;
  }
  return list;
}

TypeParam* Checker::DeclareTypeParam(syntax::Ident* name, int index) {
  TypeName* tname = ctx_->NewObject<TypeName>(name->NamePos, pkg_, name->Name, nullptr);
  TypeParam* tpar = ctx_->NewType<TypeParam>(tname);
  tname->type = tpar;
  tpar->index = index;
  tpar->constraint = InvalidType();  // until the bound is known
  Declare(env_.scope, name, tname, env_.scope->pos);
  return tpar;
}

void Checker::CollectTypeParams(std::vector<TypeParam*>* out, syntax::FieldList* list) {
  // Declare every parameter first: constraints may refer to any of them.
  for (syntax::Field* f : list->List) {
    for (syntax::Ident* name : f->Names) out->push_back(DeclareTypeParam(name, int(out->size())));
  }
  // Cycle detection must know that a generic type met now is in a constraint.
  bool saved_in_tparam_list = env_.in_tparam_list;
  env_.in_tparam_list = true;
  size_t index = 0;
  for (syntax::Field* f : list->List) {
    Type* bound = InvalidType();
    if (f->Type != nullptr) {
      bound = Bound(f->Type);
      if (IsTypeParam(bound)) {
        Error(At(f->Type), "cannot use a type parameter as constraint");
        bound = InvalidType();
      }
    }
    for (size_t i = 0; i < f->Names.size; i++) (*out)[index++]->constraint = bound;
  }
  env_.in_tparam_list = saved_in_tparam_list;
  // A constraint that is not an interface (a type, ~T, or a union) stands for the
  // implicit interface{E}.
  for (TypeParam* p : *out) {
    Type* b = p->constraint;
    if (IsInvalid(b) || Underlying(b)->kind() == TypeKind::kInterface) continue;
    Interface* it = ctx_->NewType<Interface>();
    it->embeddeds.push_back(b);
    it->embedded_pos.push_back(nullptr);
    it->implicit = true;
    it->has_type_set = true;
    it->complete = true;
    p->constraint = it;
  }
}

Type* Checker::Bound(syntax::Expr* e) {
  bool is_union = (e->kind == syntax::NodeKind::BinaryExpr &&
                   e->As<syntax::BinaryExpr>()->Op == syntax::Token::OR) ||
                  (e->kind == syntax::NodeKind::UnaryExpr &&
                   e->As<syntax::UnaryExpr>()->Op == syntax::Token::TILDE);
  if (!is_union) return TypExpr(e);
  Interface* it = ctx_->NewType<Interface>();
  it->embeddeds.push_back(UnionType(e));
  it->embedded_pos.push_back(e);
  it->implicit = true;
  it->has_type_set = true;
  it->complete = true;
  return it;
}

// FlattenUnion appends the terms of a | b | ... to *out.
static void FlattenUnion(syntax::Expr* e, std::vector<syntax::Expr*>* out) {
  if (auto* b = syntax::DynCast<syntax::BinaryExpr>(e); b && b->Op == syntax::Token::OR) {
    FlattenUnion(b->X, out);
    FlattenUnion(b->Y, out);
    return;
  }
  out->push_back(e);
}

Type* Checker::UnionType(syntax::Expr* e) {
  std::vector<syntax::Expr*> exprs;
  FlattenUnion(e, &exprs);
  if (exprs.size() > kMaxUnionTerms) {
    Errorf(At(exprs[kMaxUnionTerms]),
           "cannot handle more than {} union terms (implementation limitation)", kMaxUnionTerms);
    return InvalidType();
  }
  Union* u = ctx_->NewType<Union>();
  for (syntax::Expr* x : exprs) {
    Term term;
    syntax::Expr* tx = x;
    if (auto* un = syntax::DynCast<syntax::UnaryExpr>(x); un && un->Op == syntax::Token::TILDE) {
      term.tilde = true;
      tx = un->X;
    }
    term.type = TypExpr(tx);
    if (IsTypeParam(term.type)) {
      if (term.tilde) {
        Errorf(At(tx), "type in term {} cannot be a type parameter", S(x));
      } else {
        Error(At(x), "term cannot be a type parameter");
      }
      term.type = InvalidType();
    }
    u->terms.push_back(term);
  }
  // A single term without ~ is the type itself (an embedded type element).
  if (u->terms.size() == 1 && !u->terms[0].tilde) return u->terms[0].type;
  Later([this, u, exprs] { CheckUnionTerms(u, exprs); });
  return u;
}

// TermString formats a union term as go/types' Term.String (package-path qualified).
static std::string TermString(const Term& t) { return (t.tilde ? "~" : "") + TypeString(t.type); }

// OverlappingTerm returns the index of a term of terms[0:n) whose types are not
// disjoint from t's (a|a, a|~a, ~a|A with A's underlying type a), or -1.
static int OverlappingTerm(const std::vector<Term>& terms, size_t n, const Term& t) {
  for (size_t j = 0; j < n; j++) {
    const Term& x = terms[j];
    if (IsInvalid(x.type) || Underlying(x.type)->kind() == TypeKind::kInterface) continue;
    Type* ux = t.tilde ? Underlying(x.type) : x.type;
    Type* uy = x.tilde ? Underlying(t.type) : t.type;
    if (Identical(ux, uy)) return int(j);
  }
  return -1;
}

void Checker::CheckUnionTerms(Union* u, const std::vector<syntax::Expr*>& exprs) {
  for (size_t i = 0; i < u->terms.size(); i++) {
    const Term& t = u->terms[i];
    if (IsInvalid(t.type)) continue;
    Type* under = Underlying(t.type);
    if (t.tilde) {
      if (under->kind() == TypeKind::kInterface) {
        Errorf(At(exprs[i]), "invalid use of ~ ({} is an interface)", S(t.type));
        continue;
      }
      if (!Identical(t.type, under)) {
        Errorf(At(exprs[i]), "invalid use of ~ (underlying type of {} is {})", S(t.type), S(under));
        continue;
      }
    }
    if (Interface* it = under->TryAs<Interface>()) {
      CompleteInterface(it);
      std::string ts = TermString(t);
      if (!it->all_methods.empty()) {
        Errorf(At(exprs[i]), "cannot use {} in union ({} contains methods)", ts, ts);
      } else if (t.type == GetUniverse().comparable_type) {
        Error(At(exprs[i]), "cannot use comparable in union");
      } else if (it->is_comparable) {
        Errorf(At(exprs[i]), "cannot use {} in union ({} embeds comparable)", ts, ts);
      }
      continue;  // interface terms are not subject to the no-overlap rule
    }
    if (int j = OverlappingTerm(u->terms, i, t); j >= 0) {
      SoftErrorf(At(exprs[i]), "overlapping terms {} and {}", TermString(t),
                 TermString(u->terms[size_t(j)]));
    }
  }
}

Type* Checker::GenericType(syntax::Expr* e, std::string* reason) {
  Type* typ = TypInternal(e, nullptr);
  if (!IsInvalid(typ) && !IsGenericType(typ)) {
    if (reason) *reason = S(typ) + " is not a generic type";
    typ = InvalidType();
  }
  RecordTypeAndValue(e, OperandMode::kTypexpr, typ, constant::Value());
  return typ;
}

std::vector<Type*> Checker::TypeList(const std::vector<syntax::Expr*>& list, bool* ok) {
  std::vector<Type*> res;
  *ok = true;
  for (syntax::Expr* x : list) {
    Type* t = VarType(x);
    if (IsInvalid(t)) *ok = false;
    res.push_back(t);
  }
  return res;
}

bool Checker::ValidateTArgLen(base::Pos pos, size_t ntparams, size_t ntargs) {
  if (ntargs == ntparams) return true;
  Errorf(pos, "got {} arguments but {} type parameters", ntargs, ntparams);
  return false;
}

base::Pos LbrackOf(syntax::Expr* e) {
  if (auto* ix = syntax::DynCast<syntax::IndexExpr>(e)) return ix->Lbrack;
  if (auto* il = syntax::DynCast<syntax::IndexListExpr>(e)) return il->Lbrack;
  return base::NoPos;
}

Type* Checker::InstantiatedType(syntax::Expr* e, Named* def) {
  if (!AllowVersion(18))
    VersionError(LbrackOf(e), "type instantiation requires go1.18 or later", "type instantiation",
                 "go1.18");
  syntax::Expr* x = nullptr;
  std::vector<syntax::Expr*> indices = IndexList(e, &x);
  std::string reason;
  Type* gtyp = GenericType(x, &reason);
  if (!reason.empty()) Errorf(At(e), "invalid operation: {} ({})", S(e), reason);
  if (IsInvalid(gtyp)) return gtyp;
  Named* orig = gtyp->As<Named>();
  bool ok = false;
  std::vector<Type*> targs;
  if (recv_tparams_ != nullptr && recv_tparams_->size() == indices.size()) {
    // A generic method's receiver T[P, _]: its arguments are the receiver's own
    // type parameters (blank ones have no name to look up).
    targs.assign(recv_tparams_->begin(), recv_tparams_->end());
    recv_tparams_ = nullptr;
    // go/types type-checks these names as type expressions, so Info.Types has them.
    for (size_t i = 0; i < indices.size(); i++) {
      RecordTypeAndValue(indices[i], OperandMode::kTypexpr, targs[i], constant::Value());
    }
    ok = true;
  } else {
    targs = TypeList(indices, &ok);
  }
  if (!ok) {
    if (def != nullptr) def->underlying = InvalidType();
    return InvalidType();
  }
  Named* inst = Instantiate(ctx_, orig, targs);
  if (!inst->inst_pos.IsValid()) inst->inst_pos = At(x);
  if (def != nullptr) def->underlying = inst;
  base::Pos pos = At(x);
  Later([this, e, x, inst, indices, pos] {
    RecordInstance(x, inst->type_args, inst);
    Named* orig = inst->orig;
    if (ValidateTArgLen(pos, orig->type_params.size(), inst->type_args.size())) {
      std::string err;
      int i = Verify(orig->type_params, inst->type_args, &err);
      if (i >= 0) {
        base::Pos at = size_t(i) < indices.size() ? At(indices[size_t(i)]) : pos;
        Error(at, err, true);
      } else {
        RecordMonoInstance(pos, orig->type_params, inst->type_args, indices);
      }
    }
    ValidType(inst);
    (void)e;
  });
  return inst;
}

void Checker::RecordInstance(syntax::Expr* e, const std::vector<Type*>& targs, Type* typ) {
  syntax::Ident* id = syntax::DynCast<syntax::Ident>(e);
  if (auto* sel = syntax::DynCast<syntax::SelectorExpr>(e)) id = sel->Sel;
  if (id == nullptr || info_ == nullptr || !info_->record_instances) return;
  info_->instances[id] = Instance{targs, typ};
}

int Checker::Verify(const std::vector<TypeParam*>& tparams, const std::vector<Type*>& targs,
                    std::string* err) {
  SubstMap smap{tparams, targs};
  smap.to.resize(smap.from.size(), InvalidType());
  for (size_t i = 0; i < tparams.size() && i < targs.size(); i++) {
    Type* bound = Subst(ctx_, tparams[i]->constraint, smap);
    if (!Implements(targs[i], bound, err)) return int(i);
  }
  return -1;
}

// TermListString formats a type set's terms as go/types' termlist.String.
std::string Checker::TermListString(const std::vector<Term>& terms) {
  if (terms.empty()) return "∅";
  std::string s;
  for (size_t i = 0; i < terms.size(); i++) {
    if (i > 0) s += " | ";
    if (terms[i].tilde) s += "~";
    s += S(terms[i].type);
  }
  return s;
}

// TypeSetSubset reports whether every term of a is included in b's set.
static bool TypeSetSubset(Interface* a, Interface* b) {
  if (b->tset_all) return true;
  if (a->tset_all) return false;
  for (const Term& x : a->tset_terms) {
    bool in = false;
    for (const Term& y : b->tset_terms) {
      in |= (y.tilde || !x.tilde) &&
            (y.tilde ? Identical(y.type, Underlying(x.type)) : Identical(y.type, x.type));
    }
    if (!in) return false;
  }
  return true;
}

bool Checker::Implements(Type* V, Type* T, std::string* err) {
  Type* Vu = Underlying(V);
  Type* Tu = Underlying(T);
  if (IsInvalid(Vu) || IsInvalid(Tu)) return true;
  if (Pointer* p = Vu->TryAs<Pointer>(); p && IsInvalid(Underlying(p->elem))) return true;
  Interface* Ti = Tu->TryAs<Interface>();
  if (Ti == nullptr) {
    std::string cause = IsInterfacePtr(Tu)
                            ? "type " + S(T) + " is pointer to interface, not interface"
                            : S(T) + " is not an interface";
    *err = S(V) + " does not implement " + S(T) + " (" + cause + ")";
    return false;
  }
  CompleteInterface(Ti);
  ComputeTypeSet(Ti);
  if (Ti->all_methods.empty() && !Ti->is_comparable && Ti->tset_all) return true;
  // An interface or type parameter with an empty type set implements everything.
  if (EmptyTypeSet(V)) return true;
  Interface* Vi = IsTypeParam(V) ? nullptr : Vu->TryAs<Interface>();
  if (!Ti->tset_all && Ti->tset_terms.empty()) {
    *err = "cannot implement " + S(T) + " (empty type set)";
    return false;
  }
  MissingMethodResult r = MissingMethod(
      V, Ti, true, [](void* c, Func* f) { static_cast<Checker*>(c)->ResolveMethod(f); }, this);
  if (r.method != nullptr) {
    *err = S(V) + " does not implement " + S(T) + " " + MissingMethodReason(V, T, r.method, r.alt);
    return false;
  }
  std::string pending;
  if (Ti->is_comparable && !ComparableStrict(V)) pending = S(V) + " does not implement comparable";
  if (Ti->tset_all) {
    *err = pending;
    return pending.empty();
  }
  if (Vi != nullptr || IsTypeParam(V)) {
    Interface* vs = Vi != nullptr ? Vi : ConstraintInterface(V->As<TypeParam>());
    ComputeTypeSet(vs);
    if (!TypeSetSubset(vs, Ti)) {
      *err = S(V) + " does not implement " + S(T);
      return false;
    }
    *err = pending;
    return pending.empty();
  }
  Type* alt = nullptr;
  bool included = false;
  for (const Term& t : Ti->tset_terms) {
    if (TermIncludes(t, V)) {
      included = true;
      break;
    }
    if (alt == nullptr && !t.tilde && Identical(t.type, Underlying(t.type)) &&
        TermIncludes(Term{true, t.type}, V)) {
      alt = t.type;
    }
  }
  if (!included) {
    if (alt != nullptr) {
      *err = S(V) + " does not implement " + S(T) + " (possibly missing ~ for " + S(alt) +
             " in constraint " + S(T) + ")";
    } else {
      *err = S(V) + " does not implement " + S(T) + " (" + S(V) + " missing in " +
             TermListString(Ti->tset_terms) + ")";
    }
    return false;
  }
  *err = pending;
  return pending.empty();
}

}  // namespace gotool::types
