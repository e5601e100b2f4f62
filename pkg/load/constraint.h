// Build constraints: parsing and evaluating //go:build and // +build lines.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gotool::load {

// Constraint is a parsed build-constraint expression (go/build/constraint's Expr): a
// tree of tags combined with !, && and ||, stored as a flat node vector.
class Constraint {
 public:
  // NodeKind says what a node is.
  enum class NodeKind : uint8_t { kTag, kNot, kAnd, kOr };

  // Node is one expression node; x and y index into nodes (y unused for kNot).
  struct Node {
    NodeKind kind = NodeKind::kTag;
    std::string tag;
    int x = -1;
    int y = -1;
  };

  // Eval reports whether the expression holds when ok says which tags are set. Like
  // Go's Eval it evaluates both operands of && and ||, so ok sees every tag.
  bool Eval(const std::function<bool(std::string_view)>& ok) const;

  // String formats the expression in //go:build syntax ("a && (b || !c)").
  std::string String() const;

  // Tag, Not, And and Or append a node and return its index; the last node added is
  // the root.
  int Tag(std::string tag);
  int Not(int x);
  int And(int x, int y);
  int Or(int x, int y);

  bool empty() const { return nodes_.empty(); }

 private:
  bool EvalNode(int i, const std::function<bool(std::string_view)>& ok) const;
  std::string NodeString(int i, NodeKind parent) const;

  std::vector<Node> nodes_;
};

// IsGoBuild reports whether line is a //go:build constraint line.
bool IsGoBuild(std::string_view line);

// IsPlusBuild reports whether line is a // +build constraint line.
bool IsPlusBuild(std::string_view line);

// ParseConstraint parses a //go:build or // +build line into *out. On a syntax error
// (only //go:build lines can have one) or a line that is neither, it returns false
// and sets *err to go/build/constraint's message.
bool ParseConstraint(std::string_view line, Constraint* out, std::string* err);

}  // namespace gotool::load
