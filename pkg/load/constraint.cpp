// Build constraints: //go:build parsing, // +build lines and evaluation.
#include "pkg/load/constraint.h"

#include <string>

#include "pkg/base/utf8.h"

namespace gotool::load {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// TagLength returns the length of the tag (letters, digits, '_' and '.') at the start
// of s.
size_t TagLength(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    base::DecodedRune r = base::DecodeRune(s.substr(i));
    if (!base::IsLetter(r.rune) && !base::IsDigit(r.rune) && r.rune != '_' && r.rune != '.') break;
    i += size_t(r.width);
  }
  return i;
}

// SplitDirective strips an optional final newline and rejects multi-line input; for
// //go:build it checks the prefix, for // +build it first drops "//" and spaces. A
// space or the end must follow the prefix; *expr is the trimmed rest.
bool SplitDirective(std::string_view line, std::string_view prefix, bool plus_build,
                    std::string_view* expr) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (line.find('\n') != std::string_view::npos) return false;
  if (plus_build) {
    if (!line.starts_with("//")) return false;
    line = TrimSpace(line.substr(2));
  } else {
    if (!line.starts_with(prefix)) return false;
    line = TrimSpace(line);
  }
  if (!line.starts_with(prefix)) return false;
  line.remove_prefix(prefix.size());
  std::string_view trim = TrimSpace(line);
  if (line.size() == trim.size() && !line.empty()) return false;
  *expr = trim;
  return true;
}

// ExprParser parses a //go:build expression by recursive descent:
//   or  = and { "||" and }
//   and = not { "&&" not }
//   not = "!" atom | atom
//   atom = tag | "(" or ")"
class ExprParser {
 public:
  ExprParser(std::string_view s, Constraint* out) : s_(s), out_(out) {}

  bool Parse(std::string* err) {
    int x = Or();
    if (failed_) return Fail(err);
    if (!tok_.empty()) {
      error_ = "unexpected token " + std::string(tok_);
      return Fail(err);
    }
    return x >= 0;
  }

 private:
  bool Fail(std::string* err) {
    *err = error_;
    return false;
  }
  void SetError(std::string msg) {
    if (!failed_) error_ = std::move(msg);
    failed_ = true;
  }

  int Or() {
    int x = And();
    while (!failed_ && tok_ == "||") x = out_->Or(x, And());
    return x;
  }
  int And() {
    int x = Not();
    while (!failed_ && tok_ == "&&") x = out_->And(x, Not());
    return x;
  }
  int Not() {
    Lex();
    if (!failed_ && tok_ == "!") {
      Lex();
      if (!failed_ && tok_ == "!") SetError("double negation not allowed");
      if (failed_) return -1;
      return out_->Not(Atom());
    }
    return Atom();
  }
  int Atom() {
    if (failed_) return -1;
    if (tok_ == "(") {
      int x = Or();
      if (failed_) {
        if (error_ == "unexpected end of expression") error_ = "missing close paren";
        return -1;
      }
      if (tok_ != ")") {
        SetError("missing close paren");
        return -1;
      }
      Lex();
      return x;
    }
    if (!is_tag_) {
      SetError(tok_.empty() ? "unexpected end of expression"
                            : "unexpected token " + std::string(tok_));
      return -1;
    }
    std::string tag(tok_);
    Lex();
    return out_->Tag(std::move(tag));
  }

  void Lex() {
    is_tag_ = false;
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) i_++;
    if (i_ >= s_.size()) {
      tok_ = {};
      return;
    }
    char c = s_[i_];
    if (c == '(' || c == ')' || c == '!') {
      tok_ = s_.substr(i_++, 1);
      return;
    }
    if (c == '&' || c == '|') {
      if (i_ + 1 >= s_.size() || s_[i_ + 1] != c) {
        SetError(std::string("invalid syntax at ") + c);
        tok_ = {};
        return;
      }
      tok_ = s_.substr(i_, 2);
      i_ += 2;
      return;
    }
    size_t n = TagLength(s_.substr(i_));
    if (n == 0) {
      base::DecodedRune r = base::DecodeRune(s_.substr(i_));
      std::string ch;
      base::AppendRune(&ch, r.rune);
      SetError("invalid syntax at " + ch);
      tok_ = {};
      return;
    }
    tok_ = s_.substr(i_, n);
    i_ += n;
    is_tag_ = true;
  }

  std::string_view s_;
  Constraint* out_;
  size_t i_ = 0;
  std::string_view tok_;
  bool is_tag_ = false;
  bool failed_ = false;
  std::string error_;
};

// ParsePlusBuild converts the words of a // +build line: space-separated clauses are
// ORed, comma-separated literals within a clause are ANDed; invalid literals become
// the tag "ignore", as in Go.
void ParsePlusBuild(std::string_view text, Constraint* out) {
  int x = -1;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) i++;
    size_t start = i;
    while (i < text.size() && !IsSpace(text[i])) i++;
    if (start == i) break;
    std::string_view clause = text.substr(start, i - start);
    int y = -1;
    size_t j = 0;
    while (j <= clause.size()) {
      size_t comma = clause.find(',', j);
      if (comma == std::string_view::npos) comma = clause.size();
      std::string_view lit = clause.substr(j, comma - j);
      int z;
      if (lit.starts_with("!!") || lit == "!") {
        z = out->Tag("ignore");
      } else {
        bool neg = lit.starts_with("!");
        if (neg) lit.remove_prefix(1);
        z = !lit.empty() && TagLength(lit) == lit.size() ? out->Tag(std::string(lit))
                                                         : out->Tag("ignore");
        if (neg) z = out->Not(z);
      }
      y = y < 0 ? z : out->And(y, z);
      j = comma + 1;
    }
    x = x < 0 ? y : out->Or(x, y);
  }
  if (x < 0) out->Tag("ignore");
}

}  // namespace

int Constraint::Tag(std::string tag) {
  nodes_.push_back(Node{NodeKind::kTag, std::move(tag), -1, -1});
  return int(nodes_.size()) - 1;
}
int Constraint::Not(int x) {
  nodes_.push_back(Node{NodeKind::kNot, {}, x, -1});
  return int(nodes_.size()) - 1;
}
int Constraint::And(int x, int y) {
  nodes_.push_back(Node{NodeKind::kAnd, {}, x, y});
  return int(nodes_.size()) - 1;
}
int Constraint::Or(int x, int y) {
  nodes_.push_back(Node{NodeKind::kOr, {}, x, y});
  return int(nodes_.size()) - 1;
}

bool Constraint::EvalNode(int i, const std::function<bool(std::string_view)>& ok) const {
  const Node& n = nodes_[size_t(i)];
  switch (n.kind) {
    case NodeKind::kTag:
      return ok(n.tag);
    case NodeKind::kNot:
      return !EvalNode(n.x, ok);
    case NodeKind::kAnd: {
      bool x = EvalNode(n.x, ok);
      bool y = EvalNode(n.y, ok);
      return x && y;
    }
    case NodeKind::kOr: {
      bool x = EvalNode(n.x, ok);
      bool y = EvalNode(n.y, ok);
      return x || y;
    }
  }
  return false;
}

bool Constraint::Eval(const std::function<bool(std::string_view)>& ok) const {
  if (nodes_.empty()) return false;
  return EvalNode(int(nodes_.size()) - 1, ok);
}

std::string Constraint::NodeString(int i, NodeKind parent) const {
  const Node& n = nodes_[size_t(i)];
  switch (n.kind) {
    case NodeKind::kTag:
      return n.tag;
    case NodeKind::kNot:
      return "!" + NodeString(n.x, NodeKind::kNot);
    case NodeKind::kAnd:
    case NodeKind::kOr: {
      std::string op = n.kind == NodeKind::kAnd ? " && " : " || ";
      std::string s = NodeString(n.x, n.kind) + op + NodeString(n.y, n.kind);
      return parent == NodeKind::kTag || parent == n.kind ? s : "(" + s + ")";
    }
  }
  return {};
}

std::string Constraint::String() const {
  if (nodes_.empty()) return {};
  return NodeString(int(nodes_.size()) - 1, NodeKind::kTag);
}

bool IsGoBuild(std::string_view line) {
  std::string_view expr;
  return SplitDirective(line, "//go:build", false, &expr);
}

bool IsPlusBuild(std::string_view line) {
  std::string_view expr;
  return SplitDirective(line, "+build", true, &expr);
}

bool ParseConstraint(std::string_view line, Constraint* out, std::string* err) {
  *out = Constraint();
  std::string_view expr;
  if (SplitDirective(line, "//go:build", false, &expr)) {
    return ExprParser(expr, out).Parse(err);
  }
  if (SplitDirective(line, "+build", true, &expr)) {
    ParsePlusBuild(expr, out);
    return true;
  }
  *err = "not a build constraint";
  return false;
}

}  // namespace gotool::load
