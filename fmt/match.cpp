// Structural tree comparison: each node is described by its non-position fields
// (scalars and children in go/ast's field order) and descriptions are compared.
#include "fmt/match.h"

#include <string_view>
#include <vector>

namespace gotool::gofmt {
namespace {

using syntax::NodeKind;

// Desc is a node's comparable content: scalar fields and children, in order.
struct Desc {
  std::vector<std::string_view> strs;
  std::vector<int> ints;
  std::vector<const syntax::Node*> kids;

  void Str(std::string_view s) { strs.push_back(s); }
  void Int(int i) { ints.push_back(i); }
  template <class... N>
  void Kids(const N*... n) {
    (kids.push_back(n), ...);
  }
  template <class T>
  void List(syntax::List<T> l) {
    ints.push_back(int(l.size));
    for (const T* x : l) kids.push_back(x);
  }
};

void Describe(const syntax::Node* n, Desc* d) {
  using namespace syntax;
  switch (n->kind) {
    case NodeKind::Comment:
      d->Str(n->As<Comment>()->Text);
      break;
    case NodeKind::CommentGroup:
      d->List(n->As<CommentGroup>()->List);
      break;
    case NodeKind::Field: {
      const auto* x = n->As<Field>();
      d->Kids(x->Doc);
      d->List(x->Names);
      d->Kids(x->Type, x->Tag, x->Comment);
      break;
    }
    case NodeKind::FieldList:
      d->List(n->As<syntax::FieldList>()->List);
      break;
    case NodeKind::File: {
      const auto* x = n->As<syntax::File>();
      d->Kids(x->Doc, x->Name);
      d->List(x->Decls);
      d->List(x->Imports);
      d->List(x->Comments);
      break;
    }
    case NodeKind::Ident:
      d->Str(n->As<Ident>()->Name);
      break;
    case NodeKind::Ellipsis:
      d->Kids(n->As<Ellipsis>()->Elt);
      break;
    case NodeKind::BasicLit:
      d->Int(int(n->As<BasicLit>()->Kind));
      d->Str(n->As<BasicLit>()->Value);
      break;
    case NodeKind::FuncLit:
      d->Kids(n->As<FuncLit>()->Type, n->As<FuncLit>()->Body);
      break;
    case NodeKind::CompositeLit: {
      const auto* x = n->As<CompositeLit>();
      d->Kids(x->Type);
      d->List(x->Elts);
      d->Int(x->Incomplete);
      break;
    }
    case NodeKind::ParenExpr:
      d->Kids(n->As<ParenExpr>()->X);
      break;
    case NodeKind::SelectorExpr:
      d->Kids(n->As<SelectorExpr>()->X, n->As<SelectorExpr>()->Sel);
      break;
    case NodeKind::IndexExpr:
      d->Kids(n->As<IndexExpr>()->X, n->As<IndexExpr>()->Index);
      break;
    case NodeKind::IndexListExpr:
      d->Kids(n->As<IndexListExpr>()->X);
      d->List(n->As<IndexListExpr>()->Indices);
      break;
    case NodeKind::SliceExpr: {
      const auto* x = n->As<SliceExpr>();
      d->Kids(x->X, x->Low, x->High, x->Max);
      d->Int(x->Slice3);
      break;
    }
    case NodeKind::TypeAssertExpr:
      d->Kids(n->As<TypeAssertExpr>()->X, n->As<TypeAssertExpr>()->Type);
      break;
    case NodeKind::CallExpr: {
      const auto* x = n->As<CallExpr>();
      d->Kids(x->Fun);
      d->List(x->Args);
      d->Int(x->Ellipsis.IsValid());  // f(x) and f(x...) differ
      break;
    }
    case NodeKind::StarExpr:
      d->Kids(n->As<StarExpr>()->X);
      break;
    case NodeKind::UnaryExpr:
      d->Int(int(n->As<UnaryExpr>()->Op));
      d->Kids(n->As<UnaryExpr>()->X);
      break;
    case NodeKind::BinaryExpr: {
      const auto* x = n->As<BinaryExpr>();
      d->Kids(x->X, x->Y);
      d->Int(int(x->Op));
      break;
    }
    case NodeKind::KeyValueExpr:
      d->Kids(n->As<KeyValueExpr>()->Key, n->As<KeyValueExpr>()->Value);
      break;
    case NodeKind::ArrayType:
      d->Kids(n->As<ArrayType>()->Len, n->As<ArrayType>()->Elt);
      break;
    case NodeKind::StructType:
      d->Kids(n->As<StructType>()->Fields);
      d->Int(n->As<StructType>()->Incomplete);
      break;
    case NodeKind::FuncType: {
      const auto* x = n->As<FuncType>();
      d->Kids(x->TypeParams, x->Params, x->Results);
      break;
    }
    case NodeKind::InterfaceType:
      d->Kids(n->As<InterfaceType>()->Methods);
      d->Int(n->As<InterfaceType>()->Incomplete);
      break;
    case NodeKind::MapType:
      d->Kids(n->As<MapType>()->Key, n->As<MapType>()->Value);
      break;
    case NodeKind::ChanType:
      d->Int(n->As<ChanType>()->Dir);
      d->Kids(n->As<ChanType>()->Value);
      break;
    case NodeKind::DeclStmt:
      d->Kids(n->As<DeclStmt>()->Decl);
      break;
    case NodeKind::EmptyStmt:
      d->Int(n->As<EmptyStmt>()->Implicit);
      break;
    case NodeKind::LabeledStmt:
      d->Kids(n->As<LabeledStmt>()->Label, n->As<LabeledStmt>()->Stmt);
      break;
    case NodeKind::ExprStmt:
      d->Kids(n->As<ExprStmt>()->X);
      break;
    case NodeKind::SendStmt:
      d->Kids(n->As<SendStmt>()->Chan, n->As<SendStmt>()->Value);
      break;
    case NodeKind::IncDecStmt:
      d->Kids(n->As<IncDecStmt>()->X);
      d->Int(int(n->As<IncDecStmt>()->Tok));
      break;
    case NodeKind::AssignStmt: {
      const auto* x = n->As<AssignStmt>();
      d->List(x->Lhs);
      d->Int(int(x->Tok));
      d->List(x->Rhs);
      break;
    }
    case NodeKind::GoStmt:
      d->Kids(n->As<GoStmt>()->Call);
      break;
    case NodeKind::DeferStmt:
      d->Kids(n->As<DeferStmt>()->Call);
      break;
    case NodeKind::ReturnStmt:
      d->List(n->As<ReturnStmt>()->Results);
      break;
    case NodeKind::BranchStmt:
      d->Int(int(n->As<BranchStmt>()->Tok));
      d->Kids(n->As<BranchStmt>()->Label);
      break;
    case NodeKind::BlockStmt:
      d->List(n->As<BlockStmt>()->List);
      break;
    case NodeKind::IfStmt: {
      const auto* x = n->As<IfStmt>();
      d->Kids(x->Init, x->Cond, x->Body, x->Else);
      break;
    }
    case NodeKind::CaseClause:
      d->List(n->As<CaseClause>()->List);
      d->List(n->As<CaseClause>()->Body);
      break;
    case NodeKind::SwitchStmt: {
      const auto* x = n->As<SwitchStmt>();
      d->Kids(x->Init, x->Tag, x->Body);
      break;
    }
    case NodeKind::TypeSwitchStmt: {
      const auto* x = n->As<TypeSwitchStmt>();
      d->Kids(x->Init, x->Assign, x->Body);
      break;
    }
    case NodeKind::CommClause:
      d->Kids(n->As<CommClause>()->Comm);
      d->List(n->As<CommClause>()->Body);
      break;
    case NodeKind::SelectStmt:
      d->Kids(n->As<SelectStmt>()->Body);
      break;
    case NodeKind::ForStmt: {
      const auto* x = n->As<ForStmt>();
      d->Kids(x->Init, x->Cond, x->Post, x->Body);
      break;
    }
    case NodeKind::RangeStmt: {
      const auto* x = n->As<RangeStmt>();
      d->Kids(x->Key, x->Value, x->X, x->Body);
      d->Int(int(x->Tok));
      break;
    }
    case NodeKind::ImportSpec: {
      const auto* x = n->As<ImportSpec>();
      d->Kids(x->Doc, x->Name, x->Path, x->Comment);
      break;
    }
    case NodeKind::ValueSpec: {
      const auto* x = n->As<ValueSpec>();
      d->Kids(x->Doc);
      d->List(x->Names);
      d->Kids(x->Type);
      d->List(x->Values);
      d->Kids(x->Comment);
      break;
    }
    case NodeKind::TypeSpec: {
      const auto* x = n->As<TypeSpec>();
      d->Kids(x->Doc, x->Name, x->TypeParams, x->Type, x->Comment);
      break;
    }
    case NodeKind::GenDecl:
      d->Kids(n->As<GenDecl>()->Doc);
      d->Int(int(n->As<GenDecl>()->Tok));
      d->List(n->As<GenDecl>()->Specs);
      break;
    case NodeKind::FuncDecl: {
      const auto* x = n->As<FuncDecl>();
      d->Kids(x->Doc, x->Recv, x->Name, x->Type, x->Body);
      break;
    }
    default:
      break;  // BadExpr, BadStmt, BadDecl: positions only
  }
}

}  // namespace

bool Match(const syntax::Node* a, const syntax::Node* b) {
  if (a == nullptr || b == nullptr) return a == b;
  if (a->kind != b->kind) return false;
  Desc da, db;
  Describe(a, &da);
  Describe(b, &db);
  if (da.strs != db.strs || da.ints != db.ints || da.kids.size() != db.kids.size()) return false;
  for (size_t i = 0; i < da.kids.size(); i++) {
    if (!Match(da.kids[i], db.kids[i])) return false;
  }
  return true;
}

}  // namespace gotool::gofmt
