// Build constraints (//go:build and // +build lines), as go/build/constraint parses,
// evaluates and prints them. One implementation serves both the printer (gofmt's
// build-line fix-up) and package loading (file selection).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gotool::syntax {

// IsGoBuild reports whether line is a "//go:build" constraint line.
bool IsGoBuild(std::string_view line);

// IsPlusBuild reports whether line is a "// +build" constraint line.
bool IsPlusBuild(std::string_view line);

// BuildConstraint is a parsed constraint expression: tags combined with !, && and
// ||, stored as a flat node vector whose root is the last node added.
class BuildConstraint {
 public:
  enum class Kind : uint8_t { kTag, kNot, kAnd, kOr };

  // Tag, Not, And and Or append a node and return its index.
  int Tag(std::string_view tag);
  int Not(int x);
  int And(int x, int y);
  int Or(int x, int y);

  bool empty() const { return nodes_.empty(); }

  // Eval reports whether the expression holds when ok says which tags are set. Like
  // Go's Eval it evaluates both operands of && and ||, so ok sees every tag.
  bool Eval(const std::function<bool(std::string_view)>& ok) const;

  // String formats the expression as a //go:build line's text ("a && (b || !c)").
  std::string String() const;

  // PlusBuildLines returns equivalent "// +build" lines, or nullopt when the
  // expression is too complex for them (go/build/constraint's PlusBuildLines).
  std::optional<std::vector<std::string>> PlusBuildLines() const;

  // AndOf returns x && y.
  static BuildConstraint AndOf(BuildConstraint x, const BuildConstraint& y);

 private:
  struct Node {
    Kind kind;
    std::string tag;
    int x = -1, y = -1;
  };

  int Add(Node n);
  int root() const { return int(nodes_.size()) - 1; }
  bool EvalNode(int i, const std::function<bool(std::string_view)>& ok) const;
  std::string NodeString(int i) const;
  int PushNot(int i, bool negate);
  void Split(int i, Kind op, std::vector<int>* out) const;

  std::vector<Node> nodes_;
};

// ParseBuildConstraint parses a //go:build or // +build line into *out and returns
// go/build/constraint's error message ("unexpected token y", "missing close paren",
// ...), empty on success. Like Go's Parse, when the only problem is an unexpected
// token after a complete expression ("//go:build linux junk"), *out still holds that
// expression, which gofmt prints; after any other error *out is empty.
std::string ParseBuildConstraint(std::string_view line, BuildConstraint* out);

}  // namespace gotool::syntax
