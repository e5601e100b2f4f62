// Applying a rewrite rule to a file: gofmt's apply (bottom-up replacement through the
// fields of every node), match (with wildcards) and subst (copying the replacement).
#include "fmt/rewrite.h"

#include <pthread.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

#include "pkg/base/utf8.h"
#include "pkg/syntax/astcopy.h"
#include "pkg/syntax/commentmap.h"
#include "pkg/syntax/walk.h"

namespace gotool::gofmt {
namespace {

using syntax::Expr;
using syntax::Ident;
using syntax::Node;
using syntax::NodeKind;

struct LowerRange {
  int32_t lo, hi, stride;
};
#include "fmt/rewrite_lower.inc"

// IsLower reports whether r is a lower-case letter, as Go's unicode.IsLower.
bool IsLower(int32_t r) {
  if (r < 0x80) return r >= 'a' && r <= 'z';
  const LowerRange* end = std::end(kLowerRanges);
  const LowerRange* it = std::upper_bound(std::begin(kLowerRanges), end, r,
                                          [](int32_t v, const LowerRange& g) { return v < g.lo; });
  if (it == std::begin(kLowerRanges)) return false;
  --it;
  return r <= it->hi && (r - it->lo) % it->stride == 0;
}

// Bindings records what each wildcard of the pattern matched.
class Bindings {
 public:
  void Clear() { entries_.clear(); }
  const Node* Find(std::string_view name) const {
    for (const auto& [n, x] : entries_) {
      if (n == name) return x;
    }
    return nullptr;
  }
  void Bind(std::string_view name, const Node* x) { entries_.emplace_back(name, x); }

 private:
  std::vector<std::pair<std::string_view, const Node*>> entries_;
};

// Fields is a node's fields, flattened in order; positions are left out.
struct Fields {
  static constexpr int kMax = 16;
  struct Entry {
    enum Tag : uint8_t { kInt, kStr, kChild, kList } tag;
    int64_t i;
    std::string_view s;
    const Node* child;
    const Node* const* list;
    uint32_t size;
  };
  Entry e[kMax];
  int n = 0;

  void Position(base::Pos&) {}
  void Value(std::string_view& s) { e[n++] = {Entry::kStr, 0, s, nullptr, nullptr, 0}; }
  template <class T>
  void Value(T& v) {
    e[n++] = {Entry::kInt, int64_t(v), {}, nullptr, nullptr, 0};
  }
  template <class T>
  void Child(T*& c) {
    e[n++] = {Entry::kChild, 0, {}, c, nullptr, 0};
  }
  template <class T>
  void Children(syntax::List<T>& l) {
    e[n++] = {Entry::kList, 0, {}, nullptr, reinterpret_cast<const Node* const*>(l.data), l.size};
  }
};

void FlattenFields(const Node* n, Fields* f) { syntax::VisitFields(const_cast<Node*>(n), *f); }

// Match reports whether pattern matches x, as gofmt's match: with bindings, a wildcard
// matches any non-null expression (the same one at each of its occurrences) and
// records it; without, the trees must be equal. Positions do not count, identifiers
// compare by name, and f(x) differs from f(x...).
bool Match(Bindings* m, const Node* pattern, const Node* x) {
  if (m && pattern && pattern->kind == NodeKind::Ident && x && x->Is<Expr>()) {
    std::string_view name = static_cast<const Ident*>(pattern)->Name;
    if (IsWildcard(name)) {
      if (const Node* old = m->Find(name)) return Match(nullptr, old, x);
      m->Bind(name, x);
      return true;
    }
  }
  if (!pattern || !x) return pattern == x;
  if (pattern->kind != x->kind) return false;
  switch (pattern->kind) {
    case NodeKind::Ident:
      return static_cast<const Ident*>(pattern)->Name == static_cast<const Ident*>(x)->Name;
    case NodeKind::CallExpr:
      if (static_cast<const syntax::CallExpr*>(pattern)->Ellipsis.IsValid() !=
          static_cast<const syntax::CallExpr*>(x)->Ellipsis.IsValid()) {
        return false;
      }
      break;
    default: break;
  }
  Fields pf, xf;
  FlattenFields(pattern, &pf);
  FlattenFields(x, &xf);
  for (int i = 0; i < pf.n; i++) {
    const Fields::Entry& a = pf.e[i];
    const Fields::Entry& b = xf.e[i];
    switch (a.tag) {
      case Fields::Entry::kInt:
        if (a.i != b.i) return false;
        break;
      case Fields::Entry::kStr:
        if (a.s != b.s) return false;
        break;
      case Fields::Entry::kChild:
        if (!Match(m, a.child, b.child)) return false;
        break;
      case Fields::Entry::kList:
        if (a.size != b.size) return false;
        for (uint32_t j = 0; j < a.size; j++) {
          if (!Match(m, a.list[j], b.list[j])) return false;
        }
        break;
    }
  }
  return true;
}

// Rewriter applies one rule to one file.
class Rewriter {
 public:
  Rewriter(const RewriteRule& rule, base::Arena& arena)
      : pattern_(rule.pattern()), replacement_(rule.replacement()), arena_(arena) {
    auto* id = syntax::DynCast<Ident>(pattern_);
    wildcard_pattern_ = id && IsWildcard(id->Name);
  }

  // Apply rewrites every field of n in place (gofmt's apply).
  void Apply(Node* n);

 private:
  struct ApplyVisitor;
  struct SubstVisitor;

  // Rewrite rewrites x's fields, then returns the replacement if x matches the
  // pattern, or x (gofmt's rewriteVal on a node).
  Node* Rewrite(Node* x) {
    Apply(x);
    if (!x->Is<Expr>()) return x;
    m_.Clear();
    if (!Match(&m_, pattern_, x)) return x;
    return Subst(&m_, replacement_, syntax::NodePos(x));
  }

  // Slot rewrites the child stored in a field declared as T*. As in gofmt, where the
  // field's type cannot hold the replacement (an *ast.Ident field and a call, say),
  // the field keeps its node. A field of interface type is matched again as a whole,
  // which only a pattern that is a single wildcard can match.
  template <class T>
  void Slot(T*& slot) {
    if (!slot) return;
    Node* y = Rewrite(slot);
    if constexpr (std::is_same_v<T, Expr>) {
      slot = static_cast<Expr*>(y);
      if (wildcard_pattern_) {
        m_.Clear();
        m_.Bind(static_cast<const Ident*>(pattern_)->Name, slot);
        slot = static_cast<Expr*>(Subst(&m_, replacement_, syntax::NodePos(slot)));
      }
    } else if constexpr (!syntax::kIsInterfaceSlot<T>) {
      if (y->kind == T::kKind) slot = static_cast<T*>(y);
    }
  }

  // Subst returns a copy of pattern with the wildcards bound in m replaced by copies of
  // their matches and every valid position set to pos (unless pos is invalid).
  Node* Subst(const Bindings* m, const Node* pattern, base::Pos pos);

  const Expr* pattern_;
  const Expr* replacement_;
  base::Arena& arena_;
  bool wildcard_pattern_ = false;
  Bindings m_;
};

struct Rewriter::ApplyVisitor {
  Rewriter* r;
  void Position(base::Pos&) {}
  template <class T>
  void Value(T&) {}
  template <class T>
  void Child(T*& c) {
    r->Slot(c);
  }
  template <class T>
  void Children(syntax::List<T>& l) {
    // Lists are replaced element by element in place, as Go's slices are.
    T** data = const_cast<T**>(l.data);
    for (uint32_t i = 0; i < l.size; i++) r->Slot(data[i]);
  }
};

struct Rewriter::SubstVisitor {
  Rewriter* r;
  const Bindings* m;
  base::Pos pos;
  void Position(base::Pos& p) {
    if (pos.IsValid() && p.IsValid()) p = pos;
  }
  void Value(std::string_view& s) { s = r->arena_.CopyString(s); }
  template <class T>
  void Value(T&) {}
  template <class T>
  void Child(T*& c) {
    if (!c) return;
    Node* y = r->Subst(m, c, pos);
    // A wildcard whose match the field cannot hold (gofmt panics there) stays as is.
    if (!T::Classof(y->kind)) y = r->Subst(nullptr, c, pos);
    c = static_cast<T*>(y);
  }
  template <class T>
  void Children(syntax::List<T>& l) {
    if (l.empty()) return;
    T** data = r->arena_.NewArray<T*>(l.size);
    for (uint32_t i = 0; i < l.size; i++) {
      data[i] = l[i];
      Child(data[i]);
    }
    l.data = data;
  }
};

void Rewriter::Apply(Node* n) {
  ApplyVisitor v{this};
  syntax::VisitFields(n, v);
}

Node* Rewriter::Subst(const Bindings* m, const Node* pattern, base::Pos pos) {
  if (!pattern) return nullptr;
  if (m && pattern->kind == NodeKind::Ident) {
    std::string_view name = static_cast<const Ident*>(pattern)->Name;
    if (IsWildcard(name)) {
      if (const Node* old = m->Find(name)) return Subst(nullptr, old, base::NoPos);
    }
  }
  Node* copy = syntax::CloneNode(pattern, arena_);
  SubstVisitor v{this, m, pos};
  syntax::VisitFields(copy, v);
  return copy;
}

// Trees less deep than this are rewritten on the caller's stack.
constexpr int kShallowDepth = 2000;

// Depth returns the nesting depth of the tree rooted at n.
int Depth(Node* n) {
  int depth = 0, max = 0;
  syntax::Inspect(n, [&](Node* x) {
    if (x) {
      max = std::max(max, ++depth);
    } else {
      depth--;
    }
    return true;
  });
  return max;
}

// ApplyOnBigStack runs rewriter->Apply(file) on a thread with a 1 GiB stack (of which
// only the pages used are touched), or on the caller's if no thread can be started.
void ApplyOnBigStack(Rewriter* rewriter, syntax::File* file) {
  struct Job {
    Rewriter* rewriter;
    syntax::File* file;
  } job{rewriter, file};
  auto run = [](void* arg) -> void* {
    auto* j = static_cast<Job*>(arg);
    j->rewriter->Apply(j->file);
    return nullptr;
  };
  pthread_attr_t attr;
  pthread_t thread;
  bool started = false;
  if (pthread_attr_init(&attr) == 0) {
    pthread_attr_setstacksize(&attr, size_t(1) << 30);
    started = pthread_create(&thread, &attr, run, &job) == 0;
    pthread_attr_destroy(&attr);
  }
  if (started) {
    pthread_join(thread, nullptr);
  } else {
    run(&job);
  }
}

}  // namespace

bool IsWildcard(std::string_view name) {
  base::DecodedRune r = base::DecodeRune(name);
  return size_t(r.width) == name.size() && IsLower(r.rune);
}

RewriteRule::RewriteRule() : fset_(std::make_unique<base::FileSet>()) {}
RewriteRule::~RewriteRule() = default;

void RewriteFile(const RewriteRule& rule, const base::FileSet& fset, syntax::File* file,
                 base::Arena& arena) {
  syntax::CommentMap cmap = syntax::NewCommentMap(fset, file, file->Comments);
  Rewriter rewriter(rule, arena);
  // The rewrite recurses as deep as the tree, which the parser lets nest 10^5 levels.
  if (Depth(file) < kShallowDepth) {
    rewriter.Apply(file);
  } else {
    ApplyOnBigStack(&rewriter, file);
  }
  file->Comments = syntax::CommentList(cmap.Filter(file).Comments(), arena);
}

}  // namespace gotool::gofmt
