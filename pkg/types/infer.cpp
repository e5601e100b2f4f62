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
  if (orig->type_params.size() != sig->recv_type_params.size())
    return;  // reported with the receiver type
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

// CoreTerm returns the single term of p's constraint's type set, if it has one.
bool CoreTerm(TypeParam* p, Term* out) {
  Interface* it = ConstraintInterface(p);
  ComputeTypeSet(it);
  if (it->tset_all || it->tset_terms.size() != 1) {
    if (it->tset_all || it->tset_terms.empty()) return false;
    Type* core = CoreType(p);
    if (core == nullptr) return false;
    *out = Term{true, core};
    return true;
  }
  *out = it->tset_terms[0];
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
  std::vector<size_t> untyped;
  size_t n = params ? std::min(params->size(), args->size()) : 0;
  for (size_t i = 0; i < n; i++) {
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
    for (int pass = 0; pass < 3; pass++) {
      for (size_t i = 0; i < tparams.size(); i++) {
        Term core;
        if (!CoreTerm(tparams[i], &core)) continue;
        Type* targ = u.At(i);
        if (targ == nullptr) {
          if (!core.tilde) u.Set(i, core.type);
          continue;
        }
        if (core.tilde && !IsTypeParam(targ)) targ = Underlying(targ);
        if (!u.Unify(core.type, targ)) {
          if (report) {
            Errorf(At(pos_node), "{} does not match {}{}", S(tparams[i]), core.tilde ? "~" : "",
                   S(core.type));
          }
          return {};
        }
      }
    }
    if (round == 1) break;
    for (size_t i : untyped) {
      TypeParam* p = params->vars[i]->type->As<TypeParam>();
      int k = u.IndexOf(p);
      if (k < 0 || u.At(size_t(k)) != nullptr) continue;
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
  return res;
}

}  // namespace gotool::types
