// cmd/compile's syntax errors (kCompilerErrors): the wording, positions, recovery and
// filtering of Go 1.19's cmd/compile/internal/syntax parser and of base.ErrorfAt.
#include <algorithm>
#include <string>

#include "pkg/syntax/parser_internal.h"

namespace gotool::syntax::internal {
namespace {

// kCompilerStopSet holds the keywords that start a statement: cmd/compile's
// recovery does not skip them inside a function.
constexpr TokenSet kCompilerStopSet = {
    Token::BREAK,  Token::CONST,  Token::CONTINUE, Token::DEFER, Token::FALLTHROUGH,
    Token::FOR,    Token::GO,     Token::GOTO,     Token::IF,    Token::RETURN,
    Token::SELECT, Token::SWITCH, Token::TYPE,     Token::VAR};

bool StartsWith(std::string_view s, std::string_view prefix) { return s.starts_with(prefix); }

// ExpectingName turns go/parser's name of an expected thing ("'IDENT'", "operand",
// "';'") into cmd/compile's ("name", "expression", "semicolon or newline").
std::string ExpectingName(std::string_view what) {
  if (what == "'IDENT'") return "name";
  if (what == "operand") return "expression";
  if (what == "';'") return "semicolon or newline";
  if (what == "','") return "comma";
  if (what.size() >= 2 && what.front() == '\'' && what.back() == '\'') {
    return std::string(what.substr(1, what.size() - 2));
  }
  return std::string(what);
}

}  // namespace

// CompilerNewlinePos returns where cmd/compile places the automatic semicolon that
// go/scanner places at semi: at the newline after a line comment or a one-line
// general comment, at a general comment spanning lines, at EOF.
base::Pos Parser::CompilerNewlinePos(base::Pos semi) const {
  size_t size = src_.size();
  size_t i = size_t(file_->Offset(semi));
  while (i < size) {
    char c = src_[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      i++;
    } else if (src_.substr(i, 2) == "//") {
      i = src_.find('\n', i);
      if (i == std::string_view::npos) i = size;
      break;
    } else if (src_.substr(i, 2) == "/*") {
      size_t end = src_.find("*/", i + 2);
      if (end == std::string_view::npos ||
          src_.substr(i, end - i).find('\n') != std::string_view::npos) {
        break;
      }
      i = end + 2;
    } else {
      break;
    }
  }
  return file_->PosAt(int(std::min(i, size)));
}

// CompilerTokenString names the current token as cmd/compile's syntaxErrorAt does.
std::string Parser::CompilerTokenString() const {
  switch (tok_) {
    case Token::IDENT:
      return std::string(lit_);
    case Token::SEMICOLON:
      if (lit_ == ";") return "semicolon";
      return file_->Offset(pos_) >= int(src_.size()) ? "EOF" : "newline";
    case Token::INT:
    case Token::FLOAT:
    case Token::IMAG:
    case Token::CHAR:
    case Token::STRING:
      return "literal " + std::string(lit_);
    case Token::COMMA:
      return "comma";
    default:
      return std::string(TokenString(tok_));
  }
}

void Parser::AddCompilerError(base::Pos pos, std::string msg) {
  if (bailed_) return;
  base::Position epos = file_->PositionFor(pos, true);
  if (file_->Offset(pos) == int(src_.size()) && src_.ends_with('\n')) {
    // cmd/compile's EOF after a final newline starts a line of its own.
    epos.line++;
    epos.column = 1;
  }
  if (StartsWith(msg, "syntax error")) {
    // Only one syntax error per line, whatever the error.
    if (epos.line == last_syntax_line_) return;
    last_syntax_line_ = epos.line;
  } else {
    // Only one of several equal other errors per line.
    if (epos.line == last_other_line_ && msg == last_other_msg_) return;
    last_other_line_ = epos.line;
    last_other_msg_ = msg;
  }
  errors_.Add(std::move(epos), std::move(msg));
}

void Parser::SyntaxError(base::Pos pos, std::string_view msg) {
  // At EOF after an error, further errors are meaningless follow-ups.
  if (tok_ == Token::EOF_ && ParserErrorSeen()) return;
  std::string text = "syntax error: ";
  if (StartsWith(msg, "in ") || StartsWith(msg, "at ") || StartsWith(msg, "after ")) {
    text += "unexpected " + CompilerTokenString() + " " + std::string(msg);
  } else if (StartsWith(msg, "expecting ")) {
    text += "unexpected " + CompilerTokenString() + ", " + std::string(msg);
  } else {
    text += msg;
  }
  AddCompilerError(pos, std::move(text));
}

// CompilerExpected reports that what was expected, naming the current token.
void Parser::CompilerExpected(base::Pos pos, std::string_view what) {
  SyntaxError(pos == pos_ ? pos_ : pos, "expecting " + ExpectingName(what));
}

// CompilerExpectSemi ends a statement, a declaration or a grouped spec as
// cmd/compile does, with its message and recovery for a missing semicolon.
void Parser::CompilerExpectSemi() {
  // The end of a declaration or statement: directives not taken are misplaced.
  if (semi_list_.empty()) ClearPragma();
  if (tok_ == Token::SEMICOLON) {
    Next();
    return;
  }
  // Optional before a closing ')' or '}' of a list or block, not at top level.
  if (tok_ == Token::EOF_) return;
  bool in_list = func_depth_ > 0 || !semi_list_.empty();
  if (in_list && (tok_ == Token::RPAREN || tok_ == Token::RBRACE)) return;
  if (!semi_list_.empty()) {
    SyntaxError("in " + std::string(semi_list_) + "; possibly missing semicolon or newline or " +
                std::string(TokenString(semi_close_)));
    AdvanceTo({Token::RPAREN, Token::RBRACK, Token::RBRACE});
    list_aborted_ = true;
  } else if (func_depth_ > 0) {
    SyntaxError("at end of statement");
    AdvanceTo({Token::SEMICOLON, Token::RBRACE, Token::CASE, Token::DEFAULT});
    if (tok_ == Token::SEMICOLON) Next();
  } else {
    SyntaxError("after top level declaration");
    AdvanceTo({Token::CONST, Token::TYPE, Token::VAR, Token::FUNC});
  }
}

// AdvanceTo skips tokens up to one of followset, a statement keyword inside a
// function, or EOF (cmd/compile's advance).
void Parser::AdvanceTo(const TokenSet& followset) {
  while (tok_ != Token::EOF_ && !followset.Has(tok_) &&
         !(func_depth_ > 0 && kCompilerStopSet.Has(tok_))) {
    Next();
  }
}

// CompilerBadImportPath reports an import path that is not a string literal.
void Parser::CompilerBadImportPath() {
  if (IsLiteral(tok_) && tok_ != Token::IDENT) {
    Next();
    SyntaxError("import path must be a string");
  } else {
    SyntaxError("missing import path");
    AdvanceTo({Token::SEMICOLON, Token::RPAREN});
  }
}

// CheckCompilerCall checks the expression x of a go or defer statement as
// cmd/compile does: not parenthesized, a call.
CallExpr* Parser::CheckCompilerCall(Expr* x, std::string_view call_type) {
  std::string in = "expression in " + std::string(call_type);
  if (Expr* t = Unparen(x); t != x) {
    PlainError(CompilerExprPos(x), in + " must not be parenthesized");
    x = t;
  }
  if (CallExpr* call = DynCast<CallExpr>(x)) return call;
  PlainError(CompilerExprPos(x), in + " must be function call");
  // As cmd/compile, keep x as the callee so that what it uses counts as used.
  CallExpr* call = New<CallExpr>();
  call->Fun = x;
  call->Lparen = call->Rparen = SafePos(NodeEnd(x));
  return call;
}

// CheckCompilerSlice3 reports the missing indices of a 3-index slice x[i:j:k] as
// cmd/compile does, at the token after the place of each.
void Parser::CheckCompilerSlice3(Expr** index, const base::Pos* colons, base::Pos rbrack) {
  if (!index[1]) {
    PlainError(colons[1], "middle index required in 3-index slice");
    index[1] = NewBadExpr(colons[1], colons[1]);
  }
  if (!index[2]) {
    PlainError(rbrack, "final index required in 3-index slice");
    index[2] = NewBadExpr(rbrack, rbrack);
  }
}

// CompilerListError reports a list element not followed by a comma or the closing
// token, and skips to a closing token, as cmd/compile's list does.
void Parser::CompilerListError(std::string_view context, Token close) {
  SyntaxError("in " + std::string(context) + "; possibly missing comma or " +
              std::string(TokenString(close)));
  AdvanceTo({Token::RPAREN, Token::RBRACK, Token::RBRACE});
  list_aborted_ = true;
}

// CompilerScanMessage words a scanner error as cmd/compile's scanner does.
std::string Parser::CompilerScanMessage(std::string_view msg) {
  if (msg == "illegal byte order mark") return "invalid BOM in the middle of the file";
  if (msg == "unknown escape sequence") return "unknown escape";
  constexpr std::string_view kIllegal = "illegal character ";
  if (StartsWith(msg, kIllegal) && msg.find(" in escape") == std::string_view::npos) {
    return "invalid character " + std::string(msg.substr(kIllegal.size()));
  }
  return std::string(msg);
}

}  // namespace gotool::syntax::internal

namespace gotool::syntax {

bool HasSyntaxError(const base::ErrorList& errors) {
  for (const base::PositionedError& e : errors) {
    if (e.msg.starts_with("syntax error")) return true;
  }
  return false;
}

}  // namespace gotool::syntax
