// Error reporting: positioned messages with go/types' follow-on suppression, and the
// formatting of operands, types and objects in messages.
#include "pkg/types/checker.h"

namespace gotool::types {

void Checker::VersionError(base::Pos pos, std::string_view types_msg, std::string_view feature,
                           std::string_view version) {
  if (!compiler_errors_) {
    Error(pos, std::string(types_msg), true);
    return;
  }
  Error(pos,
        fmt::format("{} requires {} or later (-lang was set to {}; check go.mod)", feature, version,
                    cfg_.go_version),
        true);
}

void Checker::Error(base::Pos pos, std::string msg, bool soft) {
  (void)soft;
  // As go/types: drop follow-on errors mentioning invalid operands or types (not at
  // the start of the message) once an error has been reported.
  size_t a = msg.find("invalid operand");
  size_t b = msg.find("invalid type");
  bool follow_on = (a != std::string::npos && a > 0) || (b != std::string::npos && b > 0);
  if (first_err_ && follow_on) return;
  if (env_.errpos.IsValid()) pos = env_.errpos;
  // Secondary messages ("\tother declaration of x") continue the previous error, as
  // types2 reports them.
  if (!msg.empty() && msg[0] == '\t' && !pending_.empty()) {
    pending_.back().msg += "\n" + msg;
    return;
  }
  first_err_ = true;
  // cmd/compile reports only one of several equal errors in a row on a line
  // (base.ErrorfAt).
  if (compiler_errors_ && !pending_.empty() && pending_.back().msg == msg &&
      fset_.PositionFor(pending_.back().pos).line == fset_.PositionFor(pos).line) {
    return;
  }
  pending_.push_back(base::Diagnostic{pos, std::move(msg)});
}

void Checker::FlushErrors() {
  if (errors_ != nullptr) {
    for (const base::Diagnostic& d : pending_) errors_->Add(fset_, d);
  }
  pending_.clear();
}

void Checker::InvalidOp(const Operand& x, std::string msg) {
  Error(x.Pos(), "invalid operation: " + msg);
}

base::Pos Checker::At(const syntax::Node* n) const { return syntax::NodePos(n); }

std::string Checker::S(Type* t) { return TypeString(t, &qualifier_); }

std::string Checker::S(Object* obj) { return ObjectString(obj, &qualifier_); }

std::string Checker::FuncString(Func* f) {
  std::string out(f->name);
  WriteSignature(&out, f->type->As<Signature>(), &qualifier_);
  return out;
}

namespace {

std::string_view ModeString(OperandMode m) {
  switch (m) {
    case OperandMode::kInvalid: return "invalid operand";
    case OperandMode::kNoValue: return "no value";
    case OperandMode::kBuiltin: return "built-in";
    case OperandMode::kTypexpr: return "type";
    case OperandMode::kConstant: return "constant";
    case OperandMode::kVariable: return "variable";
    case OperandMode::kMapIndex: return "map index expression";
    case OperandMode::kValue: return "value";
    case OperandMode::kCommaOk: return "comma, ok expression";
  }
  return "";
}

std::string_view BuiltinName(BuiltinId id) {
  static const char* const kNames[] = {
      "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make",
      "max", "min", "new", "panic", "print", "println", "real", "recover", "Add", "Alignof",
      "Offsetof", "Sizeof", "Slice", "String", "StringData", "SliceData", "assert", "trace"};
  return kNames[int(id)];
}

}  // namespace

std::string Checker::S(const Operand& x) {
  if (x.mode == OperandMode::kValue && x.type == types::Typ(BasicKind::kUntypedNil)) return "nil";
  std::string expr;
  if (x.expr != nullptr) {
    expr = ExprString(x.expr, compiler_errors_);
  } else if (x.mode == OperandMode::kBuiltin) {
    expr = BuiltinName(x.id);
  } else if (x.mode == OperandMode::kTypexpr) {
    expr = S(x.type);
  } else if (x.mode == OperandMode::kConstant) {
    expr = x.val.String();
  }
  std::string out;
  if (!expr.empty()) out = expr + " (";
  bool has_type = false;
  switch (x.mode) {
    case OperandMode::kInvalid: case OperandMode::kNoValue: case OperandMode::kBuiltin:
    case OperandMode::kTypexpr: break;
    default:
      if (x.type != nullptr) {
        if (IsUntyped(x.type)) {
          out += x.type->As<Basic>()->name;
          out += ' ';
        } else {
          has_type = true;
        }
      }
  }
  out += ModeString(x.mode);
  if (x.mode == OperandMode::kConstant) {
    std::string s = x.val.String();
    if (s != expr) out += ' ' + s;
  }
  if (has_type) {
    if (!IsInvalid(x.type)) {
      out += " of type " + S(x.type);
      if (TypeParam* p = x.type->TryAs<TypeParam>()) out += " constrained by " + S(p->constraint);
    } else {
      out += " with invalid type";
    }
  }
  if (!expr.empty()) out += ')';
  return out;
}

std::string Checker::MissingMethodReason(Type* V, Type* T, Func* m, Func* alt) {
  std::string mname = compiler_errors_ ? std::string(m->name) + " method"
                                       : "method " + std::string(m->name);
  if (alt != nullptr) {
    if (m->name != alt->name) {
      return "(missing " + mname + ")\n\t\thave " + FuncString(alt) + "\n\t\twant " + FuncString(m);
    }
    if (Identical(m->type, alt->type)) return "(" + mname + " has pointer receiver)";
    return "(wrong type for " + mname + ")\n\t\thave " + FuncString(alt) + "\n\t\twant " +
           FuncString(m);
  }
  for (Type* t : {V, T}) {
    if (!IsInterfacePtr(t)) continue;
    bool tparam = IsTypeParam(Underlying(t)->As<Pointer>()->elem);
    return "(type " + S(t) +
           (tparam ? " is pointer to type parameter, not type parameter)"
                   : " is pointer to interface, not interface)");
  }
  return "(missing " + mname + ")";
}

}  // namespace gotool::types
