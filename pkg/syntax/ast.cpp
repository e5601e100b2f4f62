// Pos and End of every AST node, as go/ast's methods define them.
#include "pkg/syntax/ast.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace gotool::syntax {
namespace {

base::Pos Plus(base::Pos p, size_t n) { return p + int64_t(n); }

template <class T>
base::Pos LastEnd(const List<T>& list) {
  return list.empty() ? base::NoPos : NodeEnd(list.back());
}

base::Pos ExprEnd(const Node* n) {
  switch (n->kind) {
    case NodeKind::BadExpr: return n->As<BadExpr>()->To;
    case NodeKind::Ident: {
      auto* x = n->As<Ident>();
      return Plus(x->NamePos, x->Name.size());
    }
    case NodeKind::Ellipsis: {
      auto* x = n->As<Ellipsis>();
      return x->Elt ? NodeEnd(x->Elt) : x->Ellipsis + 3;
    }
    case NodeKind::BasicLit: {
      auto* x = n->As<BasicLit>();
      return Plus(x->ValuePos, x->Value.size());
    }
    case NodeKind::FuncLit: return NodeEnd(n->As<FuncLit>()->Body);
    case NodeKind::CompositeLit: return n->As<CompositeLit>()->Rbrace + 1;
    case NodeKind::ParenExpr: return n->As<ParenExpr>()->Rparen + 1;
    case NodeKind::SelectorExpr: return NodeEnd(n->As<SelectorExpr>()->Sel);
    case NodeKind::IndexExpr: return n->As<IndexExpr>()->Rbrack + 1;
    case NodeKind::IndexListExpr: return n->As<IndexListExpr>()->Rbrack + 1;
    case NodeKind::SliceExpr: return n->As<SliceExpr>()->Rbrack + 1;
    case NodeKind::TypeAssertExpr: return n->As<TypeAssertExpr>()->Rparen + 1;
    case NodeKind::CallExpr: return n->As<CallExpr>()->Rparen + 1;
    case NodeKind::StarExpr: return NodeEnd(n->As<StarExpr>()->X);
    case NodeKind::UnaryExpr: return NodeEnd(n->As<UnaryExpr>()->X);
    case NodeKind::BinaryExpr: return NodeEnd(n->As<BinaryExpr>()->Y);
    case NodeKind::KeyValueExpr: return NodeEnd(n->As<KeyValueExpr>()->Value);
    case NodeKind::ArrayType: return NodeEnd(n->As<ArrayType>()->Elt);
    case NodeKind::StructType: return NodeEnd(n->As<StructType>()->Fields);
    case NodeKind::FuncType: {
      auto* x = n->As<FuncType>();
      return x->Results ? NodeEnd(x->Results) : NodeEnd(x->Params);
    }
    case NodeKind::InterfaceType: return NodeEnd(n->As<InterfaceType>()->Methods);
    case NodeKind::MapType: return NodeEnd(n->As<MapType>()->Value);
    case NodeKind::ChanType: return NodeEnd(n->As<ChanType>()->Value);
    default: return base::NoPos;
  }
}

base::Pos StmtEnd(const Node* n) {
  switch (n->kind) {
    case NodeKind::BadStmt: return n->As<BadStmt>()->To;
    case NodeKind::DeclStmt: return NodeEnd(n->As<DeclStmt>()->Decl);
    case NodeKind::EmptyStmt: {
      auto* s = n->As<EmptyStmt>();
      return s->Implicit ? s->Semicolon : s->Semicolon + 1;
    }
    case NodeKind::LabeledStmt: return NodeEnd(n->As<LabeledStmt>()->Stmt);
    case NodeKind::ExprStmt: return NodeEnd(n->As<ExprStmt>()->X);
    case NodeKind::SendStmt: return NodeEnd(n->As<SendStmt>()->Value);
    case NodeKind::IncDecStmt: return n->As<IncDecStmt>()->TokPos + 2;
    case NodeKind::AssignStmt: return LastEnd(n->As<AssignStmt>()->Rhs);
    case NodeKind::GoStmt: return NodeEnd(n->As<GoStmt>()->Call);
    case NodeKind::DeferStmt: return NodeEnd(n->As<DeferStmt>()->Call);
    case NodeKind::ReturnStmt: {
      auto* s = n->As<ReturnStmt>();
      return s->Results.empty() ? s->Return + 6 : LastEnd(s->Results);
    }
    case NodeKind::BranchStmt: {
      auto* s = n->As<BranchStmt>();
      return s->Label ? NodeEnd(s->Label) : Plus(s->TokPos, TokenString(s->Tok).size());
    }
    case NodeKind::BlockStmt: {
      auto* s = n->As<BlockStmt>();
      if (s->Rbrace.IsValid()) return s->Rbrace + 1;
      if (!s->List.empty()) return LastEnd(s->List);
      return s->Lbrace + 1;
    }
    case NodeKind::IfStmt: {
      auto* s = n->As<IfStmt>();
      return s->Else ? NodeEnd(s->Else) : NodeEnd(s->Body);
    }
    case NodeKind::CaseClause: {
      auto* s = n->As<CaseClause>();
      return s->Body.empty() ? s->Colon + 1 : LastEnd(s->Body);
    }
    case NodeKind::SwitchStmt: return NodeEnd(n->As<SwitchStmt>()->Body);
    case NodeKind::TypeSwitchStmt: return NodeEnd(n->As<TypeSwitchStmt>()->Body);
    case NodeKind::CommClause: {
      auto* s = n->As<CommClause>();
      return s->Body.empty() ? s->Colon + 1 : LastEnd(s->Body);
    }
    case NodeKind::SelectStmt: return NodeEnd(n->As<SelectStmt>()->Body);
    case NodeKind::ForStmt: return NodeEnd(n->As<ForStmt>()->Body);
    case NodeKind::RangeStmt: return NodeEnd(n->As<RangeStmt>()->Body);
    default: return base::NoPos;
  }
}

}  // namespace

base::Pos NodePos(const Node* n) {
  // A loop rather than recursion: left-nested chains (a.b.c..., x+y+z...) may be
  // far deeper than the C++ stack.
  for (;;) {
    if (!n) return base::NoPos;
    switch (n->kind) {
      case NodeKind::Comment: return n->As<Comment>()->Slash;
      case NodeKind::CommentGroup: {
        auto* g = n->As<CommentGroup>();
        return g->List.empty() ? base::NoPos : NodePos(g->List.front());
      }
      case NodeKind::Field: {
        auto* f = n->As<Field>();
        n = f->Names.empty() ? static_cast<const Node*>(f->Type) : f->Names.front();
        continue;
      }
      case NodeKind::FieldList: {
        auto* f = n->As<FieldList>();
        if (f->Opening.IsValid()) return f->Opening;
        return f->List.empty() ? base::NoPos : NodePos(f->List.front());
      }
      case NodeKind::File: return n->As<File>()->Package;
      case NodeKind::BadExpr: return n->As<BadExpr>()->From;
      case NodeKind::Ident: return n->As<Ident>()->NamePos;
      case NodeKind::Ellipsis: return n->As<Ellipsis>()->Ellipsis;
      case NodeKind::BasicLit: return n->As<BasicLit>()->ValuePos;
      case NodeKind::FuncLit: n = n->As<FuncLit>()->Type; continue;
      case NodeKind::CompositeLit: {
        auto* x = n->As<CompositeLit>();
        if (!x->Type) return x->Lbrace;
        n = x->Type;
        continue;
      }
      case NodeKind::ParenExpr: return n->As<ParenExpr>()->Lparen;
      case NodeKind::SelectorExpr: n = n->As<SelectorExpr>()->X; continue;
      case NodeKind::IndexExpr: n = n->As<IndexExpr>()->X; continue;
      case NodeKind::IndexListExpr: n = n->As<IndexListExpr>()->X; continue;
      case NodeKind::SliceExpr: n = n->As<SliceExpr>()->X; continue;
      case NodeKind::TypeAssertExpr: n = n->As<TypeAssertExpr>()->X; continue;
      case NodeKind::CallExpr: n = n->As<CallExpr>()->Fun; continue;
      case NodeKind::StarExpr: return n->As<StarExpr>()->Star;
      case NodeKind::UnaryExpr: return n->As<UnaryExpr>()->OpPos;
      case NodeKind::BinaryExpr: n = n->As<BinaryExpr>()->X; continue;
      case NodeKind::KeyValueExpr: n = n->As<KeyValueExpr>()->Key; continue;
      case NodeKind::ArrayType: return n->As<ArrayType>()->Lbrack;
      case NodeKind::StructType: return n->As<StructType>()->Struct;
      case NodeKind::FuncType: {
        auto* x = n->As<FuncType>();
        if (x->Func.IsValid() || !x->Params) return x->Func;
        n = x->Params;
        continue;  // interface methods have no "func" keyword
      }
      case NodeKind::InterfaceType: return n->As<InterfaceType>()->Interface;
      case NodeKind::MapType: return n->As<MapType>()->Map;
      case NodeKind::ChanType: return n->As<ChanType>()->Begin;
      case NodeKind::BadStmt: return n->As<BadStmt>()->From;
      case NodeKind::DeclStmt: n = n->As<DeclStmt>()->Decl; continue;
      case NodeKind::EmptyStmt: return n->As<EmptyStmt>()->Semicolon;
      case NodeKind::LabeledStmt: n = n->As<LabeledStmt>()->Label; continue;
      case NodeKind::ExprStmt: n = n->As<ExprStmt>()->X; continue;
      case NodeKind::SendStmt: n = n->As<SendStmt>()->Chan; continue;
      case NodeKind::IncDecStmt: n = n->As<IncDecStmt>()->X; continue;
      case NodeKind::AssignStmt: {
        auto* s = n->As<AssignStmt>();
        if (s->Lhs.empty()) return base::NoPos;
        n = s->Lhs.front();
        continue;
      }
      case NodeKind::GoStmt: return n->As<GoStmt>()->Go;
      case NodeKind::DeferStmt: return n->As<DeferStmt>()->Defer;
      case NodeKind::ReturnStmt: return n->As<ReturnStmt>()->Return;
      case NodeKind::BranchStmt: return n->As<BranchStmt>()->TokPos;
      case NodeKind::BlockStmt: return n->As<BlockStmt>()->Lbrace;
      case NodeKind::IfStmt: return n->As<IfStmt>()->If;
      case NodeKind::CaseClause: return n->As<CaseClause>()->Case;
      case NodeKind::SwitchStmt: return n->As<SwitchStmt>()->Switch;
      case NodeKind::TypeSwitchStmt: return n->As<TypeSwitchStmt>()->Switch;
      case NodeKind::CommClause: return n->As<CommClause>()->Case;
      case NodeKind::SelectStmt: return n->As<SelectStmt>()->Select;
      case NodeKind::ForStmt: return n->As<ForStmt>()->For;
      case NodeKind::RangeStmt: return n->As<RangeStmt>()->For;
      case NodeKind::ImportSpec: {
        auto* s = n->As<ImportSpec>();
        return s->Name ? NodePos(s->Name) : NodePos(s->Path);
      }
      case NodeKind::ValueSpec: {
        auto* s = n->As<ValueSpec>();
        return s->Names.empty() ? base::NoPos : NodePos(s->Names.front());
      }
      case NodeKind::TypeSpec: n = n->As<TypeSpec>()->Name; continue;
      case NodeKind::BadDecl: return n->As<BadDecl>()->From;
      case NodeKind::GenDecl: return n->As<GenDecl>()->TokPos;
      case NodeKind::FuncDecl: n = n->As<FuncDecl>()->Type; continue;
      case NodeKind::kCount: break;
    }
    return base::NoPos;
  }
}

base::Pos NodeEnd(const Node* n) {
  if (!n) return base::NoPos;
  switch (CategoryOf(n->kind)) {
    case NodeCategory::kExpr: return ExprEnd(n);
    case NodeCategory::kStmt: return StmtEnd(n);
    default: break;
  }
  switch (n->kind) {
    case NodeKind::Comment: {
      auto* c = n->As<Comment>();
      return Plus(c->Slash, c->Text.size());
    }
    case NodeKind::CommentGroup: return LastEnd(n->As<CommentGroup>()->List);
    case NodeKind::Field: {
      auto* f = n->As<Field>();
      if (f->Tag) return NodeEnd(f->Tag);
      if (f->Type) return NodeEnd(f->Type);
      return LastEnd(f->Names);
    }
    case NodeKind::FieldList: {
      auto* f = n->As<FieldList>();
      if (f->Closing.IsValid()) return f->Closing + 1;
      return LastEnd(f->List);
    }
    case NodeKind::File: {
      auto* f = n->As<File>();
      return f->Decls.empty() ? NodeEnd(f->Name) : LastEnd(f->Decls);
    }
    case NodeKind::ImportSpec: {
      auto* s = n->As<ImportSpec>();
      return s->EndPos.IsValid() ? s->EndPos : NodeEnd(s->Path);
    }
    case NodeKind::ValueSpec: {
      auto* s = n->As<ValueSpec>();
      if (!s->Values.empty()) return LastEnd(s->Values);
      if (s->Type) return NodeEnd(s->Type);
      return LastEnd(s->Names);
    }
    case NodeKind::TypeSpec: return NodeEnd(n->As<TypeSpec>()->Type);
    case NodeKind::BadDecl: return n->As<BadDecl>()->To;
    case NodeKind::GenDecl: {
      auto* d = n->As<GenDecl>();
      if (d->Rparen.IsValid()) return d->Rparen + 1;
      return d->Specs.empty() ? base::NoPos : NodeEnd(d->Specs.front());
    }
    case NodeKind::FuncDecl: {
      auto* d = n->As<FuncDecl>();
      return d->Body ? NodeEnd(d->Body) : NodeEnd(d->Type);
    }
    default: return base::NoPos;
  }
}

void Node::FailedConversion(NodeKind have, std::string_view want) {
  static constexpr std::string_view kInterfaceNames[] = {"ast.Node", "ast.Expr", "ast.Stmt",
                                                         "ast.Spec", "ast.Decl"};
  std::string_view have_name = internal::kNodePointerNames[size_t(have)];
  std::string message = "panic: interface conversion: ";
  if (want.starts_with("*")) {
    // A node asserted to a concrete type, as gofmt's printer does.
    message.append(kInterfaceNames[size_t(CategoryOf(have))]);
    message.append(" is ").append(have_name).append(", not ").append(want);
  } else {
    // A node asserted to another interface: Go names the method it lacks.
    std::string method(want.substr(4));  // "ast.Expr" -> "exprNode"
    method[0] = char(method[0] - 'A' + 'a');
    message.append(have_name).append(" is not ").append(want);
    message.append(": missing method ").append(method).append("Node");
  }
  message.append("\n");
  std::fflush(stdout);
  std::fputs(message.c_str(), stderr);
  std::_Exit(2);  // an unrecovered Go panic's exit status
}

}  // namespace gotool::syntax
