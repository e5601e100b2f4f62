// The Go abstract syntax tree: go/ast's node set (Go 1.19) as arena-allocated structs.
//
// Nodes are plain structs with a kind tag (listed once in ast.def), no virtual methods
// and no RTTI. Data members carry go/ast's field names and order verbatim (UpperCamel,
// unlike the rest of the code base) so that a reader of go/ast, the AST dump and the
// printer map one to one; it also avoids clashes with C++ keywords (If, Else, For...).
// Nodes live in a base::Arena and are trivially destructible: lists are List<T> spans,
// strings are views into the source text or the arena, positions are base::Pos.
// Create nodes with NewNode<T>(arena), which sets the kind tag.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pkg/base/arena.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/token.h"

namespace gotool::syntax {

// NodeKind tags every node with its concrete type.
enum class NodeKind : uint8_t {
#define AST_NODE(Name, Category) Name,
#include "pkg/syntax/ast.def"
  kCount
};

// NodeCategory says which go/ast interface (if any) a node kind implements.
enum class NodeCategory : uint8_t { kNode, kExpr, kStmt, kSpec, kDecl };

namespace internal {
inline constexpr NodeCategory kNodeCategories[] = {
#define AST_NODE(Name, Category) NodeCategory::k##Category,
#include "pkg/syntax/ast.def"
};
inline constexpr std::string_view kNodeKindNames[] = {
#define AST_NODE(Name, Category) #Name,
#include "pkg/syntax/ast.def"
};
inline constexpr std::string_view kNodePointerNames[] = {
#define AST_NODE(Name, Category) "*ast." #Name,
#include "pkg/syntax/ast.def"
};
}  // namespace internal

// CategoryOf returns the category of node kind k.
constexpr NodeCategory CategoryOf(NodeKind k) { return internal::kNodeCategories[size_t(k)]; }

// NodeKindName returns the go/ast type name of kind k ("Ident", "CallExpr"...).
constexpr std::string_view NodeKindName(NodeKind k) { return internal::kNodeKindNames[size_t(k)]; }

// List is an immutable arena-allocated span of node pointers (go/ast's []*T / []Expr).
// Elements are never null unless go/ast allows nil there.
template <class T>
struct List {
  T* const* data = nullptr;
  uint32_t size = 0;

  T* const* begin() const { return data; }
  T* const* end() const { return data + size; }
  T* operator[](size_t i) const { return data[i]; }
  bool empty() const { return size == 0; }
  T* front() const { return data[0]; }
  T* back() const { return data[size - 1]; }
};

// Node is the common header of every AST node.
struct Node {
  NodeKind kind = NodeKind::kCount;

  // Is reports whether this node is a T (a concrete node type or a category).
  template <class T>
  bool Is() const {
    return T::Classof(kind);
  }
  // As downcasts to T; if this node is not a T, the process ends as a failed Go type
  // assertion does (see FailedConversion).
  template <class T>
  T* As() {
    if (!T::Classof(kind)) FailedConversion(kind, TargetName<T>());
    return static_cast<T*>(this);
  }
  template <class T>
  const T* As() const {
    if (!T::Classof(kind)) FailedConversion(kind, TargetName<T>());
    return static_cast<const T*>(this);
  }
  // TryAs downcasts to T, or returns nullptr if this node is not a T.
  template <class T>
  T* TryAs() {
    return T::Classof(kind) ? static_cast<T*>(this) : nullptr;
  }
  template <class T>
  const T* TryAs() const {
    return T::Classof(kind) ? static_cast<const T*>(this) : nullptr;
  }
  static constexpr bool Classof(NodeKind) { return true; }

 private:
  // FailedConversion ends the process the way an unrecovered Go panic from a failed
  // type assertion on go/ast nodes ends gofmt: "panic: interface conversion: ..." on
  // stderr, exit status 2. Only trees no parser produces (gofmt -r can build them,
  // e.g. a parenthesised function type where go/printer expects *ast.FuncType) get
  // here, and gofmt itself panics on them.
  [[noreturn]] static void FailedConversion(NodeKind have, std::string_view want);
  // TargetName is T's go/ast name: "*ast.FuncType" for a node type, "ast.Expr" for
  // an interface.
  template <class T>
  static constexpr std::string_view TargetName();
};

// Expr is any expression or type node (go/ast's Expr interface).
struct Expr : Node {
  static constexpr std::string_view kGoName = "ast.Expr";
  static constexpr bool Classof(NodeKind k) { return CategoryOf(k) == NodeCategory::kExpr; }
};
// Stmt is any statement node.
struct Stmt : Node {
  static constexpr std::string_view kGoName = "ast.Stmt";
  static constexpr bool Classof(NodeKind k) { return CategoryOf(k) == NodeCategory::kStmt; }
};
// Spec is an ImportSpec, ValueSpec or TypeSpec.
struct Spec : Node {
  static constexpr std::string_view kGoName = "ast.Spec";
  static constexpr bool Classof(NodeKind k) { return CategoryOf(k) == NodeCategory::kSpec; }
};
// Decl is a BadDecl, GenDecl or FuncDecl.
struct Decl : Node {
  static constexpr std::string_view kGoName = "ast.Decl";
  static constexpr bool Classof(NodeKind k) { return CategoryOf(k) == NodeCategory::kDecl; }
};

template <class T>
constexpr std::string_view Node::TargetName() {
  // Node types inherit their interface's kGoName, so kKind is tested first.
  if constexpr (requires { T::kKind; }) {
    return internal::kNodePointerNames[size_t(T::kKind)];
  } else if constexpr (requires { T::kGoName; }) {
    return T::kGoName;
  } else {
    return "ast.Node";
  }
}

// DynCast returns n as a T, or nullptr if n is null or not a T.
template <class T>
T* DynCast(Node* n) {
  return n && T::Classof(n->kind) ? static_cast<T*>(n) : nullptr;
}
template <class T>
const T* DynCast(const Node* n) {
  return n && T::Classof(n->kind) ? static_cast<const T*>(n) : nullptr;
}

#define GOTOOL_AST_KIND(Name)                                                  \
  static constexpr NodeKind kKind = NodeKind::Name;                            \
  static constexpr bool Classof(NodeKind k) { return k == NodeKind::Name; }

// ChanDir is the direction of a channel type (a bit set, as go/ast's ChanDir).
enum ChanDir : uint8_t { kChanSend = 1, kChanRecv = 2 };

struct Ident;
struct BasicLit;
struct BlockStmt;
struct CallExpr;
struct FuncType;
struct ImportSpec;

// ---- Comments ----

// Comment is a single //-style or /*-style comment. Text is the raw comment text
// (with carriage returns removed), including the comment markers.
struct Comment : Node {
  GOTOOL_AST_KIND(Comment)
  base::Pos Slash;  // position of "/" starting the comment
  std::string_view Text;
};

// CommentGroup is a sequence of comments with no other tokens and no empty lines
// between them. List is never empty.
struct CommentGroup : Node {
  GOTOOL_AST_KIND(CommentGroup)
  syntax::List<Comment> List;
};

// ---- Fields ----

// Field is a field in a struct, a method or embedded interface in an interface, a
// parameter or result, or a type parameter.
struct Field : Node {
  GOTOOL_AST_KIND(Field)
  CommentGroup* Doc = nullptr;
  syntax::List<Ident> Names;  // may be empty
  Expr* Type = nullptr;       // field/method/parameter type; or nil
  BasicLit* Tag = nullptr;    // may be nil
  CommentGroup* Comment = nullptr;
};

// FieldList is a list of Fields, enclosed by parentheses, braces or brackets.
struct FieldList : Node {
  GOTOOL_AST_KIND(FieldList)
  base::Pos Opening;  // position of opening parenthesis/brace/bracket, if any
  syntax::List<Field> List;
  base::Pos Closing;  // position of closing parenthesis/brace/bracket, if any
};

// ---- Expressions ----

// BadExpr is a placeholder for an expression containing syntax errors.
struct BadExpr : Expr {
  GOTOOL_AST_KIND(BadExpr)
  base::Pos From, To;
};

// Ident is an identifier.
struct Ident : Expr {
  GOTOOL_AST_KIND(Ident)
  base::Pos NamePos;
  std::string_view Name;
};

// Ellipsis is "..." in a parameter list ("...T") or an array type ("[...]T").
struct Ellipsis : Expr {
  GOTOOL_AST_KIND(Ellipsis)
  base::Pos Ellipsis;
  Expr* Elt = nullptr;  // ellipsis element type (parameter lists only); or nil
};

// BasicLit is a literal of basic type; Value is the raw source text.
struct BasicLit : Expr {
  GOTOOL_AST_KIND(BasicLit)
  base::Pos ValuePos;
  Token Kind = Token::ILLEGAL;  // INT, FLOAT, IMAG, CHAR or STRING
  std::string_view Value;
};

// FuncLit is a function literal.
struct FuncLit : Expr {
  GOTOOL_AST_KIND(FuncLit)
  FuncType* Type = nullptr;
  BlockStmt* Body = nullptr;
};

// CompositeLit is a composite literal.
struct CompositeLit : Expr {
  GOTOOL_AST_KIND(CompositeLit)
  Expr* Type = nullptr;  // or nil
  base::Pos Lbrace;
  List<Expr> Elts;
  base::Pos Rbrace;
  bool Incomplete = false;  // true if (source) expressions are missing in Elts
};

// ParenExpr is a parenthesized expression.
struct ParenExpr : Expr {
  GOTOOL_AST_KIND(ParenExpr)
  base::Pos Lparen;
  Expr* X = nullptr;
  base::Pos Rparen;
};

// SelectorExpr is an expression followed by a selector.
struct SelectorExpr : Expr {
  GOTOOL_AST_KIND(SelectorExpr)
  Expr* X = nullptr;
  Ident* Sel = nullptr;
};

// IndexExpr is an expression followed by a single index (or type argument).
struct IndexExpr : Expr {
  GOTOOL_AST_KIND(IndexExpr)
  Expr* X = nullptr;
  base::Pos Lbrack;
  Expr* Index = nullptr;
  base::Pos Rbrack;
};

// IndexListExpr is an expression followed by two or more type arguments.
struct IndexListExpr : Expr {
  GOTOOL_AST_KIND(IndexListExpr)
  Expr* X = nullptr;
  base::Pos Lbrack;
  List<Expr> Indices;
  base::Pos Rbrack;
};

// SliceExpr is an expression followed by slice indices.
struct SliceExpr : Expr {
  GOTOOL_AST_KIND(SliceExpr)
  Expr* X = nullptr;
  base::Pos Lbrack;
  Expr* Low = nullptr;   // or nil
  Expr* High = nullptr;  // or nil
  Expr* Max = nullptr;   // or nil
  bool Slice3 = false;   // true if 3-index slice (2 colons present)
  base::Pos Rbrack;
};

// TypeAssertExpr is x.(T); Type is nil for x.(type) in a type switch.
struct TypeAssertExpr : Expr {
  GOTOOL_AST_KIND(TypeAssertExpr)
  Expr* X = nullptr;
  base::Pos Lparen;
  Expr* Type = nullptr;
  base::Pos Rparen;
};

// CallExpr is an expression followed by an argument list.
struct CallExpr : Expr {
  GOTOOL_AST_KIND(CallExpr)
  Expr* Fun = nullptr;
  base::Pos Lparen;
  List<Expr> Args;
  base::Pos Ellipsis;  // position of "..." (NoPos if there is none)
  base::Pos Rparen;
};

// StarExpr is "*" X: a pointer type or a dereference.
struct StarExpr : Expr {
  GOTOOL_AST_KIND(StarExpr)
  base::Pos Star;
  Expr* X = nullptr;
};

// UnaryExpr is a unary expression (not "*", which is a StarExpr).
struct UnaryExpr : Expr {
  GOTOOL_AST_KIND(UnaryExpr)
  base::Pos OpPos;
  Token Op = Token::ILLEGAL;
  Expr* X = nullptr;
};

// BinaryExpr is a binary expression.
struct BinaryExpr : Expr {
  GOTOOL_AST_KIND(BinaryExpr)
  Expr* X = nullptr;
  base::Pos OpPos;
  Token Op = Token::ILLEGAL;
  Expr* Y = nullptr;
};

// KeyValueExpr is a key: value pair in a composite literal.
struct KeyValueExpr : Expr {
  GOTOOL_AST_KIND(KeyValueExpr)
  Expr* Key = nullptr;
  base::Pos Colon;
  Expr* Value = nullptr;
};

// ArrayType is an array or slice type.
struct ArrayType : Expr {
  GOTOOL_AST_KIND(ArrayType)
  base::Pos Lbrack;
  Expr* Len = nullptr;  // Ellipsis for [...]T array types, nil for slice types
  Expr* Elt = nullptr;
};

// StructType is a struct type.
struct StructType : Expr {
  GOTOOL_AST_KIND(StructType)
  base::Pos Struct;
  FieldList* Fields = nullptr;
  bool Incomplete = false;
};

// FuncType is a function type (of a declaration, a literal or a type expression).
struct FuncType : Expr {
  GOTOOL_AST_KIND(FuncType)
  base::Pos Func;                  // position of "func" keyword (NoPos if there is none)
  FieldList* TypeParams = nullptr;  // or nil
  FieldList* Params = nullptr;
  FieldList* Results = nullptr;  // or nil
};

// InterfaceType is an interface type.
struct InterfaceType : Expr {
  GOTOOL_AST_KIND(InterfaceType)
  base::Pos Interface;
  FieldList* Methods = nullptr;
  bool Incomplete = false;
};

// MapType is a map type.
struct MapType : Expr {
  GOTOOL_AST_KIND(MapType)
  base::Pos Map;
  Expr* Key = nullptr;
  Expr* Value = nullptr;
};

// ChanType is a channel type.
struct ChanType : Expr {
  GOTOOL_AST_KIND(ChanType)
  base::Pos Begin;  // position of "chan" keyword or "<-" (whichever comes first)
  base::Pos Arrow;  // position of "<-" (NoPos if there is no "<-")
  uint8_t Dir = kChanSend | kChanRecv;  // ChanDir bits
  Expr* Value = nullptr;
};

// ---- Statements ----

// BadStmt is a placeholder for statements containing syntax errors.
struct BadStmt : Stmt {
  GOTOOL_AST_KIND(BadStmt)
  base::Pos From, To;
};

// DeclStmt is a declaration in a statement list.
struct DeclStmt : Stmt {
  GOTOOL_AST_KIND(DeclStmt)
  syntax::Decl* Decl = nullptr;  // *GenDecl with CONST, TYPE, or VAR token
};

// EmptyStmt is an explicit or implicit semicolon.
struct EmptyStmt : Stmt {
  GOTOOL_AST_KIND(EmptyStmt)
  base::Pos Semicolon;
  bool Implicit = false;  // if set, ";" was omitted in the source
};

// LabeledStmt is a labeled statement.
struct LabeledStmt : Stmt {
  GOTOOL_AST_KIND(LabeledStmt)
  Ident* Label = nullptr;
  base::Pos Colon;
  syntax::Stmt* Stmt = nullptr;
};

// ExprStmt is a stand-alone expression in a statement list.
struct ExprStmt : Stmt {
  GOTOOL_AST_KIND(ExprStmt)
  Expr* X = nullptr;
};

// SendStmt is a send statement.
struct SendStmt : Stmt {
  GOTOOL_AST_KIND(SendStmt)
  Expr* Chan = nullptr;
  base::Pos Arrow;
  Expr* Value = nullptr;
};

// IncDecStmt is an increment or decrement statement.
struct IncDecStmt : Stmt {
  GOTOOL_AST_KIND(IncDecStmt)
  Expr* X = nullptr;
  base::Pos TokPos;
  Token Tok = Token::ILLEGAL;  // INC or DEC
};

// AssignStmt is an assignment or a short variable declaration.
struct AssignStmt : Stmt {
  GOTOOL_AST_KIND(AssignStmt)
  List<Expr> Lhs;
  base::Pos TokPos;
  Token Tok = Token::ILLEGAL;  // assignment token, DEFINE
  List<Expr> Rhs;
};

// GoStmt is a go statement.
struct GoStmt : Stmt {
  GOTOOL_AST_KIND(GoStmt)
  base::Pos Go;
  CallExpr* Call = nullptr;
};

// DeferStmt is a defer statement.
struct DeferStmt : Stmt {
  GOTOOL_AST_KIND(DeferStmt)
  base::Pos Defer;
  CallExpr* Call = nullptr;
};

// ReturnStmt is a return statement.
struct ReturnStmt : Stmt {
  GOTOOL_AST_KIND(ReturnStmt)
  base::Pos Return;
  List<Expr> Results;
};

// BranchStmt is a break, continue, goto or fallthrough statement.
struct BranchStmt : Stmt {
  GOTOOL_AST_KIND(BranchStmt)
  base::Pos TokPos;
  Token Tok = Token::ILLEGAL;
  Ident* Label = nullptr;  // or nil
};

// BlockStmt is a braced statement list.
struct BlockStmt : Stmt {
  GOTOOL_AST_KIND(BlockStmt)
  base::Pos Lbrace;
  syntax::List<syntax::Stmt> List;
  base::Pos Rbrace;
};

// IfStmt is an if statement.
struct IfStmt : Stmt {
  GOTOOL_AST_KIND(IfStmt)
  base::Pos If;
  syntax::Stmt* Init = nullptr;  // or nil
  Expr* Cond = nullptr;
  BlockStmt* Body = nullptr;
  syntax::Stmt* Else = nullptr;  // else branch; or nil
};

// CaseClause is a case of an expression or type switch statement.
struct CaseClause : Stmt {
  GOTOOL_AST_KIND(CaseClause)
  base::Pos Case;
  syntax::List<Expr> List;  // empty means default case
  base::Pos Colon;
  syntax::List<syntax::Stmt> Body;
};

// SwitchStmt is an expression switch statement.
struct SwitchStmt : Stmt {
  GOTOOL_AST_KIND(SwitchStmt)
  base::Pos Switch;
  syntax::Stmt* Init = nullptr;  // or nil
  Expr* Tag = nullptr;           // or nil
  BlockStmt* Body = nullptr;     // CaseClauses only
};

// TypeSwitchStmt is a type switch statement.
struct TypeSwitchStmt : Stmt {
  GOTOOL_AST_KIND(TypeSwitchStmt)
  base::Pos Switch;
  syntax::Stmt* Init = nullptr;    // or nil
  syntax::Stmt* Assign = nullptr;  // x := y.(type) or y.(type)
  BlockStmt* Body = nullptr;       // CaseClauses only
};

// CommClause is a case of a select statement.
struct CommClause : Stmt {
  GOTOOL_AST_KIND(CommClause)
  base::Pos Case;
  syntax::Stmt* Comm = nullptr;  // send or receive statement; nil means default case
  base::Pos Colon;
  syntax::List<syntax::Stmt> Body;
};

// SelectStmt is a select statement.
struct SelectStmt : Stmt {
  GOTOOL_AST_KIND(SelectStmt)
  base::Pos Select;
  BlockStmt* Body = nullptr;  // CommClauses only
};

// ForStmt is a for statement.
struct ForStmt : Stmt {
  GOTOOL_AST_KIND(ForStmt)
  base::Pos For;
  syntax::Stmt* Init = nullptr;  // or nil
  Expr* Cond = nullptr;          // or nil
  syntax::Stmt* Post = nullptr;  // or nil
  BlockStmt* Body = nullptr;
};

// RangeStmt is a for statement with a range clause.
struct RangeStmt : Stmt {
  GOTOOL_AST_KIND(RangeStmt)
  base::Pos For;
  Expr* Key = nullptr;    // or nil
  Expr* Value = nullptr;  // or nil
  base::Pos TokPos;       // position of Tok; invalid if Key == nil
  Token Tok = Token::ILLEGAL;  // ILLEGAL if Key == nil, ASSIGN, DEFINE
  Expr* X = nullptr;      // value to range over
  BlockStmt* Body = nullptr;
  // Extra (kCompilerErrors only) is a third iteration variable, which cmd/compile's
  // parser accepts and its type checker reports; not a child of the node.
  Expr* Extra = nullptr;
};

// ---- Specifications ----

// ImportSpec is a single package import.
struct ImportSpec : Spec {
  GOTOOL_AST_KIND(ImportSpec)
  CommentGroup* Doc = nullptr;
  Ident* Name = nullptr;  // local package name (including "."); or nil
  BasicLit* Path = nullptr;
  CommentGroup* Comment = nullptr;
  base::Pos EndPos;  // end of spec (overrides Path.Pos if nonzero)
};

// ValueSpec is a constant or variable declaration (ConstSpec or VarSpec).
struct ValueSpec : Spec {
  GOTOOL_AST_KIND(ValueSpec)
  CommentGroup* Doc = nullptr;
  List<Ident> Names;
  Expr* Type = nullptr;  // or nil
  List<Expr> Values;
  CommentGroup* Comment = nullptr;
};

// TypeSpec is a type declaration (TypeSpec production).
struct TypeSpec : Spec {
  GOTOOL_AST_KIND(TypeSpec)
  CommentGroup* Doc = nullptr;
  Ident* Name = nullptr;
  FieldList* TypeParams = nullptr;  // or nil
  base::Pos Assign;                 // position of '=', if any
  Expr* Type = nullptr;
  CommentGroup* Comment = nullptr;
};

// ---- Declarations ----

// BadDecl is a placeholder for a declaration containing syntax errors.
struct BadDecl : Decl {
  GOTOOL_AST_KIND(BadDecl)
  base::Pos From, To;
};

// GenDecl is an import, constant, type or variable declaration.
struct GenDecl : Decl {
  GOTOOL_AST_KIND(GenDecl)
  CommentGroup* Doc = nullptr;
  base::Pos TokPos;
  Token Tok = Token::ILLEGAL;  // IMPORT, CONST, TYPE, or VAR
  base::Pos Lparen;            // position of '(', if any
  List<Spec> Specs;
  base::Pos Rparen;  // position of ')', if any
};

// FuncDecl is a function or method declaration.
struct FuncDecl : Decl {
  GOTOOL_AST_KIND(FuncDecl)
  CommentGroup* Doc = nullptr;
  FieldList* Recv = nullptr;  // receiver (methods); or nil (functions)
  Ident* Name = nullptr;
  FuncType* Type = nullptr;   // function signature: type and value parameters, results
  BlockStmt* Body = nullptr;  // function body; or nil for external (non-Go) function
};

// ---- Files ----

// File is a Go source file. Comments holds every comment group of the file in source
// order; Imports holds the file's imports (a convenience, as in go/ast).
struct File : Node {
  GOTOOL_AST_KIND(File)
  CommentGroup* Doc = nullptr;
  base::Pos Package;  // position of "package" keyword
  Ident* Name = nullptr;
  List<Decl> Decls;
  List<ImportSpec> Imports;
  List<CommentGroup> Comments;
};

#undef GOTOOL_AST_KIND

// NewNode allocates a zero-initialised T in arena and sets its kind tag.
template <class T>
T* NewNode(base::Arena& arena) {
  T* n = arena.New<T>();
  n->kind = T::kKind;
  return n;
}

// NodePos returns the position of the first character belonging to n, as go/ast's
// Pos() methods define it (NoPos for a null node).
base::Pos NodePos(const Node* n);

// NodeEnd returns the position of the first character immediately after n, as
// go/ast's End() methods define it (NoPos for a null node).
base::Pos NodeEnd(const Node* n);

}  // namespace gotool::syntax
