// Expression dispatch: rawExpr/exprInternal over every expression form, single-value
// and mode checks, type assertions and the "use" helpers (go/types' expr.go, second half).
#include "pkg/types/checker.h"

namespace gotool::types {

namespace {

constexpr unsigned Bit(OperandMode m) { return 1u << unsigned(m); }

}  // namespace

Checker::ExprKind Checker::RawExpr(Operand* x, syntax::Expr* e, Type* hint, bool allow_generic) {
  ExprKind kind = ExprInternal(x, e, hint);
  if (!allow_generic) NonGeneric(x);
  Type* typ = nullptr;
  constant::Value val;
  switch (x->mode) {
    case OperandMode::kInvalid: typ = InvalidType(); break;
    case OperandMode::kNoValue: typ = nullptr; break;
    case OperandMode::kConstant:
      typ = x->type;
      val = x->val;
      break;
    default: typ = x->type;
  }
  if (typ != nullptr && IsUntyped(typ)) {
    RememberUntyped(x->expr, false, x->mode, typ->As<Basic>(), val);
  } else {
    RecordTypeAndValue(x->expr, x->mode, typ, val);
  }
  return kind;
}

// Exclude reports an error if x's mode is in modeset and invalidates x.
static void Exclude(Checker* check, Operand* x, unsigned modeset) {
  if ((modeset & Bit(x->mode)) == 0) return;
  std::string msg;
  switch (x->mode) {
    case OperandMode::kNoValue:
      msg = (modeset & Bit(OperandMode::kTypexpr)) ? "{} used as value" : "{} used as value or type";
      break;
    case OperandMode::kBuiltin: msg = "{} must be called"; break;
    case OperandMode::kTypexpr: msg = "{} is not an expression"; break;
    default: return;
  }
  check->Error(x->Pos(), fmt::format(fmt::runtime(msg), check->S(*x)));
  x->SetInvalid();
}

void Checker::SingleValue(Operand* x) {
  if (x->mode != OperandMode::kValue || x->type == nullptr) return;
  if (Tuple* t = x->type->TryAs<Tuple>()) {
    if (compiler_errors_) {
      Errorf(x->Pos(), "multiple-value {} in single-value context", S(*x));
    } else {
      Errorf(x->Pos(), "{}-valued {} where single value is expected", t->size(), S(*x));
    }
    x->SetInvalid();
  }
}

void Checker::Expr(Operand* x, syntax::Expr* e) {
  RawExpr(x, e, nullptr, false);
  Exclude(this, x, Bit(OperandMode::kNoValue) | Bit(OperandMode::kBuiltin) | Bit(OperandMode::kTypexpr));
  SingleValue(x);
}

void Checker::ExprWithHint(Operand* x, syntax::Expr* e, Type* hint) {
  RawExpr(x, e, hint, false);
  Exclude(this, x, Bit(OperandMode::kNoValue) | Bit(OperandMode::kBuiltin) | Bit(OperandMode::kTypexpr));
  SingleValue(x);
}

void Checker::MultiExpr(Operand* x, syntax::Expr* e) {
  RawExpr(x, e, nullptr, false);
  Exclude(this, x, Bit(OperandMode::kNoValue) | Bit(OperandMode::kBuiltin) | Bit(OperandMode::kTypexpr));
}

void Checker::ExprOrType(Operand* x, syntax::Expr* e, bool allow_generic) {
  RawExpr(x, e, nullptr, allow_generic);
  Exclude(this, x, Bit(OperandMode::kNoValue));
  SingleValue(x);
}

Checker::ExprKind Checker::ExprInternal(Operand* x, syntax::Expr* e, Type* hint) {
  x->mode = OperandMode::kInvalid;
  x->type = InvalidType();
  switch (e->kind) {
    case syntax::NodeKind::BadExpr: goto error;
    case syntax::NodeKind::Ident: Ident(x, e->As<syntax::Ident>(), nullptr, false); break;
    case syntax::NodeKind::Ellipsis: Error(At(e), "invalid use of '...'"); goto error;
    case syntax::NodeKind::BasicLit: {
      auto* lit = e->As<syntax::BasicLit>();
      LangCompat(lit);
      if (lit->Kind != syntax::Token::STRING && lit->Kind != syntax::Token::CHAR &&
          lit->Value.size() > 10000) {
        Errorf(At(e), "excessively long constant: {}... ({} chars)", lit->Value.substr(0, 10),
               lit->Value.size());
        goto error;
      }
      x->val = constant::MakeFromLiteral(lit->Value, lit->Kind);
      if (x->val.kind() == constant::Kind::kUnknown) {
        Errorf(At(e), "malformed constant: {}", lit->Value);
        goto error;
      }
      x->mode = OperandMode::kConstant;
      switch (lit->Kind) {
        case syntax::Token::INT: x->type = Typ(BasicKind::kUntypedInt); break;
        case syntax::Token::FLOAT: x->type = Typ(BasicKind::kUntypedFloat); break;
        case syntax::Token::IMAG: x->type = Typ(BasicKind::kUntypedComplex); break;
        case syntax::Token::CHAR: x->type = Typ(BasicKind::kUntypedRune); break;
        default: x->type = Typ(BasicKind::kUntypedString); break;
      }
      break;
    }
    case syntax::NodeKind::FuncLit: {
      auto* fl = e->As<syntax::FuncLit>();
      Signature* sig = TypExpr(fl->Type)->TryAs<Signature>();
      if (sig == nullptr) goto error;
      if (!cfg_.ignore_func_bodies && fl->Body != nullptr) {
        DeclInfo* decl = env_.decl;
        bool has_iota = env_.has_iota;
        constant::Value iota = env_.iota;
        Later([this, decl, sig, fl, has_iota, iota] {
          FuncBody(decl, "<function literal>", sig, fl->Body, has_iota, iota);
        });
      }
      x->mode = OperandMode::kValue;
      x->type = sig;
      break;
    }
    case syntax::NodeKind::CompositeLit:
      CompositeLit(x, e->As<syntax::CompositeLit>(), hint);
      if (x->invalid()) goto error;
      break;
    case syntax::NodeKind::ParenExpr: {
      ExprKind kind = RawExpr(x, e->As<syntax::ParenExpr>()->X, nullptr, false);
      x->expr = e;
      return kind;
    }
    case syntax::NodeKind::SelectorExpr:
      Selector(x, e->As<syntax::SelectorExpr>(), nullptr, false);
      break;
    case syntax::NodeKind::IndexExpr:
      if (IndexExpr(x, e->As<syntax::IndexExpr>())) FuncInst(x, e);
      if (x->invalid()) goto error;
      break;
    case syntax::NodeKind::IndexListExpr: {
      auto* il = e->As<syntax::IndexListExpr>();
      ExprOrType(x, il->X, true);
      if (x->mode == OperandMode::kTypexpr) {
        x->type = VarType(e);
        x->mode = IsInvalid(x->type) ? OperandMode::kInvalid : OperandMode::kTypexpr;
      } else if (x->mode == OperandMode::kValue && IsGenericSignature(x->type)) {
        FuncInst(x, e);
      } else {
        if (!x->invalid()) Error(At(il->Indices[1]), "more than one index");
        Use(il->Indices);
        x->SetInvalid();
      }
      if (x->invalid()) goto error;
      break;
    }
    case syntax::NodeKind::SliceExpr:
      SliceExpr(x, e->As<syntax::SliceExpr>());
      if (x->invalid()) goto error;
      break;
    case syntax::NodeKind::TypeAssertExpr: {
      auto* ta = e->As<syntax::TypeAssertExpr>();
      Expr(x, ta->X);
      if (x->invalid()) goto error;
      if (IsTypeParam(x->type)) {
        InvalidOp(*x, "cannot use type assertion on type parameter value " + S(*x));
        goto error;
      }
      Interface* it = Underlying(x->type)->TryAs<Interface>();
      if (it == nullptr) {
        InvalidOp(*x, S(*x) + " is not an interface");
        goto error;
      }
      if (ta->Type == nullptr) {
        Error(At(e), "use of .(type) outside type switch");
        goto error;
      }
      Type* T = VarType(ta->Type);
      if (IsInvalid(T)) goto error;
      TypeAssertion(e, x, it, T, false);
      x->mode = OperandMode::kCommaOk;
      x->type = T;
      break;
    }
    case syntax::NodeKind::CallExpr: return CallExpr(x, e->As<syntax::CallExpr>());
    case syntax::NodeKind::StarExpr: {
      auto* se = e->As<syntax::StarExpr>();
      ExprOrType(x, se->X, false);
      if (x->invalid()) goto error;
      if (x->mode == OperandMode::kTypexpr) {
        ValidVarType(se->X, x->type);
        x->type = ctx_->NewType<Pointer>(x->type);
        break;
      }
      // Every type of a type parameter's set must be a pointer to the same base type.
      Type* base = nullptr;
      bool ok = UnderIs(x->type, [&](Type* u) {
        Pointer* p = u != nullptr ? u->TryAs<Pointer>() : nullptr;
        if (p == nullptr) {
          InvalidOp(*x, "cannot indirect " + S(*x));
          return false;
        }
        if (base != nullptr && !Identical(p->elem, base)) {
          InvalidOp(*x, "pointers of " + S(*x) + " must have identical base types");
          return false;
        }
        base = p->elem;
        return true;
      });
      if (!ok) goto error;
      x->mode = OperandMode::kVariable;
      x->type = base;
      break;
    }
    case syntax::NodeKind::UnaryExpr: {
      auto* ue = e->As<syntax::UnaryExpr>();
      Unary(x, ue);
      if (x->invalid()) goto error;
      if (ue->Op == syntax::Token::ARROW) {
        x->expr = e;
        return ExprKind::kStatement;
      }
      break;
    }
    case syntax::NodeKind::BinaryExpr: {
      auto* be = e->As<syntax::BinaryExpr>();
      Binary(x, e, be->X, be->Y, be->Op, be->OpPos);
      if (x->invalid()) goto error;
      break;
    }
    case syntax::NodeKind::KeyValueExpr: Error(At(e), "invalid AST: no key:value expected"); goto error;
    case syntax::NodeKind::ArrayType: case syntax::NodeKind::StructType:
    case syntax::NodeKind::FuncType: case syntax::NodeKind::InterfaceType:
    case syntax::NodeKind::MapType: case syntax::NodeKind::ChanType:
      x->mode = OperandMode::kTypexpr;
      x->type = TypExpr(e);
      break;
    default: goto error;
  }
  x->expr = e;
  return ExprKind::kExpression;
error:
  x->mode = OperandMode::kInvalid;
  x->expr = e;
  return ExprKind::kStatement;
}

void Checker::TypeAssertion(syntax::Expr* e, Operand* x, Interface* xtyp, Type* T,
                            bool type_switch) {
  if (IsInterface(T)) return;
  MissingMethodResult r = MissingMethod(
      T, xtyp, false, [](void* c, Func* f) { static_cast<Checker*>(c)->ResolveMethod(f); }, this);
  if (r.method == nullptr) return;
  std::string cause = MissingMethodReason(T, x->type, r.method, r.alt);
  if (type_switch) {
    Errorf(At(e), "impossible type switch case: {}\n\t{} cannot have dynamic type {} {}", S(e),
           S(*x), S(T), cause);
    return;
  }
  Errorf(At(e), "impossible type assertion: {}\n\t{} does not implement {} {}", S(e), S(T),
         S(x->type), cause);
}

void Checker::UseOne(syntax::Expr* e, bool lhs) {
  if (e == nullptr) return;
  Var* v = nullptr;
  bool v_used = false;
  if (lhs) {
    if (auto* id = syntax::DynCast<syntax::Ident>(Unparen(e))) {
      if (id->Name == "_") return;
      Object* obj = env_.scope->LookupParent(id->Name, base::NoPos, nullptr);
      if (obj != nullptr && obj->kind() == ObjectKind::kVar && obj->pkg == pkg_) {
        v = obj->As<Var>();
        v_used = v->used;
      }
    }
  }
  Operand x;
  RawExpr(&x, e, nullptr, false);
  if (v != nullptr) v->used = v_used;
}

void Checker::Use(syntax::List<syntax::Expr> args) {
  for (syntax::Expr* e : args) UseOne(e, false);
}

void Checker::UseExprs(std::span<syntax::Expr* const> args) {
  for (syntax::Expr* e : args) UseOne(e, false);
}

void Checker::UseLHS(syntax::List<syntax::Expr> args) {
  for (syntax::Expr* e : args) UseOne(e, true);
}

void Checker::LangCompat(syntax::BasicLit* lit) {
  // Go 1.13 added digit separators, 0b and 0o prefixes and hexadecimal floats; the
  // scanner accepts them always, so older language versions are enforced here.
  std::string_view s = lit->Value;
  if (s.size() <= 2 || AllowVersion(13)) return;
  if (lit->Kind != syntax::Token::INT && lit->Kind != syntax::Token::FLOAT &&
      lit->Kind != syntax::Token::IMAG) {
    return;
  }
  if (s.find('_') != std::string_view::npos) {
    Error(At(lit), "underscores in numeric literals requires go1.13 or later");
    return;
  }
  if (s[0] != '0') return;
  char radix = s[1];
  if (radix == 'b' || radix == 'B') {
    Error(At(lit), "binary literals requires go1.13 or later");
  } else if (radix == 'o' || radix == 'O') {
    Error(At(lit), "0o/0O-style octal literals requires go1.13 or later");
  } else if (lit->Kind != syntax::Token::INT && (radix == 'x' || radix == 'X')) {
    Error(At(lit), "hexadecimal floating-point literals requires go1.13 or later");
  }
}

}  // namespace gotool::types
