// Build constraint lines: recognising, parsing and printing //go:build and // +build.
#include "fmt/buildtag.h"

#include "fmt/doccomment_text.h"
#include "pkg/base/utf8.h"

namespace gotool::gofmt {
namespace {

using doccomment::TrimSpace;

// SplitConstraint strips an optional final newline and the marker from a one-line
// comment, returning the expression text: the marker must be followed by space or
// end the line.
bool SplitAfterMarker(std::string_view rest, std::string_view* expr) {
  std::string_view trim = TrimSpace(rest);
  if (rest.size() == trim.size() && !rest.empty()) return false;
  *expr = trim;
  return true;
}

std::string_view DropNewline(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  return line;
}

bool SplitGoBuild(std::string_view line, std::string_view* expr) {
  line = DropNewline(line);
  if (line.find('\n') != std::string_view::npos || !line.starts_with("//go:build")) return false;
  line = TrimSpace(line).substr(std::string_view("//go:build").size());
  return SplitAfterMarker(line, expr);
}

bool SplitPlusBuild(std::string_view line, std::string_view* expr) {
  line = DropNewline(line);
  if (line.find('\n') != std::string_view::npos || !line.starts_with("//")) return false;
  line = TrimSpace(line.substr(2));
  if (!line.starts_with("+build")) return false;
  return SplitAfterMarker(line.substr(6), expr);
}

// TagLength returns the length of the build tag (letters, digits, '_' and '.') that
// s starts with.
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

}  // namespace

bool IsGoBuild(std::string_view line) {
  std::string_view expr;
  return SplitGoBuild(line, &expr);
}

bool IsPlusBuild(std::string_view line) {
  std::string_view expr;
  return SplitPlusBuild(line, &expr);
}

// BuildExprParser parses the text of a //go:build line (recursive descent over
// ||, &&, ! and parentheses); any syntax error makes the whole parse fail.
class BuildExprParser {
 public:
  BuildExprParser(std::string_view s, BuildExpr* x) : s_(s), x_(x) {}

  // Run parses the whole text. It reports success; *trailing_only is set when the
  // only error is an unexpected token after a complete expression.
  bool Run(bool* trailing_only = nullptr) {
    x_->root_ = Or();
    if (trailing_only != nullptr) *trailing_only = !failed_ && !tok_.empty();
    return !failed_ && tok_.empty();
  }

 private:
  int Fail() {
    failed_ = true;
    tok_ = {};
    is_tag_ = false;
    return -1;
  }
  int Or() {
    int x = And();
    while (!failed_ && tok_ == "||") x = x_->OrOf(x, And());
    return x;
  }
  int And() {
    int x = Not();
    while (!failed_ && tok_ == "&&") x = x_->AndOf(x, Not());
    return x;
  }
  int Not() {
    Lex();
    if (tok_ == "!") {
      Lex();
      if (tok_ == "!") return Fail();  // double negation
      int a = Atom();
      return failed_ ? -1 : x_->Not(a);
    }
    return Atom();
  }
  int Atom() {
    if (failed_) return -1;
    if (tok_ == "(") {
      int x = Or();
      if (failed_ || tok_ != ")") return Fail();
      Lex();
      return x;
    }
    if (!is_tag_) return Fail();
    std::string_view tag = tok_;
    Lex();
    return x_->Tag(tag);
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
    if (c == '&' || c == '|') {
      if (i_ + 1 >= s_.size() || s_[i_ + 1] != c) {
        Fail();
        return;
      }
      tok_ = s_.substr(i_, 2);
      i_ += 2;
      return;
    }
    size_t n = TagLength(s_.substr(i_));
    if (n == 0) {
      Fail();
      return;
    }
    tok_ = s_.substr(i_, n);
    i_ += n;
    is_tag_ = true;
  }

  std::string_view s_;
  BuildExpr* x_;
  size_t i_ = 0;
  std::string_view tok_;
  bool is_tag_ = false;
  bool failed_ = false;
};

std::optional<BuildExpr> BuildExpr::ParseForPrinter(std::string_view line) {
  std::string_view text;
  if (!SplitGoBuild(line, &text)) return Parse(line);
  BuildExpr x;
  BuildExprParser p(text, &x);
  bool trailing_only = false;
  if (!p.Run(&trailing_only) && !trailing_only) return std::nullopt;
  return x;
}

std::optional<BuildExpr> BuildExpr::Parse(std::string_view line) {
  BuildExpr x;
  std::string_view text;
  if (SplitGoBuild(line, &text)) {
    BuildExprParser p(text, &x);
    if (!p.Run()) return std::nullopt;
    return x;
  }
  if (!SplitPlusBuild(line, &text)) return std::nullopt;
  // "// +build" syntax: space-separated OR of comma-separated AND of [!]tag;
  // malformed terms become the tag "ignore".
  int result = -1;
  size_t i = 0;
  while (i < text.size()) {
    // strings.Fields: split at Unicode white space.
    base::DecodedRune r = base::DecodeRune(text.substr(i));
    if (doccomment::IsUnicodeSpace(r.rune)) {
      i += size_t(r.width);
      continue;
    }
    size_t start = i;
    while (i < text.size()) {
      base::DecodedRune q = base::DecodeRune(text.substr(i));
      if (doccomment::IsUnicodeSpace(q.rune)) break;
      i += size_t(q.width);
    }
    std::string_view clause = text.substr(start, i - start);
    int y = -1;
    for (size_t p = 0;;) {
      size_t comma = clause.find(',', p);
      std::string_view lit = clause.substr(p, comma == std::string_view::npos ? comma : comma - p);
      int z;
      if (lit.starts_with("!!") || lit == "!") {
        z = x.Tag("ignore");
      } else {
        bool neg = lit.starts_with("!");
        if (neg) lit.remove_prefix(1);
        z = x.Tag(IsValidTag(lit) ? lit : "ignore");
        if (neg) z = x.Not(z);
      }
      y = y < 0 ? z : x.AndOf(y, z);
      if (comma == std::string_view::npos) break;
      p = comma + 1;
    }
    result = result < 0 ? y : x.OrOf(result, y);
  }
  x.root_ = result < 0 ? x.Tag("ignore") : result;
  return x;
}

BuildExpr BuildExpr::And(BuildExpr x, const BuildExpr& y) {
  int offset = int(x.nodes_.size());
  for (Node n : y.nodes_) {
    if (n.x >= 0) n.x += offset;
    if (n.y >= 0) n.y += offset;
    x.nodes_.push_back(std::move(n));
  }
  x.root_ = x.AndOf(x.root_, y.root_ + offset);
  return x;
}

std::string BuildExpr::NodeString(int i) const {
  const Node& n = nodes_[size_t(i)];
  auto arg = [&](int c, Kind parenthesize) {
    std::string s = NodeString(c);
    return nodes_[size_t(c)].kind == parenthesize ? "(" + s + ")" : s;
  };
  switch (n.kind) {
    case Kind::kTag:
      return n.tag;
    case Kind::kNot: {
      std::string s = NodeString(n.x);
      Kind k = nodes_[size_t(n.x)].kind;
      if (k == Kind::kAnd || k == Kind::kOr) s = "(" + s + ")";
      return "!" + s;
    }
    case Kind::kAnd:
      return arg(n.x, Kind::kOr) + " && " + arg(n.y, Kind::kOr);
    case Kind::kOr:
      return arg(n.x, Kind::kAnd) + " || " + arg(n.y, Kind::kAnd);
  }
  return {};
}

std::string BuildExpr::String() const { return NodeString(root_); }

// PushNot moves negations down to the tags (De Morgan), reusing unchanged subtrees.
int BuildExpr::PushNot(int i, bool negate) {
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
      if (negate) return is_and ? OrOf(x1, y1) : AndOf(x1, y1);
      if (x1 == n.x && y1 == n.y) return i;
      return is_and ? AndOf(x1, y1) : OrOf(x1, y1);
    }
  }
  return i;
}

void BuildExpr::SplitAnd(int i, std::vector<int>* out) const {
  const Node& n = nodes_[size_t(i)];
  if (n.kind == Kind::kAnd) {
    SplitAnd(n.x, out);
    SplitAnd(n.y, out);
  } else {
    out->push_back(i);
  }
}

void BuildExpr::SplitOr(int i, std::vector<int>* out) const {
  const Node& n = nodes_[size_t(i)];
  if (n.kind == Kind::kOr) {
    SplitOr(n.x, out);
    SplitOr(n.y, out);
  } else {
    out->push_back(i);
  }
}

std::optional<std::vector<std::string>> BuildExpr::PlusBuildLines() const {
  BuildExpr copy = *this;
  int root = copy.PushNot(copy.root_, false);
  // Lines are ANDed; each line ORs clauses; each clause ANDs literals.
  using Clause = std::vector<int>;
  std::vector<std::vector<Clause>> split;
  std::vector<int> ands;
  copy.SplitAnd(root, &ands);
  for (int a : ands) {
    std::vector<Clause> line;
    std::vector<int> ors;
    copy.SplitOr(a, &ors);
    for (int o : ors) {
      Clause lits;
      copy.SplitAnd(o, &lits);
      for (int lit : lits) {
        Kind k = copy.nodes_[size_t(lit)].kind;
        if (k != Kind::kTag && k != Kind::kNot) return std::nullopt;
      }
      line.push_back(std::move(lits));
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

}  // namespace gotool::gofmt
