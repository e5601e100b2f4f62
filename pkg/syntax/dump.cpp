// DumpFile: the canonical AST dump shared with scripts/conformance/goast.
#include "pkg/syntax/dump.h"

#include <string>

#include "pkg/base/strconv.h"
#include "pkg/base/utf8.h"

namespace gotool::syntax {

namespace {


// Dumper writes one file's dump. Every Write* helper prints the rest of the current
// line ("Name: " is already written) and, for nodes and lists, the lines below it.
class Dumper {
 public:
  Dumper(const base::FileSet& fset, const DumpOptions& options)
      : fset_(fset), structure_only_(options.structure_only) {
    out_.reserve(1 << 16);
  }

  std::string Take() { return std::move(out_); }

  // WriteNode writes n's type name and then its fields at depth+1.
  void WriteNode(const Node* n, int depth);

 private:
  void Indent(int depth) { out_.append(size_t(depth) * 2, ' '); }
  void Name(int depth, std::string_view name) {
    Indent(depth);
    out_ += name;
    out_ += ": ";
  }
  void Line(std::string_view s) {
    out_ += s;
    out_ += '\n';
  }

  void PosField(int d, std::string_view name, base::Pos p) {
    Name(d, name);
    if (structure_only_) {
      Line(p.IsValid() ? "+" : "-");
      return;
    }
    WritePos(p);
  }
  // LayoutPosField writes a position that formatting may add or drop.
  void LayoutPosField(int d, std::string_view name, base::Pos p) {
    if (!structure_only_) PosField(d, name, p);
  }
  void TokField(int d, std::string_view name, Token t) {
    Name(d, name);
    Line(TokenString(t));
  }
  void StrField(int d, std::string_view name, std::string_view s) {
    Name(d, name);
    Line(base::QuoteToASCII(s));
  }
  void BoolField(int d, std::string_view name, bool b) {
    Name(d, name);
    Line(b ? "true" : "false");
  }
  void IntField(int d, std::string_view name, int v) {
    Name(d, name);
    Line(std::to_string(v));
  }
  void NodeField(int d, std::string_view name, const Node* n) {
    Name(d, name);
    WriteNodeOrNil(n, d);
  }
  void CommentField(int d, std::string_view name, const CommentGroup* g) {
    if (!structure_only_) NodeField(d, name, g);
  }
  template <class T>
  void ListField(int d, std::string_view name, const List<T>& list) {
    Name(d, name);
    uint32_t size = 0;
    for (const Node* n : list) size += Skipped(n) ? 0 : 1;
    out_ += '[';
    out_ += std::to_string(size);
    out_ += "]\n";
    uint32_t i = 0;
    for (const Node* n : list) {
      if (Skipped(n)) continue;
      Indent(d + 1);
      out_ += std::to_string(i++);
      out_ += ": ";
      WriteNodeOrNil(n, d + 1);
    }
  }

  // Skipped reports whether a list element is left out: an EmptyStmt, which
  // go/printer does not print in statement lists, in a structure-only dump.
  bool Skipped(const Node* n) const {
    return structure_only_ && n != nullptr && n->kind == NodeKind::EmptyStmt;
  }
  void WriteNodeOrNil(const Node* n, int depth) {
    while (structure_only_ && n != nullptr && n->kind == NodeKind::ParenExpr) {
      n = n->As<ParenExpr>()->X;
    }
    if (n == nullptr) {
      Line("nil");
    } else {
      WriteNode(n, depth);
    }
  }
  void WritePos(base::Pos p);
  void WriteFields(const Node* n, int d);
  std::string NumberValue(Token kind, std::string_view value) const;

  const base::FileSet& fset_;
  bool structure_only_;
  const base::File* file_ = nullptr;  // the file of the last position printed
  std::string out_;
};

void Dumper::WritePos(base::Pos p) {
  if (!p.IsValid()) {
    Line("-");
    return;
  }
  if (file_ == nullptr || int(p.value()) < file_->base() ||
      int(p.value()) > file_->base() + file_->size()) {
    file_ = fset_.FileFor(p);
  }
  if (file_ == nullptr) {
    Line("?");
    return;
  }
  base::Position pos = file_->PositionFor(p, /*adjusted=*/false);
  out_ += std::to_string(pos.line);
  out_ += ':';
  out_ += std::to_string(pos.column);
  out_ += '\n';
}

// NumberValue returns the value of a BasicLit as the dump prints it: as written,
// or in a structure-only dump, for numbers, lower-cased and, for imaginary integers,
// without leading zeros (go/printer normalizes prefixes and exponents).
std::string Dumper::NumberValue(Token kind, std::string_view value) const {
  if (!structure_only_ || (kind != Token::INT && kind != Token::FLOAT && kind != Token::IMAG)) {
    return std::string(value);
  }
  std::string v;
  for (char c : value) v += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  bool decimal_int = v.find_first_of(".box") == std::string::npos && v.find('e') == v.npos;
  if (kind == Token::IMAG && decimal_int) {
    size_t i = v.find_first_not_of("0_");
    v = i == v.size() - 1 ? "0i" : v.substr(i);
  }
  return v;
}

void Dumper::WriteNode(const Node* n, int depth) {
  Line(NodeKindName(n->kind));
  WriteFields(n, depth + 1);
}

// WriteFields writes n's fields at depth d, in go/ast's declaration order.
void Dumper::WriteFields(const Node* n, int d) {
  switch (n->kind) {
    case NodeKind::Comment: {
      auto* c = n->As<Comment>();
      PosField(d, "Slash", c->Slash);
      StrField(d, "Text", c->Text);
      break;
    }
    case NodeKind::CommentGroup:
      ListField(d, "List", n->As<CommentGroup>()->List);
      break;
    case NodeKind::Field: {
      auto* f = n->As<Field>();
      CommentField(d, "Doc", f->Doc);
      ListField(d, "Names", f->Names);
      NodeField(d, "Type", f->Type);
      NodeField(d, "Tag", f->Tag);
      CommentField(d, "Comment", f->Comment);
      break;
    }
    case NodeKind::FieldList: {
      auto* f = n->As<FieldList>();
      LayoutPosField(d, "Opening", f->Opening);
      ListField(d, "List", f->List);
      LayoutPosField(d, "Closing", f->Closing);
      break;
    }
    case NodeKind::File: {
      auto* f = n->As<File>();
      CommentField(d, "Doc", f->Doc);
      PosField(d, "Package", f->Package);
      NodeField(d, "Name", f->Name);
      ListField(d, "Decls", f->Decls);
      if (!structure_only_) ListField(d, "Comments", f->Comments);
      break;
    }
    case NodeKind::BadExpr: {
      auto* e = n->As<BadExpr>();
      PosField(d, "From", e->From);
      PosField(d, "To", e->To);
      break;
    }
    case NodeKind::Ident: {
      auto* e = n->As<Ident>();
      PosField(d, "NamePos", e->NamePos);
      StrField(d, "Name", e->Name);
      break;
    }
    case NodeKind::Ellipsis: {
      auto* e = n->As<Ellipsis>();
      PosField(d, "Ellipsis", e->Ellipsis);
      NodeField(d, "Elt", e->Elt);
      break;
    }
    case NodeKind::BasicLit: {
      auto* e = n->As<BasicLit>();
      PosField(d, "ValuePos", e->ValuePos);
      TokField(d, "Kind", e->Kind);
      StrField(d, "Value", NumberValue(e->Kind, e->Value));
      break;
    }
    case NodeKind::FuncLit: {
      auto* e = n->As<FuncLit>();
      NodeField(d, "Type", e->Type);
      NodeField(d, "Body", e->Body);
      break;
    }
    case NodeKind::CompositeLit: {
      auto* e = n->As<CompositeLit>();
      NodeField(d, "Type", e->Type);
      PosField(d, "Lbrace", e->Lbrace);
      ListField(d, "Elts", e->Elts);
      PosField(d, "Rbrace", e->Rbrace);
      BoolField(d, "Incomplete", e->Incomplete);
      break;
    }
    case NodeKind::ParenExpr: {
      auto* e = n->As<ParenExpr>();
      PosField(d, "Lparen", e->Lparen);
      NodeField(d, "X", e->X);
      PosField(d, "Rparen", e->Rparen);
      break;
    }
    case NodeKind::SelectorExpr: {
      auto* e = n->As<SelectorExpr>();
      NodeField(d, "X", e->X);
      NodeField(d, "Sel", e->Sel);
      break;
    }
    case NodeKind::IndexExpr: {
      auto* e = n->As<IndexExpr>();
      NodeField(d, "X", e->X);
      PosField(d, "Lbrack", e->Lbrack);
      NodeField(d, "Index", e->Index);
      PosField(d, "Rbrack", e->Rbrack);
      break;
    }
    case NodeKind::IndexListExpr: {
      auto* e = n->As<IndexListExpr>();
      NodeField(d, "X", e->X);
      PosField(d, "Lbrack", e->Lbrack);
      ListField(d, "Indices", e->Indices);
      PosField(d, "Rbrack", e->Rbrack);
      break;
    }
    case NodeKind::SliceExpr: {
      auto* e = n->As<SliceExpr>();
      NodeField(d, "X", e->X);
      PosField(d, "Lbrack", e->Lbrack);
      NodeField(d, "Low", e->Low);
      NodeField(d, "High", e->High);
      NodeField(d, "Max", e->Max);
      BoolField(d, "Slice3", e->Slice3);
      PosField(d, "Rbrack", e->Rbrack);
      break;
    }
    case NodeKind::TypeAssertExpr: {
      auto* e = n->As<TypeAssertExpr>();
      NodeField(d, "X", e->X);
      PosField(d, "Lparen", e->Lparen);
      NodeField(d, "Type", e->Type);
      PosField(d, "Rparen", e->Rparen);
      break;
    }
    case NodeKind::CallExpr: {
      auto* e = n->As<CallExpr>();
      NodeField(d, "Fun", e->Fun);
      PosField(d, "Lparen", e->Lparen);
      ListField(d, "Args", e->Args);
      PosField(d, "Ellipsis", e->Ellipsis);
      PosField(d, "Rparen", e->Rparen);
      break;
    }
    case NodeKind::StarExpr: {
      auto* e = n->As<StarExpr>();
      PosField(d, "Star", e->Star);
      NodeField(d, "X", e->X);
      break;
    }
    case NodeKind::UnaryExpr: {
      auto* e = n->As<UnaryExpr>();
      PosField(d, "OpPos", e->OpPos);
      TokField(d, "Op", e->Op);
      NodeField(d, "X", e->X);
      break;
    }
    case NodeKind::BinaryExpr: {
      auto* e = n->As<BinaryExpr>();
      NodeField(d, "X", e->X);
      PosField(d, "OpPos", e->OpPos);
      TokField(d, "Op", e->Op);
      NodeField(d, "Y", e->Y);
      break;
    }
    case NodeKind::KeyValueExpr: {
      auto* e = n->As<KeyValueExpr>();
      NodeField(d, "Key", e->Key);
      PosField(d, "Colon", e->Colon);
      NodeField(d, "Value", e->Value);
      break;
    }
    case NodeKind::ArrayType: {
      auto* e = n->As<ArrayType>();
      PosField(d, "Lbrack", e->Lbrack);
      NodeField(d, "Len", e->Len);
      NodeField(d, "Elt", e->Elt);
      break;
    }
    case NodeKind::StructType: {
      auto* e = n->As<StructType>();
      PosField(d, "Struct", e->Struct);
      NodeField(d, "Fields", e->Fields);
      BoolField(d, "Incomplete", e->Incomplete);
      break;
    }
    case NodeKind::FuncType: {
      auto* e = n->As<FuncType>();
      PosField(d, "Func", e->Func);
      NodeField(d, "TypeParams", e->TypeParams);
      NodeField(d, "Params", e->Params);
      NodeField(d, "Results", e->Results);
      break;
    }
    case NodeKind::InterfaceType: {
      auto* e = n->As<InterfaceType>();
      PosField(d, "Interface", e->Interface);
      NodeField(d, "Methods", e->Methods);
      BoolField(d, "Incomplete", e->Incomplete);
      break;
    }
    case NodeKind::MapType: {
      auto* e = n->As<MapType>();
      PosField(d, "Map", e->Map);
      NodeField(d, "Key", e->Key);
      NodeField(d, "Value", e->Value);
      break;
    }
    case NodeKind::ChanType: {
      auto* e = n->As<ChanType>();
      PosField(d, "Begin", e->Begin);
      PosField(d, "Arrow", e->Arrow);
      IntField(d, "Dir", e->Dir);
      NodeField(d, "Value", e->Value);
      break;
    }
    case NodeKind::BadStmt: {
      auto* s = n->As<BadStmt>();
      PosField(d, "From", s->From);
      PosField(d, "To", s->To);
      break;
    }
    case NodeKind::DeclStmt:
      NodeField(d, "Decl", n->As<DeclStmt>()->Decl);
      break;
    case NodeKind::EmptyStmt: {
      auto* s = n->As<EmptyStmt>();
      if (structure_only_) break;
      PosField(d, "Semicolon", s->Semicolon);
      BoolField(d, "Implicit", s->Implicit);
      break;
    }
    case NodeKind::LabeledStmt: {
      auto* s = n->As<LabeledStmt>();
      NodeField(d, "Label", s->Label);
      PosField(d, "Colon", s->Colon);
      NodeField(d, "Stmt", s->Stmt);
      break;
    }
    case NodeKind::ExprStmt:
      NodeField(d, "X", n->As<ExprStmt>()->X);
      break;
    case NodeKind::SendStmt: {
      auto* s = n->As<SendStmt>();
      NodeField(d, "Chan", s->Chan);
      PosField(d, "Arrow", s->Arrow);
      NodeField(d, "Value", s->Value);
      break;
    }
    case NodeKind::IncDecStmt: {
      auto* s = n->As<IncDecStmt>();
      NodeField(d, "X", s->X);
      PosField(d, "TokPos", s->TokPos);
      TokField(d, "Tok", s->Tok);
      break;
    }
    case NodeKind::AssignStmt: {
      auto* s = n->As<AssignStmt>();
      ListField(d, "Lhs", s->Lhs);
      PosField(d, "TokPos", s->TokPos);
      TokField(d, "Tok", s->Tok);
      ListField(d, "Rhs", s->Rhs);
      break;
    }
    case NodeKind::GoStmt: {
      auto* s = n->As<GoStmt>();
      PosField(d, "Go", s->Go);
      NodeField(d, "Call", s->Call);
      break;
    }
    case NodeKind::DeferStmt: {
      auto* s = n->As<DeferStmt>();
      PosField(d, "Defer", s->Defer);
      NodeField(d, "Call", s->Call);
      break;
    }
    case NodeKind::ReturnStmt: {
      auto* s = n->As<ReturnStmt>();
      PosField(d, "Return", s->Return);
      ListField(d, "Results", s->Results);
      break;
    }
    case NodeKind::BranchStmt: {
      auto* s = n->As<BranchStmt>();
      PosField(d, "TokPos", s->TokPos);
      TokField(d, "Tok", s->Tok);
      NodeField(d, "Label", s->Label);
      break;
    }
    case NodeKind::BlockStmt: {
      auto* s = n->As<BlockStmt>();
      PosField(d, "Lbrace", s->Lbrace);
      ListField(d, "List", s->List);
      PosField(d, "Rbrace", s->Rbrace);
      break;
    }
    case NodeKind::IfStmt: {
      auto* s = n->As<IfStmt>();
      PosField(d, "If", s->If);
      NodeField(d, "Init", s->Init);
      NodeField(d, "Cond", s->Cond);
      NodeField(d, "Body", s->Body);
      NodeField(d, "Else", s->Else);
      break;
    }
    case NodeKind::CaseClause: {
      auto* s = n->As<CaseClause>();
      PosField(d, "Case", s->Case);
      ListField(d, "List", s->List);
      PosField(d, "Colon", s->Colon);
      ListField(d, "Body", s->Body);
      break;
    }
    case NodeKind::SwitchStmt: {
      auto* s = n->As<SwitchStmt>();
      PosField(d, "Switch", s->Switch);
      NodeField(d, "Init", s->Init);
      NodeField(d, "Tag", s->Tag);
      NodeField(d, "Body", s->Body);
      break;
    }
    case NodeKind::TypeSwitchStmt: {
      auto* s = n->As<TypeSwitchStmt>();
      PosField(d, "Switch", s->Switch);
      NodeField(d, "Init", s->Init);
      NodeField(d, "Assign", s->Assign);
      NodeField(d, "Body", s->Body);
      break;
    }
    case NodeKind::CommClause: {
      auto* s = n->As<CommClause>();
      PosField(d, "Case", s->Case);
      NodeField(d, "Comm", s->Comm);
      PosField(d, "Colon", s->Colon);
      ListField(d, "Body", s->Body);
      break;
    }
    case NodeKind::SelectStmt: {
      auto* s = n->As<SelectStmt>();
      PosField(d, "Select", s->Select);
      NodeField(d, "Body", s->Body);
      break;
    }
    case NodeKind::ForStmt: {
      auto* s = n->As<ForStmt>();
      PosField(d, "For", s->For);
      NodeField(d, "Init", s->Init);
      NodeField(d, "Cond", s->Cond);
      NodeField(d, "Post", s->Post);
      NodeField(d, "Body", s->Body);
      break;
    }
    case NodeKind::RangeStmt: {
      auto* s = n->As<RangeStmt>();
      PosField(d, "For", s->For);
      NodeField(d, "Key", s->Key);
      NodeField(d, "Value", s->Value);
      PosField(d, "TokPos", s->TokPos);
      TokField(d, "Tok", s->Tok);
      NodeField(d, "X", s->X);
      NodeField(d, "Body", s->Body);
      break;
    }
    case NodeKind::ImportSpec: {
      auto* s = n->As<ImportSpec>();
      CommentField(d, "Doc", s->Doc);
      NodeField(d, "Name", s->Name);
      NodeField(d, "Path", s->Path);
      CommentField(d, "Comment", s->Comment);
      LayoutPosField(d, "EndPos", s->EndPos);
      break;
    }
    case NodeKind::ValueSpec: {
      auto* s = n->As<ValueSpec>();
      CommentField(d, "Doc", s->Doc);
      ListField(d, "Names", s->Names);
      NodeField(d, "Type", s->Type);
      ListField(d, "Values", s->Values);
      CommentField(d, "Comment", s->Comment);
      break;
    }
    case NodeKind::TypeSpec: {
      auto* s = n->As<TypeSpec>();
      CommentField(d, "Doc", s->Doc);
      NodeField(d, "Name", s->Name);
      NodeField(d, "TypeParams", s->TypeParams);
      PosField(d, "Assign", s->Assign);
      NodeField(d, "Type", s->Type);
      CommentField(d, "Comment", s->Comment);
      break;
    }
    case NodeKind::BadDecl: {
      auto* s = n->As<BadDecl>();
      PosField(d, "From", s->From);
      PosField(d, "To", s->To);
      break;
    }
    case NodeKind::GenDecl: {
      auto* g = n->As<GenDecl>();
      CommentField(d, "Doc", g->Doc);
      PosField(d, "TokPos", g->TokPos);
      TokField(d, "Tok", g->Tok);
      PosField(d, "Lparen", g->Lparen);
      ListField(d, "Specs", g->Specs);
      PosField(d, "Rparen", g->Rparen);
      break;
    }
    case NodeKind::FuncDecl: {
      auto* f = n->As<FuncDecl>();
      CommentField(d, "Doc", f->Doc);
      NodeField(d, "Recv", f->Recv);
      NodeField(d, "Name", f->Name);
      NodeField(d, "Type", f->Type);
      NodeField(d, "Body", f->Body);
      break;
    }
    case NodeKind::kCount:
      Indent(d);
      Line("(invalid node kind)");
      break;
  }
}

}  // namespace

std::string DumpFile(const base::FileSet& fset, const File* file) {
  return DumpFile(fset, file, DumpOptions{});
}

std::string DumpFile(const base::FileSet& fset, const File* file, const DumpOptions& options) {
  Dumper d(fset, options);
  d.WriteNode(file, 0);
  return d.Take();
}

std::string DumpError(const base::PositionedError& err, std::string_view filename) {
  base::Position pos = err.pos;
  if (pos.filename == filename) pos.filename.clear();
  std::string out = "error: ";
  out += pos.String();
  out += ": ";
  out += err.msg;
  out += '\n';
  return out;
}


}  // namespace gotool::syntax
