// Build constraint lines (//go:build and // +build) as go/build/constraint parses
// and prints them, for the printer's build-line fix-up.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gotool::gofmt {

// IsGoBuild reports whether line is a "//go:build" constraint line.
bool IsGoBuild(std::string_view line);

// IsPlusBuild reports whether line is a "// +build" constraint line.
bool IsPlusBuild(std::string_view line);

// BuildExpr is a parsed build constraint: tags combined with !, && and ||.
class BuildExpr {
 public:
  // Parse parses a //go:build or // +build line; nullopt on a syntax error or when
  // line is not a constraint.
  static std::optional<BuildExpr> Parse(std::string_view line);
  // ParseForPrinter is Parse as go/printer uses it: Go's constraint.Parse returns
  // the expression parsed so far when only an unexpected token follows it (as in
  // "//go:build linux junk"), and gofmt prints that expression, ignoring the error.
  static std::optional<BuildExpr> ParseForPrinter(std::string_view line);
  // And returns x && y.
  static BuildExpr And(BuildExpr x, const BuildExpr& y);

  // String formats the expression as a //go:build line's text does.
  std::string String() const;
  // PlusBuildLines returns equivalent "// +build" lines, or nullopt when the
  // expression is too complex for them.
  std::optional<std::vector<std::string>> PlusBuildLines() const;

 private:
  enum class Kind { kTag, kNot, kAnd, kOr };
  struct Node {
    Kind kind;
    std::string tag;
    int x = -1, y = -1;
  };
  friend class BuildExprParser;

  int Add(Node n) {
    nodes_.push_back(std::move(n));
    return int(nodes_.size() - 1);
  }
  int Tag(std::string_view t) { return Add(Node{Kind::kTag, std::string(t)}); }
  int Not(int x) { return Add(Node{Kind::kNot, {}, x}); }
  int AndOf(int x, int y) { return Add(Node{Kind::kAnd, {}, x, y}); }
  int OrOf(int x, int y) { return Add(Node{Kind::kOr, {}, x, y}); }
  std::string NodeString(int i) const;
  int PushNot(int i, bool negate);
  void SplitAnd(int i, std::vector<int>* out) const;
  void SplitOr(int i, std::vector<int>* out) const;

  std::vector<Node> nodes_;
  int root_ = -1;
};

}  // namespace gotool::gofmt
