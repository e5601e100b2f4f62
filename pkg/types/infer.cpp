// Generic functions: receiver type parameters of methods, explicit instantiation
// f[T], type inference from arguments and from core types of constraints
// (go/types' signature.go collectRecv, call.go funcInst, infer.go).
#include "pkg/types/checker.h"
#include "pkg/types/generics.h"

namespace gotool::types {

void Checker::CollectRecvTypeParams(Signature* sig, syntax::FieldList* recv) {
  if (recv == nullptr || recv->List.size == 0) return;
  syntax::Expr* rt = Unparen(recv->List[0]->Type);
  if (auto* star = syntax::DynCast<syntax::StarExpr>(rt)) rt = Unparen(star->X);
  syntax::Expr* base_expr = nullptr;
  std::vector<syntax::Expr*> names = IndexList(rt, &base_expr);
  if (base_expr == nullptr) return;
  for (syntax::Expr* n : names) {
    auto* id = syntax::DynCast<syntax::Ident>(n);
    int index = int(sig->recv_type_params.size());
    if (id == nullptr) {
      Errorf(At(n), "receiver type parameter {} must be an identifier", S(n));
      // It still stands for the receiver type's parameter, as a blank one.
      TypeName* tname = ctx_->NewObject<TypeName>(At(n), pkg_, "_", nullptr);
      TypeParam* tpar = ctx_->NewType<TypeParam>(tname);
      tname->type = tpar;
      tpar->index = index;
      tpar->constraint = InvalidType();
      sig->recv_type_params.push_back(tpar);
      continue;
    }
    sig->recv_type_params.push_back(DeclareTypeParam(id, index));
  }
  Type* base = GenericType(base_expr, nullptr);
  if (!IsGenericType(base)) return;
  Named* orig = base->As<Named>();
  size_t got = sig->recv_type_params.size(), want = orig->type_params.size();
  if (got < want) {
    // go/types reports this here too, besides the instantiation's argument count.
    Errorf(At(recv), "got {} type parameter{}, but receiver base type declares {}", got,
           got == 1 ? "" : "s", want);
  }
  if (got != want) return;  // reported with the receiver type
  // The receiver's parameters have the generic type's constraints, written in
  // terms of the receiver's own parameters.
  SubstMap smap{orig->type_params, {}};
  for (TypeParam* p : sig->recv_type_params) smap.to.push_back(p);
  for (size_t i = 0; i < orig->type_params.size(); i++) {
    sig->recv_type_params[i]->constraint = Subst(ctx_, orig->type_params[i]->constraint, smap);
    RecordMonoCanon(sig->recv_type_params[i], orig->type_params[i]);
  }
}

void Checker::NonGeneric(Operand* x) {
  if (x->invalid() || x->mode == OperandMode::kNoValue || x->type == nullptr) return;
  const char* what = nullptr;
  if (IsGenericType(x->type)) what = "type";
  if (IsGenericSignature(x->type)) what = "function";
  if (what == nullptr) return;
  Errorf(x->Pos(), "cannot use generic {} {} without instantiation", what, S(x->expr));
  x->SetInvalid();
  x->type = InvalidType();
}

Signature* Checker::InstantiateFunc(syntax::Node* at, Signature* sig,
                                    const std::vector<Type*>& targs,
                                    const std::vector<syntax::Expr*>& index_exprs) {
  Signature* inst = InstantiateSignature(ctx_, sig, targs);
  std::vector<TypeParam*> tparams = sig->type_params;
  base::Pos pos = At(at);
  Later([this, tparams, targs, index_exprs, pos] {
    std::string err;
    int i = Verify(tparams, targs, &err);
    if (i >= 0) Error(size_t(i) < index_exprs.size() ? At(index_exprs[size_t(i)]) : pos, err, true);
    if (i < 0) RecordMonoInstance(pos, tparams, targs, index_exprs);
  });
  return inst;
}

bool Checker::FuncInst(Operand* x, syntax::Expr* e) {
  if (!AllowVersion(18))
    VersionError(LbrackOf(e), "function instantiation requires go1.18 or later",
                 "function instantiation", "go1.18");
  syntax::Expr* fx = nullptr;
  std::vector<syntax::Expr*> indices = IndexList(e, &fx);
  bool ok = false;
  std::vector<Type*> targs = TypeList(indices, &ok);
  x->expr = e;
  if (!ok) {
    x->SetInvalid();
    return false;
  }
  Signature* sig = x->type->As<Signature>();
  size_t got = targs.size(), want = sig->type_params.size();
  if (got > want) {
    Errorf(At(indices[got - 1]), "got {} type arguments but want {}", got, want);
    x->SetInvalid();
    return false;
  }
  if (got < want) {
    targs = Infer(e, sig->type_params, targs, nullptr, nullptr, true);
    if (targs.empty()) {
      x->SetInvalid();
      return false;
    }
  }
  Signature* res = InstantiateFunc(e, sig, targs, indices);
  RecordInstance(fx, targs, res);
  x->type = res;
  x->mode = OperandMode::kValue;
  return true;
}

namespace {

// TypeParamsString lists parameter names for messages: "T", "K and V", "A, B, and C".
std::string TypeParamsString(const std::vector<TypeParam*>& list) {
  std::string s;
  for (size_t i = 0; i < list.size(); i++) {
    if (i > 0) s += list.size() == 2 ? " and " : (i + 1 == list.size() ? ", and " : ", ");
    s += list[i]->obj->name;
  }
  return s;
}

// CoreTerm returns the term constraint type inference unifies p with: the single
// term of p's type set (*single set), or p's core type, with a tilde if any term
// has one. It returns false when there is neither.
bool CoreTerm(TypeParam* p, Term* out, bool* single) {
  Interface* it = ConstraintInterface(p);
  ComputeTypeSet(it);
  *single = false;
  if (it->tset_all || it->tset_terms.empty()) return false;
  if (it->tset_terms.size() == 1) {
    *out = it->tset_terms[0];
    *single = true;
    return true;
  }
  Type* core = CoreType(p);
  if (core == nullptr) return false;
  bool tilde = false;
  for (const Term& t : it->tset_terms) tilde |= t.tilde;
  *out = Term{tilde, core};
  return true;
}

}  // namespace

std::vector<Type*> Checker::Infer(syntax::Node* pos_node, const std::vector<TypeParam*>& tparams0,
                                  std::vector<Type*> targs, Tuple* params,
                                  std::vector<Operand>* args, bool report) {
  if (targs.size() == tparams0.size()) return targs;  // explicitly instantiated
  std::vector<TypeParam*> tparams = tparams0;
  bool renamed = RenameRecursiveTypeParams(&tparams, targs, &params, args);
  Unifier u(tparams);
  for (size_t i = 0; i < targs.size() && i < tparams.size(); i++) u.Set(i, targs[i]);
  auto complete = [&]() {
    for (size_t i = 0; i < tparams.size(); i++) {
      if (u.At(i) == nullptr) return int(i);
    }
    return -1;
  };
  auto mismatch = [&](const char* kind, Type* par, Type* targ, const Operand& arg) {
    if (!report) return;
    std::vector<Type*> sofar(tparams.size());
    bool none = true;
    for (size_t i = 0; i < tparams.size(); i++) {
      sofar[i] = u.At(i);
      none &= sofar[i] == nullptr;
    }
    if (none) {
      Errorf(arg.Pos(), "{} {} of {} does not match {} (cannot infer {})", kind, S(targ),
             S(arg.expr), S(par), TypeParamsString(tparams));
      return;
    }
    Type* inferred = Subst(ctx_, par, SubstMap{tparams, sofar});
    if (inferred != par) {
      Errorf(arg.Pos(), "{} {} of {} does not match inferred type {} for {}", kind, S(targ),
             S(arg.expr), S(inferred), S(par));
    } else {
      Errorf(arg.Pos(), "{} {} of {} does not match {}", kind, S(targ), S(arg.expr), S(par));
    }
  };
  // Known type arguments are substituted first: a parameter they make concrete is
  // checked by assignment, not unified (mixed[int](1.1, ...) cannot use 1.1).
  if (params != nullptr && !targs.empty()) {
    std::vector<Type*> known(tparams.size(), nullptr);
    for (size_t i = 0; i < targs.size() && i < known.size(); i++) known[i] = targs[i];
    params = Subst(ctx_, params, SubstMap{tparams, known})->As<Tuple>();
  }
  size_t n = params ? std::min(params->size(), args->size()) : 0;
  // Arguments of named types go first: unifying a named with an unnamed type
  // continues with the named type's underlying type, so the order would otherwise
  // decide between the named and the underlying type (go/types, issue #43056).
  std::vector<size_t> order;
  for (size_t i = 0; i < n; i++) {
    if (HasName((*args)[i].type)) order.push_back(i);
  }
  for (size_t i = 0; i < n; i++) {
    if (!HasName((*args)[i].type)) order.push_back(i);
  }
  std::vector<size_t> untyped;
  for (size_t i : order) {
    Type* par = params->vars[i]->type;
    const Operand& arg = (*args)[i];
    if (!IsParameterized(tparams, par) || arg.invalid()) continue;
    if (IsTyped(arg.type)) {
      if (!u.Unify(par, arg.type)) {
        mismatch("type", par, arg.type, arg);
        return {};
      }
    } else if (IsTypeParam(par)) {
      untyped.push_back(i);
    }
  }
  // Constraint type inference, then untyped constants' default types, then again.
  for (int round = 0; round < 2; round++) {
    if (complete() < 0) break;
    if (!ConstraintInference(pos_node, tparams, &u, report)) return {};
    if (round == 1) break;
    // Only parameters still unknown before this step take default types: all
    // untyped arguments of one parameter must then agree (min(1, 2.3) fails).
    std::vector<bool> unknown(tparams.size());
    for (size_t i = 0; i < tparams.size(); i++) unknown[i] = u.At(i) == nullptr;
    for (size_t i : untyped) {
      TypeParam* p = params->vars[i]->type->As<TypeParam>();
      int k = u.IndexOf(p);
      if (k < 0 || !unknown[size_t(k)]) continue;
      Type* def = DefaultType((*args)[i].type);
      if (IsTyped(def) && !u.Unify(p, def)) {
        mismatch("default type", p, def, (*args)[i]);
        return {};
      }
    }
  }
  // Inferred types may mention other parameters (substituted below), but not in a
  // cycle: those count as not inferred.
  std::vector<Type*> res(tparams.size());
  for (size_t i = 0; i < tparams.size(); i++) res[i] = u.At(i);
  KillInferenceCycles(tparams, &res);
  for (Type*& t : res) {
    // The renamed parameters of a recursive call cannot escape.
    if (renamed && t != nullptr && IsParameterized(tparams, t)) t = nullptr;
  }
  for (size_t i = 0; i < tparams.size(); i++) {
    if (res[i] != nullptr) continue;
    if (report) {
      Errorf(At(pos_node), "cannot infer {} ({})", tparams[i]->obj->name,
             fset_.PositionFor(tparams[i]->obj->pos).String());
    }
    return {};
  }
  SubstMap smap{tparams, res};
  for (size_t round = 0; round < tparams.size(); round++) {
    bool changed = false;
    for (Type*& t : res) {
      Type* s = Subst(ctx_, t, smap);
      changed |= s != t;
      t = s;
    }
    smap.to = res;
    if (!changed) break;
  }
  // A type still mentioning the parameters (a core type *P matching Q, with neither
  // known) was not inferred (go/types, issue #45548).
  for (size_t i = 0; i < res.size(); i++) {
    if (!IsParameterized(tparams, res[i])) continue;
    if (report) {
      Errorf(At(pos_node), "cannot infer {} ({})", tparams[i]->obj->name,
             fset_.PositionFor(tparams[i]->obj->pos).String());
    }
    return {};
  }
  return res;
}

bool Checker::ConstraintInference(syntax::Node* pos_node, const std::vector<TypeParam*>& tparams,
                                  Unifier* u, bool report) {
  auto unknowns = [&] {
    size_t n = 0;
    for (size_t i = 0; i < tparams.size(); i++) n += u->At(i) == nullptr;
    return n;
  };
  // Each round may infer one more parameter from the others (a chain of ~*P
  // constraints infers one per round): repeat while progress is made.
  for (size_t n = unknowns(); n > 0;) {
    for (size_t i = 0; i < tparams.size(); i++) {
      Term core;
      bool single = false;
      if (!CoreTerm(tparams[i], &core, &single)) continue;
      Type* targ = u->At(i);
      if (targ == nullptr) {
        if (single && !core.tilde) u->Set(i, core.type);
        continue;
      }
      if (core.tilde && !IsTypeParam(targ)) targ = Underlying(targ);
      if (!u->Unify(core.type, targ)) {
        if (report) {
          Errorf(At(pos_node), "{} does not match {}{}", S(tparams[i]), core.tilde ? "~" : "",
                 S(core.type));
        }
        return false;
      }
    }
    size_t nn = unknowns();
    if (nn == n) break;
    n = nn;
  }
  return true;
}

}  // namespace gotool::types
