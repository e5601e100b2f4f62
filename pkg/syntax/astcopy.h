// Field-level access to AST nodes (VisitFields, go/ast's struct fields in order) and
// copies of nodes and trees built on it.
#pragma once

#include <string_view>
#include <type_traits>

#include "pkg/base/arena.h"
#include "pkg/syntax/ast.h"

namespace gotool::syntax {

// kIsInterfaceSlot says whether a child field declared as T* holds one of go/ast's
// interfaces (Expr, Stmt, Spec, Decl) rather than a concrete node type: any node of
// the category may be stored there.
template <class T>
inline constexpr bool kIsInterfaceSlot = std::is_same_v<T, Expr> || std::is_same_v<T, Stmt> ||
                                         std::is_same_v<T, Spec> || std::is_same_v<T, Decl>;

// VisitFields calls v for every field of n, in go/ast's field order, with the field's
// declared type:
//   v.Position(base::Pos&)          a token position;
//   v.Value(T&)                     a scalar: Token, bool, uint8_t (ChanDir), std::string_view;
//   v.Child(T*&)                    a child node (possibly null), T its declared type;
//   v.Children(List<T>&)            a list of children.
// File's fields include Imports and Comments, as go/ast's File struct does (ast.Walk
// skips them); fields go/ast has and we do not (Ident.Obj, File.Scope) are absent.
template <class V>
void VisitFields(Node* n, V& v) {
  switch (n->kind) {
    case NodeKind::Comment: {
      auto* x = static_cast<Comment*>(n);
      v.Position(x->Slash);
      v.Value(x->Text);
      break;
    }
    case NodeKind::CommentGroup: v.Children(static_cast<CommentGroup*>(n)->List); break;
    case NodeKind::Field: {
      auto* x = static_cast<Field*>(n);
      v.Child(x->Doc);
      v.Children(x->Names);
      v.Child(x->Type);
      v.Child(x->Tag);
      v.Child(x->Comment);
      break;
    }
    case NodeKind::FieldList: {
      auto* x = static_cast<FieldList*>(n);
      v.Position(x->Opening);
      v.Children(x->List);
      v.Position(x->Closing);
      break;
    }
    case NodeKind::File: {
      auto* x = static_cast<File*>(n);
      v.Child(x->Doc);
      v.Position(x->Package);
      v.Child(x->Name);
      v.Children(x->Decls);
      v.Children(x->Imports);
      v.Children(x->Comments);
      break;
    }
    case NodeKind::BadExpr: {
      auto* x = static_cast<BadExpr*>(n);
      v.Position(x->From);
      v.Position(x->To);
      break;
    }
    case NodeKind::Ident: {
      auto* x = static_cast<Ident*>(n);
      v.Position(x->NamePos);
      v.Value(x->Name);
      break;
    }
    case NodeKind::Ellipsis: {
      auto* x = static_cast<Ellipsis*>(n);
      v.Position(x->Ellipsis);
      v.Child(x->Elt);
      break;
    }
    case NodeKind::BasicLit: {
      auto* x = static_cast<BasicLit*>(n);
      v.Position(x->ValuePos);
      v.Value(x->Kind);
      v.Value(x->Value);
      break;
    }
    case NodeKind::FuncLit: {
      auto* x = static_cast<FuncLit*>(n);
      v.Child(x->Type);
      v.Child(x->Body);
      break;
    }
    case NodeKind::CompositeLit: {
      auto* x = static_cast<CompositeLit*>(n);
      v.Child(x->Type);
      v.Position(x->Lbrace);
      v.Children(x->Elts);
      v.Position(x->Rbrace);
      v.Value(x->Incomplete);
      break;
    }
    case NodeKind::ParenExpr: {
      auto* x = static_cast<ParenExpr*>(n);
      v.Position(x->Lparen);
      v.Child(x->X);
      v.Position(x->Rparen);
      break;
    }
    case NodeKind::SelectorExpr: {
      auto* x = static_cast<SelectorExpr*>(n);
      v.Child(x->X);
      v.Child(x->Sel);
      break;
    }
    case NodeKind::IndexExpr: {
      auto* x = static_cast<IndexExpr*>(n);
      v.Child(x->X);
      v.Position(x->Lbrack);
      v.Child(x->Index);
      v.Position(x->Rbrack);
      break;
    }
    case NodeKind::IndexListExpr: {
      auto* x = static_cast<IndexListExpr*>(n);
      v.Child(x->X);
      v.Position(x->Lbrack);
      v.Children(x->Indices);
      v.Position(x->Rbrack);
      break;
    }
    case NodeKind::SliceExpr: {
      auto* x = static_cast<SliceExpr*>(n);
      v.Child(x->X);
      v.Position(x->Lbrack);
      v.Child(x->Low);
      v.Child(x->High);
      v.Child(x->Max);
      v.Value(x->Slice3);
      v.Position(x->Rbrack);
      break;
    }
    case NodeKind::TypeAssertExpr: {
      auto* x = static_cast<TypeAssertExpr*>(n);
      v.Child(x->X);
      v.Position(x->Lparen);
      v.Child(x->Type);
      v.Position(x->Rparen);
      break;
    }
    case NodeKind::CallExpr: {
      auto* x = static_cast<CallExpr*>(n);
      v.Child(x->Fun);
      v.Position(x->Lparen);
      v.Children(x->Args);
      v.Position(x->Ellipsis);
      v.Position(x->Rparen);
      break;
    }
    case NodeKind::StarExpr: {
      auto* x = static_cast<StarExpr*>(n);
      v.Position(x->Star);
      v.Child(x->X);
      break;
    }
    case NodeKind::UnaryExpr: {
      auto* x = static_cast<UnaryExpr*>(n);
      v.Position(x->OpPos);
      v.Value(x->Op);
      v.Child(x->X);
      break;
    }
    case NodeKind::BinaryExpr: {
      auto* x = static_cast<BinaryExpr*>(n);
      v.Child(x->X);
      v.Position(x->OpPos);
      v.Value(x->Op);
      v.Child(x->Y);
      break;
    }
    case NodeKind::KeyValueExpr: {
      auto* x = static_cast<KeyValueExpr*>(n);
      v.Child(x->Key);
      v.Position(x->Colon);
      v.Child(x->Value);
      break;
    }
    case NodeKind::ArrayType: {
      auto* x = static_cast<ArrayType*>(n);
      v.Position(x->Lbrack);
      v.Child(x->Len);
      v.Child(x->Elt);
      break;
    }
    case NodeKind::StructType: {
      auto* x = static_cast<StructType*>(n);
      v.Position(x->Struct);
      v.Child(x->Fields);
      v.Value(x->Incomplete);
      break;
    }
    case NodeKind::FuncType: {
      auto* x = static_cast<FuncType*>(n);
      v.Position(x->Func);
      v.Child(x->TypeParams);
      v.Child(x->Params);
      v.Child(x->Results);
      break;
    }
    case NodeKind::InterfaceType: {
      auto* x = static_cast<InterfaceType*>(n);
      v.Position(x->Interface);
      v.Child(x->Methods);
      v.Value(x->Incomplete);
      break;
    }
    case NodeKind::MapType: {
      auto* x = static_cast<MapType*>(n);
      v.Position(x->Map);
      v.Child(x->Key);
      v.Child(x->Value);
      break;
    }
    case NodeKind::ChanType: {
      auto* x = static_cast<ChanType*>(n);
      v.Position(x->Begin);
      v.Position(x->Arrow);
      v.Value(x->Dir);
      v.Child(x->Value);
      break;
    }
    case NodeKind::BadStmt: {
      auto* x = static_cast<BadStmt*>(n);
      v.Position(x->From);
      v.Position(x->To);
      break;
    }
    case NodeKind::DeclStmt: v.Child(static_cast<DeclStmt*>(n)->Decl); break;
    case NodeKind::EmptyStmt: {
      auto* x = static_cast<EmptyStmt*>(n);
      v.Position(x->Semicolon);
      v.Value(x->Implicit);
      break;
    }
    case NodeKind::LabeledStmt: {
      auto* x = static_cast<LabeledStmt*>(n);
      v.Child(x->Label);
      v.Position(x->Colon);
      v.Child(x->Stmt);
      break;
    }
    case NodeKind::ExprStmt: v.Child(static_cast<ExprStmt*>(n)->X); break;
    case NodeKind::SendStmt: {
      auto* x = static_cast<SendStmt*>(n);
      v.Child(x->Chan);
      v.Position(x->Arrow);
      v.Child(x->Value);
      break;
    }
    case NodeKind::IncDecStmt: {
      auto* x = static_cast<IncDecStmt*>(n);
      v.Child(x->X);
      v.Position(x->TokPos);
      v.Value(x->Tok);
      break;
    }
    case NodeKind::AssignStmt: {
      auto* x = static_cast<AssignStmt*>(n);
      v.Children(x->Lhs);
      v.Position(x->TokPos);
      v.Value(x->Tok);
      v.Children(x->Rhs);
      break;
    }
    case NodeKind::GoStmt: {
      auto* x = static_cast<GoStmt*>(n);
      v.Position(x->Go);
      v.Child(x->Call);
      break;
    }
    case NodeKind::DeferStmt: {
      auto* x = static_cast<DeferStmt*>(n);
      v.Position(x->Defer);
      v.Child(x->Call);
      break;
    }
    case NodeKind::ReturnStmt: {
      auto* x = static_cast<ReturnStmt*>(n);
      v.Position(x->Return);
      v.Children(x->Results);
      break;
    }
    case NodeKind::BranchStmt: {
      auto* x = static_cast<BranchStmt*>(n);
      v.Position(x->TokPos);
      v.Value(x->Tok);
      v.Child(x->Label);
      break;
    }
    case NodeKind::BlockStmt: {
      auto* x = static_cast<BlockStmt*>(n);
      v.Position(x->Lbrace);
      v.Children(x->List);
      v.Position(x->Rbrace);
      break;
    }
    case NodeKind::IfStmt: {
      auto* x = static_cast<IfStmt*>(n);
      v.Position(x->If);
      v.Child(x->Init);
      v.Child(x->Cond);
      v.Child(x->Body);
      v.Child(x->Else);
      break;
    }
    case NodeKind::CaseClause: {
      auto* x = static_cast<CaseClause*>(n);
      v.Position(x->Case);
      v.Children(x->List);
      v.Position(x->Colon);
      v.Children(x->Body);
      break;
    }
    case NodeKind::SwitchStmt: {
      auto* x = static_cast<SwitchStmt*>(n);
      v.Position(x->Switch);
      v.Child(x->Init);
      v.Child(x->Tag);
      v.Child(x->Body);
      break;
    }
    case NodeKind::TypeSwitchStmt: {
      auto* x = static_cast<TypeSwitchStmt*>(n);
      v.Position(x->Switch);
      v.Child(x->Init);
      v.Child(x->Assign);
      v.Child(x->Body);
      break;
    }
    case NodeKind::CommClause: {
      auto* x = static_cast<CommClause*>(n);
      v.Position(x->Case);
      v.Child(x->Comm);
      v.Position(x->Colon);
      v.Children(x->Body);
      break;
    }
    case NodeKind::SelectStmt: {
      auto* x = static_cast<SelectStmt*>(n);
      v.Position(x->Select);
      v.Child(x->Body);
      break;
    }
    case NodeKind::ForStmt: {
      auto* x = static_cast<ForStmt*>(n);
      v.Position(x->For);
      v.Child(x->Init);
      v.Child(x->Cond);
      v.Child(x->Post);
      v.Child(x->Body);
      break;
    }
    case NodeKind::RangeStmt: {
      auto* x = static_cast<RangeStmt*>(n);
      v.Position(x->For);
      v.Child(x->Key);
      v.Child(x->Value);
      v.Position(x->TokPos);
      v.Value(x->Tok);
      v.Child(x->X);
      v.Child(x->Body);
      break;
    }
    case NodeKind::ImportSpec: {
      auto* x = static_cast<ImportSpec*>(n);
      v.Child(x->Doc);
      v.Child(x->Name);
      v.Child(x->Path);
      v.Child(x->Comment);
      v.Position(x->EndPos);
      break;
    }
    case NodeKind::ValueSpec: {
      auto* x = static_cast<ValueSpec*>(n);
      v.Child(x->Doc);
      v.Children(x->Names);
      v.Child(x->Type);
      v.Children(x->Values);
      v.Child(x->Comment);
      break;
    }
    case NodeKind::TypeSpec: {
      auto* x = static_cast<TypeSpec*>(n);
      v.Child(x->Doc);
      v.Child(x->Name);
      v.Child(x->TypeParams);
      v.Position(x->Assign);
      v.Child(x->Type);
      v.Child(x->Comment);
      break;
    }
    case NodeKind::BadDecl: {
      auto* x = static_cast<BadDecl*>(n);
      v.Position(x->From);
      v.Position(x->To);
      break;
    }
    case NodeKind::GenDecl: {
      auto* x = static_cast<GenDecl*>(n);
      v.Child(x->Doc);
      v.Position(x->TokPos);
      v.Value(x->Tok);
      v.Position(x->Lparen);
      v.Children(x->Specs);
      v.Position(x->Rparen);
      break;
    }
    case NodeKind::FuncDecl: {
      auto* x = static_cast<FuncDecl*>(n);
      v.Child(x->Doc);
      v.Child(x->Recv);
      v.Child(x->Name);
      v.Child(x->Type);
      v.Child(x->Body);
      break;
    }
    case NodeKind::kCount: break;
  }
}

// CloneNode returns a shallow copy of n allocated in arena: same kind and fields,
// children and lists shared with n.
Node* CloneNode(const Node* n, base::Arena& arena);

// CopyTree returns a deep copy of the tree rooted at n (null for null), allocated in
// arena, positions unchanged; strings still view the original text.
Node* CopyTree(const Node* n, base::Arena& arena);

}  // namespace gotool::syntax
