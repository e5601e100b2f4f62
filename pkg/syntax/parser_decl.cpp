// Parsing of declarations and of the source file: import, const, var and type specs
// (with the type parameter / array type ambiguity), functions, the package clause.
#include <string>
#include <vector>

#include "pkg/base/utf8.h"
#include "pkg/syntax/parser_internal.h"

namespace gotool::syntax::internal {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Unquote decodes a Go string literal as strconv.Unquote does; false on a malformed
// literal.
bool Unquote(std::string_view lit, std::string* out) {
  out->clear();
  if (lit.size() < 2) return false;
  char quote = lit.front();
  if (lit.back() != quote) return false;
  std::string_view in = lit.substr(1, lit.size() - 2);
  if (quote == '`') {
    if (in.find('`') != std::string_view::npos) return false;
    for (char c : in) {
      if (c != '\r') out->push_back(c);
    }
    return true;
  }
  if (quote != '"') return false;
  size_t i = 0;
  while (i < in.size()) {
    char c = in[i];
    if (c == '"' || c == '\n') return false;
    if (c != '\\') {
      out->push_back(c);
      i++;
      continue;
    }
    if (++i >= in.size()) return false;
    char e = in[i++];
    switch (e) {
      case 'a': out->push_back('\a'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'v': out->push_back('\v'); break;
      case '\\': out->push_back('\\'); break;
      case '"': out->push_back('"'); break;
      case 'x':
      case 'u':
      case 'U': {
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (i + size_t(n) > in.size()) return false;
        int32_t v = 0;
        for (int k = 0; k < n; k++) {
          int h = HexValue(in[i + size_t(k)]);
          if (h < 0) return false;
          v = v * 16 + h;
        }
        i += size_t(n);
        if (e == 'x') {
          out->push_back(char(v));
        } else {
          if (!base::ValidRune(v)) return false;
          base::AppendRune(out, v);
        }
        break;
      }
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = e - '0';
        if (i + 2 > in.size()) return false;
        for (int k = 0; k < 2; k++) {
          char d = in[i++];
          if (d < '0' || d > '7') return false;
          v = v * 8 + (d - '0');
        }
        if (v > 255) return false;
        out->push_back(char(v));
        break;
      }
      default: return false;
    }
  }
  return true;
}

// IsValidImport reports whether the import path literal lit names a valid path:
// non-empty, graphic, no spaces and none of the characters the spec excludes.
bool IsValidImport(std::string_view lit) {
  std::string s;
  if (!Unquote(lit, &s)) s.clear();
  constexpr std::string_view kIllegal = "!\"#$%&'()*,:;<=>?[\\]^{|}`";
  std::string_view rest = s;
  while (!rest.empty()) {
    base::DecodedRune d = base::DecodeRune(rest);
    rest.remove_prefix(size_t(d.width));
    int32_t r = d.rune;
    // unicode.IsGraphic && !unicode.IsSpace == IsPrint minus ' ' (every Zs is a space).
    if (r == base::kRuneError || !base::IsPrint(r) || r == ' ') return false;
    if (r < 0x80 && kIllegal.find(char(r)) != std::string_view::npos) return false;
  }
  return !s.empty();
}

// IsTypeElem reports whether x is certainly a type element (not possibly a value).
// It loops down left operands: "a|b|c|..." chains can be deeper than the stack.
bool IsTypeElem(Expr* x) {
  for (;;) {
    switch (x->kind) {
      case NodeKind::ArrayType:
      case NodeKind::StructType:
      case NodeKind::FuncType:
      case NodeKind::InterfaceType:
      case NodeKind::MapType:
      case NodeKind::ChanType: return true;
      case NodeKind::BinaryExpr: {
        BinaryExpr* b = x->As<BinaryExpr>();
        if (IsTypeElem(b->Y)) return true;
        x = b->X;
        continue;
      }
      case NodeKind::UnaryExpr: return x->As<UnaryExpr>()->Op == Token::TILDE;
      case NodeKind::ParenExpr: x = x->As<ParenExpr>()->X; continue;
      default: return false;
    }
  }
}

}  // namespace

// ExtractName splits x into a type parameter name and its constraint if x can be
// read as "name constraint" (P *C, P *C|D, P(C), ...): when the constraint is
// certainly a type element, or when force is set. Just a name gives (name, null);
// no split gives (null, x).
static Ident* ExtractName(base::Arena& arena, Expr* x, bool force, Expr** type) {
  // "name lhs | y1 | y2 ...": walk down the '|' spine (iteratively: it may be very
  // long), forcing the split below once some right operand is a type element.
  std::vector<BinaryExpr*> spine;
  Expr* base_expr = x;
  bool base_force = force;
  while (BinaryExpr* b = DynCast<BinaryExpr>(base_expr)) {
    if (b->Op != Token::OR) break;
    spine.push_back(b);
    base_force = base_force || IsTypeElem(b->Y);
    base_expr = b->X;
  }
  Ident* name = nullptr;
  Expr* lhs = nullptr;
  switch (base_expr->kind) {
    case NodeKind::Ident: name = base_expr->As<Ident>(); break;
    case NodeKind::BinaryExpr: {
      BinaryExpr* b = base_expr->As<BinaryExpr>();
      Ident* id = DynCast<Ident>(b->X);
      if (b->Op == Token::MUL && id && (base_force || IsTypeElem(b->Y))) {
        StarExpr* s = NewNode<StarExpr>(arena);  // name *b.Y
        s->Star = b->OpPos;
        s->X = b->Y;
        name = id;
        lhs = s;
      }
      break;
    }
    case NodeKind::CallExpr: {
      CallExpr* c = base_expr->As<CallExpr>();
      Ident* id = DynCast<Ident>(c->Fun);
      if (id && c->Args.size == 1 && !c->Ellipsis.IsValid() &&
          (base_force || IsTypeElem(c->Args[0]))) {
        name = id;  // name "(" arg ")"
        lhs = c->Args[0];
      }
      break;
    }
    default: break;
  }
  if (spine.empty()) {
    *type = name ? lhs : x;
    return name;
  }
  if (!name || !lhs) {  // an '|' chain splits only if its leftmost operand does
    *type = x;
    return nullptr;
  }
  for (size_t i = spine.size(); i-- > 0;) {  // rebuild "lhs | y" bottom-up
    BinaryExpr* op = NewNode<BinaryExpr>(arena);
    *op = *spine[i];
    op->X = lhs;
    lhs = op;
  }
  *type = lhs;
  return name;
}

// ImportSpec = [ "." | PackageName ] ImportPath .
Spec* Parser::ParseImportSpec(CommentGroup* doc) {
  CheckPragma(TakePragma(), 0);
  Ident* ident = nullptr;
  if (tok_ == Token::PERIOD) {
    ident = NewIdent(pos_, ".");
    Next();
  } else if (tok_ == Token::IDENT) {
    ident = ParseIdent();
  }
  base::Pos pos = pos_;
  std::string_view path;
  // cmd/compile marks a path with scanner errors bad (the checker skips it).
  bool bad_path = compiler() && (tok_ != Token::STRING || tok_bad_);
  if (tok_ == Token::STRING) {
    path = lit_;
    // cmd/compile leaves the path's validity to the type checker.
    if (!compiler() && !IsValidImport(path)) {
      std::string msg = "invalid import path: ";
      msg += path;
      Error(pos, msg);
    }
    Next();
  } else if (compiler()) {
    CompilerBadImportPath();
  } else {
    Expect(Token::STRING);  // for the error
  }
  ExpectSemi();  // before reading line_comment_
  BasicLit* lit = New<BasicLit>();
  lit->ValuePos = pos;
  lit->Kind = bad_path ? Token::ILLEGAL : Token::STRING;
  lit->Value = path;
  ImportSpec* spec = New<ImportSpec>();
  spec->Doc = doc;
  spec->Name = ident;
  spec->Path = lit;
  spec->Comment = line_comment_;
  imports_.push_back(spec);
  return spec;
}

// ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] ;
// VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
Spec* Parser::ParseValueSpec(CommentGroup* doc, Token keyword, int iota) {
  base::Pos pos = pos_;
  Pragmas pragma = TakePragma();
  ValueSpec* spec = New<ValueSpec>();
  spec->Doc = doc;
  spec->Names = ParseIdentList();
  if (compiler() && keyword == Token::VAR && tok_ != Token::ASSIGN) {
    spec->Type = ParseType();  // cmd/compile: a type or "= values" must follow
  } else {
    spec->Type = TryIdentOrType();
  }
  if (tok_ == Token::ASSIGN) {  // always permitted, for more tolerant parsing
    Next();
    spec->Values = ParseList(true);
  }
  CheckPragma(pragma, 0, keyword == Token::VAR ? spec : nullptr);
  ExpectSemi();  // before reading line_comment_
  if (keyword == Token::VAR) {
    if (!spec->Type && spec->Values.empty()) Error(pos, "missing variable type or initialization");
  } else if (keyword == Token::CONST) {
    // cmd/compile leaves a missing value to the type checker.
    bool missing = spec->Values.empty() && (iota == 0 || spec->Type);
    if (missing && !compiler()) Error(pos, "missing constant value");
  }
  spec->Comment = line_comment_;
  return spec;
}

// ParseGenericType parses the rest of "type T[P C, ...] Type" after "[" (at open)
// and the first parameter name0 (and constraint typ0, if any).
void Parser::ParseGenericType(TypeSpec* spec, base::Pos open, Ident* name0, Expr* typ0) {
  List<Field> list = ParseParameterList(name0, typ0, Token::RBRACK);
  base::Pos close = Expect(Token::RBRACK);
  FieldList* tparams = New<FieldList>();
  tparams->Opening = open;
  tparams->List = list;
  tparams->Closing = close;
  spec->TypeParams = tparams;
  if (tok_ == Token::ASSIGN) {  // an alias: the type checker decides (go.dev/issue/46477)
    spec->Assign = pos_;
    Next();
  }
  spec->Type = ParseType();
}

// ParseCompilerTypeDeclType parses the type of a type declaration with cmd/compile's
// error for a missing one.
Expr* Parser::ParseCompilerTypeDeclType() {
  Expr* typ = TryIdentOrType();
  if (!typ) {
    typ = NewBadExpr(pos_, pos_);
    SyntaxError("in type declaration");
    AdvanceTo({Token::SEMICOLON, Token::RPAREN});
  }
  return typ;
}

// TypeSpec = AliasDecl | TypeDef ; TypeDef = identifier [ TypeParameters ] Type .
Spec* Parser::ParseTypeSpec(CommentGroup* doc) {
  Pragmas pragma = TakePragma();
  TypeSpec* spec = New<TypeSpec>();
  spec->Doc = doc;
  spec->Name = ParseIdent();
  if (tok_ == Token::LBRACK) {
    // An array or slice type, or a type parameter list.
    base::Pos lbrack = pos_;
    Next();
    if (tok_ == Token::IDENT) {
      // Parse an expression x and see whether it splits into a parameter name and
      // constraint. "name [" can only start a constraint ([]E): an index or slice
      // expression is never a constant array length.
      Expr* x = ParseIdent();
      if (tok_ != Token::LBRACK) {
        expr_lev_++;
        Expr* lhs = ParsePrimaryExpr(x);
        x = ParseBinaryExpr(lhs, kLowestPrec + 1, false);
        expr_lev_--;
      }
      // A lone name followed by "]" means an array length; a possible value
      // expression followed by "," means a type parameter list.
      Expr* ptype = nullptr;
      Ident* pname = ExtractName(arena_, x, tok_ == Token::COMMA, &ptype);
      if (pname && (ptype || tok_ != Token::RBRACK)) {
        ParseGenericType(spec, lbrack, pname, ptype);
      } else {
        spec->Type = ParseArrayType(lbrack, pname ? pname : x);
      }
    } else {
      spec->Type = ParseArrayType(lbrack, nullptr);
    }
  } else {
    if (tok_ == Token::ASSIGN) {  // type alias
      spec->Assign = pos_;
      Next();
    }
    spec->Type = compiler() ? ParseCompilerTypeDeclType() : ParseType();
  }
  CheckPragma(pragma, spec->Assign.IsValid() ? 0 : kPragmaNotInHeap);
  ExpectSemi();  // before reading line_comment_
  spec->Comment = line_comment_;
  return spec;
}

// GenDecl = keyword ( Spec | "(" { Spec ";" } ")" ) .
GenDecl* Parser::ParseGenDecl(Token keyword, SpecKind kind) {
  GenDecl* d = New<GenDecl>();
  d->Doc = lead_comment_;
  d->TokPos = Expect(keyword);
  d->Tok = keyword;
  auto spec = [&](CommentGroup* doc, int iota) -> Spec* {
    switch (kind) {
      case SpecKind::kImport: return ParseImportSpec(doc);
      case SpecKind::kValue: return ParseValueSpec(doc, keyword, iota);
      case SpecKind::kType: return ParseTypeSpec(doc);
    }
    return nullptr;
  };
  size_t mark = Mark();
  // Each type spec may open a scope that go/parser's resolver keeps until the end
  // of the declaration.
  int type_scopes = 0;
  auto count_scope = [&] {
    if (kind != SpecKind::kType) return;
    type_scopes++;
    if (++scope_depth_ > max_scope_depth_) max_scope_depth_ = scope_depth_;
  };
  if (tok_ == Token::LPAREN) {
    d->Lparen = pos_;
    if (compiler()) ClearPragma();  // before '(': a group takes no directive
    Next();
    {
      SemiListGuard semis(this, "grouped declaration", Token::RPAREN);
      for (int iota = 0; tok_ != Token::RPAREN && tok_ != Token::EOF_; iota++) {
        count_scope();
        Push(spec(lead_comment_, iota));
      }
    }
    d->Specs = Finish<Spec>(mark);
    d->Rparen = Expect(Token::RPAREN);
    ExpectSemi();
  } else {
    count_scope();
    Push(spec(nullptr, 0));
    d->Specs = Finish<Spec>(mark);
  }
  scope_depth_ -= type_scopes;
  return d;
}

// CompilerCheckRecv reports a receiver list that does not declare exactly one
// receiver, as cmd/compile's parser does (not a syntax error: type checking goes on),
// and keeps what it keeps: no receiver (a function) or the first one.
void Parser::CompilerCheckRecv(FuncDecl* d) {
  size_t n = 0;
  for (Field* f : d->Recv->List) n += f->Names.size > 0 ? f->Names.size : 1;
  if (n == 1) return;
  if (n == 0) {
    PlainError(pos_, "method has no receiver");
    d->Recv = nullptr;
    return;
  }
  PlainError(pos_, "method has multiple receivers");
  Field* first = d->Recv->List[0];
  if (first->Names.size > 1) first->Names.size = 1;
  d->Recv->List.size = 1;
}

// FunctionDecl = "func" [ Receiver ] FunctionName [ TypeParameters ] Signature [ FunctionBody ] .
FuncDecl* Parser::ParseFuncDecl() {
  ScopeGuard scope(this, 1);
  FuncDecl* d = New<FuncDecl>();
  d->Doc = lead_comment_;
  base::Pos pos = Expect(Token::FUNC);
  CheckPragma(TakePragma(), kPragmaFuncFlags);
  if (tok_ == Token::LPAREN) {
    FieldList* unused;
    ParseParameters(false, &unused, &d->Recv);
    if (compiler()) CompilerCheckRecv(d);
  }
  d->Name = ParseIdent();
  FieldList* tparams;
  FieldList* params;
  ParseParameters(true, &tparams, &params);
  if (d->Recv && tparams) {
    // Parsed for better errors and recovery, then dropped.
    Error(tparams->Opening, "method must have no type parameters");
    tparams = nullptr;
  }
  FuncType* type = New<FuncType>();
  type->Func = pos;
  type->TypeParams = tparams;
  type->Params = params;
  type->Results = ParseResult();
  d->Type = type;
  switch (tok_) {
    case Token::LBRACE:
      d->Body = ParseBody();
      ExpectSemi();
      break;
    case Token::SEMICOLON:
      Next();
      if (tok_ == Token::LBRACE) {
        // The opening { of the body on the next line.
        Error(pos_, "unexpected semicolon or newline before {");
        if (compiler()) {  // cmd/compile skips the body
          AdvanceTo({Token::CONST, Token::TYPE, Token::VAR, Token::FUNC});
          break;
        }
        d->Body = ParseBody();
        ExpectSemi();
      }
      break;
    default: ExpectSemi();
  }
  return d;
}

// Declaration = ConstDecl | TypeDecl | VarDecl ; TopLevelDecl adds FunctionDecl.
Decl* Parser::ParseDecl(const TokenSet& sync) {
  switch (tok_) {
    case Token::CONST:
    case Token::VAR: return ParseGenDecl(tok_, SpecKind::kValue);
    case Token::TYPE: return ParseGenDecl(tok_, SpecKind::kType);
    case Token::FUNC: return ParseFuncDecl();
    default: {
      base::Pos pos = pos_;
      if (compiler()) {
        SyntaxError("non-declaration statement outside function body");
        AdvanceTo({Token::CONST, Token::TYPE, Token::VAR, Token::FUNC});
      } else {
        ErrorExpected(pos, "declaration");
        Advance(sync);
      }
      BadDecl* d = New<BadDecl>();
      d->From = pos;
      d->To = pos_;
      return d;
    }
  }
}

// SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } .
File* Parser::ParseFile() {
  // Errors scanning the first token: likely not a Go file at all.
  if (ParserErrorSeen()) return nullptr;
  CommentGroup* doc = lead_comment_;
  if (compiler() && tok_ != Token::PACKAGE) {
    SyntaxError("package statement must be first");
    return nullptr;
  }
  base::Pos pos = Expect(Token::PACKAGE);
  CheckPragma(TakePragma(), kPragmaGoBuild);
  Ident* name = ParseIdent();
  ExpectSemi();
  // Errors in the package clause: likely not a Go file at all.
  if (ParserErrorSeen()) return nullptr;

  size_t mark = Mark();
  if (!(mode_ & kPackageClauseOnly)) {
    while (tok_ == Token::IMPORT) Push(ParseGenDecl(Token::IMPORT, SpecKind::kImport));
    if (!(mode_ & kImportsOnly)) {
      while (tok_ != Token::EOF_) Push(ParseDecl(kDeclStart));
      if (compiler()) ClearPragma();
    }
  }
  if (bailed_) return nullptr;
  File* f = New<File>();
  f->Doc = doc;
  f->Package = pos;
  f->Name = name;
  f->Decls = Finish<Decl>(mark);
  for (ImportSpec* s : imports_) Push(s);
  f->Imports = Finish<ImportSpec>(mark);
  for (CommentGroup* g : comments_) Push(g);
  f->Comments = Finish<CommentGroup>(mark);
  // go/parser's identifier resolution bails out on too deeply nested scopes.
  base::Pos deep;
  if (!(mode_ & kSkipObjectResolution) && ExceedsScopeDepth(f, &deep)) {
    errors_.Add(file_->PositionFor(deep, true), "exceeded max scope depth during object resolution");
    return nullptr;
  }
  return f;
}

}  // namespace gotool::syntax::internal
