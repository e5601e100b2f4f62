// go.mod lexer and parser: tokens, lines and blocks, then comment assignment.
#include <fmt/core.h>

#include <algorithm>
#include <array>

#include "modcache/modfile_internal.h"
#include "modcache/module.h"
#include "pkg/base/utf8.h"

namespace gotool::modcache::modfile {
namespace {

// Token kinds: punctuation and newline are their ASCII codes.
enum TokenKind : int {
  kEOF = -1,
  kEOLComment = -2,
  kIdent = -3,
  kString = -4,
  kComment = -5,
};

bool IsEOL(int k) { return k == kEOF || k == kEOLComment || k == '\n'; }

// Token is one token; its text is a view into the file's data, copied only into the
// syntax tree.
struct Token {
  int kind = kEOF;
  Position pos, end_pos;
  std::string_view text;
};

// SyntaxError unwinds the parser on the first lexical or syntax error.
struct SyntaxError {};

bool IsIdentRune(int32_t c) {
  if (c >= 0 && c < 0x80)
    return c > ' ' && c < 0x7f && c != '(' && c != ')' && c != '[' && c != ']' && c != '{' &&
           c != '}' && c != ',';
  switch (c) {
    case ' ':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case ',':
      return false;
    default:
      return base::IsPrint(c);
  }
}

// kIdentASCII marks the printable ASCII bytes that continue an identifier without
// a closer look: all but space, the punctuation tokens and '/', which may start a
// comment.
constexpr auto kIdentASCII = [] {
  std::array<bool, 256> t{};
  for (int c = 0x21; c < 0x7f; ++c) t[c] = true;
  for (char c : std::string_view("()[]{},/")) t[static_cast<unsigned char>(c)] = false;
  return t;
}();

// Input is the state of one parse: the lexer, the statements so far, the comments.
class Input {
 public:
  Input(std::string_view filename, std::string_view data) : filename_(filename), data_(data) {
    pos_ = {1, 1, 0};
  }

  // Parse parses the file into *out (an empty FileSyntax); on a syntax error it
  // returns false and appends the error to *errs.
  bool Parse(FileSyntax* out, std::vector<Error>* errs) {
    file_ = out;
    file_->stmt.reserve(8);  // module, go, a few requirement blocks: one allocation
    try {
      ReadToken();
      ParseFile();
    } catch (const SyntaxError&) {
      errs->push_back(error_);
      return false;
    }
    file_->name = filename_;
    AssignComments();
    return true;
  }

 private:
  [[noreturn]] void Fail(std::string msg) {
    error_ = Error{filename_, pos_, "", "", std::move(msg)};
    throw SyntaxError{};
  }

  bool Eof() const { return static_cast<std::size_t>(pos_.byte) >= data_.size(); }
  std::string_view Remaining() const { return data_.substr(pos_.byte); }
  // Rune decodes the rune at the current position; ASCII, nearly every byte of a
  // go.mod file, is taken as is.
  base::DecodedRune Rune() const {
    auto c = static_cast<unsigned char>(data_[pos_.byte]);
    if (c < 0x80) return {static_cast<int32_t>(c), 1};
    return base::DecodeRune(Remaining());
  }
  int32_t PeekRune() const { return Eof() ? 0 : Rune().rune; }
  bool PeekPrefix(std::string_view p) const { return Remaining().starts_with(p); }

  int32_t ReadRune() {
    if (Eof()) Fail("internal lexer error: readRune at EOF");
    base::DecodedRune d = Rune();
    if (d.rune == '\n') {
      ++pos_.line;
      pos_.line_rune = 1;
    } else {
      ++pos_.line_rune;
    }
    pos_.byte += d.width;
    return d.rune;
  }

  void StartToken() {
    token_start_ = pos_.byte;
    token_.text = {};
    token_.pos = pos_;
  }

  void EndToken(int kind) {
    token_.kind = kind;
    std::string_view text = data_.substr(token_start_, pos_.byte - token_start_);
    if (kind == kComment || kind == kEOLComment) {
      if (text.ends_with("\r\n"))
        text.remove_suffix(2);
      else if (text.ends_with("\n"))
        text.remove_suffix(1);
    }
    token_.text = text;
    token_.end_pos = pos_;
  }

  Token Lex() {
    Token t = token_;
    ReadToken();
    return t;
  }

  int Peek() const { return token_.kind; }

  // ReadComment lexes a // comment; a comment alone on its line is a token for the
  // parser, one after other text is kept for assignment to the syntax before it.
  void ReadComment() {
    StartToken();
    std::size_t nl = data_.substr(0, pos_.byte).rfind('\n');
    std::size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
    std::string_view before = data_.substr(line_start, pos_.byte - line_start);
    bool suffix = before.find_first_not_of(" \t\r\n\v\f") != std::string_view::npos;
    ReadRune();
    ReadRune();
    while (!Eof() && ReadRune() != '\n') {
    }
    if (!suffix) {
      EndToken(kComment);
      return;
    }
    EndToken(kEOLComment);
    comments_.push_back(Comment{token_.pos, std::string(token_.text), true});
  }

  void ReadString(int32_t quote) {
    ReadRune();
    for (;;) {
      if (Eof()) {
        pos_ = token_.pos;
        Fail("unexpected EOF in string");
      }
      if (PeekRune() == '\n') Fail("unexpected newline in string");
      int32_t c = ReadRune();
      if (c == quote) break;
      if (c == '\\' && quote != '`') {
        if (Eof()) {
          pos_ = token_.pos;
          Fail("unexpected EOF in string");
        }
        ReadRune();
      }
    }
    EndToken(kString);
  }

  void ReadToken() {
    while (!Eof()) {
      int32_t c = PeekRune();
      if (c == ' ' || c == '\t' || c == '\r') {
        ReadRune();
        continue;
      }
      if (PeekPrefix("//")) {
        ReadComment();
        return;
      }
      if (PeekPrefix("/*")) Fail("mod files must use // comments (not /* */ comments)");
      break;
    }
    StartToken();
    if (Eof()) {
      EndToken(kEOF);
      return;
    }
    int32_t c = PeekRune();
    switch (c) {
      case '\n':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case ',':
        ReadRune();
        EndToken(c);
        return;
      case '"':
      case '`':
        ReadString(c);
        return;
      default:
        break;
    }
    if (!IsIdentRune(c)) Fail("unexpected input character " + module::QuoteRune(c));
    for (;;) {
      // Plain ASCII identifier bytes, nearly all of them, without decoding; '/' may
      // start a comment and goes the slow way.
      if (!Eof()) {
        if (kIdentASCII[static_cast<unsigned char>(data_[pos_.byte])]) {
          ++pos_.byte;
          ++pos_.line_rune;
          continue;
        }
      }
      if (!IsIdentRune(PeekRune())) break;
      if (PeekPrefix("//")) break;
      if (PeekPrefix("/*")) Fail("mod files must use // comments (not /* */ comments)");
      ReadRune();
    }
    EndToken(kIdent);
  }

  // File = { Stmt | CommentBlock | "\n" } .
  void ParseFile() {
    std::shared_ptr<CommentBlock> cb;
    for (;;) {
      switch (Peek()) {
        case '\n':
          Lex();
          if (cb) file_->stmt.push_back(std::move(cb)), cb = nullptr;
          break;
        case kComment: {
          Token t = Lex();
          if (!cb) cb = std::make_shared<CommentBlock>(CommentBlock{{}, t.pos});
          cb->comments.before.push_back(Comment{t.pos, std::string(t.text), false});
          break;
        }
        case kEOF:
          if (cb) file_->stmt.push_back(std::move(cb));
          return;
        default:
          ParseStmt();
          if (cb) {
            CommentsOf(file_->stmt.back()).before = std::move(cb->comments.before);
            cb = nullptr;
          }
      }
    }
  }

  // Stmt = Line | verb... "(" "\n" { Line } ")" .
  void ParseStmt() {
    Token t = Lex();
    Position start = t.pos, end = t.end_pos;
    std::vector<std::string> tokens;
    tokens.reserve(4);  // "require path version" and a few more
    tokens.emplace_back(t.text);
    for (;;) {
      Token tok = Lex();
      if (IsEOL(tok.kind)) {
        auto line = std::make_shared<Line>();
        line->start = start;
        line->token = std::move(tokens);
        line->end = end;
        file_->stmt.push_back(std::move(line));
        return;
      }
      if (tok.kind == '(') {
        int next = Peek();
        if (IsEOL(next)) {
          file_->stmt.push_back(ParseLineBlock(start, std::move(tokens), tok));
          return;
        }
        if (next == ')') {
          Token rparen = Lex();
          if (IsEOL(Peek())) {
            Lex();
            auto block = std::make_shared<LineBlock>();
            block->start = start;
            block->token = std::move(tokens);
            block->lparen.pos = tok.pos;
            block->rparen.pos = rparen.pos;
            file_->stmt.push_back(block);
            return;
          }
          tokens.emplace_back(tok.text);
          tokens.emplace_back(rparen.text);
        } else {
          tokens.emplace_back(tok.text);
        }
        continue;
      }
      tokens.emplace_back(tok.text);
      end = tok.end_pos;
    }
  }

  std::shared_ptr<LineBlock> ParseLineBlock(Position start, std::vector<std::string> tokens,
                                            const Token& lparen) {
    auto x = std::make_shared<LineBlock>();
    x->start = start;
    x->token = std::move(tokens);
    x->lparen.pos = lparen.pos;
    std::vector<Comment> comments;
    for (;;) {
      switch (Peek()) {
        case kEOLComment:
          Lex();
          break;
        case '\n':
          // A run of blank lines is kept as one empty comment.
          Lex();
          if ((comments.empty() && !x->line.empty()) ||
              (!comments.empty() && !comments.back().token.empty()))
            comments.push_back(Comment{});
          break;
        case kComment: {
          Token t = Lex();
          comments.push_back(Comment{t.pos, std::string(t.text), false});
          break;
        }
        case kEOF:
          Fail(fmt::format("syntax error (unterminated block started at {}:{}:{})", filename_,
                           x->start.line, x->start.line_rune));
        case ')': {
          Token rparen = Lex();
          x->rparen.comments.before = std::move(comments);
          x->rparen.pos = rparen.pos;
          if (!IsEOL(Peek())) Fail("syntax error (expected newline after closing paren)");
          Lex();
          return x;
        }
        default: {
          auto l = ParseLine();
          l->comments.before = std::move(comments);
          comments.clear();
          x->line.push_back(std::move(l));
        }
      }
    }
  }

  std::shared_ptr<Line> ParseLine() {
    Token t = Lex();
    if (IsEOL(t.kind)) Fail("internal parse error: parseLine at end of line");
    auto l = std::make_shared<Line>();
    l->start = t.pos;
    l->end = t.end_pos;
    l->token.reserve(2);  // "path version"
    l->token.emplace_back(t.text);
    l->in_block = true;
    for (;;) {
      Token tok = Lex();
      if (IsEOL(tok.kind)) return l;
      l->token.emplace_back(tok.text);
      l->end = tok.end_pos;
    }
  }

  // Node is one element in the pre- and post-order lists used to place comments.
  struct Node {
    Comments* comments;
    Position start, end;
    bool is_file;
  };

  static Position AddParen(Position p) { return {p.line, p.line_rune + 1, p.byte + 1}; }

  void Order(std::vector<Node>* pre, std::vector<Node>* post) {
    pre->push_back({&file_->comments, {}, {}, true});
    for (const Stmt& s : file_->stmt) {
      if (auto* cb = std::get_if<std::shared_ptr<CommentBlock>>(&s)) {
        Node n{&(*cb)->comments, (*cb)->start, (*cb)->start, false};
        pre->push_back(n), post->push_back(n);
      } else if (auto* l = std::get_if<std::shared_ptr<Line>>(&s)) {
        Node n{&(*l)->comments, (*l)->start, (*l)->end, false};
        pre->push_back(n), post->push_back(n);
      } else {
        LineBlock& b = *std::get<std::shared_ptr<LineBlock>>(s);
        Node block{&b.comments, b.start, AddParen(b.rparen.pos), false};
        pre->push_back(block);
        Node lp{&b.lparen.comments, b.lparen.pos, AddParen(b.lparen.pos), false};
        pre->push_back(lp), post->push_back(lp);
        for (auto& l : b.line) {
          Node n{&l->comments, l->start, l->end, false};
          pre->push_back(n), post->push_back(n);
        }
        Node rp{&b.rparen.comments, b.rparen.pos, AddParen(b.rparen.pos), false};
        pre->push_back(rp), post->push_back(rp);
        post->push_back(block);
      }
    }
    post->push_back({&file_->comments, {}, {}, true});
  }

  // AssignComments attaches each whole-line comment to the syntax that follows it and
  // each end-of-line comment to the syntax that ends before it on the same line.
  void AssignComments() {
    // Whole-line comments went to their statements while parsing; only end-of-line
    // ones are left, and most go.mod files have none.
    if (comments_.empty()) return;
    std::vector<Node> pre, post;
    Order(&pre, &post);
    std::vector<Comment> line, suffix;
    for (const Comment& c : comments_) (c.suffix ? suffix : line).push_back(c);
    std::size_t li = 0;
    for (Node& n : pre) {
      if (n.is_file) continue;  // the file's span starts at its first statement
      while (li < line.size() && n.start.byte >= line[li].start.byte)
        n.comments->before.push_back(line[li++]);
    }
    for (; li < line.size(); ++li) file_->comments.after.push_back(line[li]);
    for (auto it = post.rbegin(); it != post.rend(); ++it) {
      if (it->is_file || it->start.line != it->end.line) continue;
      while (!suffix.empty() && it->end.byte <= suffix.back().start.byte) {
        it->comments->suffix.push_back(suffix.back());
        suffix.pop_back();
      }
    }
    for (Node& n : post) std::reverse(n.comments->suffix.begin(), n.comments->suffix.end());
    for (Comment& c : suffix) file_->comments.before.push_back(c);
  }

  std::string filename_;
  std::string_view data_;
  Position pos_;
  std::size_t token_start_ = 0;
  Token token_;
  std::vector<Comment> comments_;
  FileSyntax* file_ = nullptr;
  Error error_;
};

}  // namespace

std::unique_ptr<FileSyntax> ParseSyntax(std::string_view filename, std::string_view data,
                                        std::vector<Error>* errs) {
  auto f = std::make_unique<FileSyntax>();
  if (!ParseSyntaxInto(filename, data, f.get(), errs)) return nullptr;
  return f;
}

bool ParseSyntaxInto(std::string_view filename, std::string_view data, FileSyntax* out,
                     std::vector<Error>* errs) {
  return Input(filename, data).Parse(out, errs);
}

}  // namespace gotool::modcache::modfile
