// Declarations: package-level objects in dependency order with cycle detection,
// constants, variables, types (with methods) and local declarations (go/types' decl.go).
#include <algorithm>

#include "pkg/types/checker.h"

namespace gotool::types {

void Checker::ObjDecl(Object* obj, Named* def) {
  if (Func* f = obj->TryAs<Func>(); f && f->origin != nullptr) {
    ResolveMethod(f);
    return;
  }
  if (obj->color == Color::kWhite && obj->type != nullptr) {
    obj->color = Color::kBlack;
    return;
  }
  if (obj->color == Color::kBlack) return;
  if (obj->color == Color::kGrey) {
    // A (possibly invalid) cycle.
    switch (obj->kind()) {
      case ObjectKind::kConst:
      case ObjectKind::kVar:
        if (!ValidCycle(obj) || obj->type == nullptr) obj->type = InvalidType();
        break;
      case ObjectKind::kTypeName:
        if (!ValidCycle(obj)) obj->type = InvalidType();
        break;
      case ObjectKind::kFunc:
        ValidCycle(obj);
        break;
      default:
        break;
    }
    if (obj->type == nullptr) obj->type = InvalidType();
    return;
  }
  auto it = obj_map_.find(obj);
  if (it == obj_map_.end()) {
    if (obj->type == nullptr) obj->type = InvalidType();
    return;
  }
  DeclInfo* d = it->second;
  obj->color = Color::kGrey;
  obj_path_.push_back(obj);
  Environment saved = env_;
  env_ = Environment{};
  env_.scope = d->file;
  switch (obj->kind()) {
    case ObjectKind::kConst:
      env_.decl = d;
      ConstDecl(obj->As<Const>(), d->vtyp, d->init, d->inherited);
      break;
    case ObjectKind::kVar:
      env_.decl = d;
      VarDecl(obj->As<Var>(), d->lhs, d->vtyp, d->init);
      break;
    case ObjectKind::kTypeName:
      TypeDecl(obj->As<TypeName>(), d->tdecl, def);
      CollectMethods(obj->As<TypeName>());
      break;
    case ObjectKind::kFunc:
      FuncDecl(obj->As<Func>(), d);
      break;
    default:
      break;
  }
  env_ = std::move(saved);
  obj_path_.pop_back();
  obj->color = Color::kBlack;
}

bool Checker::ValidCycle(Object* obj) {
  auto start = std::find(obj_path_.begin(), obj_path_.end(), obj);
  if (start == obj_path_.end()) return true;
  std::vector<Object*> cycle(start, obj_path_.end());
  size_t nval = 0, ndef = 0;
  bool tparam_cycle = false;  // the cycle goes through a type-parameter list
  for (Object* o : cycle) {
    if (o->kind() == ObjectKind::kConst || o->kind() == ObjectKind::kVar) {
      nval++;
    } else if (TypeName* t = o->TryAs<TypeName>()) {
      // A generic type met again while its (or another's) type parameters are
      // declared: the constraints would need the type they constrain.
      if (env_.in_tparam_list && IsGenericType(t->type)) {
        tparam_cycle = true;
        break;
      }
      auto it = obj_map_.find(t);
      bool alias = it != obj_map_.end() ? it->second->tdecl->Assign.IsValid() : t->IsAlias();
      if (!alias) ndef++;
    }
  }
  if (!tparam_cycle) {
    // Cycles of only constants and variables are reported by the init order check.
    if (nval == cycle.size()) return true;
    // A cycle of types must contain at least one type definition.
    if (nval == 0 && ndef > 0) return true;
  }
  CycleError(cycle);
  return false;
}

void Checker::CycleError(const std::vector<Object*>& cycle) {
  auto name = [this](Object* o) {
    std::string s;
    if (o->pkg != nullptr && o->pkg != pkg_) s = qualifier_.Qualify(o->pkg) + ".";
    return s + std::string(o->name);
  };
  size_t i = 0;
  for (size_t j = 1; j < cycle.size(); j++) {
    if (cycle[j]->pos < cycle[i]->pos) i = j;
  }
  Object* obj = cycle[i];
  base::Pos pos = obj->pos;
  bool is_type = obj->kind() == ObjectKind::kTypeName;
  // An alias reported here is invalid, not broken: its uses report nothing more.
  if (is_type) broken_aliases_.erase(obj->As<TypeName>());
  if (is_type && compiler_errors_) {
    Errorf(pos, "invalid recursive type {}", name(obj));
  } else {
    Errorf(pos, "illegal cycle in declaration of {}", name(obj));
  }
  for (size_t k = 0; k < cycle.size(); k++) {
    Errorf(pos, "\t{} refers to", name(obj));
    i = (i + 1) % cycle.size();
    obj = cycle[i];
  }
  Errorf(pos, "\t{}", name(obj));
}

void Checker::ConstDecl(Const* obj, syntax::Expr* typ, syntax::Expr* init, bool inherited) {
  bool saved_has_iota = env_.has_iota;
  constant::Value saved_iota = env_.iota;
  base::Pos saved_errpos = env_.errpos;
  env_.has_iota = true;
  env_.iota = obj->val;
  env_.errpos = base::NoPos;
  obj->val = constant::MakeUnknown();
  bool ok = true;
  if (typ != nullptr) {
    Type* t = TypExpr(typ);
    if (!IsConstType(t)) {
      if (!IsInvalid(Underlying(t))) Errorf(At(typ), "invalid constant type {}", S(t));
      obj->type = InvalidType();
      ok = false;
    } else {
      obj->type = t;
    }
  }
  if (ok) {
    Operand x;
    if (init != nullptr) {
      if (inherited) env_.errpos = obj->pos;
      Expr(&x, init);
    }
    InitConst(obj, &x);
  }
  env_.has_iota = saved_has_iota;
  env_.iota = saved_iota;
  env_.errpos = saved_errpos;
}

void Checker::VarDecl(Var* obj, const std::vector<Object*>& lhs, syntax::Expr* typ,
                      syntax::Expr* init) {
  VarDeclInit(obj, lhs, typ, init);
  if (!compiler_errors_) return;
  // As types2: variables of invalid type count as used.
  if (obj->type && IsInvalid(obj->type)) obj->used = true;
  for (Object* o : lhs) {
    if (o->type && IsInvalid(o->type)) o->As<Var>()->used = true;
  }
}

void Checker::VarDeclInit(Var* obj, const std::vector<Object*>& lhs, syntax::Expr* typ,
                          syntax::Expr* init) {
  if (typ != nullptr) obj->type = VarType(typ);
  if (init == nullptr) {
    if (typ == nullptr) obj->type = InvalidType();
    return;
  }
  if (lhs.size() <= 1) {
    Operand x;
    Expr(&x, init);
    InitVar(obj, &x, "variable declaration");
    return;
  }
  std::vector<Var*> vars;
  for (Object* o : lhs) {
    Var* v = o->As<Var>();
    if (typ != nullptr) v->type = obj->type;
    vars.push_back(v);
  }
  syntax::Expr* rhs[1] = {init};
  InitVars(vars, syntax::List<syntax::Expr>{rhs, 1}, nullptr);
}

void Checker::TypeDecl(TypeName* obj, syntax::TypeSpec* tdecl, Named* def) {
  // Validated once all declarations are known, before the instances the
  // declaration writes (as go/types orders its delayed actions).
  Later([this, obj] {
    if (Named* t = obj->type ? obj->type->TryAs<Named>() : nullptr) ValidType(t);
  });
  bool generic = tdecl->TypeParams != nullptr && tdecl->TypeParams->List.size > 0;
  if (tdecl->Assign.IsValid()) {
    if (generic) {
      Error(tdecl->Assign, "generic type cannot be alias");
      obj->type = InvalidType();
      return;
    }
    if (!AllowVersion(9)) Error(tdecl->Assign, "type aliases requires go1.9 or later");
    obj->type = InvalidType();  // guard against alias cycles
    broken_aliases_.insert(obj);
    Type* rhs = TypExpr(tdecl->Type);
    broken_aliases_.erase(obj);
    obj->type = rhs;
    return;
  }
  if (generic) {
    GenericTypeDecl(obj, tdecl, def);
    return;
  }
  Named* named = ctx_->NewType<Named>(obj);
  obj->type = named;
  if (def != nullptr) def->underlying = named;
  Type* rhs = DefinedType(tdecl->Type, named);
  named->from_rhs = rhs;
  if (named->underlying == nullptr) named->underlying = InvalidType();
  // Follow chains of defined types (type T U); a chain back to a seen type is a cycle.
  std::vector<Object*> path{obj};
  for (Type* t = named->underlying; t->kind() == TypeKind::kNamed;) {
    Named* n1 = t->As<Named>();
    auto it = std::find(path.begin(), path.end(), n1->obj);
    if (it != path.end()) {
      CycleError(std::vector<Object*>(it, path.end()));
      named->underlying = InvalidType();
      break;
    }
    path.push_back(n1->obj);
    if (n1->underlying == nullptr) break;
    t = n1->underlying;
  }
  Type* u = Underlying(named);
  if (named->underlying->kind() != TypeKind::kNamed || !IsInvalid(u)) named->underlying = u;
}

void Checker::GenericTypeDecl(TypeName* obj, syntax::TypeSpec* tdecl, Named* def) {
  Named* named = ctx_->NewType<Named>(obj);
  obj->type = named;
  if (def != nullptr) def->underlying = named;
  named->resolving = true;
  // A chain left unresolved below is resolved in declaration order, as go/types
  // resolves the underlying types of its named types after checking the package.
  Later([this, named] {
    if (named->underlying != nullptr && named->underlying->kind() == TypeKind::kNamed &&
        !ResolveUnderlying(named)) {
      named->underlying = InvalidType();
    }
  });
  // The type parameters are scoped to the declaration.
  OpenScope(tdecl, "type parameters");
  CollectTypeParams(&named->type_params, tdecl->TypeParams);
  Type* rhs = DefinedType(tdecl->Type, named);
  CloseScope();
  named->from_rhs = rhs;
  if (IsTypeParam(rhs)) {
    Error(At(tdecl->Type), "cannot use a type parameter as RHS in type declaration");
    named->underlying = InvalidType();
  }
  if (named->underlying == nullptr || named->underlying == named) named->underlying = InvalidType();
  // Follow chains of defined types through instances (type T[P any] U[P]); a chain
  // through a generic type still being declared is followed once all are.
  ResolveUnderlying(named);
  named->resolving = false;
}

// NextInChain returns the type a named type is defined as: an instance's expansion,
// nullptr while that is not known.
static Type* NextInChain(Named* n) {
  if (n->orig == nullptr) return n->underlying;
  if (n->orig->resolving || n->orig->underlying == nullptr) return nullptr;
  return ExpandNamed(n);
}

bool Checker::ResolveUnderlying(Named* named) {
  std::vector<Named*> seen;
  Type* u = named->underlying;
  for (Named* n = named; u != nullptr && u->kind() == TypeKind::kNamed;) {
    seen.push_back(n);
    n = u->As<Named>();
    auto it = std::find(seen.begin(), seen.end(), n);
    if (it != seen.end()) {
      std::vector<Object*> cycle;
      for (; it != seen.end(); ++it) cycle.push_back(CycleObject(*it));
      CycleError(cycle);
      u = InvalidType();
      break;
    }
    u = NextInChain(n);
  }
  if (u == nullptr) return false;
  for (Named* n : seen) {
    if (n->obj->pkg == pkg_) n->underlying = u;
  }
  named->underlying = u;
  return true;
}

void Checker::CollectMethods(TypeName* obj) {
  auto it = methods_.find(obj);
  if (it == methods_.end()) return;
  std::vector<Func*> methods = std::move(it->second);
  methods_.erase(it);
  Named* base = obj->type ? obj->type->TryAs<Named>() : nullptr;
  std::vector<Func*> seen;
  for (Func* m : methods) {
    if (m->name == "_") continue;
    Func* alt = nullptr;
    for (Func* s : seen) {
      if (s->SameId(m->pkg, m->name)) alt = s;
    }
    if (alt != nullptr) {
      if (compiler_errors_) {
        Errorf(m->pos, "{}.{} redeclared in this block", obj->name, m->name);
      } else {
        Errorf(m->pos, "method {} already declared for {}", m->name, S(obj));
      }
      Errorf(alt->pos, "\tother declaration of {}", m->name);
      continue;
    }
    seen.push_back(m);
    if (base != nullptr) base->methods.push_back(m);
  }
  if (base == nullptr) return;
  // Fields and methods of a struct base type must have distinct names.
  Later([this, base] {
    Struct* s = Underlying(base)->TryAs<Struct>();
    if (s == nullptr) return;
    for (Var* f : s->fields) {
      if (f->name == "_") continue;
      int i = LookupMethodIn(base->methods, f->pkg, f->name);
      if (i >= 0) {
        Func* m = base->methods[size_t(i)];
        Errorf(m->pos, "field and method with the same name {}", f->name);
        Errorf(f->pos, "\tother declaration of {}", f->name);
      }
    }
  });
}

void Checker::FuncDecl(Func* obj, DeclInfo* decl) {
  Signature* sig = ctx_->NewType<Signature>();
  sig->params = ctx_->NewType<Tuple>();
  sig->results = ctx_->NewType<Tuple>();
  obj->type = sig;  // guard against cycles
  Color saved = obj->color;
  obj->color = Color::kBlack;
  syntax::FuncDecl* fdecl = decl->fdecl;
  FuncType(sig, fdecl->Recv, fdecl->Type);
  obj->color = saved;
  if (!sig->type_params.empty() && fdecl->Body == nullptr) {
    SoftErrorf(fdecl->Name->NamePos, "parameterized function is missing function body");
  }
  if (!cfg_.ignore_func_bodies && fdecl->Body != nullptr) {
    Later([this, decl, obj, sig, fdecl] { FuncBody(decl, obj->name, sig, fdecl->Body); });
  }
}

void Checker::ResolveMethod(Func* f) {
  if (f->type != nullptr) return;
  if (f->origin != nullptr) {
    // A method of an instance: resolve the generic method, then substitute.
    ObjDecl(f->origin, nullptr);
    FillInstanceMethod(f);
    if (f->type == nullptr) f->type = InvalidType();
    return;
  }
  ObjDecl(f, nullptr);
}

// DeclConst declares the constants of one local ConstSpec.
static void DeclLocalConsts(Checker* check, syntax::ValueSpec* s, syntax::ValueSpec* last,
                            int64_t iota) {
  size_t top = check->delayed_.size();
  std::vector<Const*> lhs;
  for (size_t i = 0; i < s->Names.size; i++) {
    syntax::Ident* name = s->Names[i];
    Const* obj = check->ctx()->NewObject<Const>(name->NamePos, check->pkg(), name->Name, nullptr,
                                                constant::MakeInt64(iota));
    lhs.push_back(obj);
    syntax::Expr* init = nullptr;
    syntax::Expr* typ = last ? last->Type : nullptr;
    if (last != nullptr && i < last->Values.size) init = last->Values[i];
    check->ConstDecl(obj, typ, init, last != s);
  }
  syntax::ValueSpec empty;  // as go/types: a missing init list counts as an empty one
  empty.kind = syntax::NodeKind::ValueSpec;
  check->ArityMatch(s, last ? last : &empty);
  check->ProcessDelayed(top);
  base::Pos scope_pos = syntax::NodeEnd(s);
  for (size_t i = 0; i < s->Names.size; i++) {
    check->Declare(check->env_.scope, s->Names[i], lhs[i], scope_pos);
  }
}

// DeclLocalVars declares the variables of one local VarSpec.
static void DeclLocalVars(Checker* check, syntax::ValueSpec* s) {
  size_t top = check->delayed_.size();
  std::vector<Object*> lhs0;
  for (syntax::Ident* name : s->Names) {
    lhs0.push_back(check->ctx()->NewObject<Var>(name->NamePos, check->pkg(), name->Name, nullptr));
  }
  for (size_t i = 0; i < lhs0.size(); i++) {
    std::vector<Object*> lhs;
    syntax::Expr* init = nullptr;
    if (s->Values.size == s->Names.size) {
      init = s->Values[i];
    } else if (s->Values.size == 1) {
      lhs = lhs0;
      init = s->Values[0];
    } else if (i < s->Values.size) {
      init = s->Values[i];
    }
    check->VarDecl(lhs0[i]->As<Var>(), lhs, s->Type, init);
    if (s->Values.size == 1) break;
  }
  for (Object* o : lhs0) {
    if (o->type == nullptr) o->type = InvalidType();
  }
  if (s->Type == nullptr || s->Values.size > 0) check->ArityMatch(s, nullptr);
  check->ProcessDelayed(top);
  base::Pos scope_pos = syntax::NodeEnd(s);
  for (size_t i = 0; i < s->Names.size; i++) {
    check->Declare(check->env_.scope, s->Names[i], lhs0[i], scope_pos);
  }
}

void Checker::DeclStmt(syntax::GenDecl* d) {
  syntax::ValueSpec* last = nullptr;
  for (size_t iota = 0; iota < d->Specs.size; iota++) {
    syntax::Spec* spec = d->Specs[iota];
    if (d->Tok == syntax::Token::CONST) {
      auto* s = spec->As<syntax::ValueSpec>();
      if (s->Type != nullptr || s->Values.size > 0) last = s;
      DeclLocalConsts(this, s, last, int64_t(iota));
    } else if (d->Tok == syntax::Token::VAR) {
      DeclLocalVars(this, spec->As<syntax::ValueSpec>());
    } else if (d->Tok == syntax::Token::TYPE) {
      auto* s = spec->As<syntax::TypeSpec>();
      TypeName* obj = ctx_->NewObject<TypeName>(s->Name->NamePos, pkg_, s->Name->Name, nullptr);
      Declare(env_.scope, s->Name, obj, s->Name->NamePos);
      obj->color = Color::kGrey;
      obj_path_.push_back(obj);
      TypeDecl(obj, s, nullptr);
      obj_path_.pop_back();
      obj->color = Color::kBlack;
    } else {
      Error(At(spec), "invalid AST: unknown declaration");
    }
  }
}

}  // namespace gotool::types
