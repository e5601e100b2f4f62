// NewCommentMap's association of comment groups with nodes, and the map's Filter and
// Comments, with go/ast's rules.
#include "pkg/syntax/commentmap.h"

#include <algorithm>

#include "pkg/syntax/walk.h"

namespace gotool::syntax {
namespace {

// Resolver resolves positions of one file set, remembering the last file looked up.
// An invalid position resolves to offset 0, line 0 (go/token's zero Position).
class Resolver {
 public:
  explicit Resolver(const base::FileSet& fset) : fset_(fset) {}

  int Offset(base::Pos p) {
    const base::File* f = FileOf(p);
    return f ? f->Offset(p) : 0;
  }
  int Line(base::Pos p) {
    const base::File* f = FileOf(p);
    return f ? f->Line(p) : 0;
  }

 private:
  const base::File* FileOf(base::Pos p) {
    if (!p.IsValid()) return nullptr;
    if (!file_ || p.value() < uint32_t(file_->base()) ||
        p.value() > uint32_t(file_->base() + file_->size())) {
      file_ = fset_.FileFor(p);
    }
    return file_;
  }

  const base::FileSet& fset_;
  const base::File* file_ = nullptr;
};

bool ByPos(const CommentGroup* a, const CommentGroup* b) { return NodePos(a) < NodePos(b); }

// IsNodeGroup reports whether n is an "important" node that comments prefer: a file,
// field, declaration, specification or statement.
bool IsNodeGroup(const Node* n) {
  switch (CategoryOf(n->kind)) {
    case NodeCategory::kDecl:
    case NodeCategory::kSpec:
    case NodeCategory::kStmt: return true;
    default: return n->kind == NodeKind::File || n->kind == NodeKind::Field;
  }
}

// NodeStack holds nested node groups: a node lower on the stack encloses those above.
class NodeStack {
 public:
  // Push pops the nodes that end at or before n starts, then pushes n.
  void Push(Node* n) {
    Pop(NodePos(n));
    nodes_.push_back(n);
  }
  // Pop pops the nodes that end at or before pos and returns the last one popped.
  Node* Pop(base::Pos pos) {
    Node* top = nullptr;
    while (!nodes_.empty() && NodeEnd(nodes_.back()) <= pos) {
      top = nodes_.back();
      nodes_.pop_back();
    }
    return top;
  }

 private:
  std::vector<Node*> nodes_;
};

}  // namespace

const std::vector<CommentGroup*>* CommentMap::Find(const Node* n) const {
  auto it = map_.find(n);
  return it == map_.end() || it->second.empty() ? nullptr : &it->second;
}

void CommentMap::Update(const Node* old_node, const Node* new_node) {
  auto it = map_.find(old_node);
  if (it == map_.end() || it->second.empty()) return;
  std::vector<CommentGroup*> list = std::move(it->second);
  map_.erase(it);
  std::vector<CommentGroup*>& dst = map_[new_node];
  dst.insert(dst.end(), list.begin(), list.end());
}

CommentMap CommentMap::Filter(Node* node) const {
  CommentMap out;
  if (map_.empty()) return out;
  Inspect(node, [&](Node* n) {
    if (n) {
      if (const auto* groups = Find(n)) out.map_[n] = *groups;
    }
    return true;
  });
  return out;
}

std::vector<CommentGroup*> CommentMap::Comments() const {
  std::vector<CommentGroup*> list;
  for (const auto& [node, groups] : map_) list.insert(list.end(), groups.begin(), groups.end());
  std::sort(list.begin(), list.end(), ByPos);
  return list;
}

CommentMap NewCommentMap(const base::FileSet& fset, Node* node, List<CommentGroup> comments) {
  CommentMap cmap;
  if (comments.empty()) return cmap;
  std::vector<CommentGroup*> groups(comments.begin(), comments.end());
  if (!std::is_sorted(groups.begin(), groups.end(), ByPos)) {
    std::sort(groups.begin(), groups.end(), ByPos);
  }
  Resolver resolve(fset);

  // The nodes in source order (ast.Inspect's), without comments; a null sentinel last.
  std::vector<Node*> nodes;
  Inspect(node, [&](Node* n) {
    if (!n || n->kind == NodeKind::CommentGroup || n->kind == NodeKind::Comment) return false;
    nodes.push_back(n);
    return true;
  });
  nodes.push_back(nullptr);

  // Lines are only looked up while a comment is being associated.
  size_t next = 0;  // index of the group after the current one
  CommentGroup* comment = nullptr;
  int cend_offset = 0;
  auto advance = [&] {
    comment = groups[next++];
    cend_offset = resolve.Offset(NodeEnd(comment));
  };
  advance();

  Node* p = nullptr;   // previous node
  Node* pg = nullptr;  // previous node group
  NodeStack stack;
  constexpr int kInfinity = 1 << 30;
  for (Node* q : nodes) {
    int qoffset = q ? resolve.Offset(NodePos(q)) : kInfinity;
    // Associate the comments that end before q starts.
    while (cend_offset <= qoffset) {
      if (Node* top = stack.Pop(NodePos(comment))) pg = top;
      int cline = resolve.Line(NodePos(comment));
      int cend_line = resolve.Line(NodeEnd(comment));
      int qline = q ? resolve.Line(NodePos(q)) : kInfinity;
      // A comment on the line a node (group) ends on, or on the next line when an
      // empty line separates it from q, belongs to that node; the last one gets
      // whatever remains at the end. Else it belongs to q.
      auto after = [&](Node* n) {
        int end_line = resolve.Line(NodeEnd(n));
        return end_line == cline || (end_line + 1 == cline && cend_line + 1 < qline);
      };
      Node* assoc;
      if (pg && after(pg)) {
        assoc = pg;
      } else if (p && (after(p) || !q)) {
        assoc = p;
      } else {
        assoc = q;  // q is not the sentinel: there was no p otherwise
      }
      if (assoc) cmap.Add(assoc, comment);
      if (next >= groups.size()) return cmap;
      advance();
    }
    p = q;
    if (IsNodeGroup(q)) stack.Push(q);
  }
  return cmap;
}

List<CommentGroup> CommentList(const std::vector<CommentGroup*>& groups, base::Arena& arena) {
  List<CommentGroup> list;
  CommentGroup** data = arena.NewArray<CommentGroup*>(groups.size());
  std::copy(groups.begin(), groups.end(), data);
  list.data = data;
  list.size = uint32_t(groups.size());
  return list;
}

}  // namespace gotool::syntax
