// Inspect: the children of every node kind, in go/ast.Walk's order.
#include "fmt/inspect.h"

namespace gotool::gofmt {
namespace {

using F = std::function<bool(const syntax::Node*)>;
using syntax::NodeKind;

class Walker {
 public:
  explicit Walker(const F& f) : f_(f) {}

  void Walk(const syntax::Node* n) {
    if (n == nullptr || !f_(n)) return;
    Children(n);
  }

 private:
  template <class T>
  void List(syntax::List<T> list) {
    for (const T* x : list) Walk(x);
  }
  template <class... N>
  void All(const N*... nodes) {
    (Walk(nodes), ...);
  }

  void Children(const syntax::Node* n);

  const F& f_;
};

void Walker::Children(const syntax::Node* n) {
  using namespace syntax;
  switch (n->kind) {
    case NodeKind::CommentGroup:
      List(n->As<CommentGroup>()->List);
      break;
    case NodeKind::Field: {
      const auto* x = n->As<Field>();
      Walk(x->Doc);
      List(x->Names);
      All(x->Type, x->Tag, x->Comment);
      break;
    }
    case NodeKind::FieldList:
      List(n->As<syntax::FieldList>()->List);
      break;
    case NodeKind::Ellipsis:
      Walk(n->As<Ellipsis>()->Elt);
      break;
    case NodeKind::FuncLit:
      All(n->As<FuncLit>()->Type, n->As<FuncLit>()->Body);
      break;
    case NodeKind::CompositeLit:
      Walk(n->As<CompositeLit>()->Type);
      List(n->As<CompositeLit>()->Elts);
      break;
    case NodeKind::ParenExpr:
      Walk(n->As<ParenExpr>()->X);
      break;
    case NodeKind::SelectorExpr:
      All(n->As<SelectorExpr>()->X, n->As<SelectorExpr>()->Sel);
      break;
    case NodeKind::IndexExpr:
      All(n->As<IndexExpr>()->X, n->As<IndexExpr>()->Index);
      break;
    case NodeKind::IndexListExpr:
      Walk(n->As<IndexListExpr>()->X);
      List(n->As<IndexListExpr>()->Indices);
      break;
    case NodeKind::SliceExpr: {
      const auto* x = n->As<SliceExpr>();
      All(x->X, x->Low, x->High, x->Max);
      break;
    }
    case NodeKind::TypeAssertExpr:
      All(n->As<TypeAssertExpr>()->X, n->As<TypeAssertExpr>()->Type);
      break;
    case NodeKind::CallExpr:
      Walk(n->As<CallExpr>()->Fun);
      List(n->As<CallExpr>()->Args);
      break;
    case NodeKind::StarExpr:
      Walk(n->As<StarExpr>()->X);
      break;
    case NodeKind::UnaryExpr:
      Walk(n->As<UnaryExpr>()->X);
      break;
    case NodeKind::BinaryExpr:
      All(n->As<BinaryExpr>()->X, n->As<BinaryExpr>()->Y);
      break;
    case NodeKind::KeyValueExpr:
      All(n->As<KeyValueExpr>()->Key, n->As<KeyValueExpr>()->Value);
      break;
    case NodeKind::ArrayType:
      All(n->As<ArrayType>()->Len, n->As<ArrayType>()->Elt);
      break;
    case NodeKind::StructType:
      Walk(n->As<StructType>()->Fields);
      break;
    case NodeKind::FuncType: {
      const auto* x = n->As<FuncType>();
      All(x->TypeParams, x->Params, x->Results);
      break;
    }
    case NodeKind::InterfaceType:
      Walk(n->As<InterfaceType>()->Methods);
      break;
    case NodeKind::MapType:
      All(n->As<MapType>()->Key, n->As<MapType>()->Value);
      break;
    case NodeKind::ChanType:
      Walk(n->As<ChanType>()->Value);
      break;
    case NodeKind::DeclStmt:
      Walk(n->As<DeclStmt>()->Decl);
      break;
    case NodeKind::LabeledStmt:
      All(n->As<LabeledStmt>()->Label, n->As<LabeledStmt>()->Stmt);
      break;
    case NodeKind::ExprStmt:
      Walk(n->As<ExprStmt>()->X);
      break;
    case NodeKind::SendStmt:
      All(n->As<SendStmt>()->Chan, n->As<SendStmt>()->Value);
      break;
    case NodeKind::IncDecStmt:
      Walk(n->As<IncDecStmt>()->X);
      break;
    case NodeKind::AssignStmt:
      List(n->As<AssignStmt>()->Lhs);
      List(n->As<AssignStmt>()->Rhs);
      break;
    case NodeKind::GoStmt:
      Walk(n->As<GoStmt>()->Call);
      break;
    case NodeKind::DeferStmt:
      Walk(n->As<DeferStmt>()->Call);
      break;
    case NodeKind::ReturnStmt:
      List(n->As<ReturnStmt>()->Results);
      break;
    case NodeKind::BranchStmt:
      Walk(n->As<BranchStmt>()->Label);
      break;
    case NodeKind::BlockStmt:
      List(n->As<BlockStmt>()->List);
      break;
    case NodeKind::IfStmt: {
      const auto* x = n->As<IfStmt>();
      All(x->Init, x->Cond, x->Body, x->Else);
      break;
    }
    case NodeKind::CaseClause:
      List(n->As<CaseClause>()->List);
      List(n->As<CaseClause>()->Body);
      break;
    case NodeKind::SwitchStmt: {
      const auto* x = n->As<SwitchStmt>();
      All(x->Init, x->Tag, x->Body);
      break;
    }
    case NodeKind::TypeSwitchStmt: {
      const auto* x = n->As<TypeSwitchStmt>();
      All(x->Init, x->Assign, x->Body);
      break;
    }
    case NodeKind::CommClause:
      Walk(n->As<CommClause>()->Comm);
      List(n->As<CommClause>()->Body);
      break;
    case NodeKind::SelectStmt:
      Walk(n->As<SelectStmt>()->Body);
      break;
    case NodeKind::ForStmt: {
      const auto* x = n->As<ForStmt>();
      All(x->Init, x->Cond, x->Post, x->Body);
      break;
    }
    case NodeKind::RangeStmt: {
      const auto* x = n->As<RangeStmt>();
      All(x->Key, x->Value, x->X, x->Body);
      break;
    }
    case NodeKind::ImportSpec: {
      const auto* x = n->As<ImportSpec>();
      All(x->Doc, x->Name, x->Path, x->Comment);
      break;
    }
    case NodeKind::ValueSpec: {
      const auto* x = n->As<ValueSpec>();
      Walk(x->Doc);
      List(x->Names);
      Walk(x->Type);
      List(x->Values);
      Walk(x->Comment);
      break;
    }
    case NodeKind::TypeSpec: {
      const auto* x = n->As<TypeSpec>();
      All(x->Doc, x->Name, x->TypeParams, x->Type, x->Comment);
      break;
    }
    case NodeKind::GenDecl:
      Walk(n->As<GenDecl>()->Doc);
      List(n->As<GenDecl>()->Specs);
      break;
    case NodeKind::FuncDecl: {
      const auto* x = n->As<FuncDecl>();
      All(x->Doc, x->Recv, x->Name, x->Type, x->Body);
      break;
    }
    case NodeKind::File:
      Walk(n->As<syntax::File>()->Doc);
      Walk(n->As<syntax::File>()->Name);
      List(n->As<syntax::File>()->Decls);
      break;
    default:
      break;  // leaves: Comment, BadExpr, Ident, BasicLit, BadStmt, EmptyStmt, BadDecl
  }
}

}  // namespace

void Inspect(const syntax::Node* n, const std::function<bool(const syntax::Node*)>& f) {
  Walker(f).Walk(n);
}

}  // namespace gotool::gofmt
