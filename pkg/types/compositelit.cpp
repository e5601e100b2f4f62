// Composite literals: struct, array, slice and map literals with keys, duplicate and
// bounds checks (go/types' expr.go compositeLit and indexedElts).
#include <unordered_map>

#include "pkg/types/checker.h"

namespace gotool::types {

namespace {

// KeyVal normalises a constant map key so that equal values compare equal.
std::string KeyVal(const constant::Value& v) {
  // (fmt::format rather than "x" + string: GCC 12's -O3 -Wrestrict misfires on that.)
  switch (v.kind()) {
    case constant::Kind::kInt: case constant::Kind::kFloat: case constant::Kind::kComplex: {
      constant::Value i = constant::ToInt(v);
      if (i.kind() == constant::Kind::kInt) return fmt::format("n{}", i.ExactString());
      return fmt::format("n{}", v.ExactString());
    }
    case constant::Kind::kString: return fmt::format("s{}", constant::StringVal(v));
    case constant::Kind::kBool: return constant::BoolVal(v) ? "btrue" : "bfalse";
    default: return fmt::format("?{}", v.ExactString());
  }
}

int FieldIndex(const std::vector<Var*>& fields, const Package* pkg, std::string_view name) {
  if (name == "_") return -1;
  for (size_t i = 0; i < fields.size(); i++) {
    if (fields[i]->SameId(pkg, name)) return int(i);
  }
  return -1;
}

}  // namespace

// StructLit checks the elements of a struct literal.
static void StructLit(Checker* check, Operand* x, syntax::CompositeLit* e, Struct* utyp,
                      Type* base) {
  const std::vector<Var*>& fields = utyp->fields;
  if (e->Elts.empty()) return;
  if (e->Elts[0]->kind == syntax::NodeKind::KeyValueExpr) {
    std::vector<bool> visited(fields.size());
    for (syntax::Expr* el : e->Elts) {
      auto* kv = syntax::DynCast<syntax::KeyValueExpr>(el);
      if (kv == nullptr) {
        check->Error(check->At(el), "mixture of field:value and value elements in struct literal");
        continue;
      }
      auto* key = syntax::DynCast<syntax::Ident>(kv->Key);
      check->Expr(x, kv->Value);
      if (key == nullptr) {
        check->Errorf(check->At(kv), "invalid field name {} in struct literal", check->S(kv->Key));
        continue;
      }
      int i = FieldIndex(fields, check->pkg(), key->Name);
      if (i < 0) {
        if (check->compiler_errors_) {
          check->Errorf(check->At(kv->Key), "unknown field '{}' in struct literal of type {}",
                        key->Name, check->S(base));
        } else {
          check->Errorf(check->At(kv), "unknown field {} in struct literal", key->Name);
        }
        continue;
      }
      Var* fld = fields[size_t(i)];
      check->RecordUse(key, fld);
      check->Assignment(x, fld->type, "struct literal");
      if (visited[size_t(i)]) {
        check->Errorf(check->At(kv), "duplicate field name {} in struct literal", key->Name);
        continue;
      }
      visited[size_t(i)] = true;
    }
    return;
  }
  for (size_t i = 0; i < e->Elts.size; i++) {
    syntax::Expr* el = e->Elts[i];
    if (el->kind == syntax::NodeKind::KeyValueExpr) {
      check->Error(check->At(el), "mixture of field:value and value elements in struct literal");
      continue;
    }
    check->Expr(x, el);
    if (i >= fields.size()) {
      check->Errorf(x->Pos(), "too many values in {}{{…}}", check->S(base));
      break;
    }
    Var* fld = fields[i];
    if (!fld->Exported() && fld->pkg != check->pkg()) {
      check->Errorf(x->Pos(), "implicit assignment to unexported field {} in struct literal", fld->name);
      continue;
    }
    check->Assignment(x, fld->type, "struct literal");
  }
  if (e->Elts.size < fields.size()) check->Errorf(e->Rbrace, "too few values in {}{{…}}", check->S(base));
}

// MapLit checks the elements of a map literal.
static void MapLit(Checker* check, Operand* x, syntax::CompositeLit* e, Map* utyp) {
  std::unordered_map<std::string, std::vector<Type*>> visited;
  for (syntax::Expr* el : e->Elts) {
    auto* kv = syntax::DynCast<syntax::KeyValueExpr>(el);
    if (kv == nullptr) {
      check->Error(check->At(el), "missing key in map literal");
      continue;
    }
    check->ExprWithHint(x, kv->Key, utyp->key);
    check->Assignment(x, utyp->key, "map literal");
    if (x->mode == OperandMode::kConstant) {
      bool duplicate = false;
      std::string key = KeyVal(x->val);
      auto [it, inserted] = visited.try_emplace(key);
      if (IsInterface(utyp->key)) {
        for (Type* t : it->second) duplicate |= Identical(t, x->type);
        it->second.push_back(x->type);
      } else {
        duplicate = !inserted;
      }
      if (duplicate) {
        check->Errorf(x->Pos(), "duplicate key {} in map literal", x->val.String());
        continue;
      }
    }
    check->ExprWithHint(x, kv->Value, utyp->elem);
    check->Assignment(x, utyp->elem, "map literal");
  }
}

void Checker::CompositeLit(Operand* x, syntax::CompositeLit* e, Type* hint) {
  Type* typ = nullptr;
  Type* base = nullptr;
  if (e->Type != nullptr) {
    auto* atyp = syntax::DynCast<syntax::ArrayType>(e->Type);
    auto* ellip = atyp ? syntax::DynCast<syntax::Ellipsis>(atyp->Len) : nullptr;
    if (ellip != nullptr && ellip->Elt == nullptr) {
      typ = ctx_->NewType<Array>(VarType(atyp->Elt), -1);
    } else {
      typ = TypExpr(e->Type);
    }
    base = typ;
  } else if (hint != nullptr) {
    typ = hint;
    base = Deref(CoreUnder(typ));
  } else {
    Error(At(e), "missing type in composite literal");
    x->SetInvalid();
    return;
  }
  Type* u = CoreUnder(base);
  if (incomplete_types_.count(u)) {
    // A literal of a type whose declaration is still being checked (type T
    // [len(T{})]int): its fields or elements are not known yet.
    Error(At(e), "illegal cycle in type declaration");
    for (syntax::Expr* el : e->Elts) {
      if (auto* kv = syntax::DynCast<syntax::KeyValueExpr>(el)) el = kv->Value;
      UseOne(el, false);
    }
    x->SetInvalid();
    return;
  }
  switch (u->kind()) {
    case TypeKind::kStruct: StructLit(this, x, e, u->As<Struct>(), base); break;
    case TypeKind::kArray: {
      Array* a = u->As<Array>();
      int64_t n = IndexedElts(e->Elts, a->elem, a->len);
      if (a->len < 0) {
        a->len = n;
        if (e->Type != nullptr) RecordTypeAndValue(e->Type, OperandMode::kTypexpr, a, {});
      }
      break;
    }
    case TypeKind::kSlice: IndexedElts(e->Elts, u->As<Slice>()->elem, -1); break;
    case TypeKind::kMap: MapLit(this, x, e, u->As<Map>()); break;
    default:
      for (syntax::Expr* el : e->Elts) {
        if (auto* kv = syntax::DynCast<syntax::KeyValueExpr>(el)) el = kv->Value;
        UseOne(el, false);
      }
      if (!IsInvalid(u)) Errorf(At(e), "invalid composite literal type {}", S(typ));
      x->SetInvalid();
      return;
  }
  x->mode = OperandMode::kValue;
  x->type = typ;
}

int64_t Checker::IndexedElts(syntax::List<syntax::Expr> elts, Type* typ, int64_t length) {
  std::unordered_map<int64_t, bool> visited;
  int64_t index = 0, max = 0;
  for (syntax::Expr* e : elts) {
    bool valid_index = false;
    syntax::Expr* eval = e;
    if (auto* kv = syntax::DynCast<syntax::KeyValueExpr>(e)) {
      int64_t i = -1;
      if (Index(kv->Key, length, &i)) {
        if (i >= 0) {
          index = i;
          valid_index = true;
        } else {
          Errorf(At(e), "index {} must be integer constant", S(kv->Key));
        }
      }
      eval = kv->Value;
    } else if (length >= 0 && index >= length) {
      Errorf(At(e), "index {} is out of bounds (>= {})", index, length);
    } else {
      valid_index = true;
    }
    if (valid_index) {
      if (visited[index]) Errorf(At(e), "duplicate index {} in array or slice literal", index);
      visited[index] = true;
    }
    index++;
    if (index > max) max = index;
    Operand x;
    ExprWithHint(&x, eval, typ);
    Assignment(&x, typ, "array or slice literal");
  }
  return max;
}

}  // namespace gotool::types
