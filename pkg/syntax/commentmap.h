// CommentMap: comment groups associated with the AST nodes they belong to, as
// go/ast's CommentMap (which gofmt -r uses to drop the comments of replaced nodes).
#pragma once

#include <unordered_map>
#include <vector>

#include "pkg/base/arena.h"
#include "pkg/base/pos.h"
#include "pkg/syntax/ast.h"

namespace gotool::syntax {

// CommentMap maps AST nodes to the comment groups associated with them.
class CommentMap {
 public:
  // Find returns the groups associated with n, or nullptr.
  const std::vector<CommentGroup*>* Find(const Node* n) const;
  // Add associates c with n (after any groups already associated with it).
  void Add(const Node* n, CommentGroup* c) { map_[n].push_back(c); }
  // Update moves the groups associated with old_node to new_node, after its own.
  void Update(const Node* old_node, const Node* new_node);
  // Filter returns the entries of the map whose node is in the tree rooted at node.
  CommentMap Filter(Node* node) const;
  // Comments returns every group of the map, in source order.
  std::vector<CommentGroup*> Comments() const;
  // size returns the number of nodes with comments.
  size_t size() const { return map_.size(); }

 private:
  std::unordered_map<const Node*, std::vector<CommentGroup*>> map_;
};

// NewCommentMap associates each group of comments with a node of the tree rooted at
// node, as go/ast's NewCommentMap: a group belongs to the node before it when it starts
// on the line that node ends on, or on the next line with an empty line after the
// group; otherwise to the node after it. Among the candidates, the largest enclosing
// "important" node (File, Field, Decl, Spec or Stmt) ending there wins over the last
// node seen. Positions are resolved in fset (lines //line-adjusted, as go/token's).
CommentMap NewCommentMap(const base::FileSet& fset, Node* node, List<CommentGroup> comments);

// CommentList copies groups into an arena-allocated List (File.Comments' type). The
// list's data is never null: like go/ast's Comments, the result is empty, not nil,
// when there are no groups (go/printer then ignores comments attached to nodes).
List<CommentGroup> CommentList(const std::vector<CommentGroup*>& groups, base::Arena& arena);

}  // namespace gotool::syntax
