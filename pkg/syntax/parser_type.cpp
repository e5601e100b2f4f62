// Parsing of identifiers and types: names, arrays, structs, parameters, interfaces,
// type instances.
#include "pkg/syntax/parser_internal.h"

namespace gotool::syntax::internal {

// Ident = identifier . (A missing identifier becomes "_".)
Ident* Parser::ParseIdent() {
  base::Pos pos = pos_;
  std::string_view name = "_";
  if (tok_ == Token::IDENT) {
    name = lit_;
    Next();
  } else {
    Expect(Token::IDENT);  // for the error
  }
  return NewIdent(pos, name);
}

// IdentifierList = identifier { "," identifier } .
List<Ident> Parser::ParseIdentList() {
  size_t mark = Mark();
  Push(ParseIdent());
  while (tok_ == Token::COMMA) {
    Next();
    Push(ParseIdent());
  }
  return Finish<Ident>(mark);
}

// ParseTypeOr parses a type; with kCompilerErrors, a missing type is reported as msg
// (cmd/compile's message for the context) without skipping tokens.
Expr* Parser::ParseTypeOr(std::string_view msg) {
  if (!compiler()) return ParseType();
  Expr* typ = TryIdentOrType();
  if (!typ) {
    typ = NewBadExpr(pos_, pos_);
    SyntaxError(msg);
  }
  return typ;
}

// Type = TypeName [ TypeArgs ] | TypeLit | "(" Type ")" .
Expr* Parser::ParseType() {
  Expr* typ = TryIdentOrType();
  if (!typ) {
    base::Pos pos = pos_;
    ErrorExpected(pos, "type");
    if (compiler()) {
      AdvanceTo(kExprEnd);
    } else {
      Advance(kExprEnd);
    }
    return NewBadExpr(pos, pos_);
  }
  return typ;
}

// QualifiedIdent = PackageName "." identifier [ TypeArgs ] .
Expr* Parser::ParseQualifiedIdent(Ident* ident) {
  Expr* typ = ParseTypeName(ident);
  if (tok_ == Token::LBRACK) typ = ParseTypeInstance(typ);
  return typ;
}

// TypeName = identifier | PackageName "." identifier .
Expr* Parser::ParseTypeName(Ident* ident) {
  if (!ident) ident = ParseIdent();
  if (tok_ != Token::PERIOD) return ident;
  Next();
  SelectorExpr* sel = New<SelectorExpr>();
  sel->X = ident;
  sel->Sel = ParseIdent();
  return sel;
}

// ArrayType = "[" ArrayLength "]" ElementType ; SliceType = "[" "]" ElementType .
// "[" is consumed (at lbrack); len, if not null, is the parsed length.
ArrayType* Parser::ParseArrayType(base::Pos lbrack, Expr* len) {
  if (!len) {
    expr_lev_++;
    if (tok_ == Token::ELLIPSIS) {  // always permitted, for better errors
      Ellipsis* e = New<Ellipsis>();
      e->Ellipsis = pos_;
      len = e;
      Next();
    } else if (tok_ != Token::RBRACK) {
      len = ParseRhs();
    }
    expr_lev_--;
  }
  if (tok_ == Token::COMMA) {
    // Trailing commas are fine in type parameter lists, not in array types.
    Error(pos_, "unexpected comma; expecting ]");
    Next();
  }
  Expect(Token::RBRACK);
  ArrayType* t = New<ArrayType>();
  t->Lbrack = lbrack;
  t->Len = len;
  t->Elt = ParseType();
  return t;
}

// ParseArrayFieldOrTypeInstance disambiguates "x [n]E" / "x []E" (a field x of array
// type: *name = x) from "x[P, Q]" (an instantiated embedded type: *name = null).
void Parser::ParseArrayFieldOrTypeInstance(Ident* x, Ident** name, Expr** type) {
  base::Pos lbrack = Expect(Token::LBRACK);
  size_t mark = Mark();
  if (tok_ != Token::RBRACK) {
    expr_lev_++;
    Push(ParseRhsOrType());
    while (tok_ == Token::COMMA) {
      Next();
      Push(ParseRhsOrType());
    }
    expr_lev_--;
  }
  base::Pos rbrack = Expect(Token::RBRACK);
  List<Expr> args = Finish<Expr>(mark);
  if (args.empty()) {  // x []E
    ArrayType* t = New<ArrayType>();
    t->Lbrack = lbrack;
    t->Elt = ParseType();
    *name = x;
    *type = t;
    return;
  }
  if (args.size == 1) {  // x [P]E or x[P]
    if (Expr* elt = TryIdentOrType()) {
      ArrayType* t = New<ArrayType>();
      t->Lbrack = lbrack;
      t->Len = args[0];
      t->Elt = elt;
      *name = x;
      *type = t;
      return;
    }
  }
  *name = nullptr;  // x[P], x[P1, P2], ...
  *type = PackIndexExpr(x, lbrack, args, rbrack);
}

// ParseCompilerEmbeddedType parses an embedded field's "*T" or "(T)" with
// cmd/compile's error for parentheses.
Expr* Parser::ParseCompilerEmbeddedType() {
  StarExpr* star = nullptr;
  if (tok_ == Token::MUL) {
    star = New<StarExpr>();
    star->Star = pos_;
    Next();
  }
  if (tok_ == Token::LPAREN) SyntaxError("cannot parenthesize embedded type");
  Expr* typ = ParseType();
  if (!star) return typ;
  star->X = typ;
  return star;
}

// FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ] .
Field* Parser::ParseFieldDecl() {
  CommentGroup* doc = lead_comment_;
  List<Ident> names;
  Expr* typ = nullptr;
  if (tok_ == Token::IDENT) {
    Ident* name = ParseIdent();
    if (tok_ == Token::PERIOD || tok_ == Token::STRING || tok_ == Token::SEMICOLON ||
        tok_ == Token::RBRACE) {
      typ = name;  // embedded type
      if (tok_ == Token::PERIOD) typ = ParseQualifiedIdent(name);
    } else {
      size_t mark = Mark();
      Push(name);
      while (tok_ == Token::COMMA) {
        Next();
        Push(ParseIdent());
      }
      // An embedded instance T[P1, P2] or a field T of array type []E or [P]E?
      if (Mark() - mark == 1 && tok_ == Token::LBRACK) {
        scratch_.resize(mark);
        Ident* field_name = nullptr;
        ParseArrayFieldOrTypeInstance(name, &field_name, &typ);
        if (field_name) names = One(field_name);
      } else {
        names = Finish<Ident>(mark);
        typ = ParseType();
      }
    }
  } else if (compiler()) {
    typ = ParseCompilerEmbeddedType();
  } else {
    typ = ParseType();  // embedded, possibly generic type
  }
  BasicLit* tag = nullptr;
  if (tok_ == Token::STRING) {
    tag = New<BasicLit>();
    tag->ValuePos = pos_;
    tag->Kind = tok_;
    tag->Value = lit_;
    Next();
  }
  ExpectSemi();  // before reading line_comment_
  Field* f = New<Field>();
  f->Doc = doc;
  f->Names = names;
  f->Type = typ;
  f->Tag = tag;
  f->Comment = line_comment_;
  return f;
}

// StructType = "struct" "{" { FieldDecl ";" } "}" .
StructType* Parser::ParseStructType() {
  ScopeGuard scope(this, 1);
  base::Pos pos = Expect(Token::STRUCT);
  base::Pos lbrace = Expect(Token::LBRACE);
  size_t mark = Mark();
  SemiListGuard semis(this, "struct type", Token::RBRACE);
  // A field cannot start with '(' but accepting it gives better errors.
  while (tok_ == Token::IDENT || tok_ == Token::MUL || tok_ == Token::LPAREN) {
    Push(ParseFieldDecl());
  }
  List<Field> list = Finish<Field>(mark);
  base::Pos rbrace = Expect(Token::RBRACE);
  FieldList* fields = New<FieldList>();
  fields->Opening = lbrace;
  fields->List = list;
  fields->Closing = rbrace;
  StructType* t = New<StructType>();
  t->Struct = pos;
  t->Fields = fields;
  return t;
}

// PointerType = "*" BaseType .
StarExpr* Parser::ParsePointerType() {
  StarExpr* t = New<StarExpr>();
  t->Star = Expect(Token::MUL);
  t->X = ParseType();
  return t;
}

// "..." Type (a variadic parameter).
Ellipsis* Parser::ParseDotsType() {
  Ellipsis* e = New<Ellipsis>();
  e->Ellipsis = Expect(Token::ELLIPSIS);
  e->Elt = ParseTypeOr("... is missing type");
  return e;
}

// ParameterDecl = [ IdentifierList ] [ "..." ] Type ; with type sets in type
// parameter lists. name, if not null, is an already parsed first identifier.
void Parser::ParseParamDecl(Ident* name, bool type_sets_ok, Ident** out_name, Expr** out_type) {
  Ident* f_name = nullptr;
  Expr* f_type = nullptr;
  Token ptok = tok_;
  if (name) {
    tok_ = Token::IDENT;  // take the IDENT case below
  } else if (type_sets_ok && tok_ == Token::TILDE) {
    *out_name = nullptr;
    *out_type = EmbeddedElem(nullptr);
    return;
  }
  switch (tok_) {
    case Token::IDENT:
      if (name) {
        f_name = name;
        tok_ = ptok;
      } else {
        f_name = ParseIdent();
      }
      switch (tok_) {
        case Token::IDENT: case Token::MUL: case Token::ARROW: case Token::FUNC:
        case Token::CHAN: case Token::MAP: case Token::STRUCT: case Token::INTERFACE:
        case Token::LPAREN:
          f_type = ParseType();  // name type
          break;
        case Token::LBRACK:  // name "[" type1, ..., typeN "]" or name "[" n "]" type
          ParseArrayFieldOrTypeInstance(f_name, &f_name, &f_type);
          break;
        case Token::ELLIPSIS:  // name "..." type
          *out_name = f_name;
          *out_type = ParseDotsType();
          return;
        case Token::PERIOD:  // name "." ...
          f_type = ParseQualifiedIdent(f_name);
          f_name = nullptr;
          break;
        case Token::TILDE:
          if (type_sets_ok) {
            *out_name = f_name;
            *out_type = EmbeddedElem(nullptr);
            return;
          }
          break;
        case Token::OR:
          if (type_sets_ok) {  // name "|" typeset
            *out_name = nullptr;
            *out_type = EmbeddedElem(f_name);
            return;
          }
          break;
        default:
          break;
      }
      break;
    case Token::MUL: case Token::ARROW: case Token::FUNC: case Token::LBRACK:
    case Token::CHAN: case Token::MAP: case Token::STRUCT: case Token::INTERFACE:
    case Token::LPAREN:
      f_type = ParseType();
      break;
    case Token::ELLIPSIS:  // "..." type
      *out_name = nullptr;
      *out_type = ParseDotsType();
      return;
    default:
      ErrorExpected(pos_, "')'");
      Advance(kExprEnd);
      break;
  }
  if (type_sets_ok && tok_ == Token::OR && f_type) f_type = EmbeddedElem(f_type);
  *out_name = f_name;
  *out_type = f_type;
}

// ParameterList = ParameterDecl { "," ParameterDecl } . The list is closed by
// closing (']' for type parameters); name0/typ0 are an already parsed first entry.
List<Field> Parser::ParseParameterList(Ident* name0, Expr* typ0, Token closing) {
  bool tparams = closing == Token::RBRACK;
  bool type_sets_ok = tparams;
  base::Pos pos = name0 ? name0->NamePos : pos_;
  size_t pmark = params_scratch_.size();
  size_t named = 0;  // parameters with an explicit name and type
  while (name0 || (tok_ != closing && tok_ != Token::EOF_)) {
    ParamScratch par{nullptr, nullptr};
    if (typ0) {
      if (type_sets_ok) typ0 = EmbeddedElem(typ0);
      par = ParamScratch{name0, typ0};
    } else {
      ParseParamDecl(name0, type_sets_ok, &par.name, &par.type);
    }
    name0 = nullptr;
    typ0 = nullptr;
    if (par.name || par.type) {
      params_scratch_.push_back(par);
      if (par.name && par.type) named++;
    }
    if (!AtComma("parameter list", closing)) break;
    Next();
  }
  size_t count = params_scratch_.size() - pmark;
  if (count == 0) return {};
  ParamScratch* list = params_scratch_.data() + pmark;

  // Distribute parameter types.
  if (named == 0) {
    // All unnamed: the names found are type names.
    for (size_t i = 0; i < count; i++) {
      if (list[i].name) {
        list[i].type = list[i].name;
        list[i].name = nullptr;
      }
    }
    if (tparams) Error(pos, "all type parameters must be named");
  } else if (named != count) {
    // Some named: all must be named.
    bool ok = true;
    Expr* typ = nullptr;
    base::Pos missing_name = pos;
    for (size_t i = count; i-- > 0;) {
      ParamScratch& par = list[i];
      if (par.type) {
        typ = par.type;
        if (!par.name) {
          ok = false;
          missing_name = NodePos(par.type);
          par.name = NewIdent(NodePos(typ), "_");
        }
      } else if (typ) {
        par.type = typ;
      } else {
        // Only a name and no type to its right.
        ok = false;
        missing_name = par.name->NamePos;
        par.type = NewBadExpr(par.name->NamePos, pos_);
      }
    }
    if (!ok) {
      if (tparams) {
        Error(missing_name, "all type parameters must be named");
      } else {
        // cmd/compile reports it at the left-most offending parameter.
        Error(compiler() ? missing_name : pos, "mixed named and unnamed parameters");
      }
    }
  }

  size_t fmark = Mark();
  if (named == 0) {
    for (size_t i = 0; i < count; i++) {
      Field* f = New<Field>();
      f->Type = list[i].type;
      Push(f);
    }
  } else {
    // Group consecutive names sharing one type expression into one Field.
    size_t i = 0;
    while (i < count) {
      size_t j = i + 1;
      while (j < count && list[j].type == list[i].type) j++;
      Ident** names = static_cast<Ident**>(arena_.Allocate((j - i) * sizeof(Ident*), alignof(Ident*)));
      for (size_t k = i; k < j; k++) names[k - i] = list[k].name;
      Field* f = New<Field>();
      f->Names = List<Ident>{names, uint32_t(j - i)};
      f->Type = list[i].type;
      Push(f);
      i = j;
    }
  }
  params_scratch_.resize(pmark);
  return Finish<Field>(fmark);
}

// Parameters = [ TypeParameters ] "(" [ ParameterList [ "," ] ] ")" .
void Parser::ParseParameters(bool accept_tparams, FieldList** tparams, FieldList** params) {
  *tparams = nullptr;
  if (accept_tparams && tok_ == Token::LBRACK) {
    base::Pos opening = pos_;
    Next();
    List<Field> list = ParseParameterList(nullptr, nullptr, Token::RBRACK);
    base::Pos rbrack = Expect(Token::RBRACK);
    if (list.empty()) {
      Error(rbrack, "empty type parameter list");  // and drop it
    } else {
      FieldList* tp = New<FieldList>();
      tp->Opening = opening;
      tp->List = list;
      tp->Closing = rbrack;
      *tparams = tp;
    }
  }
  base::Pos opening = Expect(Token::LPAREN);
  List<Field> fields;
  if (tok_ != Token::RPAREN) fields = ParseParameterList(nullptr, nullptr, Token::RPAREN);
  base::Pos rparen = Expect(Token::RPAREN);
  FieldList* fl = New<FieldList>();
  fl->Opening = opening;
  fl->List = fields;
  fl->Closing = rparen;
  *params = fl;
}

// Result = Parameters | Type .
FieldList* Parser::ParseResult() {
  if (tok_ == Token::LPAREN) {
    FieldList* tparams;
    FieldList* results;
    ParseParameters(false, &tparams, &results);
    return results;
  }
  Expr* typ = TryIdentOrType();
  if (!typ) return nullptr;
  Field* f = New<Field>();
  f->Type = typ;
  FieldList* fl = New<FieldList>();
  fl->List = One(f);
  return fl;
}

// FunctionType = "func" Signature .
FuncType* Parser::ParseFuncType() {
  ScopeGuard scope(this, 1);
  base::Pos pos = Expect(Token::FUNC);
  FieldList* tparams;
  FieldList* params;
  ParseParameters(true, &tparams, &params);
  if (tparams) Error(NodePos(tparams), "function type must have no type parameters");
  FuncType* t = New<FuncType>();
  t->Func = pos;
  t->Params = params;
  t->Results = ParseResult();
  return t;
}

// MethodSpec = MethodName Signature | InterfaceTypeName [ TypeArgs ] .
// The caller adds the line comment (the element may continue with '|').
Field* Parser::ParseMethodSpec() {
  ScopeGuard scope(this, 1);
  CommentGroup* doc = lead_comment_;
  List<Ident> idents;
  Expr* typ = nullptr;
  Expr* x = ParseTypeName(nullptr);
  if (Ident* ident = DynCast<Ident>(x)) {
    if (tok_ == Token::LBRACK) {
      // A generic method or an embedded instantiated type.
      base::Pos lbrack = pos_;
      Next();
      expr_lev_++;
      Expr* x0 = ParseExpr();
      expr_lev_--;
      Ident* name0 = DynCast<Ident>(x0);
      if (name0 && tok_ != Token::COMMA && tok_ != Token::RBRACK) {
        // m[T any](...): parsed for better errors and recovery.
        ParseParameterList(name0, nullptr, Token::RBRACK);
        Expect(Token::RBRACK);
        PlainError(lbrack, "interface method must have no type parameters");
        FieldList* tparams;
        FieldList* params;
        ParseParameters(false, &tparams, &params);
        FuncType* ft = New<FuncType>();
        ft->Params = params;
        ft->Results = ParseResult();
        idents = One(ident);
        typ = ft;
      } else {
        size_t mark = Mark();
        Push(x0);
        if (AtComma("type argument list", Token::RBRACK)) {
          expr_lev_++;
          Next();
          while (tok_ != Token::RBRACK && tok_ != Token::EOF_) {
            Push(ParseType());
            if (!AtComma("type argument list", Token::RBRACK)) break;
            Next();
          }
          expr_lev_--;
        }
        base::Pos rbrack = ExpectClosing(Token::RBRACK, "type argument list");
        typ = PackIndexExpr(ident, lbrack, Finish<Expr>(mark), rbrack);
      }
    } else if (tok_ == Token::LPAREN) {  // ordinary method
      FieldList* tparams;
      FieldList* params;
      ParseParameters(false, &tparams, &params);
      FuncType* ft = New<FuncType>();
      ft->Params = params;
      ft->Results = ParseResult();
      idents = One(ident);
      typ = ft;
    } else {
      typ = x;  // embedded type
    }
  } else {
    typ = x;  // embedded, possibly instantiated type
    if (tok_ == Token::LBRACK) typ = ParseTypeInstance(typ);
  }
  Field* f = New<Field>();
  f->Doc = doc;
  f->Names = idents;
  f->Type = typ;
  return f;
}

// EmbeddedElem = EmbeddedTerm { "|" EmbeddedTerm } . x, if not null, is the first term.
Expr* Parser::EmbeddedElem(Expr* x) {
  if (!x) x = EmbeddedTerm();
  while (tok_ == Token::OR) {
    BinaryExpr* t = New<BinaryExpr>();
    t->OpPos = pos_;
    t->Op = Token::OR;
    Next();
    t->X = x;
    t->Y = EmbeddedTerm();
    x = t;
  }
  return x;
}

// EmbeddedTerm = [ "~" ] Type .
Expr* Parser::EmbeddedTerm() {
  if (tok_ == Token::TILDE) {
    UnaryExpr* t = New<UnaryExpr>();
    t->OpPos = pos_;
    t->Op = Token::TILDE;
    Next();
    t->X = ParseType();
    return t;
  }
  Expr* t = TryIdentOrType();
  if (!t) {
    base::Pos pos = pos_;
    ErrorExpected(pos, "~ term or type");
    Advance(kExprEnd);
    return NewBadExpr(pos, pos_);
  }
  return t;
}

// InterfaceType = "interface" "{" { InterfaceElem ";" } "}" .
InterfaceType* Parser::ParseInterfaceType() {
  ScopeGuard scope(this, 1);
  base::Pos pos = Expect(Token::INTERFACE);
  base::Pos lbrace = Expect(Token::LBRACE);
  size_t mark = Mark();
  SemiListGuard semis(this, "interface type", Token::RBRACE);
  for (;;) {
    if (tok_ == Token::IDENT) {
      Field* f = ParseMethodSpec();
      if (f->Names.empty()) f->Type = EmbeddedElem(f->Type);
      ExpectSemi();
      f->Comment = line_comment_;
      Push(f);
    } else {
      Expr* typ = nullptr;
      if (tok_ == Token::TILDE) {
        typ = EmbeddedElem(nullptr);
      } else if (Expr* t = TryIdentOrType()) {
        typ = EmbeddedElem(t);
      } else {
        break;
      }
      ExpectSemi();
      Field* f = New<Field>();
      f->Type = typ;
      f->Comment = line_comment_;
      Push(f);
    }
  }
  List<Field> list = Finish<Field>(mark);
  base::Pos rbrace = Expect(Token::RBRACE);
  FieldList* methods = New<FieldList>();
  methods->Opening = lbrace;
  methods->List = list;
  methods->Closing = rbrace;
  InterfaceType* t = New<InterfaceType>();
  t->Interface = pos;
  t->Methods = methods;
  return t;
}

// MapType = "map" "[" KeyType "]" ElementType .
MapType* Parser::ParseMapType() {
  MapType* t = New<MapType>();
  t->Map = Expect(Token::MAP);
  Expect(Token::LBRACK);
  t->Key = ParseType();
  Expect(Token::RBRACK);
  t->Value = ParseType();
  return t;
}

// ChannelType = ( "chan" | "chan" "<-" | "<-" "chan" ) ElementType .
ChanType* Parser::ParseChanType() {
  ChanType* t = New<ChanType>();
  t->Begin = pos_;
  t->Dir = kChanSend | kChanRecv;
  if (tok_ == Token::CHAN) {
    Next();
    if (tok_ == Token::ARROW) {
      t->Arrow = pos_;
      Next();
      t->Dir = kChanSend;
    }
  } else {
    t->Arrow = Expect(Token::ARROW);
    Expect(Token::CHAN);
    t->Dir = kChanRecv;
  }
  // cmd/compile assumes an absent element type and does not skip.
  t->Value = ParseTypeOr("missing channel element type");
  return t;
}

// TypeArgs = "[" TypeList [ "," ] "]" .
Expr* Parser::ParseTypeInstance(Expr* typ) {
  base::Pos opening = Expect(Token::LBRACK);
  expr_lev_++;
  size_t mark = Mark();
  while (tok_ != Token::RBRACK && tok_ != Token::EOF_) {
    Push(ParseType());
    if (!AtComma("type argument list", Token::RBRACK)) break;
    Next();
  }
  expr_lev_--;
  List<Expr> list = Finish<Expr>(mark);
  base::Pos closing = ExpectClosing(Token::RBRACK, "type argument list");
  if (list.empty()) {
    ErrorExpected(closing, "type argument list");
    IndexExpr* x = New<IndexExpr>();
    x->X = typ;
    x->Lbrack = opening;
    x->Index = NewBadExpr(opening + 1, closing);
    x->Rbrack = closing;
    return x;
  }
  return PackIndexExpr(typ, opening, list, closing);
}

// TryIdentOrType parses a type if one starts here, or returns null.
Expr* Parser::TryIdentOrType() {
  NestGuard guard(this);
  switch (tok_) {
    case Token::IDENT: {
      Expr* typ = ParseTypeName(nullptr);
      if (tok_ == Token::LBRACK) typ = ParseTypeInstance(typ);
      return typ;
    }
    case Token::LBRACK: {
      base::Pos lbrack = Expect(Token::LBRACK);
      return ParseArrayType(lbrack, nullptr);
    }
    case Token::STRUCT: return ParseStructType();
    case Token::MUL: return ParsePointerType();
    case Token::FUNC: return ParseFuncType();
    case Token::INTERFACE: return ParseInterfaceType();
    case Token::MAP: return ParseMapType();
    case Token::CHAN:
    case Token::ARROW: return ParseChanType();
    case Token::LPAREN: {
      ParenExpr* x = New<ParenExpr>();
      x->Lparen = pos_;
      Next();
      x->X = ParseType();
      x->Rparen = Expect(Token::RPAREN);
      return x;
    }
    default: return nullptr;
  }
}

// PackIndexExpr makes x[args] an IndexExpr (one argument) or an IndexListExpr.
Expr* Parser::PackIndexExpr(Expr* x, base::Pos lbrack, List<Expr> args, base::Pos rbrack) {
  if (args.size == 1) {
    IndexExpr* e = New<IndexExpr>();
    e->X = x;
    e->Lbrack = lbrack;
    e->Index = args[0];
    e->Rbrack = rbrack;
    return e;
  }
  IndexListExpr* e = New<IndexListExpr>();
  e->X = x;
  e->Lbrack = lbrack;
  e->Indices = args;
  e->Rbrack = rbrack;
  return e;
}

}  // namespace gotool::syntax::internal
