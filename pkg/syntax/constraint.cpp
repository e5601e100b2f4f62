// Build constraints: recognising, parsing, evaluating and printing //go:build and
// // +build lines.
#include "pkg/syntax/constraint.h"

#include <algorithm>

#include "pkg/base/utf8.h"

namespace gotool::syntax {
namespace {

using base::TrimSpace;

// SplitDirective recognises a one-line comment (an optional final newline allowed):
// "//go:build" at its very start, or "+build" after "//" and blanks. A space or the
// end of the line must follow the marker; *expr is the trimmed rest.
bool SplitDirective(std::string_view line, bool plus_build, std::string_view* expr) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (line.find('\n') != std::string_view::npos || !line.starts_with("//")) return false;
  std::string_view marker = plus_build ? "+build" : "//go:build";
  line = plus_build ? TrimSpace(line.substr(2)) : TrimSpace(line);
  if (!line.starts_with(marker)) return false;
  line.remove_prefix(marker.size());
  std::string_view trim = TrimSpace(line);
  if (line.size() == trim.size() && !line.empty()) return false;
  *expr = trim;
  return true;
}

// TagLength returns the length of the tag (letters, digits, '_' and '.') that s
// starts with.
size_t TagLength(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    base::DecodedRune r = base::DecodeRune(s.substr(i));
    if (!base::IsLetter(r.rune) && !base::IsDigit(r.rune) && r.rune != '_' && r.rune != '.') {
      break;
    }
    i += size_t(r.width);
  }
  return i;
}

bool IsValidTag(std::string_view word) { return !word.empty() && TagLength(word) == word.size(); }

// ExprParser parses a //go:build expression by recursive descent:
//   or = and { "||" and };  and = not { "&&" not };  not = "!" atom | atom;
//   atom = tag | "(" or ")".
// The first error wins; nodes made before it stay in *out.
class ExprParser {
 public:
  ExprParser(std::string_view s, BuildConstraint* out) : s_(s), out_(out) {}

  // Run parses the whole text and returns the error message, if any. Only the
  // "unexpected token" error after a complete expression leaves the tree usable.
  std::string Run(bool* tree_complete) {
    Or();
    *tree_complete = !failed_;
    if (!failed_ && !tok_.empty()) SetError("unexpected token " + std::string(tok_));
    return error_;
  }

 private:
  void SetError(std::string message) {
    if (!failed_) error_ = std::move(message);
    failed_ = true;
    tok_ = {};
    is_tag_ = false;
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
    if (failed_ || tok_ != "!") return Atom();
    Lex();
    if (!failed_ && tok_ == "!") SetError("double negation not allowed");
    int x = Atom();
    return failed_ ? -1 : out_->Not(x);
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
    std::string_view tag = tok_;
    Lex();
    return out_->Tag(tag);
  }

  void Lex() {
    if (failed_) return;
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
    if ((c == '&' || c == '|') && i_ + 1 < s_.size() && s_[i_ + 1] == c) {
      tok_ = s_.substr(i_, 2);
      i_ += 2;
      return;
    }
    size_t n = TagLength(s_.substr(i_));
    if (n == 0) {
      std::string bad;
      base::AppendRune(&bad, base::DecodeRune(s_.substr(i_)).rune);
      SetError("invalid syntax at " + bad);
      return;
    }
    tok_ = s_.substr(i_, n);
    i_ += n;
    is_tag_ = true;
  }

  std::string_view s_;
  BuildConstraint* out_;
  size_t i_ = 0;
  std::string_view tok_;
  bool is_tag_ = false;
  bool failed_ = false;
  std::string error_;
};

// ParsePlusBuild converts a // +build line's text: clauses separated by white space
// are ORed, comma-separated literals within a clause ANDed; malformed literals become
// the tag "ignore", as in Go.
void ParsePlusBuild(std::string_view text, BuildConstraint* out) {
  int result = -1;
  size_t i = 0;
  while (i < text.size()) {
    base::DecodedRune r = base::DecodeRune(text.substr(i));
    if (base::IsSpace(r.rune)) {
      i += size_t(r.width);
      continue;
    }
    size_t start = i;
    while (i < text.size()) {
      base::DecodedRune q = base::DecodeRune(text.substr(i));
      if (base::IsSpace(q.rune)) break;
      i += size_t(q.width);
    }
    std::string_view clause = text.substr(start, i - start);
    int y = -1;
    for (size_t p = 0;;) {
      size_t comma = clause.find(',', p);
      std::string_view lit = clause.substr(p, comma == std::string_view::npos ? comma : comma - p);
      int z;
      if (lit.starts_with("!!") || lit == "!") {
        z = out->Tag("ignore");
      } else {
        bool negated = lit.starts_with("!");
        if (negated) lit.remove_prefix(1);
        z = out->Tag(IsValidTag(lit) ? lit : "ignore");
        if (negated) z = out->Not(z);
      }
      y = y < 0 ? z : out->And(y, z);
      if (comma == std::string_view::npos) break;
      p = comma + 1;
    }
    result = result < 0 ? y : out->Or(result, y);
  }
  if (result < 0) out->Tag("ignore");
}

}  // namespace

bool IsGoBuild(std::string_view line) {
  std::string_view expr;
  return SplitDirective(line, false, &expr);
}

bool IsPlusBuild(std::string_view line) {
  std::string_view expr;
  return SplitDirective(line, true, &expr);
}

std::string ParseBuildConstraint(std::string_view line, BuildConstraint* out) {
  *out = BuildConstraint();
  std::string_view text;
  if (SplitDirective(line, false, &text)) {
    bool tree_complete = false;
    std::string error = ExprParser(text, out).Run(&tree_complete);
    if (!tree_complete) *out = BuildConstraint();
    return error;
  }
  if (SplitDirective(line, true, &text)) {
    ParsePlusBuild(text, out);
    return {};
  }
  return "not a build constraint";
}

int BuildConstraint::Add(Node n) {
  nodes_.push_back(std::move(n));
  return root();
}
int BuildConstraint::Tag(std::string_view tag) { return Add(Node{Kind::kTag, std::string(tag)}); }
int BuildConstraint::Not(int x) { return Add(Node{Kind::kNot, {}, x}); }
int BuildConstraint::And(int x, int y) { return Add(Node{Kind::kAnd, {}, x, y}); }
int BuildConstraint::Or(int x, int y) { return Add(Node{Kind::kOr, {}, x, y}); }

bool BuildConstraint::EvalNode(int i, const std::function<bool(std::string_view)>& ok) const {
  const Node& n = nodes_[size_t(i)];
  switch (n.kind) {
    case Kind::kTag:
      return ok(n.tag);
    case Kind::kNot:
      return !EvalNode(n.x, ok);
    case Kind::kAnd:
    case Kind::kOr: {
      bool x = EvalNode(n.x, ok);
      bool y = EvalNode(n.y, ok);
      return n.kind == Kind::kAnd ? x && y : x || y;
    }
  }
  return false;
}

bool BuildConstraint::Eval(const std::function<bool(std::string_view)>& ok) const {
  return !nodes_.empty() && EvalNode(root(), ok);
}

std::string BuildConstraint::NodeString(int i) const {
  const Node& n = nodes_[size_t(i)];
  // An operand is parenthesised when it is the other binary operator, or any binary
  // operator under "!".
  auto operand = [&](int c, Kind parenthesized) {
    std::string s = NodeString(c);
    Kind k = nodes_[size_t(c)].kind;
    bool paren =
        k == parenthesized || (parenthesized == Kind::kNot && (k == Kind::kAnd || k == Kind::kOr));
    return paren ? "(" + s + ")" : s;
  };
  switch (n.kind) {
    case Kind::kTag:
      return n.tag;
    case Kind::kNot:
      return "!" + operand(n.x, Kind::kNot);
    case Kind::kAnd:
      return operand(n.x, Kind::kOr) + " && " + operand(n.y, Kind::kOr);
    case Kind::kOr:
      return operand(n.x, Kind::kAnd) + " || " + operand(n.y, Kind::kAnd);
  }
  return {};
}

std::string BuildConstraint::String() const {
  return nodes_.empty() ? std::string() : NodeString(root());
}

BuildConstraint BuildConstraint::AndOf(BuildConstraint x, const BuildConstraint& y) {
  int x_root = x.root();
  int offset = int(x.nodes_.size());
  for (Node n : y.nodes_) {
    if (n.x >= 0) n.x += offset;
    if (n.y >= 0) n.y += offset;
    x.nodes_.push_back(std::move(n));
  }
  x.And(x_root, y.root() + offset);
  return x;
}

// PushNot moves negations down to the tags (De Morgan), reusing unchanged subtrees.
int BuildConstraint::PushNot(int i, bool negate) {
  Node n = nodes_[size_t(i)];
  switch (n.kind) {
    case Kind::kNot:
      if (nodes_[size_t(n.x)].kind == Kind::kTag && !negate) return i;
      return PushNot(n.x, !negate);
    case Kind::kTag:
      return negate ? Not(i) : i;
    case Kind::kAnd:
    case Kind::kOr: {
      int x1 = PushNot(n.x, negate);
      int y1 = PushNot(n.y, negate);
      bool is_and = n.kind == Kind::kAnd;
      if (negate) return is_and ? Or(x1, y1) : And(x1, y1);
      if (x1 == n.x && y1 == n.y) return i;
      return is_and ? And(x1, y1) : Or(x1, y1);
    }
  }
  return i;
}

// Split appends the operands of a chain of op nodes rooted at i.
void BuildConstraint::Split(int i, Kind op, std::vector<int>* out) const {
  const Node& n = nodes_[size_t(i)];
  if (n.kind != op) {
    out->push_back(i);
    return;
  }
  Split(n.x, op, out);
  Split(n.y, op, out);
}

std::optional<std::vector<std::string>> BuildConstraint::PlusBuildLines() const {
  if (nodes_.empty()) return std::nullopt;
  BuildConstraint copy = *this;
  int root = copy.PushNot(copy.root(), false);  // the argument is read before PushNot adds nodes
  // Lines are ANDed; each line ORs clauses; each clause ANDs literals.
  using Clause = std::vector<int>;
  std::vector<std::vector<Clause>> split;
  std::vector<int> ands;
  copy.Split(root, Kind::kAnd, &ands);
  for (int a : ands) {
    std::vector<Clause> line;
    std::vector<int> ors;
    copy.Split(a, Kind::kOr, &ors);
    for (int o : ors) {
      Clause literals;
      copy.Split(o, Kind::kAnd, &literals);
      for (int lit : literals) {
        Kind k = copy.nodes_[size_t(lit)].kind;
        if (k != Kind::kTag && k != Kind::kNot) return std::nullopt;
      }
      line.push_back(std::move(literals));
    }
    split.push_back(std::move(line));
  }
  size_t max_or = 0;
  for (const auto& line : split) max_or = std::max(max_or, line.size());
  if (max_or == 1) {
    // No ORs at all: one line with one clause of every literal.
    Clause all;
    for (const auto& line : split) all.insert(all.end(), line[0].begin(), line[0].end());
    split = {{all}};
  }
  std::vector<std::string> lines;
  for (const auto& line : split) {
    std::string s = "// +build";
    for (const Clause& clause : line) {
      s += ' ';
      for (size_t i = 0; i < clause.size(); i++) {
        if (i > 0) s += ',';
        s += copy.NodeString(clause[i]);
      }
    }
    lines.push_back(std::move(s));
  }
  return lines;
}

}  // namespace gotool::syntax
