// ExprString: the short source form of expressions used in messages (go/types' ExprString).
#include <string>

#include "pkg/types/checker.h"

namespace gotool::types {

namespace {

using namespace syntax;  // NOLINT: node kinds read better unqualified here

thread_local bool compiler_form = false;

void WriteExpr(std::string* out, const syntax::Expr* x);

void WriteExprList(std::string* out, List<syntax::Expr> list) {
  for (size_t i = 0; i < list.size; i++) {
    if (i > 0) *out += ", ";
    WriteExpr(out, list[i]);
  }
}

void WriteFieldList(std::string* out, const FieldList* fl, std::string_view sep, bool iface) {
  if (fl == nullptr) return;
  for (size_t i = 0; i < fl->List.size; i++) {
    const Field* f = fl->List[i];
    if (i > 0) *out += sep;
    for (size_t j = 0; j < f->Names.size; j++) {
      if (j > 0) *out += ", ";
      *out += f->Names[j]->Name;
    }
    if (f->Names.size > 0) {
      if (const FuncType* ft = DynCast<FuncType>(f->Type); ft && iface) {
        // method: write the signature without "func"
        std::string sig;
        WriteExpr(&sig, ft);
        *out += sig.substr(4);
        continue;
      }
      *out += ' ';
    }
    WriteExpr(out, f->Type);
  }
}

void WriteSigExpr(std::string* out, const FuncType* sig) {
  *out += '(';
  WriteFieldList(out, sig->Params, ", ", false);
  *out += ')';
  const FieldList* res = sig->Results;
  size_t n = 0;
  if (res != nullptr) {
    for (const Field* f : res->List) n += f->Names.size ? f->Names.size : 1;
  }
  if (n == 0) return;
  *out += ' ';
  if (n == 1 && res->List[0]->Names.size == 0) {
    WriteExpr(out, res->List[0]->Type);
    return;
  }
  *out += '(';
  WriteFieldList(out, res, ", ", false);
  *out += ')';
}

void WriteExpr(std::string* out, const syntax::Expr* x) {
  if (x == nullptr) {
    *out += "(ast: <nil>)";
    return;
  }
  switch (x->kind) {
    case NodeKind::Ident: *out += x->As<syntax::Ident>()->Name; return;
    case NodeKind::Ellipsis:
      *out += "...";
      if (x->As<Ellipsis>()->Elt) WriteExpr(out, x->As<Ellipsis>()->Elt);
      return;
    case NodeKind::BasicLit: *out += x->As<BasicLit>()->Value; return;
    case NodeKind::FuncLit:
      if (compiler_form) {
        WriteExpr(out, x->As<FuncLit>()->Type);
        *out += " {…}";
        return;
      }
      *out += '(';
      WriteExpr(out, x->As<FuncLit>()->Type);
      *out += " literal)";
      return;
    case NodeKind::CompositeLit:
      if (compiler_form) {
        if (x->As<syntax::CompositeLit>()->Type) WriteExpr(out, x->As<syntax::CompositeLit>()->Type);
        *out += x->As<syntax::CompositeLit>()->Elts.empty() ? "{}" : "{…}";
        return;
      }
      // go/types writes an elided type (nested literal) as any nil expression.
      *out += '(';
      WriteExpr(out, x->As<syntax::CompositeLit>()->Type);
      *out += " literal)";
      return;
    case NodeKind::ParenExpr:
      *out += '(';
      WriteExpr(out, x->As<ParenExpr>()->X);
      *out += ')';
      return;
    case NodeKind::SelectorExpr:
      WriteExpr(out, x->As<SelectorExpr>()->X);
      *out += '.';
      *out += x->As<SelectorExpr>()->Sel->Name;
      return;
    case NodeKind::IndexExpr:
      WriteExpr(out, x->As<syntax::IndexExpr>()->X);
      *out += '[';
      WriteExpr(out, x->As<syntax::IndexExpr>()->Index);
      *out += ']';
      return;
    case NodeKind::IndexListExpr:
      WriteExpr(out, x->As<IndexListExpr>()->X);
      *out += '[';
      WriteExprList(out, x->As<IndexListExpr>()->Indices);
      *out += ']';
      return;
    case NodeKind::SliceExpr: {
      const syntax::SliceExpr* s = x->As<syntax::SliceExpr>();
      WriteExpr(out, s->X);
      *out += '[';
      if (s->Low) WriteExpr(out, s->Low);
      *out += ':';
      if (s->High) WriteExpr(out, s->High);
      if (s->Slice3) {
        *out += ':';
        if (s->Max) WriteExpr(out, s->Max);
      }
      *out += ']';
      return;
    }
    case NodeKind::TypeAssertExpr:
      WriteExpr(out, x->As<TypeAssertExpr>()->X);
      *out += ".(";
      WriteExpr(out, x->As<TypeAssertExpr>()->Type);
      *out += ')';
      return;
    case NodeKind::CallExpr: {
      const syntax::CallExpr* c = x->As<syntax::CallExpr>();
      WriteExpr(out, c->Fun);
      *out += '(';
      WriteExprList(out, c->Args);
      if (c->Ellipsis.IsValid()) *out += "...";
      *out += ')';
      return;
    }
    case NodeKind::StarExpr:
      *out += '*';
      WriteExpr(out, x->As<StarExpr>()->X);
      return;
    case NodeKind::UnaryExpr:
      *out += TokenString(x->As<UnaryExpr>()->Op);
      WriteExpr(out, x->As<UnaryExpr>()->X);
      return;
    case NodeKind::BinaryExpr:
      WriteExpr(out, x->As<BinaryExpr>()->X);
      *out += ' ';
      *out += TokenString(x->As<BinaryExpr>()->Op);
      *out += ' ';
      WriteExpr(out, x->As<BinaryExpr>()->Y);
      return;
    case NodeKind::ArrayType:
      *out += '[';
      if (x->As<ArrayType>()->Len) WriteExpr(out, x->As<ArrayType>()->Len);
      *out += ']';
      WriteExpr(out, x->As<ArrayType>()->Elt);
      return;
    case NodeKind::StructType:
      *out += "struct{";
      WriteFieldList(out, x->As<syntax::StructType>()->Fields, "; ", false);
      *out += '}';
      return;
    case NodeKind::FuncType:
      *out += "func";
      WriteSigExpr(out, x->As<syntax::FuncType>());
      return;
    case NodeKind::InterfaceType:
      *out += "interface{";
      WriteFieldList(out, x->As<syntax::InterfaceType>()->Methods, "; ", true);
      *out += '}';
      return;
    case NodeKind::MapType:
      *out += "map[";
      WriteExpr(out, x->As<MapType>()->Key);
      *out += ']';
      WriteExpr(out, x->As<MapType>()->Value);
      return;
    case NodeKind::ChanType: {
      uint8_t dir = x->As<ChanType>()->Dir;
      *out += dir == kChanSend ? "chan<- " : dir == kChanRecv ? "<-chan " : "chan ";
      WriteExpr(out, x->As<ChanType>()->Value);
      return;
    }
    default:
      *out += "(ast: *ast.";
      *out += NodeKindName(x->kind);
      *out += ')';
  }
}

}  // namespace

std::string ExprString(const syntax::Expr* e, bool compiler) {
  std::string out;
  bool saved = compiler_form;
  compiler_form = compiler;
  WriteExpr(&out, e);
  compiler_form = saved;
  return out;
}

}  // namespace gotool::types
