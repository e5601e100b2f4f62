// Range clauses (go/types' stmt.go rangeStmt and rangeKeyVal): what ranging over an
// expression yields, the iteration variables, and the language versions of range
// over integers (go1.22) and over functions (go1.23).
//
// Wording: what Go 1.19 can range over fails with Go 1.19's go/types messages
// ("cannot range over x (cause)"), the reference's. Range over integers and over
// functions is newer than the reference: those errors follow Go 1.23's go/types
// ("cannot range over x: requires go1.22 or later", "...: func must be
// func(yield func(...) bool): ...", "range over x permits no iteration variables").
#include "pkg/types/checker.h"
#include "pkg/types/generics.h"

namespace gotool::types {

namespace {

// CoreSignature returns t's core type when it is a signature, else nullptr.
Signature* CoreSignature(Type* t) {
  Type* core = CoreType(t);
  return core != nullptr ? core->TryAs<Signature>() : nullptr;
}

}  // namespace

Checker::RangeKinds Checker::RangeKeyVal(Type* typ) {
  RangeKinds r;
  auto bad = [&r](std::string cause, bool new_style) {
    r.ok = false;
    r.cause = std::move(cause);
    r.new_style = new_style;
    return r;
  };
  Type* u = CoreType(typ);
  if (u == nullptr) return bad(S(typ) + " has no core type", false);
  if (Pointer* p = u->TryAs<Pointer>()) {
    if (Array* a = Underlying(p->elem)->TryAs<Array>()) u = a;
  }
  r.ok = true;
  switch (u->kind()) {
    case TypeKind::kBasic:
      if (IsString(u)) {
        r.key = Typ(BasicKind::kInt);
        r.val = GetUniverse().rune_type;
      } else if (IsInteger(u)) {
        if (!AllowVersion(22)) return bad("requires go1.22 or later", true);
        r.key = typ;
        r.over_int = true;
      } else {
        r.ok = false;
      }
      break;
    case TypeKind::kArray:
      r.key = Typ(BasicKind::kInt);
      r.val = u->As<Array>()->elem;
      break;
    case TypeKind::kSlice:
      r.key = Typ(BasicKind::kInt);
      r.val = u->As<Slice>()->elem;
      break;
    case TypeKind::kMap:
      r.key = u->As<Map>()->key;
      r.val = u->As<Map>()->elem;
      break;
    case TypeKind::kChan:
      // A send-only channel is an error, yet its element type still types the key.
      r.key = u->As<Chan>()->elem;
      r.is_chan = true;
      if (u->As<Chan>()->dir == ChanDir::kSendOnly) {
        r.ok = false;
        r.cause = "receive from send-only channel";
      }
      break;
    case TypeKind::kSignature: {
      if (!AllowVersion(23)) return bad("requires go1.23 or later", true);
      Signature* sig = u->As<Signature>();
      const std::string want = "func must be func(yield func(...) bool): ";
      if (sig->params->size() != 1) return bad(want + "wrong argument count", true);
      Signature* yield = CoreSignature(sig->params->vars[0]->type);
      if (yield == nullptr) return bad(want + "argument is not func", true);
      if (sig->results->size() != 0) return bad(want + "unexpected results", true);
      if (yield->params->size() > 2) return bad(want + "yield func has too many parameters", true);
      if (yield->results->size() != 1 || !IsBoolean(yield->results->vars[0]->type)) {
        return bad(want + "yield func does not return bool", true);
      }
      if (yield->params->size() >= 1) r.key = yield->params->vars[0]->type;
      if (yield->params->size() >= 2) r.val = yield->params->vars[1]->type;
      r.is_func = true;
      break;
    }
    default:
      r.ok = false;
      break;
  }
  return r;
}

void Checker::RangeStmt(unsigned inner, syntax::RangeStmt* s) {
  Operand x;
  Expr(&x, s->X);
  RangeKinds r;
  if (!x.invalid()) {
    r = RangeKeyVal(x.type);
    if (s->Extra != nullptr && !r.is_chan) {  // a third variable (compiler mode's parser)
      SoftErrorf(At(s->Extra), "range clause permits at most two iteration variables");
    }
    // Go 1.19 reports a channel's value variable even when the channel is send-only.
    if (r.is_chan && s->Value != nullptr) {
      SoftErrorf(At(s->Value), "range over {} permits only one iteration variable", S(x));
    }
    if (!r.ok) {
      if (r.cause.empty()) {
        SoftErrorf(x.Pos(), "cannot range over {}", S(x));
      } else if (r.new_style) {
        SoftErrorf(x.Pos(), "cannot range over {}: {}", S(x), r.cause);
      } else {
        SoftErrorf(x.Pos(), "cannot range over {} ({})", S(x), r.cause);
      }
    } else if (r.is_func && r.key == nullptr && s->Key != nullptr) {
      SoftErrorf(At(s->Key), "range over {} permits no iteration variables", S(x));
    } else if (!r.is_chan && r.val == nullptr && s->Value != nullptr) {
      SoftErrorf(At(s->Value), "range over {} permits only one iteration variable", S(x));
    }
  }
  // Ranging over an integer n yields values of n's type: the key variable is
  // initialized from (assigned) n itself, so an untyped n takes the variable's type.
  bool over_int = r.ok && r.over_int;
  OpenScope(s, "range");
  syntax::Expr* lhs[2] = {s->Key, s->Value};
  Type* rhs[2] = {r.key, r.val};
  if (s->Tok == syntax::Token::DEFINE) {
    std::vector<Var*> vars;
    for (int i = 0; i < 2; i++) {
      if (lhs[i] == nullptr) continue;
      Var* obj = nullptr;
      if (auto* id = syntax::DynCast<syntax::Ident>(lhs[i])) {
        obj = ctx_->NewObject<Var>(id->NamePos, pkg_, id->Name, nullptr);
        RecordDef(id, obj);
        if (id->Name != "_") vars.push_back(obj);
      } else {
        Errorf(At(lhs[i]), "invalid AST: cannot declare {}", S(lhs[i]));
        obj = ctx_->NewObject<Var>(At(lhs[i]), pkg_, "_", nullptr);
      }
      if (rhs[i] == nullptr || IsInvalid(rhs[i])) {
        obj->type = InvalidType();
        obj->used = true;
      } else if (over_int) {
        InitVar(obj, &x, "range clause");
      } else {
        Operand v;
        v.mode = OperandMode::kValue;
        v.expr = lhs[i];
        v.type = rhs[i];
        InitVar(obj, &v, "range clause");
      }
    }
    if (!vars.empty()) {
      base::Pos scope_pos = syntax::NodeEnd(s->X);
      for (Var* obj : vars) Declare(env_.scope, nullptr, obj, scope_pos);
    } else {
      Error(s->TokPos, "no new variables on left side of :=");
    }
  } else if (s->Key != nullptr) {
    for (int i = 0; i < 2; i++) {
      if (lhs[i] == nullptr || rhs[i] == nullptr || IsInvalid(rhs[i])) continue;
      if (over_int) {
        AssignVar(lhs[i], &x, "range clause");
        continue;
      }
      Operand v;
      v.mode = OperandMode::kValue;
      v.expr = lhs[i];
      v.type = rhs[i];
      AssignVar(lhs[i], &v);
    }
  } else if (over_int) {
    Assignment(&x, nullptr, "range clause");  // an untyped n gets its default type
  }
  Stmt(inner, s->Body);
  CloseScope();
}

}  // namespace gotool::types
