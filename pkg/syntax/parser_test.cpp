// Tests of the parser: trees, positions, comments, modes and errors. Every expected
// value below was checked against go/parser (Go 1.19) on the same source.
#include "pkg/syntax/parser.h"

#include <gtest/gtest.h>

#include <string>

namespace gotool::syntax {
namespace {

struct Parsed {
  base::FileSet fset;
  base::Arena arena;
  std::string src;
  ParseResult r;

  Parsed(std::string text, unsigned mode = kParseComments) : src(std::move(text)) {
    r = ParseFile(fset, "x.go", src, arena, mode);
  }
  // Pos formats p as "line:col".
  std::string Pos(base::Pos p) const {
    base::Position pos = fset.PositionFor(p, false);
    return std::to_string(pos.line) + ":" + std::to_string(pos.column);
  }
  // FirstError formats the first error as "line:col: msg" ("" if none).
  std::string FirstError() const {
    if (r.errors.empty()) return "";
    const auto& e = r.errors[0];
    return std::to_string(e.pos.line) + ":" + std::to_string(e.pos.column) + ": " + e.msg;
  }
  template <class T>
  T* Decl(size_t i) const {
    return r.file->Decls[i]->As<T>();
  }
};

TEST(ParserTest, GenericFunctionTree) {
  Parsed p("package p\n\nfunc Map[T, U any](s []T, f func(T) U) (r []U) {\n\treturn nil\n}\n");
  ASSERT_TRUE(p.r.errors.empty()) << p.FirstError();
  File* f = p.r.file;
  EXPECT_EQ(p.Pos(f->Package), "1:1");
  EXPECT_EQ(f->Name->Name, "p");
  ASSERT_EQ(f->Decls.size, 1u);
  FuncDecl* fn = p.Decl<FuncDecl>(0);
  EXPECT_EQ(fn->Name->Name, "Map");
  EXPECT_EQ(fn->Recv, nullptr);
  FuncType* ft = fn->Type;
  EXPECT_EQ(p.Pos(ft->Func), "3:1");
  ASSERT_NE(ft->TypeParams, nullptr);
  EXPECT_EQ(p.Pos(ft->TypeParams->Opening), "3:9");
  EXPECT_EQ(p.Pos(ft->TypeParams->Closing), "3:18");
  ASSERT_EQ(ft->TypeParams->List.size, 1u);  // "T, U any" is one field
  Field* tp = ft->TypeParams->List[0];
  ASSERT_EQ(tp->Names.size, 2u);
  EXPECT_EQ(tp->Names[1]->Name, "U");
  EXPECT_EQ(tp->Type->As<Ident>()->Name, "any");
  ASSERT_EQ(ft->Params->List.size, 2u);
  EXPECT_TRUE(ft->Params->List[0]->Type->Is<ArrayType>());
  FuncType* fparam = ft->Params->List[1]->Type->As<FuncType>();
  EXPECT_EQ(fparam->Results->Opening, base::NoPos);  // unparenthesized result
  ASSERT_NE(ft->Results, nullptr);
  EXPECT_EQ(ft->Results->List[0]->Names[0]->Name, "r");
  ReturnStmt* ret = fn->Body->List[0]->As<ReturnStmt>();
  EXPECT_EQ(p.Pos(ret->Return), "4:2");
  EXPECT_EQ(p.Pos(NodeEnd(fn)), "5:2");
  EXPECT_EQ(p.Pos(NodePos(fn)), "3:1");
}

TEST(ParserTest, ExpressionsAndPositions) {
  Parsed p(
      "package p\n"
      "var x = a.b[1:2:3](c...) + <-ch * -d\n"
      "var y = T[int, string]{k: v}\n"
      "var z = (<-chan <-chan int)(nil)\n");
  ASSERT_TRUE(p.r.errors.empty()) << p.FirstError();
  auto* vx = p.Decl<GenDecl>(0)->Specs[0]->As<ValueSpec>();
  auto* sum = vx->Values[0]->As<BinaryExpr>();
  EXPECT_EQ(sum->Op, Token::ADD);
  EXPECT_EQ(p.Pos(sum->OpPos), "2:26");
  auto* call = sum->X->As<CallExpr>();
  EXPECT_EQ(p.Pos(call->Ellipsis), "2:21");
  EXPECT_EQ(p.Pos(call->Rparen), "2:24");
  auto* slice = call->Fun->As<SliceExpr>();
  EXPECT_TRUE(slice->Slice3);
  EXPECT_EQ(slice->Max->As<BasicLit>()->Value, "3");
  auto* mul = sum->Y->As<BinaryExpr>();  // '*' binds tighter than '+'
  EXPECT_EQ(mul->Op, Token::MUL);
  EXPECT_EQ(mul->X->As<UnaryExpr>()->Op, Token::ARROW);
  EXPECT_EQ(mul->Y->As<UnaryExpr>()->Op, Token::SUB);

  auto* vy = p.Decl<GenDecl>(1)->Specs[0]->As<ValueSpec>();
  auto* lit = vy->Values[0]->As<CompositeLit>();
  auto* inst = lit->Type->As<IndexListExpr>();
  EXPECT_EQ(inst->Indices.size, 2u);
  EXPECT_EQ(p.Pos(lit->Lbrace), "3:23");
  EXPECT_TRUE(lit->Elts[0]->Is<KeyValueExpr>());
  EXPECT_FALSE(lit->Incomplete);

  auto* vz = p.Decl<GenDecl>(2)->Specs[0]->As<ValueSpec>();
  auto* conv = vz->Values[0]->As<CallExpr>();
  auto* outer = conv->Fun->As<ParenExpr>()->X->As<ChanType>();
  EXPECT_EQ(outer->Dir, kChanRecv);
  EXPECT_EQ(p.Pos(outer->Begin), "4:10");
  EXPECT_EQ(p.Pos(outer->Arrow), "4:10");
  auto* inner = outer->Value->As<ChanType>();
  EXPECT_EQ(inner->Dir, kChanRecv);
  EXPECT_EQ(p.Pos(inner->Arrow), "4:17");
}

TEST(ParserTest, StatementsTree) {
  Parsed p(
      "package p\n"
      "func f() {\n"
      "L:\n"
      "\tfor i := range x {\n"
      "\t\tswitch v := i.(type) {\n"
      "\t\tcase int, string:\n"
      "\t\t\tbreak L\n"
      "\t\t}\n"
      "\t}\n"
      "\tfor range ch {\n"
      "\t}\n"
      "\tselect {\n"
      "\tcase v, ok := <-ch:\n"
      "\t\t_, _ = v, ok\n"
      "\tdefault:\n"
      "\t}\n"
      "\tif x := f(); x {\n"
      "\t} else if y {\n"
      "\t}\n"
      "}\n");
  ASSERT_TRUE(p.r.errors.empty()) << p.FirstError();
  auto* body = p.Decl<FuncDecl>(0)->Body;
  ASSERT_EQ(body->List.size, 4u);
  auto* labeled = body->List[0]->As<LabeledStmt>();
  EXPECT_EQ(labeled->Label->Name, "L");
  auto* rng = labeled->Stmt->As<RangeStmt>();
  EXPECT_EQ(rng->Tok, Token::DEFINE);
  EXPECT_EQ(rng->Key->As<Ident>()->Name, "i");
  EXPECT_EQ(rng->Value, nullptr);
  auto* ts = rng->Body->List[0]->As<TypeSwitchStmt>();
  auto* cc = ts->Body->List[0]->As<CaseClause>();
  EXPECT_EQ(cc->List.size, 2u);
  auto* br = cc->Body[0]->As<BranchStmt>();
  EXPECT_EQ(br->Tok, Token::BREAK);
  EXPECT_EQ(br->Label->Name, "L");

  auto* bare = body->List[1]->As<RangeStmt>();
  EXPECT_EQ(bare->Key, nullptr);
  EXPECT_EQ(bare->Tok, Token::ILLEGAL);
  EXPECT_FALSE(bare->TokPos.IsValid());

  auto* sel = body->List[2]->As<SelectStmt>();
  auto* comm = sel->Body->List[0]->As<CommClause>();
  auto* recv = comm->Comm->As<AssignStmt>();
  EXPECT_EQ(recv->Lhs.size, 2u);
  EXPECT_EQ(recv->Rhs[0]->As<UnaryExpr>()->Op, Token::ARROW);
  EXPECT_EQ(sel->Body->List[1]->As<CommClause>()->Comm, nullptr);

  auto* ifs = body->List[3]->As<IfStmt>();
  EXPECT_TRUE(ifs->Init->Is<AssignStmt>());
  EXPECT_TRUE(ifs->Else->Is<IfStmt>());
}

// The '[' after a type name starts an array length or a type parameter list.
TEST(ParserTest, TypeDeclAmbiguity) {
  struct Case {
    const char* decl;
    bool tparams;  // else: an array type
  } cases[] = {
      {"type A [N]int", false},         {"type B[P any] int", true},
      {"type C[P *Q] int", false},      {"type D[P *Q,] int", true},
      {"type E[P *[]int] int", true},   {"type F[P (Q)] int", false},
      {"type G [P*Q]int", false},       {"type H[P ~int|string] int", true},
      {"type I[P Q|R] int", true},      {"type J [a|b]int", false},
  };
  for (const Case& c : cases) {
    Parsed p(std::string("package p\n") + c.decl + "\n");
    ASSERT_TRUE(p.r.errors.empty()) << c.decl << ": " << p.FirstError();
    auto* spec = p.Decl<GenDecl>(0)->Specs[0]->As<TypeSpec>();
    EXPECT_EQ(spec->TypeParams != nullptr, c.tparams) << c.decl;
    EXPECT_EQ(spec->Type->Is<ArrayType>(), !c.tparams) << c.decl;
  }
}

TEST(ParserTest, CommentsAttachment) {
  Parsed p(
      "// Package p is a test.\n"
      "package p\n"
      "\n"
      "// T is a type.\n"
      "// More.\n"
      "type T struct {\n"
      "\t// a doc\n"
      "\ta int // a line\n"
      "\n"
      "\tb int /* b line */\n"
      "}\n"
      "\n"
      "// floating\n"
      "\n"
      "var v = 1 // v line\n");
  ASSERT_TRUE(p.r.errors.empty()) << p.FirstError();
  File* f = p.r.file;
  ASSERT_NE(f->Doc, nullptr);
  EXPECT_EQ(f->Doc->List[0]->Text, "// Package p is a test.");
  ASSERT_EQ(f->Comments.size, 7u);
  auto* td = p.Decl<GenDecl>(0);
  ASSERT_NE(td->Doc, nullptr);
  EXPECT_EQ(td->Doc->List.size, 2u);
  EXPECT_EQ(td->Specs[0]->As<TypeSpec>()->Doc, nullptr);  // unparenthesized: doc on the decl
  auto* st = td->Specs[0]->As<TypeSpec>()->Type->As<StructType>();
  Field* a = st->Fields->List[0];
  ASSERT_NE(a->Doc, nullptr);
  EXPECT_EQ(a->Doc->List[0]->Text, "// a doc");
  ASSERT_NE(a->Comment, nullptr);
  EXPECT_EQ(a->Comment->List[0]->Text, "// a line");
  Field* b = st->Fields->List[1];
  EXPECT_EQ(b->Doc, nullptr);
  EXPECT_EQ(b->Comment->List[0]->Text, "/* b line */");
  auto* vd = p.Decl<GenDecl>(1);
  EXPECT_EQ(vd->Doc, nullptr);  // "// floating" is separated by an empty line
  EXPECT_EQ(vd->Specs[0]->As<ValueSpec>()->Comment->List[0]->Text, "// v line");
  EXPECT_EQ(p.Pos(f->Comments[5]->List[0]->Slash), "13:1");
}

TEST(ParserTest, CommentsDroppedWithoutParseComments) {
  Parsed p("// doc\npackage p // x\n", 0);
  ASSERT_TRUE(p.r.errors.empty());
  EXPECT_EQ(p.r.file->Doc, nullptr);
  EXPECT_TRUE(p.r.file->Comments.empty());
}

TEST(ParserTest, Modes) {
  const char* src = "package p\nimport \"fmt\"\nimport (\n\t. \"os\"\n\tx \"io\"\n)\nfunc f() {}\n";
  Parsed imports(src, kImportsOnly);
  ASSERT_TRUE(imports.r.errors.empty());
  EXPECT_EQ(imports.r.file->Decls.size, 2u);
  ASSERT_EQ(imports.r.file->Imports.size, 3u);
  EXPECT_EQ(imports.r.file->Imports[1]->Name->Name, ".");
  EXPECT_EQ(imports.r.file->Imports[2]->Path->Value, "\"io\"");
  Parsed pkg(src, kPackageClauseOnly);
  EXPECT_TRUE(pkg.r.file->Decls.empty());
  EXPECT_EQ(pkg.r.file->Name->Name, "p");
  Parsed all(src);
  EXPECT_EQ(all.r.file->Decls.size, 3u);
}

// First errors (and error counts), as go/parser reports them.
TEST(ParserTest, Errors) {
  struct Case {
    const char* src;
    const char* first;
  } cases[] = {
      {"package p\nfunc f() { if x := T{}; x {} }\n",
       "2:15: expected boolean expression, found assignment (missing parentheses around "
       "composite literal?)"},
      {"package p\nfunc f() { for x := range []int{1,2} {} ; if x == T{} {} }\n",
       "2:55: expected ';', found '{'"},
      {"package p\nvar x = []int{\n1,\n2\n}\n", "4:2: missing ',' before newline in composite literal"},
      {"package p\nfunc f() { g(1\n) }\n", "2:15: missing ',' before newline in argument list"},
      {"package p\nfunc f() { g(1 2) }\n", "2:16: missing ',' in argument list"},
      {"package p\nfunc f() { a, b := 1 }\nfunc g() { a.b := 1 }\n",
       "3:12: expected identifier on left side of :="},
      {"package p\nfunc f() { x: }\nfunc g() { x.y: z }\n", "3:15: illegal label declaration"},
      {"package p\nfunc f() { for var i = 0; i < 10; i++ {} }\n", "2:16: expected operand, found 'var'"},
      {"package p\nfunc f() { if var x = 1; x {} }\n",
       "2:19: var declaration not allowed in 'IF' initializer"},
      {"package p\nvar x T[]\n", "2:9: expected type argument list"},
      {"package p\nfunc f() { go f }\n", "2:16: function must be invoked in go statement"},
      {"package p\nfunc f() { defer (f()) }\n", "2:23: function must be invoked in defer statement"},
      {"package p\nvar x = s[1::3]\n", "2:12: 2nd index required in 3-index slice"},
      {"package p\nfunc (T) m[P any]() {}\n", "2:11: method must have no type parameters"},
      {"package p\ntype I interface { m[P any]() }\n", "2:21: interface method must have no type parameters"},
      {"package p\nvar f func[P any]()\n", "2:11: function type must have no type parameters"},
      {"package p\nfunc f(a, b int, c) {}\n", "2:8: mixed named and unnamed parameters"},
      {"package p\nfunc f[P, Q](){}\n", "2:8: all type parameters must be named"},
      {"package p\nimport \"a b\"\n", "2:8: invalid import path: \"a b\""},
      {"package p\nfunc f() { switch x = y.(type) {} }\n", "2:21: expected ':=', found '='"},
      {"package p\nfunc f() { for a, b, c := range x {} }\n", "2:22: expected at most 2 expressions"},
      {"package p\nfunc f() { select { case a, b, c := <-ch: } }\n", "2:26: expected 1 or 2 expressions"},
      {"package p\nvar x = [...]int\n", "2:9: expected expression"},
      {"package p\nfunc f()\n{\n}\n", "3:1: unexpected semicolon or newline before {"},
      {"package p\nconst c\nvar v\n", "2:7: missing constant value"},
      {"package p\nfunc f() { if {} }\n", "2:15: missing condition in if statement"},
      {"package p\nx := 1\n", "2:1: expected declaration, found x"},
      {"package p\nfunc f() { ~x }\n", "2:12: expected statement, found '~'"},
      {"package p\nvar x = T.\n", "2:12: expected selector or type assertion, found 'EOF'"},
      {"package p\nvar x = (T){}\n", "2:10: cannot parenthesize type in composite literal"},
      {"package p\nfunc f() { x = 1 = 2 }\n", "2:18: expected '==', found '='"},
      {"package p\nfunc f() { return 1,\n}\n", "3:1: expected operand, found '}'"},
      {"packag p\n", "1:1: expected 'package', found packag"},
      {"package p; import fmt\n", "1:22: expected 'STRING', found newline"},
      {"package p\nvar s = \"abc\n", "2:9: string literal not terminated"},
      {"package p\n/* unterminated\n", "2:1: comment not terminated"},
      {"package p\nvar x = a[]\n", "2:11: expected operand, found ']'"},
      {"package p\nfunc f() { for i := 0; i < n; i++; {} }\n", "2:34: expected '{', found ';'"},
      {"package p\nfunc f() { else {} }\n", "2:12: expected statement, found 'else'"},
      {"package p\nvar x = map[string]int{\"a\": 1, \"b\" 2}\n", "2:36: missing ',' in composite literal"},
  };
  for (const Case& c : cases) {
    Parsed p(c.src);
    EXPECT_EQ(p.FirstError(), c.first) << c.src;
    EXPECT_NE(p.r.file, nullptr);
  }
}

TEST(ParserTest, ValidEdgeCases) {
  for (const char* src : {
           "package _\n",
           "package p\ntype T[] int\n",  // a slice type
           "package p\nvar x = <-chan <-chan int(nil)\n",
           "package p\ntype T struct { (A) }\n",
           "package p\ntype T[P any,] struct{}\nvar x T[int,]\n",
           "package p\nfunc f() { x.(type) }\n",
       }) {
    Parsed p(src);
    EXPECT_TRUE(p.r.errors.empty()) << src << ": " << p.FirstError();
  }
}

TEST(ParserTest, StopsAfterTenErrorsOnDifferentLines) {
  std::string src = "package p\n";
  for (int i = 0; i < 20; i++) src += "var x" + std::to_string(i) + " = )\n";
  Parsed p(src);
  ASSERT_EQ(p.r.errors.size(), 11u);
  EXPECT_EQ(p.FirstError(), "2:10: expected operand, found ')'");
  EXPECT_EQ(p.r.errors[10].pos.line, 12);
  EXPECT_TRUE(p.r.file->Decls.empty());  // bailed out: an empty File, as go/parser

  Parsed all(src, kParseComments | kAllErrors);
  EXPECT_EQ(all.r.errors.size(), 40u);
}

TEST(ParserTest, DropsSecondErrorOnALine) {
  Parsed p("package p\nfunc f() {\n\tx := ; y := )\n\tx := ; y := )\n\tx := ; y := )\n}\n");
  ASSERT_EQ(p.r.errors.size(), 2u);
  EXPECT_EQ(p.FirstError(), "3:7: expected operand, found ';'");
  EXPECT_EQ(p.r.errors[1].pos.line, 6);
}

TEST(ParserTest, PartialTreeOnError) {
  Parsed p("package p\nfunc f() { g(; x = 1 }\n");
  ASSERT_FALSE(p.r.errors.empty());
  EXPECT_EQ(p.FirstError(), "2:14: expected operand, found ';'");
  auto* body = p.Decl<FuncDecl>(0)->Body;
  auto* call = body->List[0]->As<ExprStmt>()->X->As<CallExpr>();
  auto* bad = call->Args[0]->As<BadExpr>();
  EXPECT_EQ(p.Pos(bad->From), "2:14");
}

TEST(ParserTest, NestingLimits) {
  // Deep but within go/parser's limit: needs more than a default thread stack.
  std::string deep = "package p\nvar x = " + std::string(25000, '(') + "1" + std::string(25000, ')') + "\n";
  Parsed ok(deep);
  EXPECT_TRUE(ok.r.errors.empty()) << ok.FirstError();

  std::string calls = "package p\nvar x = f";
  for (int i = 0; i < 100001; i++) calls += "()";
  Parsed too_deep(calls + "\n");
  EXPECT_EQ(too_deep.FirstError(), "2:200008: exceeded max nesting depth");

  std::string blocks = "package p\nfunc f() {" + std::string(1001, '{') + std::string(1001, '}') + "}\n";
  Parsed scopes(blocks);
  EXPECT_EQ(scopes.FirstError(), "2:1009: exceeded max scope depth during object resolution");
  Parsed unresolved(blocks, kParseComments | kSkipObjectResolution);
  EXPECT_TRUE(unresolved.r.errors.empty());
}

TEST(ParserTest, LineDirectivesAdjustErrors) {
  Parsed p("package p\n//line foo.go:100\nvar x = )\n");
  ASSERT_EQ(p.r.errors.size(), 1u);
  EXPECT_EQ(p.r.errors[0].pos.filename, "foo.go");
  EXPECT_EQ(p.r.errors[0].pos.line, 100);
}

TEST(ParserTest, ParseExprFrom) {
  struct Case {
    const char* src;
    NodeKind kind;
    int end;  // offset of NodeEnd
    const char* first_error;
  } cases[] = {
      {"a + b*c", NodeKind::BinaryExpr, 7, ""},
      {"func(x int) int { return x }", NodeKind::FuncLit, 28, ""},
      {"a\n", NodeKind::Ident, 1, ""},
      {"a b", NodeKind::Ident, 1, "e:1:3: expected 'EOF', found b"},
      {"[...]int", NodeKind::BadExpr, 8, "e:1:2: expected array length, found '...'"},
      {"", NodeKind::BadExpr, 0, "e:1:1: expected operand, found 'EOF'"},
      {"T[P, Q]", NodeKind::IndexListExpr, 7, ""},
  };
  for (const Case& c : cases) {
    base::FileSet fset;
    base::Arena arena;
    std::string src = c.src;
    ParseExprResult r = ParseExprFrom(fset, "e", src, arena, 0);
    ASSERT_NE(r.expr, nullptr) << c.src;
    EXPECT_EQ(r.expr->kind, c.kind) << c.src;
    EXPECT_EQ(fset.PositionFor(NodeEnd(r.expr), false).offset, c.end) << c.src;
    EXPECT_EQ(r.errors.empty() ? "" : r.errors[0].String(), c.first_error) << c.src;
  }
}

}  // namespace
}  // namespace gotool::syntax
