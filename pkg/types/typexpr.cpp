// Type expressions: identifiers, type literals, signatures, structs, interfaces and
// array lengths (go/types' typexpr.go, signature.go, struct.go, interface.go).
#include <algorithm>

#include "pkg/types/checker.h"

namespace gotool::types {

void Checker::Ident(Operand* x, syntax::Ident* e, Named* def, bool want_type) {
  x->mode = OperandMode::kInvalid;
  x->expr = e;
  Scope* scope = nullptr;
  Object* obj = env_.scope->LookupParent(e->Name, env_.pos, &scope);
  if (obj == nullptr && cfg_.test_builtins) obj = GetUniverse().test_scope->Lookup(e->Name);
  if (obj == nullptr) {
    if (e->Name == "_") {
      Error(e->NamePos, "cannot use _ as value");
    } else if (compiler_errors_) {
      Errorf(e->NamePos, "undefined: {}", e->Name);
    } else {
      Errorf(e->NamePos, "undeclared name: {}", e->Name);
    }
    return;
  }
  if (obj->parent == GetUniverse().scope && (obj->name == "any" || obj->name == "comparable") &&
      !AllowVersion(18)) {
    std::string msg = fmt::format("predeclared {} requires go1.18 or later", obj->name);
    if (compiler_errors_) {
      msg += fmt::format(" (-lang was set to {}; check go.mod)", cfg_.go_version);
    }
    Error(e->NamePos, msg);
    return;
  }
  RecordUse(e, obj);
  Type* typ = obj->type;
  bool got_type = obj->kind() == ObjectKind::kTypeName;
  if (typ == nullptr || (got_type && want_type)) {
    ObjDecl(obj, def);
    typ = obj->type;
  }
  if (auto it = dot_import_map_.find(scope); it != dot_import_map_.end()) {
    if (auto jt = it->second.find(obj); jt != it->second.end()) jt->second->used = true;
  }
  switch (obj->kind()) {
    case ObjectKind::kPkgName:
      Errorf(e->NamePos, "use of package {} not in selector", obj->name);
      return;
    case ObjectKind::kConst:
      AddDeclDep(obj);
      if (IsInvalid(typ)) return;
      if (obj == GetUniverse().iota) {
        if (!env_.has_iota) {
          Error(e->NamePos, "cannot use iota outside constant declaration");
          return;
        }
        x->val = env_.iota;
      } else {
        x->val = obj->As<Const>()->val;
      }
      x->mode = OperandMode::kConstant;
      break;
    case ObjectKind::kTypeName:
      if (IsInvalid(typ) && broken_aliases_.count(obj->As<TypeName>())) {
        Errorf(e->NamePos, "invalid use of type alias {} in recursive type (see issue #50729)",
               obj->name);
        return;
      }
      x->mode = OperandMode::kTypexpr;
      break;
    case ObjectKind::kVar:
      if (obj->pkg == pkg_) obj->As<Var>()->used = true;
      AddDeclDep(obj);
      if (IsInvalid(typ)) return;
      x->mode = OperandMode::kVariable;
      break;
    case ObjectKind::kFunc:
      AddDeclDep(obj);
      x->mode = OperandMode::kValue;
      break;
    case ObjectKind::kBuiltin:
      x->id = obj->As<Builtin>()->id;
      x->mode = OperandMode::kBuiltin;
      break;
    case ObjectKind::kNil: x->mode = OperandMode::kValue; break;
    case ObjectKind::kLabel: return;
  }
  x->type = typ;
}

Type* Checker::TypExpr(syntax::Expr* e) { return DefinedType(e, nullptr); }

Type* Checker::VarType(syntax::Expr* e) {
  Type* typ = DefinedType(e, nullptr);
  ValidVarType(e, typ);
  return typ;
}

void Checker::ValidVarType(syntax::Expr* e, Type* typ) {
  Later([this, e, typ] {
    if (IsTypeParam(typ)) return;
    Interface* t = Underlying(typ)->TryAs<Interface>();
    if (t == nullptr) return;
    CompleteInterface(t);
    ComputeTypeSet(t);
    if (t->is_comparable && t->tset_all) {  // comparable and no terms: the type set's bit
      SoftErrorf(At(e), "cannot use type {} outside a type constraint: interface is (or embeds) comparable", S(typ));
    } else if (t->has_type_set && !t->tset_all) {
      SoftErrorf(At(e), "cannot use type {} outside a type constraint: interface contains type constraints", S(typ));
    }
  });
}

Type* Checker::DefinedType(syntax::Expr* e, Named* def) {
  Type* typ = TypInternal(e, def);
  if (IsGenericType(typ)) {
    Errorf(At(e), "cannot use generic type {} without instantiation", S(typ));
    typ = InvalidType();
  }
  RecordTypeAndValue(e, OperandMode::kTypexpr, typ, constant::Value());
  return typ;
}

namespace {

// SetDefType records typ as the underlying type of the type being defined.
void SetDefType(Named* def, Type* typ) {
  if (def != nullptr) def->underlying = typ;
}

// Incomplete marks the underlying type of a declaration as under construction
// for the lifetime of the object.
class Incomplete {
 public:
  Incomplete(Checker* check, Named* def, Type* typ) : check_(check), typ_(def ? typ : nullptr) {
    if (typ_ != nullptr) check_->incomplete_types_.insert(typ_);
  }
  ~Incomplete() {
    if (typ_ != nullptr) check_->incomplete_types_.erase(typ_);
  }
  Incomplete(const Incomplete&) = delete;
  Incomplete& operator=(const Incomplete&) = delete;

 private:
  Checker* check_;
  Type* typ_;
};

}  // namespace

Type* Checker::TypInternal(syntax::Expr* e0, Named* def) {
  Type* typ = nullptr;
  switch (e0->kind) {
    case syntax::NodeKind::BadExpr: break;
    case syntax::NodeKind::Ident:
    case syntax::NodeKind::SelectorExpr: {
      Operand x;
      if (auto* id = syntax::DynCast<syntax::Ident>(e0)) {
        Ident(&x, id, def, true);
      } else {
        Selector(&x, e0->As<syntax::SelectorExpr>(), def, true);
      }
      switch (x.mode) {
        case OperandMode::kTypexpr:
          SetDefType(def, x.type);
          return x.type;
        case OperandMode::kInvalid: break;
        case OperandMode::kNoValue: Errorf(x.Pos(), "{} used as type", S(x)); break;
        default: Errorf(x.Pos(), "{} is not a type", S(x)); break;
      }
      break;
    }
    case syntax::NodeKind::IndexExpr:
    case syntax::NodeKind::IndexListExpr: return InstantiatedType(e0, def);
    case syntax::NodeKind::ParenExpr:
      return DefinedType(e0->As<syntax::ParenExpr>()->X, def);
    case syntax::NodeKind::ArrayType: {
      auto* e = e0->As<syntax::ArrayType>();
      if (e->Len == nullptr) {
        Slice* s = ctx_->NewType<Slice>(InvalidType());
        SetDefType(def, s);
        Incomplete incomplete(this, def, s);
        s->elem = VarType(e->Elt);
        return s;
      }
      Array* a = ctx_->NewType<Array>(InvalidType(), -1);
      SetDefType(def, a);
      Incomplete incomplete(this, def, a);
      if (e->Len->kind == syntax::NodeKind::Ellipsis) {
        Error(At(e->Len), compiler_errors_ ? "invalid use of [...] array (outside a composite literal)"
                                           : "invalid use of '...'");
      } else {
        a->len = ArrayLength(e->Len);
      }
      a->elem = VarType(e->Elt);
      if (a->len >= 0) return a;
      typ = InvalidType();  // as go/types: an invalid length makes the type invalid
      break;
    }
    case syntax::NodeKind::Ellipsis: Error(At(e0), "invalid use of '...'"); break;
    case syntax::NodeKind::StructType: {
      Struct* s = ctx_->NewType<Struct>();
      SetDefType(def, s);
      Incomplete incomplete(this, def, s);
      StructType(s, e0->As<syntax::StructType>());
      return s;
    }
    case syntax::NodeKind::StarExpr: {
      Pointer* p = ctx_->NewType<Pointer>(InvalidType());
      SetDefType(def, p);
      p->elem = VarType(e0->As<syntax::StarExpr>()->X);
      return p;
    }
    case syntax::NodeKind::FuncType: {
      Signature* sig = ctx_->NewType<Signature>();
      SetDefType(def, sig);
      FuncType(sig, nullptr, e0->As<syntax::FuncType>());
      return sig;
    }
    case syntax::NodeKind::InterfaceType: {
      Interface* it = ctx_->NewType<Interface>();
      SetDefType(def, it);
      InterfaceType(it, e0->As<syntax::InterfaceType>(), def);
      return it;
    }
    case syntax::NodeKind::MapType: {
      auto* e = e0->As<syntax::MapType>();
      Map* m = ctx_->NewType<Map>(InvalidType(), InvalidType());
      SetDefType(def, m);
      {
        Incomplete incomplete(this, def, m);
        m->key = VarType(e->Key);
        m->elem = VarType(e->Value);
      }
      Later([this, m, e] {
        if (!Comparable(m->key) && !IsInvalid(Underlying(m->key))) {
          Errorf(At(e->Key), "{} map key type {}{}", compiler_errors_ ? "invalid" : "incomparable",
                 S(m->key), IsTypeParam(m->key) ? " (missing comparable constraint)" : "");
        }
      });
      return m;
    }
    case syntax::NodeKind::ChanType: {
      auto* e = e0->As<syntax::ChanType>();
      ChanDir dir = ChanDir::kSendRecv;
      if (e->Dir == syntax::kChanSend) dir = ChanDir::kSendOnly;
      if (e->Dir == syntax::kChanRecv) dir = ChanDir::kRecvOnly;
      Chan* c = ctx_->NewType<Chan>(dir, InvalidType());
      SetDefType(def, c);
      c->elem = VarType(e->Value);
      return c;
    }
    default: Errorf(At(e0), "{} is not a type", S(e0)); break;
  }
  if (typ == nullptr) typ = InvalidType();
  SetDefType(def, typ);
  return typ;
}

int64_t Checker::ArrayLength(syntax::Expr* e) {
  if (auto* name = syntax::DynCast<syntax::Ident>(e)) {
    Object* obj = env_.scope->LookupParent(name->Name, env_.pos, nullptr);
    if (obj == nullptr) {
      Errorf(name->NamePos, "undeclared name {} for array length", name->Name);
      return -1;
    }
    if (obj->kind() != ObjectKind::kConst) {
      Errorf(name->NamePos, "invalid array length {}", name->Name);
      return -1;
    }
  }
  Operand x;
  Expr(&x, e);
  if (x.mode != OperandMode::kConstant) {
    if (x.mode != OperandMode::kInvalid) Errorf(x.Pos(), "array length {} must be constant", S(x));
    return -1;
  }
  if (IsUntyped(x.type) || IsInteger(x.type)) {
    constant::Value v = constant::ToInt(x.val);
    if (v.kind() == constant::Kind::kInt) {
      if (constant::Representable(v, BasicKind::kInt)) {
        bool exact = false;
        int64_t n = constant::Int64Val(v, &exact);
        if (exact && n >= 0) return n;
        Errorf(x.Pos(), "invalid array length {}", S(x));
        return -1;
      }
    }
  }
  Errorf(x.Pos(), "array length {} must be integer", S(x));
  return -1;
}

Tuple* Checker::CollectParams(Scope* scope, syntax::FieldList* list, bool variadic_ok,
                              bool* variadic) {
  Tuple* t = ctx_->NewType<Tuple>();
  *variadic = false;
  if (list == nullptr) return t;
  for (size_t i = 0; i < list->List.size; i++) {
    syntax::Field* field = list->List[i];
    syntax::Expr* ftype = field->Type;
    if (auto* el = syntax::DynCast<syntax::Ellipsis>(ftype)) {
      ftype = el->Elt;
      if (variadic_ok && i + 1 == list->List.size && field->Names.size <= 1) {
        *variadic = true;
      } else {
        SoftErrorf(At(el), "can only use ... with final parameter in list");
      }
    }
    Type* typ = ftype ? VarType(ftype) : InvalidType();
    if (field->Names.size > 0) {
      for (syntax::Ident* name : field->Names) {
        Var* par = ctx_->NewObject<Var>(name->NamePos, pkg_, name->Name, typ);
        par->used = true;  // parameters are always 'used'
        Declare(scope, name, par, scope->pos);
        t->vars.push_back(par);
      }
    } else {
      Var* par = ctx_->NewObject<Var>(At(field->Type), pkg_, "", typ);
      par->used = true;
      RecordImplicit(field, par);
      t->vars.push_back(par);
    }
  }
  if (*variadic && !t->vars.empty()) {
    Var* last = t->vars.back();
    last->type = ctx_->NewType<Slice>(last->type);
    RecordTypeAndValue(list->List.back()->Type, OperandMode::kTypexpr, last->type, {});
  }
  return t;
}

// ValidateRecv checks the receiver base type of a method (delayed).
static void ValidateRecv(Checker* check, Var* recv, bool has_recv_tparams) {
  Type* rtyp = Deref(recv->type);
  if (IsInvalid(rtyp)) return;
  if (Named* T = rtyp->TryAs<Named>()) {
    // An instance named through an alias (type A = T[int]) has no receiver parameters.
    if (T->orig != nullptr && !has_recv_tparams) {
      check->Errorf(recv->pos, "cannot define new methods on instantiated type {}", check->S(rtyp));
      return;
    }
    if (T->obj->pkg != check->pkg()) {
      check->Errorf(recv->pos, "cannot define new methods on non-local type {}", check->S(rtyp));
      return;
    }
    std::string cause;
    Type* u = Underlying(T);
    if (IsUnsafePointer(u)) cause = "unsafe.Pointer";
    if (u->kind() == TypeKind::kPointer || u->kind() == TypeKind::kInterface) {
      cause = "pointer or interface type";
    }
    if (!cause.empty()) {
      check->Errorf(recv->pos, "invalid receiver type {} ({})", check->S(rtyp), cause);
    }
  } else if (rtyp->kind() == TypeKind::kBasic) {
    check->Errorf(recv->pos, "cannot define new methods on non-local type {}", check->S(rtyp));
  } else {
    check->Errorf(recv->pos, "invalid receiver type {}", check->S(recv->type));
  }
}

void Checker::FuncType(Signature* sig, syntax::FieldList* recv_par, syntax::FuncType* ftype) {
  OpenScope(ftype, "function");
  env_.scope->is_func = true;
  sig->scope = env_.scope;
  CollectRecvTypeParams(sig, recv_par);
  if (ftype->TypeParams != nullptr && ftype->TypeParams->List.size > 0) {
    if (recv_par != nullptr) {
      Error(At(ftype->TypeParams), "methods cannot have type parameters");
    } else {
      CollectTypeParams(&sig->type_params, ftype->TypeParams);
    }
  }
  // Parameters are scoped to the function body, not to the signature: a parameter
  // named like a package (func f(url string, v url.Values)) must not shadow it in
  // the signature's own types. So declare them in a detached temporary scope while
  // the type expressions resolve in env_.scope, then move them over.
  Scope temp(nullptr, env_.scope->pos, env_.scope->end, "function body (temp. scope)");
  bool variadic = false, unused = false;
  if (!sig->recv_type_params.empty()) recv_tparams_ = &sig->recv_type_params;
  Tuple* recv_list = CollectParams(&temp, recv_par, false, &unused);
  recv_tparams_ = nullptr;
  sig->params = CollectParams(&temp, ftype->Params, true, &variadic);
  sig->results = CollectParams(&temp, ftype->Results, false, &unused);
  sig->variadic = variadic;
  for (Object* obj : temp.order) {
    obj->parent = nullptr;  // Insert re-parents it to the real scope
    // A parameter named like a type parameter (func _[T any](T T)) is redeclared.
    if (Object* alt = env_.scope->Insert(obj)) {
      Errorf(obj->pos, "{} redeclared in this block", obj->name);
      if (alt->pos.IsValid()) Errorf(alt->pos, "\tother declaration of {}", obj->name);
    }
  }
  if (recv_par != nullptr) {
    Var* recv = nullptr;
    if (recv_list->vars.empty()) {
      recv = ctx_->NewObject<Var>(base::NoPos, nullptr, "", InvalidType());
    } else {
      if (recv_list->vars.size() > 1) {
        Error(recv_list->vars.back()->pos, "method must have exactly one receiver");
      }
      recv = recv_list->vars[0];
    }
    sig->recv = recv;
    bool has_recv_tparams = !sig->recv_type_params.empty();
    Later([this, recv, has_recv_tparams] { ValidateRecv(this, recv, has_recv_tparams); });
  }
  CloseScope();
}

namespace {

// EmbeddedFieldIdent returns the name of an embedded field's type, or nullptr.
syntax::Ident* EmbeddedFieldIdent(syntax::Expr* e) {
  switch (e->kind) {
    case syntax::NodeKind::Ident: return e->As<syntax::Ident>();
    case syntax::NodeKind::StarExpr: {
      syntax::Expr* x = e->As<syntax::StarExpr>()->X;
      if (x->kind != syntax::NodeKind::StarExpr) return EmbeddedFieldIdent(x);
      return nullptr;
    }
    case syntax::NodeKind::SelectorExpr: return e->As<syntax::SelectorExpr>()->Sel;
    case syntax::NodeKind::IndexExpr: return EmbeddedFieldIdent(e->As<syntax::IndexExpr>()->X);
    case syntax::NodeKind::IndexListExpr:
      return EmbeddedFieldIdent(e->As<syntax::IndexListExpr>()->X);
    default: return nullptr;
  }
}

}  // namespace

// CheckEmbeddedField validates the type of an embedded struct field (delayed).
static void CheckEmbeddedField(Checker* check, Type* etyp, syntax::Expr* epos) {
  bool is_ptr = false;
  Type* t = Deref(etyp, &is_ptr);
  Type* u = Underlying(t);
  if (IsInvalid(t)) return;
  if (IsUnsafePointer(u)) {
    check->Error(check->At(epos), "embedded field type cannot be unsafe.Pointer");
  } else if (u->kind() == TypeKind::kPointer) {
    check->Error(check->At(epos), "embedded field type cannot be a pointer");
  } else if (IsTypeParam(t)) {
    check->Error(check->At(epos), "embedded field type cannot be a (pointer to a) type parameter");
  } else if (u->kind() == TypeKind::kInterface && is_ptr) {
    check->Error(check->At(epos), "embedded field type cannot be a pointer to an interface");
  }
}

void Checker::StructType(Struct* s, syntax::StructType* e) {
  if (e->Fields == nullptr) return;
  bool has_tags = false;
  auto add = [&](syntax::Ident* ident, Type* typ, std::string tag, bool embedded, base::Pos pos) {
    Var* fld = ctx_->NewObject<Var>(pos, pkg_, ident->Name, typ);
    fld->is_field = true;
    fld->embedded = embedded;
    if (ident->Name != "_") {
      for (Var* f : s->fields) {
        if (f->name == fld->name) {
          Errorf(pos, "{} redeclared", fld->name);
          Errorf(f->pos, "\tother declaration of {}", fld->name);
          return;
        }
      }
    }
    has_tags |= !tag.empty();
    s->fields.push_back(fld);
    s->tags.push_back(std::move(tag));
    RecordDef(ident, fld);
  };
  for (syntax::Field* f : e->Fields->List) {
    Type* typ = VarType(f->Type);
    std::string tag;
    if (f->Tag != nullptr) {
      constant::Value v = constant::MakeFromLiteral(f->Tag->Value, syntax::Token::STRING);
      if (v.kind() == constant::Kind::kString) {
        tag = constant::StringVal(v);
      } else {
        Errorf(At(f->Tag), "incorrect tag syntax: {}", f->Tag->Value);
      }
    }
    if (f->Names.size > 0) {
      for (syntax::Ident* name : f->Names) add(name, typ, tag, false, name->NamePos);
      continue;
    }
    syntax::Ident* name = EmbeddedFieldIdent(f->Type);
    if (name == nullptr) {
      Errorf(At(f->Type), "invalid AST: embedded field type {} has no name", S(f->Type));
      continue;
    }
    add(name, typ, tag, true, At(f->Type));
    syntax::Expr* epos = f->Type;
    Later([this, typ, epos] { CheckEmbeddedField(this, typ, epos); });
  }
  if (!has_tags) s->tags.clear();
}

void Checker::InterfaceType(Interface* ityp, syntax::InterfaceType* iface, Named* def) {
  // While the interface is being built its method set must not be computed.
  ityp->computing = true;
  for (syntax::Field* f : iface->Methods->List) {
    if (f->Names.size == 0) {
      syntax::Expr* t = f->Type;
      bool is_union = (t->kind == syntax::NodeKind::BinaryExpr &&
                       t->As<syntax::BinaryExpr>()->Op == syntax::Token::OR) ||
                      (t->kind == syntax::NodeKind::UnaryExpr &&
                       t->As<syntax::UnaryExpr>()->Op == syntax::Token::TILDE);
      if (is_union) {
        ityp->has_type_set = true;
        ityp->embeddeds.push_back(UnionType(t));
        ityp->embedded_pos.push_back(t);
        continue;
      }
      Type* et = TypExpr(t);
      if (IsTypeParam(et)) {
        Error(At(t), "term cannot be a type parameter");
        continue;
      }
      ityp->embeddeds.push_back(et);
      ityp->embedded_pos.push_back(t);
      continue;
    }
    syntax::Ident* name = f->Names[0];
    if (name->Name == "_") {
      Error(name->NamePos, "methods must have a unique non-blank name");
      continue;
    }
    Type* typ = TypExpr(f->Type);
    Signature* sig = typ->TryAs<Signature>();
    if (sig == nullptr) continue;
    Type* recv_typ = def ? static_cast<Type*>(def) : ityp;
    sig->recv = ctx_->NewObject<Var>(name->NamePos, pkg_, "", recv_typ);
    Func* m = ctx_->NewObject<Func>(name->NamePos, pkg_, name->Name, sig);
    RecordDef(name, m);
    ityp->methods.push_back(m);
  }
  ityp->computing = false;
  std::stable_sort(ityp->methods.begin(), ityp->methods.end(),
                   [](Func* a, Func* b) { return a->Id() < b->Id(); });
  if (ityp->methods.empty() && ityp->embeddeds.empty() && !ityp->has_type_set) {
    ityp->complete = true;
    return;
  }
  base::Pos pos = At(iface);
  Later([this, ityp, pos] { ComputeInterface(ityp, pos); });
}

void Checker::ComputeInterface(Interface* t, base::Pos pos) {
  (void)pos;
  // Report duplicate explicit methods and conflicting embedded methods.
  std::vector<std::pair<Func*, base::Pos>> seen;
  auto find = [&seen](Func* m) -> std::pair<Func*, base::Pos>* {
    for (auto& p : seen) {
      if (p.first->SameId(m->pkg, m->name)) return &p;
    }
    return nullptr;
  };
  for (Func* m : t->methods) {
    if (auto* other = find(m)) {
      Errorf(m->pos, "duplicate method {}", m->name);
      Errorf(other->second, "\tother declaration of {}", m->name);
      continue;
    }
    seen.emplace_back(m, m->pos);
  }
  for (size_t i = 0; i < t->embeddeds.size(); i++) {
    Type* u = Underlying(t->embeddeds[i]);
    base::Pos epos = At(static_cast<const syntax::Node*>(t->embedded_pos[i]));
    Interface* ei = u->TryAs<Interface>();
    if (Union* un = u->TryAs<Union>(); un != nullptr && UnionTooLong(un)) {
      Errorf(epos, "cannot handle more than {} union terms (implementation limitation)",
             kMaxUnionTerms);
    }
    if (ei == nullptr) {
      // Before go1.18 an interface could embed only interfaces.
      if (!IsInvalid(u) && !AllowVersion(18)) {
        const char* what =
            u->kind() == TypeKind::kUnion ? "interface element" : "non-interface type";
        Errorf(epos, "embedding {} {} requires go1.18 or later", what, S(t->embeddeds[i]));
      }
      continue;
    }
    CompleteInterface(ei);
    for (Func* m : ei->all_methods) {
      auto* other = find(m);
      if (other == nullptr) {
        seen.emplace_back(m, epos);
      } else if (!AllowVersion(14) || !Identical(m->type, other->first->type)) {
        // Before go1.14 even identical methods could not be embedded twice.
        Errorf(epos, "duplicate method {}", m->name);
        Errorf(other->second, "\tother declaration of {}", m->name);
      }
    }
  }
  CompleteInterface(t);
}

}  // namespace gotool::types
