// Operators: unary, binary, shifts and comparisons with constant folding, overflow
// checks and the delayed typing of untyped operands (go/types' expr.go, first half).
#include "pkg/types/checker.h"

namespace gotool::types {

using syntax::Token;

namespace {

bool IsShift(Token op) { return op == Token::SHL || op == Token::SHR; }
bool IsComparison(Token op) {
  return op == Token::EQL || op == Token::NEQ || op == Token::LSS || op == Token::LEQ ||
         op == Token::GTR || op == Token::GEQ;
}

// OpOk reports whether operator op is defined on type t.
bool OpOk(Token op, Type* t, bool unary) {
  switch (op) {
    case Token::ADD:
      if (unary) return IsNumeric(t);
      // Each type of a type parameter's set may be a number or a string.
      return AllTermsBasic(t, kIsNumeric | kIsString);
    case Token::SUB: case Token::MUL: case Token::QUO: return IsNumeric(t);
    case Token::XOR: case Token::REM: case Token::AND: case Token::OR: case Token::AND_NOT:
      return IsInteger(t);
    case Token::NOT: case Token::LAND: case Token::LOR: return IsBoolean(t);
    default: return false;
  }
}

std::string_view OpName(const syntax::Expr* e) {
  if (auto* b = syntax::DynCast<syntax::BinaryExpr>(e)) {
    switch (b->Op) {
      case Token::ADD: return "addition";
      case Token::SUB: return "subtraction";
      case Token::XOR: return "bitwise XOR";
      case Token::MUL: return "multiplication";
      case Token::SHL: return "shift";
      default: return "";
    }
  }
  if (auto* u = syntax::DynCast<syntax::UnaryExpr>(e)) {
    if (u->Op == Token::XOR) return "bitwise complement";
  }
  return "";
}

bool IsNil(const Operand& x) {
  return x.mode == OperandMode::kValue && x.type == Typ(BasicKind::kUntypedNil);
}

}  // namespace

bool Checker::IsNilOperand(const Operand& x) const { return IsNil(x); }

bool Checker::Op(int unary, Operand* x, Token op) {
  if (!OpOk(op, x->type, unary != 0)) {
    InvalidOp(*x, fmt::format("operator {} not defined on {}", TokenString(op), S(*x)));
    return false;
  }
  return true;
}

void Checker::Overflow(Operand* x, base::Pos op_pos) {
  if (x->val.kind() == constant::Kind::kUnknown) {
    Error(op_pos, "constant result is not representable");
    return;
  }
  if (IsTyped(x->type)) {
    Representable(x, Underlying(x->type)->As<Basic>());
    return;
  }
  if (x->val.kind() == constant::Kind::kInt && constant::BitLen(x->val) > constant::kMaxUntypedIntBits) {
    Errorf(op_pos, "constant {} overflow", OpName(x->expr));
    x->val = constant::MakeUnknown();
  }
}

bool Checker::RepresentableValue(Operand* x, Basic* typ, constant::Value* rounded,
                                 constant::ConversionError* err) {
  BasicKind from = Underlying(x->type)->As<Basic>()->basic_kind;
  *err = constant::Representation(x->val, from, typ->basic_kind, rounded);
  return *err == constant::ConversionError::kNone;
}

void Checker::InvalidConversion(Operand* x, Type* target, constant::ConversionError err) {
  Error(x->Pos(), constant::ConversionMessage(err, S(*x), S(target)));
}

void Checker::Representable(Operand* x, Basic* typ) {
  constant::Value v;
  constant::ConversionError err;
  if (!RepresentableValue(x, typ, &v, &err)) {
    InvalidConversion(x, typ, err);
    x->mode = OperandMode::kInvalid;
    return;
  }
  x->val = v;
}

void Checker::Unary(Operand* x, syntax::UnaryExpr* e) {
  Expr(x, e->X);
  if (x->invalid()) return;
  switch (e->Op) {
    case Token::AND:
      if (Unparen(e->X)->kind != syntax::NodeKind::CompositeLit &&
          x->mode != OperandMode::kVariable) {
        InvalidOp(*x, "cannot take address of " + S(*x));
        x->SetInvalid();
        return;
      }
      x->mode = OperandMode::kValue;
      x->type = ctx_->NewType<Pointer>(x->type);
      return;
    case Token::ARROW: {
      Chan* ch = CoreUnder(x->type)->TryAs<Chan>();
      if (ch == nullptr && IsTypeParam(x->type) && CoreType(x->type) == nullptr) {
        InvalidOp(*x, "cannot receive from " + S(*x) + ": no core type");
        x->SetInvalid();
        return;
      }
      if (ch == nullptr) {
        InvalidOp(*x, "cannot receive from non-channel " + S(*x));
        x->SetInvalid();
        return;
      }
      if (ch->dir == ChanDir::kSendOnly) {
        InvalidOp(*x, "cannot receive from send-only channel " + S(*x));
        x->SetInvalid();
        return;
      }
      x->mode = OperandMode::kCommaOk;
      x->type = ch->elem;
      env_.has_call_or_recv = true;
      return;
    }
    case Token::TILDE:
      // At the operator: the operand itself is fine.
      Error(At(e), "cannot use ~ outside of interface or type constraint");
      x->SetInvalid();
      return;
    default: break;
  }
  if (!Op(1, x, e->Op)) {
    x->SetInvalid();
    return;
  }
  if (x->mode == OperandMode::kConstant) {
    if (x->val.kind() == constant::Kind::kUnknown) return;
    unsigned prec = IsUnsigned(x->type) ? unsigned(Sizeof(x->type) * 8) : 0;
    x->val = constant::UnaryOp(e->Op, x->val, prec);
    x->expr = e;
    Overflow(x, x->Pos());
    return;
  }
  x->mode = OperandMode::kValue;
}

void Checker::MatchTypes(Operand* x, Operand* y) {
  // go1.19's canMix: whether an untyped operand may be converted to the other's type.
  auto may_convert = [](Operand* x, Operand* y) {
    if (IsInterface(x->type) || IsInterface(y->type)) return true;
    if (IsBoolean(x->type) != IsBoolean(y->type)) return false;
    if (IsString(x->type) != IsString(y->type)) return false;
    if (IsNil(*x) && !HasNil(y->type)) return false;
    if (IsNil(*y) && !HasNil(x->type)) return false;
    return true;
  };
  if (may_convert(x, y)) {
    ConvertUntyped(x, y->type);
    if (x->invalid()) return;
    ConvertUntyped(y, x->type);
    if (y->invalid()) x->SetInvalid();
  }
}

void Checker::Binary(Operand* x, syntax::Expr* e, syntax::Expr* lhs, syntax::Expr* rhs, Token op,
                     base::Pos op_pos) {
  Operand y;
  Expr(x, lhs);
  Expr(&y, rhs);
  if (x->invalid()) return;
  if (y.invalid()) {
    x->SetInvalid();
    x->expr = y.expr;
    return;
  }
  if (IsShift(op)) {
    Shift(x, &y, e, op);
    return;
  }
  MatchTypes(x, &y);
  if (x->invalid()) return;
  if (IsComparison(op)) {
    Comparison(x, &y, op, false);
    return;
  }
  if (!Identical(x->type, y.type)) {
    if (!IsInvalid(x->type) && !IsInvalid(y.type)) {
      if (e != nullptr) {
        Errorf(x->Pos(), "invalid operation: {} (mismatched types {} and {})", S(e), S(x->type),
               S(y.type));
      } else {
        Errorf(x->Pos(), "invalid operation: {} {}= {} (mismatched types {} and {})", S(lhs),
               TokenString(op), S(rhs), S(x->type), S(y.type));
      }
    }
    x->SetInvalid();
    return;
  }
  if (!Op(0, x, op)) {
    x->SetInvalid();
    return;
  }
  if (op == Token::QUO || op == Token::REM) {
    bool zero = false;
    if ((x->mode == OperandMode::kConstant || IsInteger(x->type)) &&
        y.mode == OperandMode::kConstant && constant::Sign(y.val) == 0) {
      zero = true;
    }
    if (x->mode == OperandMode::kConstant && y.mode == OperandMode::kConstant && IsComplex(x->type)) {
      constant::Value re = constant::Real(y.val), im = constant::Imag(y.val);
      constant::Value re2 = constant::BinaryOp(re, Token::MUL, re);
      constant::Value im2 = constant::BinaryOp(im, Token::MUL, im);
      if (constant::Sign(re2) == 0 && constant::Sign(im2) == 0) zero = true;
    }
    if (zero) {
      InvalidOp(y, "division by zero");
      x->SetInvalid();
      return;
    }
  }
  if (x->mode == OperandMode::kConstant && y.mode == OperandMode::kConstant) {
    if (x->val.kind() == constant::Kind::kUnknown || y.val.kind() == constant::Kind::kUnknown) {
      x->val = constant::MakeUnknown();
      return;
    }
    if (op == Token::QUO && IsInteger(x->type)) op = Token::QUO_ASSIGN;
    x->val = constant::BinaryOp(x->val, op, y.val);
    x->expr = e;
    Overflow(x, op_pos);
    return;
  }
  x->mode = OperandMode::kValue;
}

void Checker::Shift(Operand* x, Operand* y, syntax::Expr* e, Token op) {
  constant::Value xval;
  if (x->mode == OperandMode::kConstant) xval = constant::ToInt(x->val);
  bool lhs_ok = IsInteger(x->type) ||
                (IsUntyped(x->type) && xval.kind() == constant::Kind::kInt);
  if (!lhs_ok) {
    InvalidOp(*x, "shifted operand " + S(*x) + " must be integer");
    x->SetInvalid();
    return;
  }
  constant::Value yval;
  if (y->mode == OperandMode::kConstant) {
    yval = constant::ToInt(y->val);
    if (yval.kind() == constant::Kind::kInt && constant::Sign(yval) < 0) {
      InvalidOp(*y, "negative shift count " + S(*y));
      x->SetInvalid();
      return;
    }
    if (IsUntyped(y->type)) {
      Representable(y, Typ(BasicKind::kUint));
      if (y->invalid()) {
        x->SetInvalid();
        return;
      }
    }
  } else if (IsInteger(y->type)) {
    if (!IsUnsigned(y->type) && !AllowVersion(13)) {
      InvalidOp(*y, "signed shift count " + S(*y) + " requires go1.13 or later");
      x->SetInvalid();
      return;
    }
  } else if (IsUntyped(y->type)) {
    ConvertUntyped(y, Typ(BasicKind::kUint));
    if (y->invalid()) {
      x->SetInvalid();
      return;
    }
  } else {
    InvalidOp(*y, "shift count " + S(*y) + " must be integer");
    x->SetInvalid();
    return;
  }
  if (x->mode == OperandMode::kConstant) {
    if (y->mode == OperandMode::kConstant) {
      if (x->val.kind() == constant::Kind::kUnknown || y->val.kind() == constant::Kind::kUnknown) {
        x->val = constant::MakeUnknown();
        if (!IsInteger(x->type)) x->type = Typ(BasicKind::kUntypedInt);
        return;
      }
      constexpr uint64_t kShiftBound = 1023 - 1 + 52;
      bool exact = false;
      uint64_t s = constant::Uint64Val(yval, &exact);
      if (!exact || s > kShiftBound) {
        InvalidOp(*y, "invalid shift count " + S(*y));
        x->SetInvalid();
        return;
      }
      if (!IsInteger(x->type)) x->type = Typ(BasicKind::kUntypedInt);
      x->val = constant::Shift(xval, op, unsigned(s));
      x->expr = e;
      base::Pos op_pos = x->Pos();
      if (auto* b = syntax::DynCast<syntax::BinaryExpr>(e)) op_pos = b->OpPos;
      Overflow(x, op_pos);
      return;
    }
    if (IsUntyped(x->type)) {
      // Delay checking of the lhs until its final type is known.
      if (auto it = untyped_.find(x->expr); it != untyped_.end()) it->second.is_lhs = true;
      x->mode = OperandMode::kValue;
      return;
    }
  }
  if (!IsInteger(x->type)) {
    InvalidOp(*x, "shifted operand " + S(*x) + " must be integer");
    x->SetInvalid();
    return;
  }
  x->mode = OperandMode::kValue;
}

namespace {

std::string KindString(Checker* check, Type* t) {
  switch (Underlying(t)->kind()) {
    case TypeKind::kArray: return "array";
    case TypeKind::kSlice: return "slice";
    case TypeKind::kStruct: return "struct";
    case TypeKind::kPointer: return "pointer";
    case TypeKind::kSignature: return "func";
    case TypeKind::kInterface: return "interface";
    case TypeKind::kMap: return "map";
    case TypeKind::kChan: return "chan";
    default: return check->S(t);
  }
}

std::string IncomparableCause(Checker* check, Type* t) {
  if (IsTypeParam(t)) return EmptyTypeSet(t) ? "empty type set" : "incomparable types in type set";
  Type* u = Underlying(t);
  switch (u->kind()) {
    case TypeKind::kSlice: case TypeKind::kSignature: case TypeKind::kMap:
      return KindString(check, t) + " can only be compared to nil";
    case TypeKind::kStruct:
      for (Var* f : u->As<Struct>()->fields) {
        if (!Comparable(f->type)) return "struct containing " + check->S(f->type) + " cannot be compared";
      }
      return "";
    case TypeKind::kArray: return check->S(u) + " cannot be compared";
    default: return "";
  }
}

}  // namespace

void Checker::Comparison(Operand* x, Operand* y, Token op, bool switch_case) {
  if (IsInvalid(x->type) || IsInvalid(y->type)) {
    x->SetInvalid();
    return;
  }
  if (switch_case) op = Token::EQL;
  Operand* err_op = x;
  std::string cause;
  bool ok = AssignableTo(x, y->type, nullptr) || AssignableTo(y, x->type, nullptr);
  if (!ok) {
    err_op = compiler_errors_ ? y : x;
    cause = "mismatched types " + S(x->type) + " and " + S(y->type);
  } else if (op == Token::EQL || op == Token::NEQ) {
    if (IsNil(*x) || IsNil(*y)) {
      Type* typ = IsNil(*x) ? y->type : x->type;
      if (!HasNil(typ)) {
        err_op = y;
        ok = false;
      }
    } else if (!Comparable(x->type)) {
      err_op = x;
      cause = IncomparableCause(this, x->type);
      ok = false;
    } else if (!Comparable(y->type)) {
      err_op = y;
      cause = IncomparableCause(this, y->type);
      ok = false;
    }
  } else if (!IsOrdered(x->type)) {
    err_op = x;
    ok = false;
  } else if (!IsOrdered(y->type)) {
    err_op = y;
    ok = false;
  }
  if (ok) {
    if (x->mode == OperandMode::kConstant && y->mode == OperandMode::kConstant) {
      x->val = constant::MakeBool(constant::Compare(x->val, op, y->val));
    } else {
      x->mode = OperandMode::kValue;
      UpdateExprType(x->expr, DefaultType(x->type), true);
      UpdateExprType(y->expr, DefaultType(y->type), true);
    }
    x->type = Typ(BasicKind::kUntypedBool);
    return;
  }
  if (cause.empty() && (IsTypeParam(x->type) || IsTypeParam(y->type))) {
    if (!IsTypeParam(x->type)) err_op = y;
    cause = fmt::format("type parameter {} is not comparable with {}", S(err_op->type),
                        TokenString(op));
  }
  if (cause.empty()) {
    cause = fmt::format("operator {} not defined on {}", TokenString(op), KindString(this, err_op->type));
  }
  if (switch_case) {
    Errorf(x->Pos(), "invalid case {} in switch on {} ({})", S(x->expr), S(y->expr), cause);
  } else if (compiler_errors_) {
    InvalidOp(*err_op, fmt::format("{} {} {} ({})", S(x->expr), TokenString(op), S(y->expr), cause));
  } else {
    InvalidOp(*err_op, fmt::format("cannot compare {} {} {} ({})", S(x->expr), TokenString(op),
                                   S(y->expr), cause));
  }
  x->SetInvalid();
}

bool Checker::ImplicitTypeAndValue(Operand* x, Type* target, Type** out, constant::Value* val,
                                   int* code) {
  *code = 0;
  *out = x->type;
  if (x->invalid() || IsTyped(x->type) || IsInvalid(target)) return false;
  if (IsUntyped(target)) {
    BasicKind xk = x->type->As<Basic>()->basic_kind;
    BasicKind tk = target->As<Basic>()->basic_kind;
    if (IsNumeric(x->type) && IsNumeric(target)) {
      if (xk < tk) *out = target;
    } else if (xk != tk) {
      *code = 3;
    }
    return false;
  }
  Type* u = Underlying(target);
  switch (u->kind()) {
    case TypeKind::kBasic: {
      if (x->mode == OperandMode::kConstant) {
        constant::ConversionError err;
        if (!RepresentableValue(x, u->As<Basic>(), val, &err)) {
          *code = int(err);
          return false;
        }
        *out = target;
        return true;
      }
      bool ok = true;
      switch (x->type->As<Basic>()->basic_kind) {
        case BasicKind::kUntypedBool: ok = IsBoolean(target); break;
        case BasicKind::kUntypedInt: case BasicKind::kUntypedRune: case BasicKind::kUntypedFloat:
        case BasicKind::kUntypedComplex: ok = IsNumeric(target); break;
        case BasicKind::kUntypedString: ok = IsString(target); break;
        case BasicKind::kUntypedNil:
          if (!HasNil(target)) {
            ok = false;
          } else {
            *out = Typ(BasicKind::kUntypedNil);
            return false;
          }
          break;
        default: ok = false;
      }
      if (!ok) *code = 3;
      if (ok) *out = target;
      return false;
    }
    case TypeKind::kInterface: {
      if (IsTypeParam(target)) {
        // Valid for every type of the type set; the value takes the parameter's type.
        bool ok = ForEachTerm(target, [&](const Term& t) {
          if (t.type == nullptr) return false;
          Type* tout = nullptr;
          constant::Value tval;
          int tcode = 0;
          Operand y = *x;
          ImplicitTypeAndValue(&y, Underlying(t.type), &tout, &tval, &tcode);
          return tcode == 0;
        });
        if (!ok) {
          *code = 3;
          return false;
        }
        *out = IsNil(*x) ? Typ(BasicKind::kUntypedNil) : target;
        return false;
      }
      if (IsNil(*x)) {
        *out = Typ(BasicKind::kUntypedNil);
        return false;
      }
      Interface* it = u->As<Interface>();
      CompleteInterface(it);
      if (!it->Empty()) {
        *code = 3;
        return false;
      }
      *out = DefaultType(x->type);
      return false;
    }
    case TypeKind::kPointer: case TypeKind::kSignature: case TypeKind::kSlice: case TypeKind::kMap:
    case TypeKind::kChan:
      if (!IsNil(*x)) {
        *code = 3;
        return false;
      }
      *out = Typ(BasicKind::kUntypedNil);
      return false;
    default: *code = 3; return false;
  }
}

void Checker::ConvertUntyped(Operand* x, Type* target) {
  Type* new_type = nullptr;
  constant::Value val;
  int code = 0;
  bool has_val = ImplicitTypeAndValue(x, target, &new_type, &val, &code);
  if (code != 0) {
    // A type parameter is named as itself, other types by their underlying type.
    InvalidConversion(x, IsTypeParam(target) ? target : Underlying(target),
                      constant::ConversionError(code));
    x->SetInvalid();
    return;
  }
  if (has_val) {
    x->val = val;
    UpdateExprVal(x->expr, val);
  }
  if (new_type != x->type) {
    x->type = new_type;
    UpdateExprType(x->expr, new_type, false);
  }
}

void Checker::UpdateExprVal(syntax::Expr* e, const constant::Value& val) {
  if (auto it = untyped_.find(e); it != untyped_.end()) it->second.val = val;
}

void Checker::UpdateExprType(syntax::Expr* x, Type* typ, bool final, syntax::Expr* parent) {
  auto it = untyped_.find(x);
  if (it == untyped_.end()) return;
  ExprInfo old = it->second;
  bool is_const = old.mode == OperandMode::kConstant;
  switch (x->kind) {
    case syntax::NodeKind::ParenExpr:
      UpdateExprType(x->As<syntax::ParenExpr>()->X, typ, final, x);
      break;
    case syntax::NodeKind::UnaryExpr:
      if (!is_const) UpdateExprType(x->As<syntax::UnaryExpr>()->X, typ, final, x);
      break;
    case syntax::NodeKind::BinaryExpr: {
      auto* b = x->As<syntax::BinaryExpr>();
      if (is_const || IsComparison(b->Op)) break;
      UpdateExprType(b->X, typ, final, x);
      if (!IsShift(b->Op)) UpdateExprType(b->Y, typ, final, x);
      break;
    }
    case syntax::NodeKind::CallExpr: case syntax::NodeKind::Ident: case syntax::NodeKind::BasicLit:
    case syntax::NodeKind::SelectorExpr: break;
    default: return;
  }
  if (!final && IsUntyped(typ)) {
    untyped_[x].type = Underlying(typ)->As<Basic>();
    return;
  }
  untyped_.erase(x);
  if (old.is_lhs && !IsInteger(typ)) {
    if (compiler_errors_ && parent != nullptr) {
      Errorf(At(x), "invalid operation: {} (shift of type {})", S(parent), S(typ));
    } else {
      Errorf(At(x), "invalid operation: shifted operand {} (type {}) must be integer", S(x), S(typ));
    }
    return;
  }
  if (is_const) {
    Operand c;
    c.mode = old.mode;
    c.expr = x;
    c.type = old.type;
    c.val = old.val;
    ConvertUntyped(&c, typ);
    if (c.invalid()) return;
  }
  RecordTypeAndValue(x, old.mode, typ, old.val);
}

}  // namespace gotool::types
